import Foundation

/// Where the optimal allocation of effort (`PlanBoundCalculator`) puts each unit's hours: the POC
/// cells on the planning plane, their probability-weighted centres and drift relative to the
/// datum, and the hours of each unit in each cell. The optimal planner fits candidate areas to
/// it: a unit's rectangle should cover the cells where the allocation sends that unit.
struct EffortMap: Sendable {
  /// Cell side, metres.
  var cellSize: Double
  /// Integer cell coordinates (x / cellSize and y / cellSize rounded down).
  var cellX: [Int] = []
  var cellY: [Int] = []
  /// Probability-weighted centre of each cell's particles, metres on the plane, and their mean
  /// velocity relative to the datum, metres per second.
  var x: [Double] = []
  var y: [Double] = []
  var vx: [Double] = []
  var vy: [Double] = []
  /// hours[k][i]: hours of unit k in cell i.
  var hours: [[Double]] = []

  init(cellSize: Double) { self.cellSize = cellSize }

  /// The connected groups (8-neighbour) of cells where unit k spends more than `fraction` of
  /// its largest cell's hours, largest total first; each a list of cell indices.
  func clusters(_ k: Int, fraction: Double = 0.02) -> [[Int]] {
    guard k < hours.count, let top = hours[k].max(), top > 0 else { return [] }
    let used = hours[k].indices.filter { hours[k][$0] > fraction * top }
    var index: [Int64: Int] = [:]
    for i in used { index[Int64(cellX[i]) &* 1_000_003 &+ Int64(cellY[i])] = i }
    var seen = Set<Int>()
    var groups: [[Int]] = []
    for start in used where !seen.contains(start) {
      var group: [Int] = []
      var stack = [start]
      seen.insert(start)
      while let i = stack.popLast() {
        group.append(i)
        for dx in -1...1 {
          for dy in -1...1 where dx != 0 || dy != 0 {
            let key = Int64(cellX[i] + dx) &* 1_000_003 &+ Int64(cellY[i] + dy)
            if let j = index[key], !seen.contains(j) {
              seen.insert(j)
              stack.append(j)
            }
          }
        }
      }
      groups.append(group)
    }
    let total = groups.map { g in g.reduce(0) { $0 + hours[k][$1] } }
    return groups.indices.sorted { total[$0] > total[$1] }.map { groups[$0] }
  }
}
