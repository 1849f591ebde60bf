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
  /// ``Opening/geographicBox`` gives the same box before the field is loaded.
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
  /// (``Opening`` then ``Opening/load()`` in two steps.)
  public init(url: URL, kind: VectorFieldKind) throws(ForcingError) {
    self = try Opening(url: url, kind: kind).load()
  }

  /// Reads the planes of `opening` while its grid lookup is built.
  init(opening: Opening) throws {
    let (file, source, kind) = (opening.file, opening.source, opening.kind)
    self.kind = kind
    path = file.path
    componentNames = (source.x.name, source.y.name)
    times = source.times
    (nx, ny) = (opening.nx, opening.ny)
    // The grid lookup (PROJ and libm: processor work only) is built on its own thread while
    // this one reads the components (mostly inside netCDF-C, under its process-wide lock), so
    // the processors have work while the other field's load holds the lock. Its inputs were
    // checked by the opening, so its errors (none expected) still come before the reads'.
    let (path, plan, gridRelative) = (path, opening.plan, source.isGridRelative)
    let locating = BackgroundJob { () throws(ForcingError) in
      try plan.locator(path: path, gridRelative: gridRelative)
    }
    planeFloats = nx * ny * 4
    // Both components write every float of every plane, so the array is not filled first
    // (a 65 MB pass for NorKyst-800's 67 hours).
    var failure: (any Error)? = nil
    let values = [Float](unsafeUninitializedCapacity: planeFloats * source.times.count) {
      buffer, initialized in
      PagePopulation.populate(buffer)
      do {
        // Two threads over the two halves of the planes (see `ForcingPlaneLoad`).
        let nt = source.times.count
        let half = nt / 2
        let second = ForcingPlaneLoad(
          file: file, source: source, kind: kind, planes: half..<nt, out: buffer)
        let other = BackgroundJob { try second.run() }
        let firstResult = Result {
          try ForcingPlaneLoad(
            file: file, source: source, kind: kind, planes: 0..<half, out: buffer
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

  /// Throws unless the file covers `span` entirely. Call before a run.
  public func validate(covering span: ClosedRange<Date>) throws(ForcingError) {
    guard let available = timeCoverage, available.contains(span.lowerBound),
      available.contains(span.upperBound)
    else {
      throw .timeNotCovered(path: path, requested: span, available: timeCoverage ?? span)
    }
  }
}
