import Foundation

/// A computation started at once on a thread of its own and joined with `wait()`.
///
/// A plain thread rather than Dispatch: loads already run inside a `concurrentPerform`, where
/// nested Dispatch work runs serially on the calling thread, so it could not overlap the reads.
///
/// `@unchecked Sendable`: `result` is written once by the job's thread before it signals
/// `done`, and read only after `wait()` has received that signal.
final class BackgroundJob<T: Sendable>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<T, any Error>? = nil

  /// Starts `body` on a new thread (8 MB of stack, as for the main thread).
  init(_ body: @escaping @Sendable () throws -> T) {
    let thread = Thread { [self] in
      result = Result { try body() }
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Waits for the job to finish and returns its result or rethrows its error. Call once.
  func wait() throws -> T {
    done.wait()
    guard let result else { throw BackgroundJobError.noResult }
    return try result.get()
  }
}

/// A job that signalled without a result (cannot happen; reported rather than trapped).
enum BackgroundJobError: Error, CustomStringConvertible {
  case noResult

  var description: String { "Internal error: a background load finished without a result." }
}
