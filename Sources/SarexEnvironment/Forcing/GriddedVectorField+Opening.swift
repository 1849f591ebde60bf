import Foundation

extension GriddedVectorField {
  /// A forcing file opened, its components, time axis and grid found and checked, before its
  /// planes are read or its grid lookup is built: the first, quick step of loading a field
  /// (``load()`` is the second). Its `geographicBox` is the loaded field's, known at once, so a
  /// caller can start work that depends on where the field is (the coastline) while the field
  /// loads.
  ///
  /// Not `Sendable` (it holds the open file): load it on the thread that opened it.
  public struct Opening {
    let file: NetCDFFile
    let kind: VectorFieldKind
    let source: CFVectorSource
    let plan: LocatorPlan
    let nx: Int
    let ny: Int

    /// The box of the loaded field's `geographicBox`.
    public var geographicBox: LonLatBox? { plan.box(nx: nx, ny: ny) }

    /// Opens `url` and finds the `kind` components and their grid (see
    /// ``GriddedVectorField/init(url:kind:)``); throws the same errors for a file or grid it
    /// cannot use.
    public init(url: URL, kind: VectorFieldKind) throws(ForcingError) {
      let path = url.path
      let opened = try GriddedVectorField.forcingErrors(path: path) {
        () throws -> (NetCDFFile, CFVectorSource, LocatorPlan, Int, Int) in
        let file = try NetCDFFile(readingFrom: url)
        let source = try CFVectorSource.discover(file: file, kind: kind)
        let grid = try CFGrid.discover(file: file, variable: source.x)
        let dims = source.x.dimensions
        let nx = dims[dims.count - 1].length
        let ny = dims[dims.count - 2].length
        let plan = try LocatorPlan(
          grid: grid, path: file.path, variable: source.x.name, nx: nx, ny: ny)
        return (file, source, plan, nx, ny)
      }
      (file, source, plan, nx, ny) = opened
      self.kind = kind
    }

    /// Reads every time of both components and builds the grid lookup: the loaded field.
    public func load() throws(ForcingError) -> GriddedVectorField {
      try GriddedVectorField.forcingErrors(path: file.path) {
        try GriddedVectorField(opening: self)
      }
    }
  }

  /// Runs `body`, turning its errors into ``ForcingError`` (netCDF errors wrapped, anything else
  /// reported as an unusable grid of the file at `path`).
  static func forcingErrors<T>(path: String, _ body: () throws -> T) throws(ForcingError) -> T {
    do {
      return try body()
    } catch let error as ForcingError {
      throw error
    } catch let error as NetCDFError {
      throw .netCDF(error)
    } catch {
      throw .unsupportedGrid(path: path, variable: "?", reason: "\(error)")
    }
  }
}

/// How a field's grid lookup will be built, checked and with its extent known (cheap: from the
/// grid's coordinates); building it (`locator`) is the expensive part, run beside the reads.
enum LocatorPlan: Sendable {
  case regular(RegularLonLatLocator)
  case projected(x: [Double], y: [Double], definition: String, extent: LonLatTableExtent)
  case curvilinear(
    longitudes: [Double], latitudes: [Double], nx: Int, ny: Int, extent: LonLatTableExtent)

  /// Checks `grid` against the variable's `nx` x `ny` and finds the lookup's extent; throws
  /// what building the lookup used to throw.
  init(grid: CFGrid, path: String, variable: String, nx: Int, ny: Int) throws(ForcingError) {
    switch grid {
    case .regularLonLat(let lons, let lats):
      guard lons.count == nx, lats.count == ny, nx >= 2, ny >= 2 else {
        throw ForcingError.unsupportedGrid(
          path: path, variable: variable,
          reason: "longitude/latitude sizes do not match the variable")
      }
      self = .regular(RegularLonLatLocator(longitudes: lons, latitudes: lats))
    case .projected(let x, let y, let definition):
      let projection = try Projection(definition: definition, path: path)
      guard let extent = LonLatLookupTable.projectedExtent(x: x, y: y, projection: projection)
      else {
        throw ForcingError.projection(
          path: path, definition: definition,
          reason: "the grid's corners do not map to longitude/latitude")
      }
      self = .projected(x: x, y: y, definition: definition, extent: extent)
    case .curvilinear(let lons, let lats, let cnx, let cny):
      guard
        let extent = LonLatLookupTable.curvilinearExtent(
          longitudes: lons, latitudes: lats, nx: cnx, ny: cny)
      else {
        throw ForcingError.unsupportedGrid(
          path: path, variable: variable, reason: "its 2-D longitude/latitude are not usable")
      }
      self = .curvilinear(longitudes: lons, latitudes: lats, nx: cnx, ny: cny, extent: extent)
    }
  }

  /// The loaded field's `geographicBox`.
  func box(nx: Int, ny: Int) -> LonLatBox? {
    switch self {
    case .regular(let grid): return GriddedVectorField.regularBox(grid, nx: nx, ny: ny)
    case .projected(_, _, _, let extent), .curvilinear(_, _, _, _, let extent): return extent.box
    }
  }

  /// The grid lookup and whether vectors are rotated from grid axes to east/north.
  func locator(path: String, gridRelative: Bool) throws(ForcingError) -> (
    GriddedVectorField.Locator, Bool
  ) {
    switch self {
    case .regular(let grid):
      return (.regular(grid), false)
    case .projected(let x, let y, let definition, let extent):
      // A projection of its own: PROJ objects are not shared between threads.
      let projection = try Projection(definition: definition, path: path)
      let table = LonLatLookupTable.projected(
        x: x, y: y, projection: projection, gridRelative: gridRelative, extent: extent)
      return (.table(table), gridRelative)
    case .curvilinear(let lons, let lats, let nx, let ny, let extent):
      let table = LonLatLookupTable.curvilinear(
        longitudes: lons, latitudes: lats, nx: nx, ny: ny, gridRelative: gridRelative,
        extent: extent)
      return (.table(table), gridRelative)
    }
  }
}
