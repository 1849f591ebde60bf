import Dispatch
import Foundation

/// A computation started at once on a thread of its own and joined with `wait()`, for work that
/// runs inside a `concurrentPerform` (where nested Dispatch work runs serially on the calling
/// thread).
///
/// `@unchecked Sendable`: `result` is written once by the job's thread before it signals
/// `done`, and read only after `wait()` has received that signal.
final class ResultThread<T: Sendable, E: Error>: @unchecked Sendable {
  private let done = DispatchSemaphore(value: 0)
  private var result: Result<T, E>?

  /// Starts `body` on a new thread (8 MB of stack, as for the main thread).
  init(_ body: @escaping @Sendable () throws(E) -> T) {
    let thread = Thread { [self] in
      result = Result(catching: body)
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Waits for the job to finish and returns its outcome (nil only if the thread ended
  /// without one, which cannot happen). Call once.
  func wait() -> Result<T, E>? {
    done.wait()
    return result
  }
}
