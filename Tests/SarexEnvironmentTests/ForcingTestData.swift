import Foundation

/// Where the forcing files for tests are: the repository's cropped copies in data/forcing
/// when present, else the shared originals at ../shared/data/forcing (same names, same
/// structure).
enum ForcingTestData {
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var directory: URL {
    let shipped = repositoryRoot.appendingPathComponent("data/forcing")
    if FileManager.default.fileExists(atPath: shipped.appendingPathComponent(norkyst).path) {
      return shipped
    }
    return repositoryRoot.appendingPathComponent("../shared/data/forcing").standardizedFileURL
  }

  static let norkyst = "norkyst800_subset_16Nov2015.nc"
  static let arome = "arome_subset_16Nov2015.nc"

  static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

  /// A fresh temporary directory for files a test writes.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "sarex-env-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Parses "2015-11-16T06:00:00Z".
  static func date(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text) ?? Date.distantPast
  }
}
