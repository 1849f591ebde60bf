import Foundation

/// A lookup table from longitude/latitude to grid position, filled at load time with exact
/// values (from PROJ, or from inverting a curvilinear grid) and evaluated per particle, so that
/// no projection runs in the drift loop.
///
/// The table has cells of `step` degrees. Exact values are computed at 3 x 3 nodes per cell
/// (corners, edge midpoints, centre); each cell then stores, in float32, least-squares
/// polynomials in the cell's local coordinates (s, t in [0, 1]): complete quadratics
/// (1, s, t, s², st, t²) for the grid indices, relative to the integer indices nearest the
/// cell's centre (so float32 keeps them to about 3e-7 cell), and a linear fit of the rotation
/// azimuth, stored as cos and sin at s = t = 0 and its two slopes. The residual is third order
/// in `step` for the indices and second order for the angle: for 0.02 degrees on the
/// NorKyst-800 and AROME grids under 1 mm and 1e-7 rad with float32 rounding (see the tests).
/// `floatsPerCell` numbers per cell, contiguous: one lookup reads 72 bytes.
struct LonLatLookupTable: GridLocator {
  let west: Double
  let south: Double
  let step: Double
  let inverseStep: Double
  let cellsX: Int
  let cellsY: Int
  /// West edge of the 360-degree longitude window centred on the table.
  let windowWest: Double
  /// Per cell (row-major by latitude then longitude), `floatsPerCell` floats: the integer base
  /// indices (i, j); the 6 quadratic coefficients of i minus its base; the same for j; cos and
  /// sin of the azimuth at the cell's south-west corner; the azimuth's slopes (radians per unit
  /// s and t). NaN where unknown.
  let cells: [Float]
  static let floatsPerCell = 18

  /// The number of cells of a table covering the box.
  static func size(west: Double, south: Double, east: Double, north: Double, step: Double) -> (
    cellsX: Int, cellsY: Int
  ) {
    (
      max(1, Int(((east - west) / step).rounded(.up))),
      max(1, Int(((north - south) / step).rounded(.up)))
    )
  }

  /// Longitude (degrees) of node column `c` (nodes every `step / 2` from `west`); the same
  /// expression gives latitudes of node rows from `south`.
  @inline(__always)
  static func nodeCoordinate(_ origin: Double, _ c: Int, step: Double) -> Double {
    origin + Double(c) * step / 2
  }

  /// The longitudes and latitudes (degrees) of the nodes (every `step / 2`) of a table of
  /// `cellsX` x `cellsY` cells from (`west`, `south`), row-major by latitude.
  static func layout(west: Double, south: Double, cellsX: Int, cellsY: Int, step: Double) -> (
    cellsX: Int, cellsY: Int, longitudes: [Double], latitudes: [Double]
  ) {
    let nx = 2 * cellsX + 1
    let ny = 2 * cellsY + 1
    var lons = [Double](repeating: 0, count: nx * ny)
    var lats = [Double](repeating: 0, count: nx * ny)
    for r in 0..<ny {
      for c in 0..<nx {
        lons[r * nx + c] = nodeCoordinate(west, c, step: step)
        lats[r * nx + c] = nodeCoordinate(south, r, step: step)
      }
    }
    return (cellsX, cellsY, lons, lats)
  }

