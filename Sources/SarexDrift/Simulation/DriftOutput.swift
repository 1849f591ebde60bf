import Foundation

/// One output time of a run, handed to the observer.
///
/// The drift steps a copy of the particles kept in spatial order; `ensemble` puts them back in
/// seeded order (a scatter of every particle, about a millisecond per 100,000) the first time it
/// is read. An observer that needs only the cloud's positions and statuses in any order (a
/// summary) reads `withUnorderedState` and the scatter never runs. Outputs kept beyond the
/// observer call keep their values: the run scatters them before it steps on.
public struct DriftOutput: Sendable {
  /// 0 for the start, then 1, 2, ...
  public let index: Int
  public let time: Date
  /// Seconds since the start (negative in a backward run).
  public let elapsed: TimeInterval
  /// Whether this is the last output of the run.
  public let isFinal: Bool
  let snapshot: OutputSnapshot

  /// The particles at `time`, in seeded order.
  public var ensemble: ParticleEnsemble { snapshot.ensemble() }

  /// Calls `body` with the longitudes and latitudes (degrees) and status codes of all
  /// particles at `time`, in an order of the run's choosing (the same particles as `ensemble`,
  /// possibly permuted). Order-free consumers (counts, moments) avoid the reordering this way.
  public func withUnorderedState<R>(
    _ body: (
      _ longitudesDegrees: UnsafeBufferPointer<Double>,
      _ latitudesDegrees: UnsafeBufferPointer<Double>, _ statusCodes: UnsafeBufferPointer<UInt8>
    ) throws -> R
  ) rethrows -> R {
    if let work = snapshot.liveWork {
      return try withExtendedLifetime(work) {
        try body(
          UnsafeBufferPointer(start: work.longitudeDegrees, count: work.count),
          UnsafeBufferPointer(start: work.latitudeDegrees, count: work.count),
          UnsafeBufferPointer(start: work.status, count: work.count))
      }
    }
    return try ensemble.withColumns { c in
      try body(c.longitudeDegrees, c.latitudeDegrees, c.status)
    }
  }
}

/// The state behind a `DriftOutput`: the drift's working copy while the observer runs, and the
/// seeded-order ensemble once scattered.
///
/// `@unchecked Sendable`: the run creates it, calls the observer and then either scatters it
/// (when the output was kept) or drops it, all on the run's thread; after that it is only read.
final class OutputSnapshot: @unchecked Sendable {
  /// The particles in seeded order as of the last scatter (or as seeded); the current output's
  /// once `scattered`.
  private(set) var target: ParticleEnsemble
  private let work: ParticleColumns
  private let slots: UnsafePointer<Int>
  private let previousPositions: Bool
  private(set) var scattered = false
  /// While true (the observer call), the working copy holds this output's state.
  private var live = true

  init(
    target: ParticleEnsemble, work: ParticleColumns, slots: UnsafePointer<Int>,
    previousPositions: Bool
  ) {
    self.target = target
    self.work = work
    self.slots = slots
    self.previousPositions = previousPositions
  }

  /// The working copy while it still holds this output's state.
  var liveWork: ParticleColumns? { live && !scattered ? work : nil }

  /// The particles at this output in seeded order (scattered on first call).
  func ensemble() -> ParticleEnsemble {
    if !scattered {
      precondition(live, "an output's ensemble was read after its run stepped on")
      target.makeUnique()
      work.scatterDriftState(
        into: target.columns, slots: slots, previousPositions: previousPositions)
      scattered = true
    }
    return target
  }

  /// Ends the observer call, scattering first when `scatter` (the working copy changes from
  /// now on).
  func finish(scatter: Bool) {
    if scatter { _ = ensemble() }
    live = false
  }
}
