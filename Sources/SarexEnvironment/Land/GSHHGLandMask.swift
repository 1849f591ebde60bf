import Foundation
import SarexGeo

/// Land and sea from the GSHHG shoreline database (Wessel and Smith 1996; version 2.3.7, LGPL),
/// read from GMT's binned NetCDF files as Debian installs them (`gmt-gshhg-full` and friends).
///
/// Matches OpenDrift's default land mask (`roaring_landmask`): land is inside a GSHHG level-1
/// shoreline, and lakes with what lies in them count as land. The answer is exact for the data
/// (crossing parity against the shoreline within its GMT bin, started from the bin's corner node
/// level); GMT stores vertices to 1/65535 of a bin, about 1.7 m north-south at full resolution, so
/// answers can differ from the original polygons only within a couple of metres of the coast.
///
/// Loads the bins that cover a region once; a raster of 256 x 256 cells per bin that a shoreline
/// crosses (busy cells split into 8 x 8 subcells) answers most queries with two table lookups,
/// and the exact test runs only in cells the shoreline passes through, on that cell's few edges.
/// Queries allocate nothing and may run from any number of threads. Outside the covered bins
/// (`coveredRegion`) every position is sea: give a region that covers the drift domain.
public struct GSHHGLandMask: LandMask {
  /// The resolution the mask was read at.
  public let resolution: GSHHGResolution
  /// The part of the earth the mask answers for: the requested region rounded out to whole GMT
  /// bins (1 degree at full resolution).
  public let coveredRegion: LonLatBox
  /// The file it was read from.
  public let path: String

  let cells: GSHHGLandCells
  let shores: GSHHGBinnedShores

  /// Reads the bins of the binned GSHHG file that cover `region`.
  ///
  /// - Parameters:
  ///   - region: the area the mask must answer for (give the drift domain plus a margin).
  ///   - resolution: GSHHG resolution; full by default, as OpenDrift uses.
  ///   - directory: where the `binned_GSHHS_?.nc` files are; Debian's location by default.
  /// - Throws: `GSHHGError` naming the file and the package to install when it is missing or not
  ///   a binned GSHHG file, or when the region is not a valid box.
  public init(
    region: LonLatBox, resolution: GSHHGResolution = .full,
    directory: String = GSHHGResolution.debianDirectory
  ) throws(GSHHGError) {
    try self.init(
      region: region, resolution: resolution, directory: directory, inlineCountLimit: 127)
  }

  /// The same, with the raster's longest inline edge list set (tests lower it to exercise the
  /// long-list path).
  init(
    region: LonLatBox, resolution: GSHHGResolution, directory: String, inlineCountLimit: Int
  ) throws(GSHHGError) {
    let path = (directory as NSString).appendingPathComponent(resolution.fileName)
    let shores = try GSHHGBinnedShores.read(path: path, resolution: resolution, region: region)
    self.resolution = resolution
    self.path = path
    self.shores = shores
    self.coveredRegion = shores.coveredBox
    do {
      self.cells = try GSHHGLandCells(shores: shores, inlineCountLimit: inlineCountLimit)
    } catch {
      throw .malformed(path: path, detail: "a bin has more shoreline edges than 8 million")
    }
  }

  /// True when the position (degrees) is on land: inside a GSHHG level-1 shoreline. Positions
  /// outside `coveredRegion`, and NaN, are sea.
  public func isLand(longitude: Double, latitude: Double) -> Bool {
    cells.isLand(longitude: longitude, latitude: latitude)
  }

  /// Answers `isLand` for many positions at once: `result[k]` for `longitudes[k]`,
  /// `latitudes[k]` (degrees). All three buffers have the same count (extra entries of a
  /// longer one are ignored).
  public func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    result: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, result.count)
    guard n > 0, let lon = longitudes.baseAddress, let lat = latitudes.baseAddress,
      let out = result.baseAddress
    else { return }
    let table = cells
    withExtendedLifetime(table) {
      table.isLand(longitudes: lon, latitudes: lat, skip: nil, result: out, count: n)
    }
  }

  /// The batch `isLand` for the positions whose `skip[k]` is 0; the others answer false.
  public func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    skipping skip: UnsafeBufferPointer<UInt8>, result: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, skip.count, result.count)
    guard n > 0, let lon = longitudes.baseAddress, let lat = latitudes.baseAddress,
      let s = skip.baseAddress, let out = result.baseAddress
    else { return }
    let table = cells
    withExtendedLifetime(table) {
      table.isLand(longitudes: lon, latitudes: lat, skip: s, result: out, count: n)
    }
  }

  /// True when the mask answers for this position (it lies in `coveredRegion`).
  public func covers(longitude: Double, latitude: Double) -> Bool {
    cells.locate(longitude: longitude, latitude: latitude) != nil
  }
}

extension GSHHGLandMask: CustomStringConvertible {
  /// What was loaded, for logs: resolution, region, and the size of the raster cache.
  public var description: String {
    "GSHHG \(resolution) land mask over \(coveredRegion): \(cells.columns * cells.rows) bins, "
      + "\(cells.rasterCount) crossed by shoreline, \(cells.subdividedCellCount) subdivided into 8 x 8, "
      + "\(cells.mixedCellCount) mixed cells and subcells of "
      + "\(GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide) per bin, "
      + "\(cells.edgeCount) edge copies"
  }
}
