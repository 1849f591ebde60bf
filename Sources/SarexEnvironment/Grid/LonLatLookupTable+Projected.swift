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
  static func projected(
    x: [Double], y: [Double], projection: Projection, gridRelative: Bool,
    step: Double = projectedStep
  ) -> LonLatLookupTable? {
    // Geographic extent of the grid.
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
    let layout = Self.layout(
      west: w, south: s, east: east + step, north: min(north + step, 90), step: step)
    var px = layout.longitudes
    var py = layout.latitudes
    projection.forward(&px, &py)
    let xScale = Double(x.count - 1) / (x[x.count - 1] - x[0])
    let yScale = Double(y.count - 1) / (y[y.count - 1] - y[0])
    let n = px.count
    var nodes = [Double](repeating: .nan, count: 4 * n)
    for k in 0..<n {
      nodes[4 * k] = (px[k] - x[0]) * xScale
      nodes[4 * k + 1] = (py[k] - y[0]) * yScale
      nodes[4 * k + 2] = 1
      nodes[4 * k + 3] = 0
    }
    if gridRelative {
      var lon1 = px
      var lat1 = py
      var lon2 = px
      var lat2 = py.map { $0 + 10 }
      projection.inverse(&lon1, &lat1)
      projection.inverse(&lon2, &lat2)
      for k in 0..<n {
        let azimuth =
          WGS84Geodesic.azimuthDegrees(lon1: lon1[k], lat1: lat1[k], lon2: lon2[k], lat2: lat2[k])
          * .pi / 180
        nodes[4 * k + 2] = cos(azimuth)
        nodes[4 * k + 3] = sin(azimuth)
      }
    }
    return LonLatLookupTable(
      west: w, south: s, step: step, cellsX: layout.cellsX, cellsY: layout.cellsY, nodes: nodes)
  }
}
