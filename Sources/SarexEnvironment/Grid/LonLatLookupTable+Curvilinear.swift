import Foundation

extension LonLatLookupTable {
  /// A table for a curvilinear grid given by 2-D longitudes and latitudes (degrees, row-major
  /// [j][i]). Each table node is located by inverting the bilinear map of the grid cell that
  /// holds it (Newton iterations); the grid's y-axis azimuth comes from WGS 84 geodesics
  /// between neighbouring grid nodes. Cells are a quarter of the grid spacing.
  ///
  /// Approximation: OpenDrift maps positions on such grids by linear interpolation over a
  /// Delaunay triangulation of the grid nodes instead; the two agree at the nodes and differ
  /// inside cells by a fraction of the cell's non-parallelism.
  static func curvilinear(
    longitudes lon: [Double], latitudes lat: [Double], nx: Int, ny: Int, gridRelative: Bool
  ) -> LonLatLookupTable? {
    guard
      let extent = curvilinearExtent(longitudes: lon, latitudes: lat, nx: nx, ny: ny)
    else { return nil }
    return curvilinear(
      longitudes: lon, latitudes: lat, nx: nx, ny: ny, gridRelative: gridRelative, extent: extent)
  }

  /// The extent of `curvilinear`'s table: the grid's longitude/latitude range widened by a cell
  /// of a quarter of the grid spacing. Nil when the sizes do not match, no node is finite, or
  /// the grid spans 300 degrees of longitude or more.
  static func curvilinearExtent(
    longitudes lon: [Double], latitudes lat: [Double], nx: Int, ny: Int
  ) -> LonLatTableExtent? {
    guard nx >= 2, ny >= 2, lon.count == nx * ny, lat.count == nx * ny else { return nil }
    let fl = lon.filter(\.isFinite)
    let fa = lat.filter(\.isFinite)
    guard let west = fl.min(), let east = fl.max(), let south = fa.min(), let north = fa.max(),
      east - west < 300
    else { return nil }
    // A quarter of the smallest typical spacing (degrees), from the grid's first row and column.
    let dx = abs(lon[1] - lon[0]) + abs(lat[1] - lat[0])
    let dy = abs(lon[nx] - lon[0]) + abs(lat[nx] - lat[0])
    let step = max(min(dx, dy) / 4, 1e-4)
    let w = west - step
    let s = south - step
    let (cellsX, cellsY) = Self.size(
      west: w, south: s, east: east + step, north: north + step, step: step)
    return LonLatTableExtent(west: w, south: s, step: step, cellsX: cellsX, cellsY: cellsY)
  }

