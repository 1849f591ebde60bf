import Dispatch

/// Runs three independent jobs at once (one per processor while there are free ones) and returns
/// their results; if any throws, the error of the first in argument order is rethrown, so the
/// message does not depend on which job finished first.
///
/// The jobs start in reverse argument order (`c` first): with two processors the first two
/// run at once and the third waits for a free one, so callers pass the longest job last.
///
/// Used for loading wind, current and coastline: each is a file read followed by work on its own
/// arrays (gap fill, lookup tables, the coastline raster). netCDF-C calls still take turns under
/// its library lock; the rest overlaps.
func concurrently<A: Sendable, B: Sendable, C: Sendable>(
  _ a: @Sendable () throws -> A, _ b: @Sendable () throws -> B, _ c: @Sendable () throws -> C
) throws -> (A, B, C) {
  let ra = ResultSlot<A>()
  let rb = ResultSlot<B>()
  let rc = ResultSlot<C>()
  DispatchQueue.concurrentPerform(iterations: 3) { k in
    switch k {
    case 0: rc.result = Result { try c() }
    case 1: rb.result = Result { try b() }
    default: ra.result = Result { try a() }
    }
  }
  guard let x = ra.result, let y = rb.result, let z = rc.result else {
    throw CLIError("Internal error: a concurrent load did not finish.")
  }
  return (try x.get(), try y.get(), try z.get())
}

/// One job's outcome. `@unchecked Sendable`: each slot is written by one job only, and read after
/// `concurrentPerform` has joined every job.
private final class ResultSlot<T>: @unchecked Sendable {
  var result: Result<T, any Error>?
}
