import Foundation

/// Finds the data the repository ships (`data/forcing/...`): from the working directory, or
/// upwards from the executable (`.build/release/sarex` lives two folders below the repository).
struct ShippedData {
  /// The first existing `relativePath` below a candidate root, or an error naming where it looked.
  static func url(_ relativePath: String) throws -> URL {
    var roots = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<5 {
      roots.append(folder)
      folder = folder.deletingLastPathComponent()
    }
    for root in roots {
      let candidate = root.appendingPathComponent(relativePath)
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
    }
    throw CLIError(
      "Cannot find the shipped file \(relativePath): run sarex from the repository folder.")
  }
}
