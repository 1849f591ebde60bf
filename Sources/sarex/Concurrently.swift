import Dispatch

/// Runs two independent jobs at once (one per processor while there are free ones) and returns
/// both outcomes: the caller rethrows them in the order it wants, so a message does not depend
/// on which job finished first.
///
/// The jobs start in reverse argument order (`b` first): pass the longer job last.
///
/// Used for loading wind and current: each is a file read followed by work on its own arrays
/// (gap fill, lookup tables). netCDF-C calls still take turns under its library lock; the rest
/// overlaps.
func concurrently<A: Sendable, B: Sendable>(
  _ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B
) -> (Result<A, any Error>, Result<B, any Error>) {
  let ra = ResultSlot<A>()
  let rb = ResultSlot<B>()
  DispatchQueue.concurrentPerform(iterations: 2) { k in
    switch k {
    case 0: rb.result = Result { try b() }
    default: ra.result = Result { try a() }
    }
  }
  let unfinished = CLIError("Internal error: a concurrent load did not finish.")
  return (ra.result ?? .failure(unfinished), rb.result ?? .failure(unfinished))
}

/// One job's outcome. `@unchecked Sendable`: each slot is written by one job only, and read after
/// `concurrentPerform` has joined every job.
private final class ResultSlot<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
