import Foundation

/// Wind at 10 m or surface current from a CF netCDF file, loaded whole into memory at open and
/// sampled in batches exactly as OpenDrift 1.14.12 (`reader_netCDF_CF_generic`, `linearNDFast`)
/// does: bilinear in grid-index space, missing cells near the coast filled by OpenDrift's
/// dilation (`CoastalGapFill`), linear in time between the two bracketing file times in float32
/// arithmetic, then grid-relative components rotated to east/north with OpenDrift's angle.
///
/// Positions outside the grid, times outside the file, and cells more than 10 dilation steps
/// inland answer `valid = false`, never zero.
public struct GriddedVectorField: VectorField {
  /// Which field this is.
  public let kind: VectorFieldKind
  /// The file it was read from.
  public let path: String
  /// Names of the two component variables in the file (x or east, y or north).
  public let componentNames: (x: String, y: String)
  /// True when the file's components follow the grid axes and are rotated to east/north.
  public let isGridRelative: Bool
  /// Grid size.
  public let nx: Int
  public let ny: Int
  /// Times of the file, seconds since 1970 UTC.
  let times: [Double]
  /// Component values (m/s, float32 like OpenDrift's blocks), gap-filled, one plane per file
  /// time t laid out [y][x] with four numbers per node: x and y at t, then x and y at t + 1
  /// (the last time repeated after the last). A sample between t and t + 1 reads one 16-byte
  /// group per node from one plane, and neighbouring nodes share cache lines: the particle
  /// cloud's working set stays in the first-level caches (the node-major layout with the whole
  /// time series per node spread it over a cache line per node).
  let values: [Float]
  /// Floats per plane: nx * ny * 4.
  let planeFloats: Int
  let locator: Locator

  enum Locator: Sendable {
    case regular(RegularLonLatLocator)
    case table(LonLatLookupTable)
  }

  /// A box (degrees) outside which the field never answers a valid sample: the lookup table's
  /// extent for projected and curvilinear grids (the grid's with a margin), the grid's own for
  /// regular longitude/latitude grids. Nil when the grid wraps around the globe.
  /// `init(url:kind:whenBoxKnown:)` hands out the same box before the field is loaded.
  public var geographicBox: LonLatBox? {
    switch locator {
    case .table(let table):
      return LonLatTableExtent(
        west: table.west, south: table.south, step: table.step, cellsX: table.cellsX,
        cellsY: table.cellsY
      ).box
    case .regular(let grid):
      return Self.regularBox(grid, nx: nx, ny: ny)
    }
  }

  /// `geographicBox` of a regular longitude/latitude grid of `nx` x `ny` nodes.
  static func regularBox(_ grid: RegularLonLatLocator, nx: Int, ny: Int) -> LonLatBox? {
    let lastLongitude = grid.firstLongitude + Double(nx - 1) / grid.longitudeScale
    let lastLatitude = grid.firstLatitude + Double(ny - 1) / grid.latitudeScale
    let west = min(grid.firstLongitude, lastLongitude)
    let east = max(grid.firstLongitude, lastLongitude)
    // A grid of (nearly) the whole globe bounds nothing worth cutting to.
    guard east - west < 359 else { return nil }
    return LonLatBox(
      westDegrees: west, eastDegrees: east,
      southDegrees: min(grid.firstLatitude, lastLatitude),
      northDegrees: max(grid.firstLatitude, lastLatitude))
  }

  /// OpenDrift's plausibility limits (`readers/basereader/consts.py`): values beyond are missing.
  static func validMagnitude(_ kind: VectorFieldKind) -> Float {
    kind == .wind10m ? 50 : 15
  }

  /// The file's times.
  public var fileTimes: [Date] { times.map { Date(timeIntervalSince1970: $0) } }

  public var timeCoverage: ClosedRange<Date>? {
    Date(timeIntervalSince1970: times[0])...Date(timeIntervalSince1970: times[times.count - 1])
  }

  /// Opens `url`, finds the `kind` components by CF standard name, checks units, decodes time,
  /// selects the level (10 m wind, shallowest current), reads all times and builds the grid
  /// lookup. Throws `ForcingError` with a sentence naming the file and variable.
  ///
  /// `whenBoxKnown` receives the field's `geographicBox` as soon as it is known (from the grid's
  /// coordinates, long before the planes are read), on another thread, once; it is not called
  /// when the grid is unusable. A caller can start work that depends on where the field is (the
  /// drift's coastline) while the field loads.
  public init(
    url: URL, kind: VectorFieldKind,
    whenBoxKnown: @escaping @Sendable (LonLatBox?) -> Void = { _ in }
  ) throws(ForcingError) {
    do {
      let file = try NetCDFFile(readingFrom: url)
      try self.init(file: file, kind: kind, whenBoxKnown: whenBoxKnown)
    } catch let error as ForcingError {
      throw error
    } catch let error as NetCDFError {
      throw .netCDF(error)
    } catch {
      throw .unsupportedGrid(path: url.path, variable: "?", reason: "\(error)")
    }
  }

