import Foundation

/// Where a drift run writes its products; `nil` skips one.
struct DriftOutputPaths {
  /// Trajectories, CF discrete sampling geometry NetCDF (OpenDrift's layout).
  var trajectories: String?
  /// One row per output time: counts, centroid, 1-sigma ellipse.
  var summary: String?
  /// Final positions as GeoJSON, one MultiPoint per status.
  var finalPositions: String?
  /// The 50 % and 90 % containment areas at the final time, GeoJSON.
  var containment: String?
  /// A map of the final cloud over the coastline (`.svg`, or `.png` through ImageMagick).
  var maps: [String] = []

  /// The standard set of products inside `directory`, created when missing.
  static func standard(in directory: String) throws -> DriftOutputPaths {
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
    } catch {
      throw CLIError("Cannot create the output folder \(directory): \(error.localizedDescription).")
    }
    return named(in: directory)
  }

  /// The standard product paths inside `directory`, without touching the disk.
  static func named(in directory: String) -> DriftOutputPaths {
    let folder = URL(fileURLWithPath: directory)
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
    return DriftOutputPaths(
      trajectories: path("trajectories.nc"), summary: path("summary.csv"),
      finalPositions: path("final-positions.geojson"), containment: path("containment.geojson"),
      maps: [path("drift-map.svg"), path("drift-map.png")])
  }
}
