import Foundation
import SarexGeo

extension GSHHGLandMask {
  /// The land/sea shoreline (GSHHG level 1, the boundary `isLand` uses) inside `box`, as
  /// polylines of positions in degrees for drawing maps.
  ///
  /// GMT stores shorelines cut at its bin edges; the pieces are joined again, so a coastline
  /// comes back as one polyline per stretch inside the box, cut only where it leaves the box.
  /// Longitudes are given in the box's frame. Only the part of the box inside `coveredRegion` has
  /// shorelines. Lake shores are not included: lakes count as land here.
  public func shorelines(in box: LonLatBox) -> [[GeoPoint]] {
    guard box.problem == nil else { return [] }
    let covered = coveredRegion
    let shift = 360 * ((covered.westDegrees - box.westDegrees) / 360).rounded()
    var result: [[GeoPoint]] = []
    for frame in [shift - 360, shift, shift + 360] {
      let clip = LonLatBox(
        westDegrees: box.westDegrees + frame, eastDegrees: box.eastDegrees + frame,
        southDegrees: box.southDegrees, northDegrees: box.northDegrees)
      guard clip.eastDegrees > covered.westDegrees, clip.westDegrees < covered.eastDegrees else {
        continue
      }
      for line in joinedShorelines(overlapping: clip) {
        for piece in Self.clipped(line, to: clip) {
          result.append(
            piece.map { GeoPoint(longitudeDegrees: $0.x - frame, latitudeDegrees: $0.y) })
        }
      }
    }
    return result
  }

  /// Shoreline segments of the bins overlapping `box` (given in the covered frame), joined where
  /// one ends where the next begins, in degrees.
  func joinedShorelines(overlapping box: LonLatBox) -> [[SIMD2<Double>]] {
    let size = shores.binSizeDegrees
    var pieces: [[SIMD2<Int64>]] = []
    for row in 0..<shores.rows {
      let south = shores.southDegrees + Double(row) * size
      guard south <= box.northDegrees, south + size >= box.southDegrees else { continue }
      for column in 0..<shores.columns {
        let west = shores.westDegrees + Double(column) * size
        guard west <= box.eastDegrees, west + size >= box.westDegrees else { continue }
        let origin = SIMD2<Int64>(Int64(column) * 65535, Int64(row) * 65535)
        for segment in shores.bins[row * shores.columns + column].segments {
          pieces.append(segment.map { origin &+ SIMD2<Int64>(truncatingIfNeeded: $0) })
        }
      }
    }
    var startingAt: [SIMD2<Int64>: [Int]] = [:]
    for (index, piece) in pieces.enumerated() where piece.first != piece.last {
      startingAt[piece[0], default: []].append(index)
    }
    var hasPredecessor = [Bool](repeating: false, count: pieces.count)
    for piece in pieces where piece.first != piece.last {
      for next in startingAt[piece[piece.count - 1]] ?? [] { hasPredecessor[next] = true }
    }
    var used = [Bool](repeating: false, count: pieces.count)
    var lines: [[SIMD2<Int64>]] = []
    func follow(from first: Int) {
      var line = pieces[first]
      used[first] = true
      while line.first != line.last,
        let next = startingAt[line[line.count - 1]]?.first(where: { !used[$0] })
      {
        used[next] = true
        line.append(contentsOf: pieces[next].dropFirst())
      }
      lines.append(line)
    }
    for index in pieces.indices where !used[index] && !hasPredecessor[index] { follow(from: index) }
    for index in pieces.indices where !used[index] { follow(from: index) }

    let step = size / 65535
    return lines.map { line in
      line.map {
        SIMD2(shores.westDegrees + Double($0.x) * step, shores.southDegrees + Double($0.y) * step)
      }
    }
  }

  /// The parts of a polyline inside `box` (Liang-Barsky clipping of each edge).
  static func clipped(_ line: [SIMD2<Double>], to box: LonLatBox) -> [[SIMD2<Double>]] {
    var pieces: [[SIMD2<Double>]] = []
    var current: [SIMD2<Double>] = []
    for k in 1..<max(line.count, 1) {
      let p = line[k - 1]
      let q = line[k]
      guard let (a, b) = clipEdge(p, q, box) else {
        if current.count >= 2 { pieces.append(current) }
        current = []
        continue
      }
      if current.last != a {
        if current.count >= 2 { pieces.append(current) }
        current = [a]
      }
      current.append(b)
      if b != q {
        if current.count >= 2 { pieces.append(current) }
        current = []
      }
    }
    if current.count >= 2 { pieces.append(current) }
    return pieces
  }

  private static func clipEdge(
    _ p: SIMD2<Double>, _ q: SIMD2<Double>, _ box: LonLatBox
  ) -> (SIMD2<Double>, SIMD2<Double>)? {
    var t0 = 0.0
    var t1 = 1.0
    let d = q - p
    let tests: [(Double, Double)] = [
      (-d.x, p.x - box.westDegrees), (d.x, box.eastDegrees - p.x),
      (-d.y, p.y - box.southDegrees), (d.y, box.northDegrees - p.y),
    ]
    for (den, num) in tests {
      if den == 0 {
        if num < 0 { return nil }
      } else {
        let t = num / den
        if den < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
        if t0 > t1 { return nil }
      }
    }
    return (t0 == 0 ? p : p + t0 * d, t1 == 1 ? q : p + t1 * d)
  }
}
