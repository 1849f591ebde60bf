import Foundation

/// The benchmark's one-line status on a terminal (`\r`-rewritten); silent when standard error is
/// not a TTY.
struct BenchStatus {
  let enabled = isatty(STDERR_FILENO) == 1

  /// Replaces the line with `text`.
  func show(_ text: String) {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
  }

  /// Clears the line.
  func clear() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}