  /// A table from exact node values computed at `layout`'s node positions: 4 per node
  /// (i, j, cos azimuth, sin azimuth); NaN where unknown (the cells touching it answer NaN).
  ///
  /// Load-time cost: each node's azimuth (`atan2`) is computed once, not once per cell touching
  /// it; the fits run without allocation, on two threads over halves of the cell rows (each
  /// cell depends only on its own nodes, so the result does not depend on the split).
  init(west: Double, south: Double, step: Double, cellsX: Int, cellsY: Int, nodes: [Double]) {
    self.west = west
    self.south = south
    self.step = step
    inverseStep = 1 / step
    self.cellsX = cellsX
    self.cellsY = cellsY
    windowWest = west + Double(cellsX) * step / 2 - 180
    let quadratic = Self.leastSquares(basis: { s, t in [1, s, t, s * s, s * t, t * t] })
      .flatMap { $0 }
    let linear = Self.leastSquares(basis: { s, t in [1, s, t] }).flatMap { $0 }
    let nodeCount = nodes.count / 4
    let angles = [Double](unsafeUninitializedCapacity: nodeCount) { buffer, initialized in
      for k in 0..<nodeCount { buffer[k] = atan2(nodes[4 * k + 3], nodes[4 * k + 2]) }
      initialized = nodeCount
    }
    let count = cellsX * cellsY * Self.floatsPerCell
    cells = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      nodes.withUnsafeBufferPointer { nodes in
        angles.withUnsafeBufferPointer { angles in
          quadratic.withUnsafeBufferPointer { quadratic in
            linear.withUnsafeBufferPointer { linear in
              let job = CellFitJob(
                nodes: nodes, angles: angles, quadratic: quadratic, linear: linear, out: buffer,
                cellsX: cellsX)
              let parts = cellsY >= 64 ? 2 : 1
              if parts == 1 {
                job.fit(rows: 0..<cellsY)
              } else {
                DispatchQueue.concurrentPerform(iterations: parts) { p in
                  job.fit(rows: (p * cellsY / parts)..<((p + 1) * cellsY / parts))
                }
              }
            }
          }
        }
      }
      initialized = count
    }
  }

  /// The least-squares fit over the 3 x 3 nodes {0, 1/2, 1}^2 (row-major, t outer) as a matrix:
  /// coefficient k = sum over nodes n of matrix[k][n] * value[n].
  static func leastSquares(basis: (Double, Double) -> [Double]) -> [[Double]] {
    var rows: [[Double]] = []
    for b in 0..<3 {
      for a in 0..<3 { rows.append(basis(Double(a) / 2, Double(b) / 2)) }
    }
    let m = rows[0].count
    // Normal equations (A^T A) X = A^T, solved by Gauss-Jordan elimination.
    var system = [[Double]](repeating: [Double](repeating: 0, count: m + 9), count: m)
    for r in 0..<m {
      for c in 0..<m { system[r][c] = (0..<9).reduce(0) { $0 + rows[$1][r] * rows[$1][c] } }
      for n in 0..<9 { system[r][m + n] = rows[n][r] }
    }
    for p in 0..<m {
      let pivot = (p..<m).max { abs(system[$0][p]) < abs(system[$1][p]) } ?? p
      system.swapAt(p, pivot)
      let d = system[p][p]
      for c in 0..<(m + 9) { system[p][c] /= d }
      for r in 0..<m where r != p {
        let f = system[r][p]
        for c in 0..<(m + 9) { system[r][c] -= f * system[p][c] }
      }
    }
    return system.map { Array($0[m...]) }
  }

  /// Where `longitude` (any window) and `latitude` fall in the table, degrees: the cell's
  /// index (clamped into the table) and the local coordinates (s, t) in the cell, and whether
  /// the position is inside the table. The same arithmetic as the batch sampler's.
  @inline(__always)
  func cell(longitude: Double, latitude: Double) -> (index: Int, s: Float, t: Float, inside: Bool) {
    let wrapped = longitude - 360 * ((longitude - windowWest) * (1.0 / 360)).rounded(.down)
    let u = (wrapped - west) * inverseStep
    let v = (latitude - south) * inverseStep
    let width = Double(cellsX)
    let height = Double(cellsY)
    let inside = u >= 0 && u <= width && v >= 0 && v <= height
    let uc = clamp0(u, width)
    let vc = clamp0(v, height)
    let ic = min(clampedFloorIndex(uc), cellsX &- 1)
    let jc = min(clampedFloorIndex(vc), cellsY &- 1)
    return (jc &* cellsX &+ ic, Float(uc - Double(ic)), Float(vc - Double(jc)), inside)
  }

  /// Grid position of one point (tests and single samples); the sampler evaluates the same
  /// polynomials eight particles at a time.
  func locate(longitude: Double, latitude: Double) -> GridPosition {
    let c = cell(longitude: longitude, latitude: latitude)
    return cells.withUnsafeBufferPointer { buffer in
      let q = buffer.baseAddress.unsafelyUnwrapped + c.index &* Self.floatsPerCell
      let e = Self.evaluate(
        SIMD8<Float>(repeating: c.s), SIMD8<Float>(repeating: c.t),
        { SIMD8<Float>(repeating: q[$0]) })
      return GridPosition(
        i: Double(e.iBase[0]) + Double(e.i[0]), j: Double(e.jBase[0]) + Double(e.j[0]),
        cosAzimuth: Double(e.cos[0]), sinAzimuth: Double(e.sin[0]), inside: c.inside)
    }
  }

  /// The cell polynomials at (s, t), eight lanes; `q(k)` gives the eight lanes' k-th number of
  /// their cells. Indices come back as integer base plus local part; all fused multiply-adds,
  /// in the order the C reference kernel (`CLeewayReference`) mirrors.
  @inline(__always)
  static func evaluate(_ s: SIMD8<Float>, _ t: SIMD8<Float>, _ q: (Int) -> SIMD8<Float>) -> (
    iBase: SIMD8<Float>, jBase: SIMD8<Float>, i: SIMD8<Float>, j: SIMD8<Float>,
    cos: SIMD8<Float>, sin: SIMD8<Float>
  ) {
    @inline(__always) func quadratic(_ k: Int) -> SIMD8<Float> {
      // q0 + s (q1 + s q3 + t q4) + t (q2 + t q5)
      let a = q(k + 1).addingProduct(s, q(k + 3)).addingProduct(t, q(k + 4))
      let b = q(k + 2).addingProduct(t, q(k + 5))
      return q(k).addingProduct(s, a).addingProduct(t, b)
    }
    let delta = (q(16) * s).addingProduct(t, q(17))
    // cos and sin of (a0 + delta) with |delta| < 1e-3: 1 - delta^2 / 2 and delta (error < 2e-10).
    let c = 1 - 0.5 * delta * delta
    let c0 = q(14)
    let s0 = q(15)
    return (
      q(0), q(1), quadratic(2), quadratic(8), (c0 * c).addingProduct(-s0, delta),
      (s0 * c).addingProduct(c0, delta)
    )
  }
}
