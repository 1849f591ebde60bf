import Foundation

/// A computation started at once on a thread of its own and joined with `wait()`.
///
/// A plain thread rather than Dispatch: loads and seeding already run inside a
/// `concurrentPerform`, where nested Dispatch work runs serially on the calling thread, so it
/// could not overlap the caller's own work. `E` is the job's error type (typed throws kept).
///
/// `@unchecked Sendable`: `result` is written once by the job's thread before it signals
/// `done`, and read only after `wait()` has received that signal.
package final class BackgroundJob<T: Sendable, E: Error>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<T, E>? = nil

  /// Starts `body` on a new thread (8 MB of stack, as for the main thread).
  package init(_ body: @escaping @Sendable () throws(E) -> T) {
    let thread = Thread { [self] in
      result = Result(catching: body)
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Waits for the job to finish and returns its outcome: nil only if the thread signalled
  /// without one, which cannot happen (reported by the caller rather than trapped). Call once:
  /// the job lets go of the outcome, so the caller holds the only reference to a result it
  /// goes on to change (copy-on-write storage is then not copied).
  package func outcome() -> Result<T, E>? {
    done.wait()
    defer { result = nil }
    return result
  }
}

extension BackgroundJob where E == any Error {
  /// Waits for the job to finish and returns its result or rethrows its error. Call once.
  package func wait() throws -> T {
    guard let result = outcome() else { throw BackgroundJobError.noResult }
    return try result.get()
  }
}

/// A job that signalled without a result (cannot happen; reported rather than trapped).
enum BackgroundJobError: Error, CustomStringConvertible {
  case noResult

  var description: String { "Internal error: a background load finished without a result." }
}