  private init(
    file: NetCDFFile, kind: VectorFieldKind, whenBoxKnown: @escaping @Sendable (LonLatBox?) -> Void
  ) throws {
    let source = try CFVectorSource.discover(file: file, kind: kind)
    let grid = try CFGrid.discover(file: file, variable: source.x)
    self.kind = kind
    path = file.path
    componentNames = (source.x.name, source.y.name)
    times = source.times
    let dims = source.x.dimensions
    nx = dims[dims.count - 1].length
    ny = dims[dims.count - 2].length
    // The grid lookup (PROJ and libm: processor work only) is built on its own thread while
    // this one reads the components (mostly inside netCDF-C, under its process-wide lock), so
    // the processors have work while the other field's load holds the lock. Its errors come
    // first, as when it was built before the reads.
    let (path, name, gridNX, gridNY) = (path, source.x.name, nx, ny)
    let gridRelative = source.isGridRelative
    let locating = BackgroundJob { () throws(ForcingError) in
      try Self.makeLocator(
        grid: grid, path: path, variable: name, nx: gridNX, ny: gridNY, gridRelative: gridRelative,
        whenBoxKnown: whenBoxKnown)
    }
    planeFloats = nx * ny * 4
    // Both components write every float of every plane, so the array is not filled first
    // (a 65 MB pass for NorKyst-800's 67 hours).
    var failure: (any Error)? = nil
    let values = [Float](unsafeUninitializedCapacity: planeFloats * source.times.count) {
      buffer, initialized in
      PagePopulation.populate(buffer)
      do {
        // Two threads, from either end of the planes (see `ForcingPlaneLoad`).
        let claims = PlaneClaims(0..<source.times.count)
        let second = ForcingPlaneLoad(
          file: file, source: source, kind: kind, claims: claims, backwards: true, out: buffer)
        let other = BackgroundJob { try second.run() }
        let firstResult = Result {
          try ForcingPlaneLoad(
            file: file, source: source, kind: kind, claims: claims, backwards: false, out: buffer
          ).run()
        }
        let secondResult = Result { try other.wait() }
        try firstResult.get()
        try secondResult.get()
      } catch {
        failure = error
        buffer.initialize(repeating: .nan)
      }
      initialized = buffer.count
    }
    guard let located = locating.outcome() else { throw BackgroundJobError.noResult }
    (locator, isGridRelative) = try located.get()
    if let failure { throw failure }
    self.values = values
  }

  /// The grid lookup for `grid` and whether vectors are rotated from grid axes to east/north;
  /// `whenBoxKnown` gets the lookup's `geographicBox` as soon as its extent is known, before the
  /// lookup is built.
  private static func makeLocator(
    grid: CFGrid, path: String, variable: String, nx: Int, ny: Int, gridRelative: Bool,
    whenBoxKnown: @Sendable (LonLatBox?) -> Void
  ) throws(ForcingError) -> (Locator, Bool) {
    switch grid {
    case .regularLonLat(let lons, let lats):
      guard lons.count == nx, lats.count == ny, nx >= 2, ny >= 2 else {
        throw ForcingError.unsupportedGrid(
          path: path, variable: variable,
          reason: "longitude/latitude sizes do not match the variable")
      }
      let grid = RegularLonLatLocator(longitudes: lons, latitudes: lats)
      whenBoxKnown(regularBox(grid, nx: nx, ny: ny))
      return (.regular(grid), false)
    case .projected(let x, let y, let definition):
      let projection = try Projection(definition: definition, path: path)
      guard let extent = LonLatLookupTable.projectedExtent(x: x, y: y, projection: projection)
      else {
        throw ForcingError.projection(
          path: path, definition: definition,
          reason: "the grid's corners do not map to longitude/latitude")
      }
      whenBoxKnown(extent.box)
      let table = LonLatLookupTable.projected(
        x: x, y: y, projection: projection, gridRelative: gridRelative, extent: extent)
      return (.table(table), gridRelative)
    case .curvilinear(let lons, let lats, let cnx, let cny):
      guard
        let extent = LonLatLookupTable.curvilinearExtent(
          longitudes: lons, latitudes: lats, nx: cnx, ny: cny)
      else {
        throw ForcingError.unsupportedGrid(
          path: path, variable: variable, reason: "its 2-D longitude/latitude are not usable")
      }
      whenBoxKnown(extent.box)
      let table = LonLatLookupTable.curvilinear(
        longitudes: lons, latitudes: lats, nx: cnx, ny: cny, gridRelative: gridRelative,
        extent: extent)
      return (.table(table), gridRelative)
    }
  }

  /// Throws unless the file covers `span` entirely. Call before a run.
  public func validate(covering span: ClosedRange<Date>) throws(ForcingError) {
    guard let available = timeCoverage, available.contains(span.lowerBound),
      available.contains(span.upperBound)
    else {
      throw .timeNotCovered(path: path, requested: span, available: timeCoverage ?? span)
    }
  }
}
