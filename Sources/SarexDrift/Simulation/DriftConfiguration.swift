import Foundation

/// The timing and random settings of a drift run.
public struct DriftConfiguration: Sendable {
  /// Start of the run (for a backward run: the latest time, where it starts).
  public var start: Date
  /// Length of the run in seconds (positive). Rounded up to a whole number of output steps, as
  /// OpenDrift does.
  public var duration: TimeInterval
  /// Calculation time step in seconds; negative runs backward in time.
  public var timeStep: TimeInterval
  /// Interval between output times in seconds (positive), a whole multiple of |timeStep|.
  public var outputStep: TimeInterval
  /// Probability per hour that an object jibes (swaps the side it drifts to); OpenDrift's
  /// default 0.04. 0 switches jibing off.
  public var jibeProbabilityPerHour: Double
  /// Seed of the random numbers drawn during the run (jibing).
  public var randomSeed: UInt64
  /// Number of parallel workers; 0 means one per active processor. Results do not depend on it.
  /// With more than one, the particles are split into up to 8 blocks per worker that
  /// `concurrentPerform` hands out to its threads (one per processor at most).
  public var workerCount: Int

  public init(
    start: Date, duration: TimeInterval, timeStep: TimeInterval = 600,
    outputStep: TimeInterval = 3600, jibeProbabilityPerHour: Double = 0.04,
    randomSeed: UInt64 = 0, workerCount: Int = 0
  ) {
    self.start = start
    self.duration = duration
    self.timeStep = timeStep
    self.outputStep = outputStep
    self.jibeProbabilityPerHour = jibeProbabilityPerHour
    self.randomSeed = randomSeed
    self.workerCount = workerCount
  }

  /// Calculation steps per output step.
  func stepsPerOutput() throws(DriftError) -> Int {
    guard timeStep.isFinite, timeStep != 0 else {
      throw .invalidConfiguration(
        field: "timeStep", value: "\(timeStep) s", expected: "a non-zero number of seconds")
    }
    guard outputStep.isFinite, outputStep > 0 else {
      throw .invalidConfiguration(
        field: "outputStep", value: "\(outputStep) s", expected: "a positive number of seconds")
    }
    let ratio = outputStep / abs(timeStep)
    let rounded = ratio.rounded()
    guard rounded >= 1, abs(ratio - rounded) < 1e-9 * ratio else {
      throw .invalidConfiguration(
        field: "outputStep", value: "\(outputStep) s",
        expected: "a whole multiple of the time step (\(abs(timeStep)) s)")
    }
    return Int(rounded)
  }

  /// Number of output intervals (output times minus one).
  func outputIntervals() throws(DriftError) -> Int {
    guard duration.isFinite, duration > 0 else {
      throw .invalidConfiguration(
        field: "duration", value: "\(duration) s", expected: "a positive number of seconds")
    }
    let ratio = duration / outputStep
    return Int((ratio - 1e-9).rounded(.up))
  }

  /// Jibe probability per calculation step (OpenDrift: hourly probability to a rate, then to
  /// the step length).
  var jibeProbabilityPerStep: Double {
    guard jibeProbabilityPerHour > 0 else { return 0 }
    guard jibeProbabilityPerHour < 1 else { return 1 }
    let rate = -Foundation.log(1 - jibeProbabilityPerHour) / 3600
    return 1 - Foundation.exp(-rate * abs(timeStep))
  }
}
