import Foundation

/// Why a file could not be written; the text names the file so a user can fix it.
public enum AtomicFileError: Error, CustomStringConvertible, Equatable {
  /// The temporary file beside the target could not be created (missing directory, no permission).
  case cannotCreate(path: String, reason: String)
  /// Writing the bytes failed (disk full, I/O error).
  case cannotWrite(path: String, reason: String)
  /// The finished temporary file could not be renamed onto the target.
  case cannotRename(from: String, to: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason):
      "cannot create a file beside \(path): \(reason)"
    case .cannotWrite(let path, let reason):
      "cannot write \(path): \(reason)"
    case .cannotRename(let from, let to, let reason):
      "cannot rename \(from) to \(to): \(reason)"
    }
  }
}

/// Writes whole files so that a reader never sees a half-written one: the bytes go to a temporary
/// file in the same directory (same file system, so the rename is atomic), which is flushed and then
/// renamed onto the target. On failure the temporary file is removed and the target is untouched.
public enum AtomicFileWriter {
  /// Writes `text` as UTF-8 to `path`.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes `data` to `path`, replacing any existing file only when all bytes are on disk.
  public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
    let temporary = temporaryPath(besides: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    var failure: AtomicFileError?
    data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
      var offset = 0
      while offset < bytes.count {
        let written = Foundation.write(
          descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = .cannotWrite(path: path, reason: String(cString: strerror(errno)))
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 {
      failure = .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    if close(descriptor) != 0, failure == nil {
      failure = .cannotWrite(path: path, reason: String(cString: strerror(errno)))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
    try commit(temporary: temporary, to: path)
  }

  /// A fresh name in the directory of `path` for a temporary file: hidden, unique per process and
  /// call, and recognisable (`.name.tmp-<pid>-<random>`).
  public static func temporaryPath(besides path: String) -> String {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let name = ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// Renames a finished temporary file onto `path` (atomic on one file system); removes the
  /// temporary file if that fails.
  public static func commit(temporary: String, to path: String) throws(AtomicFileError) {
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw .cannotRename(from: temporary, to: path, reason: reason)
    }
  }
}
