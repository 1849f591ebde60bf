import Foundation
import Testing

@testable import SarexSearch

@Suite struct AllocationTests {
  /// Stone, Theory of Optimal Search (Charnes-Cooper allocation, exponential detection): cells of
  /// POC 0.5/0.3/0.2, 10 NM^2 each, 15 NM^2 of effort give 9.757/4.649/0.594 and POS 0.4346.
  @Test func singleSearcherMatchesPublishedAllocation() throws {
    let a = try EffortAllocation.optimal(pocs: [0.5, 0.3, 0.2], areas: [10, 10, 10], effort: 15)
    #expect(abs(a.efforts[0] - 9.757) < 5e-4)
    #expect(abs(a.efforts[1] - 4.649) < 5e-4)
    #expect(abs(a.efforts[2] - 0.594) < 5e-4)
    #expect(abs(a.pos - 0.4346) < 5e-5)
    #expect(abs(a.efforts.reduce(0, +) - 15) < 1e-9)
  }

  @Test func smallEffortSearchesOnlyTheDensestCell() throws {
    let a = try EffortAllocation.optimal(pocs: [0.5, 0.3, 0.2], areas: [10, 10, 10], effort: 2)
    #expect(a.efforts[2] == 0 && a.efforts[1] == 0)  // 2 < 10 ln(5/3) = 5.1
    #expect(abs(a.efforts[0] - 2) < 1e-12)
  }

  /// Washburn's method with one searcher, or two identical searchers sharing the effort, gives the
  /// single-searcher optimum.
  @Test func multipleSearchersReduceToTheSingleSearcherOptimum() throws {
    let pocs = [0.5, 0.3, 0.2]
    let areas = [10.0, 10, 10]
    let one = try MultipleSearcherAllocation.optimal(
      pocs: pocs, areas: areas,
      searchers: [AllocationSearcher(name: "a", hours: 1.5, sweepRates: [10, 10, 10])])
    #expect(abs(one.pos - 0.4346) < 5e-5)
    let two = try MultipleSearcherAllocation.optimal(
      pocs: pocs, areas: areas,
      searchers: [
        AllocationSearcher(name: "a", hours: 0.5, sweepRates: [10, 10, 10]),
        AllocationSearcher(name: "b", hours: 1.0, sweepRates: [10, 10, 10]),
      ])
    #expect(abs(two.pos - one.pos) < 1e-9)
    #expect(abs(two.upperBound - two.pos) < 1e-6)
  }

  /// The bound property: no feasible allocation beats the optimum, and the optimum never exceeds
  /// its dual bound (random heterogeneous cases, random feasible allocations).
  @Test func noFeasibleAllocationExceedsTheOptimumOrTheBound() throws {
    var rng = SplitMix64(seed: 2026)
    for _ in 0..<40 {
      let n = Int.random(in: 2...12, using: &rng)
      let raw = (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
      let pocs = raw.map { $0 / raw.reduce(0, +) }
      let areas = (0..<n).map { _ in Double.random(in: 5...50, using: &rng) }
      let searchers = (0..<Int.random(in: 1...4, using: &rng)).map { k in
        AllocationSearcher(
          name: "u\(k)", hours: Double.random(in: 0.5...6, using: &rng),
          sweepRates: (0..<n).map { _ in
            Double.random(in: 0...1, using: &rng) < 0.2 ? 0 : Double.random(in: 2...80, using: &rng)
          })
      }
      let best = try MultipleSearcherAllocation.optimal(
        pocs: pocs, areas: areas, searchers: searchers)
      #expect(best.pos <= best.upperBound + 1e-12)
      #expect(best.upperBound - best.pos < 1e-4)
      for (k, s) in searchers.enumerated() {
        #expect(
          abs(best.hours[k].reduce(0, +) - s.hours) < 1e-6 || s.sweepRates.allSatisfy { $0 == 0 })
      }
      for _ in 0..<50 {
        let hours = searchers.map { s -> [Double] in
          let split = (0..<n).map { _ in Double.random(in: 0...1, using: &rng) }
          let total = split.reduce(0, +)
          return split.map { $0 / total * s.hours }
        }
        let pos = MultipleSearcherAllocation.pos(
          pocs: pocs, areas: areas, searchers: searchers, hours: hours)
        #expect(pos <= best.pos + 1e-12)
      }
    }
  }

  @Test func mismatchedCellsAreRejected() {
    #expect(throws: PlanningError.countMismatch(field: "areas", expected: 3, actual: 2)) {
      try EffortAllocation.optimal(pocs: [0.5, 0.3, 0.2], areas: [1, 1], effort: 1)
    }
  }
}
