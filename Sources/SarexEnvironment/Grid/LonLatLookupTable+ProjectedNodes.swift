import Foundation

/// Exact node values of a projected grid's lookup table over ranges of node rows, one row at a
/// time (small buffers that stay in cache): the fractional grid indices of each node's projected
/// position and, for grid-relative vectors, the azimuth of the grid's y axis there (see
/// `LonLatLookupTable.projected`). Every node is computed on its own, so the values do not
/// depend on how the rows are split between threads.
///
/// `@unchecked Sendable`: each job writes only its own rows of the buffers, which outlive the
/// `concurrentPerform` that runs the jobs.
struct ProjectedNodeJob: @unchecked Sendable {
  /// 4 numbers per node: i, j, cos azimuth, sin azimuth.
  let out: UnsafeMutableBufferPointer<Double>
  /// Each node's projected position (metres; NaN where PROJ fails).
  let projectedX: UnsafeMutableBufferPointer<Double>
  let projectedY: UnsafeMutableBufferPointer<Double>
  let x0: Double
  let y0: Double
  let xScale: Double
  let yScale: Double
  let west: Double
  let south: Double
  let step: Double
  let nodesX: Int

  /// Projects the nodes of `rows` and stores their fractional grid indices, azimuth 0.
  func indices(rows: Range<Int>, projection: Projection) {
    var px = [Double](repeating: 0, count: nodesX)
    var py = px
    for r in rows {
      let latitude = LonLatLookupTable.nodeCoordinate(south, r, step: step)
      for c in 0..<nodesX {
        px[c] = LonLatLookupTable.nodeCoordinate(west, c, step: step)
        py[c] = latitude
      }
      projection.forward(&px, &py)
      let row = r * nodesX
      for k in 0..<nodesX {
        projectedX[row + k] = px[k]
        projectedY[row + k] = py[k]
        out[4 * (row + k)] = (px[k] - x0) * xScale
        out[4 * (row + k) + 1] = (py[k] - y0) * yScale
        out[4 * (row + k) + 2] = 1
        out[4 * (row + k) + 3] = 0
      }
    }
  }

  /// Per node: whether a table cell holding it may give a valid sample, i.e. some node within
  /// 2 nodes of it (a superset of the nodes of the cells holding it) has indices within 2 grid
  /// cells of the `gridNX` x `gridNY` grid. Positions in a cell interpolate its nodes' indices
  /// (to far below a grid cell), so a cell whose nodes all lie further out maps wholly outside.
  func azimuthNeeded(gridNX: Int, gridNY: Int, nodesY: Int) -> [Bool] {
    let margin = 2.0
    let iMax = Double(gridNX - 1) + margin
    let jMax = Double(gridNY - 1) + margin
    let n = nodesX * nodesY
    var near = [Bool](repeating: false, count: n)
    for k in 0..<n {
      let i = out[4 * k]
      let j = out[4 * k + 1]
      near[k] = i >= -margin && i <= iMax && j >= -margin && j <= jMax
    }
    // Dilate by 2 nodes along rows, then along columns.
    var rowsDilated = [Bool](repeating: false, count: n)
    for r in 0..<nodesY {
      for c in 0..<nodesX where near[r * nodesX + c] {
        for d in max(0, c - 2)...min(nodesX - 1, c + 2) { rowsDilated[r * nodesX + d] = true }
      }
    }
    var needed = [Bool](repeating: false, count: n)
    for r in 0..<nodesY {
      for c in 0..<nodesX where rowsDilated[r * nodesX + c] {
        for d in max(0, r - 2)...min(nodesY - 1, r + 2) { needed[d * nodesX + c] = true }
      }
    }
    return needed
  }

  /// The azimuth (OpenDrift's `rotate_vectors`: the WGS 84 geodesic from the node to the point
  /// 10 m further along the grid's y axis) at the `needed` nodes of `rows`.
  ///
  /// Point 1 is the node itself (OpenDrift's inverse of the forward projection returns it up to
  /// PROJ's round trip, ~1e-14 degree: ~1e-10 rad over the 10 m line); point 2 is PROJ's inverse
  /// of the projected node moved 10 m along y. The geodesic's azimuth over so short a line comes
  /// from `WGS84Geodesic.shortLineAzimuth` (~1e-12 rad from `geod_inverse`).
  func azimuths(rows: Range<Int>, projection: Projection, needed: UnsafeBufferPointer<Bool>) {
    var lon2 = [Double](repeating: 0, count: nodesX)
    var lat2 = lon2
    var at = [Int](repeating: 0, count: nodesX)
    for r in rows {
      let row = r * nodesX
      var m = 0
      for k in 0..<nodesX where needed[row + k] {
        at[m] = row + k
        m += 1
      }
      guard m > 0 else { continue }
      lon2.removeAll(keepingCapacity: true)
      lat2.removeAll(keepingCapacity: true)
      for q in 0..<m {
        lon2.append(projectedX[at[q]])
        lat2.append(projectedY[at[q]] + 10)
      }
      projection.inverse(&lon2, &lat2)
      let latitude = LonLatLookupTable.nodeCoordinate(south, r, step: step)
      for q in 0..<m {
        let longitude = LonLatLookupTable.nodeCoordinate(west, at[q] - row, step: step)
        let direction: (cos: Double, sin: Double)
        if projectedX[at[q]].isFinite {
          direction = WGS84Geodesic.shortLineAzimuth(
            lon1: longitude, lat1: latitude, lon2: lon2[q], lat2: lat2[q])
        } else {
          direction = (.nan, .nan)
        }
        out[4 * at[q] + 2] = direction.cos
        out[4 * at[q] + 3] = direction.sin
      }
    }
  }
}

/// A read-only flag buffer handed to the node jobs. `@unchecked Sendable`: only read, and it
/// outlives the `concurrentPerform` that uses it.
struct SendableFlags: @unchecked Sendable {
  let flags: UnsafeBufferPointer<Bool>
}

/// Two projections (separate PROJ contexts) handed one each to two threads.
///
/// `@unchecked Sendable`: `run` gives each `Projection` to exactly one thread, and a
/// `Projection` owns its PROJ context, so no PROJ object is used by two threads.
struct ProjectionPair: @unchecked Sendable {
  let projections: [Projection]

  init(_ projections: [Projection]) { self.projections = projections }

  /// Runs `body(p, projections[p])` for each projection at once and returns when all are done.
  func run(_ body: @Sendable (Int, Projection) -> Void) {
    DispatchQueue.concurrentPerform(iterations: projections.count) { p in
      body(p, projections[p])
    }
  }
}