  /// `curvilinear`'s table over `extent` (from `curvilinearExtent` with the same grid).
  static func curvilinear(
    longitudes lon: [Double], latitudes lat: [Double], nx: Int, ny: Int, gridRelative: Bool,
    extent: LonLatTableExtent
  ) -> LonLatLookupTable {
    let (w, s, step) = (extent.west, extent.south, extent.step)
    let layout = Self.layout(
      west: w, south: s, cellsX: extent.cellsX, cellsY: extent.cellsY, step: step)
    let nodesX = 2 * layout.cellsX + 1
    let half = step / 2
    var nodes = [Double](repeating: .nan, count: 4 * layout.longitudes.count)
    // Azimuth of the grid's j direction at each grid node.
    var cosAz = [Double](repeating: 1, count: nx * ny)
    var sinAz = [Double](repeating: 0, count: nx * ny)
    if gridRelative {
      for j in 0..<ny {
        for i in 0..<nx {
          let a = j > 0 ? (j - 1) * nx + i : i
          let b = j < ny - 1 ? (j + 1) * nx + i : j * nx + i
          let az =
            WGS84Geodesic.azimuthDegrees(lon1: lon[a], lat1: lat[a], lon2: lon[b], lat2: lat[b])
            * .pi / 180
          cosAz[j * nx + i] = cos(az)
          sinAz[j * nx + i] = sin(az)
        }
      }
    }
    /// Locates the table nodes within `margin` degrees of cell (i, j) that are still empty;
    /// `slack` > 0 extends the cell's bilinear map beyond its edges (for the grid's border).
    func fill(cell i: Int, _ j: Int, margin: Double, slack: Double) {
      let k00 = j * nx + i
      let k10 = k00 + 1
      let k01 = k00 + nx
      let k11 = k01 + 1
      let cx = [lon[k00], lon[k10], lon[k01], lon[k11]]
      let cy = [lat[k00], lat[k10], lat[k01], lat[k11]]
      guard cx.allSatisfy(\.isFinite), cy.allSatisfy(\.isFinite), let xMin = cx.min(),
        let xMax = cx.max(), let yMin = cy.min(), let yMax = cy.max()
      else { return }
      let c0 = max(0, Int(((xMin - margin - w) / half).rounded(.down)))
      let c1 = min(nodesX - 1, Int(((xMax + margin - w) / half).rounded(.up)))
      let r0 = max(0, Int(((yMin - margin - s) / half).rounded(.down)))
      let r1 = min(2 * layout.cellsY, Int(((yMax + margin - s) / half).rounded(.up)))
      guard c0 <= c1, r0 <= r1 else { return }
      for r in r0...r1 {
        for c in c0...c1 where nodes[4 * (r * nodesX + c)].isNaN {
          let px = w + Double(c) * half
          let py = s + Double(r) * half
          guard let (u, v) = invertBilinear(cx, cy, px, py, slack: slack) else { continue }
          let n = 4 * (r * nodesX + c)
          nodes[n] = Double(i) + u
          nodes[n + 1] = Double(j) + v
          let w00 = (1 - u) * (1 - v)
          let w10 = u * (1 - v)
          let w01 = (1 - u) * v
          let w11 = u * v
          nodes[n + 2] = w00 * cosAz[k00] + w10 * cosAz[k10] + w01 * cosAz[k01] + w11 * cosAz[k11]
          nodes[n + 3] = w00 * sinAz[k00] + w10 * sinAz[k10] + w01 * sinAz[k01] + w11 * sinAz[k11]
        }
      }
    }
    for j in 0..<(ny - 1) {
      for i in 0..<(nx - 1) { fill(cell: i, j, margin: 0, slack: 1e-9) }
    }
    // Border cells extend their maps a little outwards, so that table cells straddling the
    // grid's edge interpolate smoothly (positions beyond the edge then get indices outside
    // the grid and are reported missing by the sampler, not by a NaN table node).
    for j in 0..<(ny - 1) {
      for i in 0..<(nx - 1) where i == 0 || j == 0 || i == nx - 2 || j == ny - 2 {
        fill(cell: i, j, margin: 2 * step, slack: 0.5)
      }
    }
    return LonLatLookupTable(
      west: w, south: s, step: step, cellsX: layout.cellsX, cellsY: layout.cellsY, nodes: nodes)
  }

  /// (u, v) in [0, 1]^2 with bilinear(corners; u, v) = (px, py), or nil when outside the cell.
  /// Corners are ordered (0,0), (1,0), (0,1), (1,1).
  static func invertBilinear(
    _ x: [Double], _ y: [Double], _ px: Double, _ py: Double, slack: Double = 1e-9
  ) -> (Double, Double)? {
    var u = 0.5
    var v = 0.5
    for _ in 0..<12 {
      let fx =
        x[0] * (1 - u) * (1 - v) + x[1] * u * (1 - v) + x[2] * (1 - u) * v + x[3] * u * v - px
      let fy =
        y[0] * (1 - u) * (1 - v) + y[1] * u * (1 - v) + y[2] * (1 - u) * v + y[3] * u * v - py
      let xu = (x[1] - x[0]) * (1 - v) + (x[3] - x[2]) * v
      let xv = (x[2] - x[0]) * (1 - u) + (x[3] - x[1]) * u
      let yu = (y[1] - y[0]) * (1 - v) + (y[3] - y[2]) * v
      let yv = (y[2] - y[0]) * (1 - u) + (y[3] - y[1]) * u
      let det = xu * yv - xv * yu
      guard det != 0, det.isFinite else { return nil }
      u -= (fx * yv - fy * xv) / det
      v -= (fy * xu - fx * yu) / det
    }
    guard u >= -slack, u <= 1 + slack, v >= -slack, v <= 1 + slack else { return nil }
    return slack < 1e-6 ? (min(max(u, 0), 1), min(max(v, 0), 1)) : (u, v)
  }
}
