/// Traces the boundary of a set of grid cells into simple rings: exteriors counterclockwise,
/// holes clockwise (x east, y north), as RFC 7946 asks of GeoJSON polygons.
///
/// Every cell side between a selected and an unselected cell becomes a directed edge with the
/// selected cell on its left; edges are chained, turning left where two edges leave one vertex
/// (cells touching only at a corner stay separate polygons), and a chain that passes a vertex
/// twice is split there, so every ring is simple (rings may touch each other at a corner, which
/// GeoJSON allows). Collinear vertices are dropped.
struct CellBoundaryTracer {
  /// A polygon in grid-vertex coordinates (vertex (i, j) is the lower-left corner of cell (i, j)).
  struct Polygon {
    var exterior: [(x: Int, y: Int)]
    var holes: [[(x: Int, y: Int)]]
  }

  /// The polygons of the cells where `selected[row * columns + column]` is true.
  static func polygons(selected: [Bool], columns: Int, rows: Int) -> [Polygon] {
    let vertexColumns = columns + 1
    func isSelected(_ column: Int, _ row: Int) -> Bool {
      column >= 0 && column < columns && row >= 0 && row < rows && selected[row * columns + column]
    }
    // Outgoing edges per start vertex (at most two); an edge is stored as its end vertex.
    var outgoing: [Int: [Int]] = [:]
    func addEdge(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
      outgoing[y0 * vertexColumns + x0, default: []].append(y1 * vertexColumns + x1)
    }
    for row in 0..<rows {
      for column in 0..<columns where selected[row * columns + column] {
        if !isSelected(column, row - 1) { addEdge(column, row, column + 1, row) }
        if !isSelected(column + 1, row) { addEdge(column + 1, row, column + 1, row + 1) }
        if !isSelected(column, row + 1) { addEdge(column + 1, row + 1, column, row + 1) }
        if !isSelected(column - 1, row) { addEdge(column, row + 1, column, row) }
      }
    }
    func point(_ vertex: Int) -> (x: Int, y: Int) {
      (vertex % vertexColumns, vertex / vertexColumns)
    }

    var rings: [[(x: Int, y: Int)]] = []
    for start in outgoing.keys.sorted() {
      while let first = outgoing[start]?.first {
        // Follow one closed chain of edges starting with start -> first.
        var chain = [start]
        var previous = start
        var current = first
        remove(&outgoing, from: start, to: first)
        // In-degree equals out-degree at every vertex, so the walk returns to `start`; any
        // pairing of edges at a corner gives rings that touch without crossing.
        while current != start {
          chain.append(current)
          guard let choices = outgoing[current], !choices.isEmpty else { break }
          let next = choices.count == 1 ? choices[0] : leftmost(previous, current, choices, point)
          remove(&outgoing, from: current, to: next)
          previous = current
          current = next
        }
        rings.append(contentsOf: splitAtRepeatedVertices(chain).map { $0.map(point) })
      }
    }

    var exteriors: [[(x: Int, y: Int)]] = []
    var holes: [[(x: Int, y: Int)]] = []
    for ring in rings {
      let simplified = dropCollinear(ring)
      guard simplified.count >= 3 else { continue }
      if twiceSignedArea(simplified) > 0 {
        exteriors.append(simplified)
      } else {
        holes.append(simplified)
      }
    }
    var polygons = exteriors.map { Polygon(exterior: $0, holes: []) }
    for hole in holes {
      // The cell on the left of the hole's first edge is selected, so inside its exterior.
      let a = hole[0]
      let b = hole[1]
      let dx = (b.x - a.x).signum()
      let dy = (b.y - a.y).signum()
      // Cell centre just left of the edge's first unit step, in doubled coordinates.
      let probe = (x: 2 * a.x + dx - dy, y: 2 * a.y + dy + dx)
      if let owner = polygons.indices.filter({ contains(polygons[$0].exterior, doubled: probe) })
        .min(by: {
          abs(twiceSignedArea(polygons[$0].exterior)) < abs(twiceSignedArea(polygons[$1].exterior))
        })
      {
        polygons[owner].holes.append(hole)
      }
    }
    return polygons
  }

  private static func remove(_ outgoing: inout [Int: [Int]], from: Int, to: Int) {
    guard var list = outgoing[from], let index = list.firstIndex(of: to) else { return }
    list.remove(at: index)
    outgoing[from] = list.isEmpty ? nil : list
  }

  /// Of two edges leaving `current`, the one turning most to the left coming from `previous`.
  private static func leftmost(
    _ previous: Int, _ current: Int, _ choices: [Int], _ point: (Int) -> (x: Int, y: Int)
  ) -> Int {
    let p = point(previous)
    let c = point(current)
    let incoming = (x: c.x - p.x, y: c.y - p.y)
    return choices.max { a, b in
      turn(incoming, point(a), c) < turn(incoming, point(b), c)
    }!
  }

  /// +1 for a left turn, 0 straight on, -1 right (unit grid steps never reverse here).
  private static func turn(
    _ incoming: (x: Int, y: Int), _ next: (x: Int, y: Int), _ c: (x: Int, y: Int)
  ) -> Int {
    let out = (x: next.x - c.x, y: next.y - c.y)
    return (incoming.x * out.y - incoming.y * out.x).signum()
  }

  /// Splits a closed vertex chain (first vertex not repeated at the end) into simple loops.
  static func splitAtRepeatedVertices(_ chain: [Int]) -> [[Int]] {
    var loops: [[Int]] = []
    var stack: [Int] = []
    var position: [Int: Int] = [:]
    for vertex in chain + [chain[0]] {
      if let start = position[vertex] {
        let loop = Array(stack[start...])
        for v in loop.dropFirst() { position[v] = nil }
        stack.removeSubrange((start + 1)...)
        if loop.count >= 3 { loops.append(loop) }
      } else {
        position[vertex] = stack.count
        stack.append(vertex)
      }
    }
    return loops
  }

  static func dropCollinear(_ ring: [(x: Int, y: Int)]) -> [(x: Int, y: Int)] {
    var result: [(x: Int, y: Int)] = []
    let count = ring.count
    for index in 0..<count {
      let a = ring[(index + count - 1) % count]
      let b = ring[index]
      let c = ring[(index + 1) % count]
      if (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) != 0 { result.append(b) }
    }
    return result
  }

  static func twiceSignedArea(_ ring: [(x: Int, y: Int)]) -> Int {
    var sum = 0
    for index in ring.indices {
      let a = ring[index]
      let b = ring[(index + 1) % ring.count]
      sum += a.x * b.y - b.x * a.y
    }
    return sum
  }

  /// Even-odd test of a point given in doubled coordinates (never on a grid line).
  static func contains(_ ring: [(x: Int, y: Int)], doubled point: (x: Int, y: Int)) -> Bool {
    var inside = false
    for index in ring.indices {
      let a = ring[index]
      let b = ring[(index + 1) % ring.count]
      let ay = 2 * a.y
      let by = 2 * b.y
      if (ay > point.y) != (by > point.y) {
        // x of the edge at the point's y, compared without division.
        let ax = 2 * a.x
        let bx = 2 * b.x
        let lhs = (point.x - ax) * (by - ay)
        let rhs = (bx - ax) * (point.y - ay)
        if (by > ay) ? lhs < rhs : lhs > rhs { inside.toggle() }
      }
    }
    return inside
  }
}
