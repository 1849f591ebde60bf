import Foundation

/// Why an output file could not be written; the text names the file.
public enum OutputFileError: Error, CustomStringConvertible, Equatable {
  case cannotWrite(path: String, reason: String)
  case cannotRename(from: String, to: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    case .cannotRename(let from, let to, let reason): "cannot rename \(from) to \(to): \(reason)"
    }
  }
}

/// Temporary-name-then-rename for the drift's outputs. (SarexFormats has the general writer, but
/// Drift sits below Formats in the module graph, so it keeps this small copy.)
enum OutputFile {
  /// A hidden, unique name in the directory of `path`.
  static func temporaryPath(besides path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// Renames `temporary` onto `path`, removing the temporary file on failure.
  static func commit(temporary: String, to path: String) throws(OutputFileError) {
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .cannotRename(from: temporary, to: path, reason: reason)
    }
  }

  /// Writes `data` to a temporary file beside `path`, then renames it onto `path`.
  static func replace(path: String, with data: Data) throws(OutputFileError) {
    let temporary = temporaryPath(besides: path)
    do {
      try data.write(to: URL(fileURLWithPath: temporary))
    } catch {
      unlink(temporary)
      throw .cannotWrite(path: path, reason: (error as NSError).localizedDescription)
    }
    try commit(temporary: temporary, to: path)
  }
}
