import Foundation

/// The order of a run's work as half-steps, and where the workers must meet.
///
/// A run of `steps` calculation steps is the sequence S0, M0, S1, M1, ..., S(steps): half-step
/// 2k (S k) releases due particles, samples the forcing at t_k and classifies (at the final
/// time only the stranding check); half-step 2k + 1 (M k) moves and jibes from t_k to t_k+1
/// with the forcing S k sampled. Particles are independent, so the workers run any stretch of
/// half-steps on their own particles without meeting, except
/// - after S k at an output time (every `stepsPerOutput` steps and at the end): the observer
///   sees all particles at t_k;
/// - before S k at a spatial reordering (every `reorderSteps` steps, not at the end): particles
///   change places, so the sampled forcing must already have been used by M k-1.
///
/// The per-step results are those of running the half-steps one at a time over all particles.
struct StepPlan: Sendable {
  let steps: Int
  let stepsPerOutput: Int
  let reorderSteps: Int
  /// Seconds since 1970 of t_k + dt, the release pass's limit at step k (0...steps - 1).
  private let nextTimes: [Double]
  /// Whether the release pass runs at step k: until the first step whose next time is past
  /// every pending release time (then every particle has been released).
  private let releaseSteps: [Bool]
  /// t_k for k in 0...steps.
  let sampleTimes: [Date]

  /// `time(k)` gives t_k, `releaseDone(next)` whether no release time is left before `next`
  /// (monotonic in the run's direction of time).
  init(
    steps: Int, stepsPerOutput: Int, reorderSteps: Int, dt: TimeInterval, time: (Int) -> Date,
    releaseDone: (Double) -> Bool
  ) {
    self.steps = steps
    self.stepsPerOutput = max(1, stepsPerOutput)
    self.reorderSteps = max(1, reorderSteps)
    sampleTimes = (0...max(steps, 0)).map(time)
    let next = (0...max(steps, 0)).map { time($0).addingTimeInterval(dt).timeIntervalSince1970 }
    nextTimes = next
    var pending = true
    releaseSteps = next.map { limit in
      let releases = pending
      if pending && releaseDone(limit) { pending = false }
      return releases
    }
  }

  /// The last half-step: S steps.
  var lastHalfStep: Int { 2 * steps }

  func nextTime(_ k: Int) -> Double { nextTimes[k] }

  func releases(atStep k: Int) -> Bool { releaseSteps[k] }

  /// Whether the particles are reordered just before half-step `h`.
  func reordersBefore(halfStep h: Int) -> Bool {
    h % 2 == 0 && h / 2 < steps && (h / 2) % reorderSteps == 0
  }

  /// Whether the observer is called just after half-step `h`.
  func outputsAfter(halfStep h: Int) -> Bool {
    h % 2 == 0 && ((h / 2) % stepsPerOutput == 0 || h == lastHalfStep)
  }

  /// The last half-step of the stretch that starts at `h`: the first from `h` on after which
  /// the workers must meet (an output, a reordering next, or the end).
  func segmentEnd(from h: Int) -> Int {
    var end = h
    while end < lastHalfStep && !outputsAfter(halfStep: end)
      && !reordersBefore(halfStep: end + 1)
    {
      end += 1
    }
    return end
  }
}
