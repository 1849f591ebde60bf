import Foundation

/// Why a map could not be rendered to PNG.
public enum MapRenderError: Error, CustomStringConvertible, Equatable {
  /// ImageMagick's `convert` (or the named program) is not on PATH.
  case converterNotFound(program: String)
  /// The converter ran and failed; `message` is the end of what it printed.
  case converterFailed(program: String, path: String, status: Int32, message: String)
  case file(AtomicFileError)

  public var description: String {
    switch self {
    case .converterNotFound(let program):
      "cannot write a PNG map: \(program) (ImageMagick) is not installed or not on PATH; "
        + "install the Debian package imagemagick, or write the map as .svg"
    case .converterFailed(let program, let path, let status, let message):
      "cannot write PNG map \(path): \(program) exited with status \(status): \(message)"
    case .file(let error): error.description
    }
  }
}

extension SVGMap {
  /// Renders the map to PNG at `path` with ImageMagick's `convert` (from the SVG, written to a
  /// temporary file beside `path`), replacing `path` only when the PNG is complete.
  public func writePNG(to path: String, program: String = "convert") throws(MapRenderError) {
    guard let executable = Self.findExecutable(program) else {
      throw .converterNotFound(program: program)
    }
    let svgPath = AtomicFileWriter.temporaryPath(besides: path) + ".svg"
    let pngPath = AtomicFileWriter.temporaryPath(besides: path) + ".png"
    defer {
      unlink(svgPath)
      unlink(pngPath)
    }
    do {
      try AtomicFileWriter.write(svgText, to: svgPath)
    } catch {
      throw .file(error)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-background", "white", svgPath, pngPath]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw .converterFailed(
        program: program, path: path, status: -1, message: error.localizedDescription)
    }
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: pngPath) else {
      throw .converterFailed(
        program: program, path: path, status: process.terminationStatus,
        message: String(message.suffix(300)).trimmingCharacters(in: .whitespacesAndNewlines))
    }
    do {
      try AtomicFileWriter.commit(temporary: pngPath, to: path)
    } catch {
      throw .file(error)
    }
  }

  /// The full path of `program`: itself if it contains a slash, else the first executable of
  /// that name on PATH.
  static func findExecutable(_ program: String) -> String? {
    if program.contains("/") {
      return FileManager.default.isExecutableFile(atPath: program) ? program : nil
    }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
