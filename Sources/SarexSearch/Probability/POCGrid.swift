import Foundation
import SarexGeo

/// Probability of containment (POC) per cell: the share of the particles' probability in each cell.
///
/// Cells are either squares of a given size in metres on a `SearchPlane`, or longitude-latitude
/// cells of a given size in degrees (for maps on a geographic grid). The grid covers the particles'
/// bounding box with cell edges at whole multiples of the cell size from the plane origin (or from
/// 0 degrees), so two grids at the same cell size line up. Values sum to 1 over the grid.
public struct POCGrid: Sendable {
  /// How cell coordinates map to the Earth.
  public enum Geometry: Sendable, Hashable {
    /// Square cells of `cellSizeMetres` on the plane; x east, y north, metres.
    case plane(SearchPlane, cellSizeMetres: Double)
    /// Cells of `cellSizeDegrees` in longitude and latitude; x longitude, y latitude, degrees.
    case geographic(cellSizeDegrees: Double)
  }

  /// Which probability a cell holds.
  public enum Weighting: Sendable, Hashable {
    /// The prior: weights only, as drifted (before any search).
    case prior
    /// Conditioned on every search so far having failed: weight x pFail (the Bayesian posterior).
    case posterior
  }

  public let geometry: Geometry
  /// Coordinate of the western (x) and southern (y) edge of cell (0, 0), in the geometry's unit.
  public let originX: Double
  public let originY: Double
  public let columns: Int
  public let rows: Int
  /// Row-major values, `values[row * columns + column]`; row 0 is the southernmost.
  public let values: [Double]

  /// Bins the particles at the snapshot's time.
  /// - Throws: `ProbabilityError` if the cell size is not positive, the grid would exceed
  ///   `maximumCells`, or the weighting leaves no probability (everything detected).
  public init(
    particles: ParticleSnapshot, geometry: Geometry, weighting: Weighting = .posterior,
    maximumCells: Int = 4_000_000
  ) throws(ProbabilityError) {
    let cell: Double
    var xs = [Double](repeating: 0, count: particles.count)
    var ys = xs
    switch geometry {
    case .plane(let plane, let size):
      cell = size
      for i in 0..<particles.count {
        (xs[i], ys[i]) = plane.project(
          longitudeDegrees: particles.longitudesDegrees[i],
          latitudeDegrees: particles.latitudesDegrees[i])
      }
    case .geographic(let size):
      cell = size
      let lon0 = particles.longitudesDegrees[0]
      for i in 0..<particles.count {
        var lon = particles.longitudesDegrees[i]
        lon -= 360 * ((lon - lon0) / 360).rounded()  // keep contiguous across the antimeridian
        xs[i] = lon
        ys[i] = particles.latitudesDegrees[i]
      }
    }
    guard cell > 0, cell.isFinite else {
      throw .invalidParameter(name: "cell size", value: cell, expected: "a positive size")
    }
    guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max()
    else { throw .emptyEnsemble }
    let x0 = (minX / cell).rounded(.down) * cell
    let y0 = (minY / cell).rounded(.down) * cell
    let spanX = ((maxX - x0) / cell).rounded(.down) + 1
    let spanY = ((maxY - y0) / cell).rounded(.down) + 1
    guard spanX * spanY <= Double(maximumCells) else {
      throw .invalidParameter(
        name: "cell size", value: cell,
        expected: "a size giving at most \(maximumCells) cells over the particles' extent")
    }
    let nx = Int(spanX)
    let ny = Int(spanY)
    var v = [Double](repeating: 0, count: nx * ny)
    var total = 0.0
    for i in 0..<particles.count {
      let w =
        weighting == .prior ? particles.weights[i] : particles.weights[i] * particles.pFail[i]
      let cx = min(nx - 1, max(0, Int(((xs[i] - x0) / cell).rounded(.down))))
      let cy = min(ny - 1, max(0, Int(((ys[i] - y0) / cell).rounded(.down))))
      v[cy * nx + cx] += w
      total += w
    }
    guard total > 0 else { throw .emptyEnsemble }
    for k in v.indices { v[k] /= total }
    self.geometry = geometry
    self.originX = x0
    self.originY = y0
    self.columns = nx
    self.rows = ny
    self.values = v
  }

  /// The cell size in the geometry's unit (metres or degrees).
  public var cellSize: Double {
    switch geometry {
    case .plane(_, let s): s
    case .geographic(let s): s
    }
  }

  /// Area of the cells of a row, square metres (rows differ only on a geographic grid).
  public func cellAreaSquareMetres(row: Int) -> Double {
    switch geometry {
    case .plane(_, let s): return s * s
    case .geographic(let s):
      let r = SearchPlane.earthRadiusMetres
      let south = (originY + Double(row) * s) * .pi / 180
      let north = south + s * .pi / 180
      return r * r * (s * .pi / 180) * abs(sin(north) - sin(south))
    }
  }

  /// POC of one cell; 0 outside the grid.
  public subscript(column: Int, row: Int) -> Double {
    guard column >= 0, column < columns, row >= 0, row < rows else { return 0 }
    return values[row * columns + column]
  }

  /// The cell containing a position, if it lies on the grid.
  public func cell(containing point: GeoPoint) -> (column: Int, row: Int)? {
    let (x, y): (Double, Double)
    switch geometry {
    case .plane(let plane, _): (x, y) = plane.project(point)
    case .geographic:
      var lon = point.longitudeDegrees
      lon -= 360 * ((lon - originX) / 360).rounded(.down)
      (x, y) = (lon, point.latitudeDegrees)
    }
    let cx = ((x - originX) / cellSize).rounded(.down)
    let cy = ((y - originY) / cellSize).rounded(.down)
    guard cx >= 0, cy >= 0, cx < Double(columns), cy < Double(rows) else { return nil }
    return (Int(cx), Int(cy))
  }

  /// The centre of a cell on the Earth.
  public func centre(column: Int, row: Int) -> GeoPoint {
    let x = originX + (Double(column) + 0.5) * cellSize
    let y = originY + (Double(row) + 0.5) * cellSize
    switch geometry {
    case .plane(let plane, _): return plane.unproject(x: x, y: y)
    case .geographic: return GeoPoint(longitudeDegrees: x, latitudeDegrees: y)
    }
  }
}
