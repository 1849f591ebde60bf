import Foundation

/// A one-line progress display on a terminal (`\r`-rewritten), silent when standard error is not a
/// TTY, so logs and CI output stay clean.
struct ProgressLine {
  private let enabled: Bool
  private let label: String
  private let started = Date()

  init(label: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
    self.label = label
    self.enabled = enabled
  }

  /// Shows `fraction` (0...1) with elapsed time and an estimate of the time left. `detail` is
  /// only evaluated on a terminal (formatting a date every step costs more than the step's
  /// bookkeeping).
  func update(_ fraction: Double, detail: @autoclosure () -> String = "") {
    guard enabled else { return }
    let detail = detail()
    let f = min(max(fraction, 0), 1)
    let width = 30
    let filled = Int((f * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let elapsed = Date().timeIntervalSince(started)
    let left = f > 0.01 ? elapsed * (1 - f) / f : 0
    let text = String(
      format: "\r%@ [%@] %3.0f%%  %.1fs elapsed, %.1fs left %@", label, bar, f * 100, elapsed, left,
      detail)
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Ends the line so later output starts on a fresh line.
  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\n".utf8))
  }
}
