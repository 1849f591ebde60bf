import Foundation

extension LonLatLookupTable {
  /// Default cell size (degrees) of tables for projected grids; see the accuracy tests.
  static let projectedStep = 0.02

  /// A table for a projected grid with 1-D coordinates `x`, `y` (metres).
  ///
  /// The node values are exactly what OpenDrift computes per particle: the fractional index
  /// (x - x[0]) / (x[last] - x[0]) * (count - 1) of the projected position, and, for
  /// grid-relative vectors, the azimuth on the WGS 84 ellipsoid of the geodesic from the
  /// position to the point 10 m further along the grid's y axis (OpenDrift's
  /// `rotate_vectors`). Everything is computed with PROJ here, at load time.
  ///
  /// The azimuth is computed only where a particle can get a valid sample: at the nodes of
  /// table cells with a node within 2 grid cells of the grid (see
  /// `ProjectedNodeJob.azimuthNeeded`). Elsewhere every position of the cell maps outside the
  /// grid, the sampler answers `valid = false` whatever the angle, and the node keeps azimuth 0.
  static func projected(
    x: [Double], y: [Double], projection: Projection, gridRelative: Bool,
    step: Double = projectedStep
  ) -> LonLatLookupTable? {
    guard let extent = projectedExtent(x: x, y: y, projection: projection, step: step) else {
      return nil
    }
    return projected(x: x, y: y, projection: projection, gridRelative: gridRelative, extent: extent)
  }

  /// The extent of `projected`'s table: the grid's geographic extent (every grid node inverted
  /// with PROJ) widened by a cell and rounded out to whole cells. Nil when no node maps to
  /// longitude/latitude or the grid spans 300 degrees of longitude or more.
  static func projectedExtent(
    x: [Double], y: [Double], projection: Projection, step: Double = projectedStep
  ) -> LonLatTableExtent? {
    var gx: [Double] = []
    var gy: [Double] = []
    gx.reserveCapacity(x.count * y.count)
    gy.reserveCapacity(x.count * y.count)
    for yv in y {
      for xv in x {
        gx.append(xv)
        gy.append(yv)
      }
    }
    projection.inverse(&gx, &gy)
    let lons = gx.filter(\.isFinite)
    let lats = gy.filter(\.isFinite)
    guard let west = lons.min(), let east = lons.max(), let south = lats.min(),
      let north = lats.max(), east - west < 300
    else { return nil }
    let w = ((west - step) / step).rounded(.down) * step
    let s = ((south - step) / step).rounded(.down) * step
    let (cellsX, cellsY) = Self.size(
      west: w, south: s, east: east + step, north: min(north + step, 90), step: step)
    return LonLatTableExtent(west: w, south: s, step: step, cellsX: cellsX, cellsY: cellsY)
  }

  /// `projected`'s table over `extent` (from `projectedExtent` with the same grid and
  /// projection).
  static func projected(
    x: [Double], y: [Double], projection: Projection, gridRelative: Bool,
    extent: LonLatTableExtent
  ) -> LonLatLookupTable {
    let (w, s, step) = (extent.west, extent.south, extent.step)
    let (cellsX, cellsY) = (extent.cellsX, extent.cellsY)
    let nodesX = 2 * cellsX + 1
    let nodesY = 2 * cellsY + 1
    let count = 4 * nodesX * nodesY
    // Two threads over halves of the node rows, each with its own PROJ context (PROJ objects
    // are not to be shared between threads); every node is computed on its own, so the values
    // do not depend on the split.
    var second: Projection? = nil
    if nodesY >= 64 { second = try? Projection(definition: projection.definition, path: "") }
    let nodeCount = nodesX * nodesY
    var projectedX = [Double](repeating: 0, count: nodeCount)
    var projectedY = [Double](repeating: 0, count: nodeCount)
    var nodes = [Double](repeating: 0, count: count)
    nodes.withUnsafeMutableBufferPointer { out in
      projectedX.withUnsafeMutableBufferPointer { px in
        projectedY.withUnsafeMutableBufferPointer { py in
          let job = ProjectedNodeJob(
            out: out, projectedX: px, projectedY: py, x0: x[0], y0: y[0],
            xScale: Double(x.count - 1) / (x[x.count - 1] - x[0]),
            yScale: Double(y.count - 1) / (y[y.count - 1] - y[0]), west: w, south: s, step: step,
            nodesX: nodesX)
          let half = nodesY / 2
          func run(_ body: @Sendable (Range<Int>, Projection) -> Void) {
            if let second {
              ProjectionPair([projection, second]).run { p, projection in
                body(p == 0 ? 0..<half : half..<nodesY, projection)
              }
            } else {
              body(0..<nodesY, projection)
            }
          }
          run { rows, projection in job.indices(rows: rows, projection: projection) }
          guard gridRelative else { return }
          let needed = job.azimuthNeeded(gridNX: x.count, gridNY: y.count, nodesY: nodesY)
          needed.withUnsafeBufferPointer { needed in
            let flags = SendableFlags(flags: needed)
            run { rows, projection in
              job.azimuths(rows: rows, projection: projection, needed: flags.flags)
            }
          }
        }
      }
    }
    return LonLatLookupTable(
      west: w, south: s, step: step, cellsX: cellsX, cellsY: cellsY, nodes: nodes)
  }
}
