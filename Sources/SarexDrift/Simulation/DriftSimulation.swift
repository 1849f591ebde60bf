import Dispatch
import Foundation
import SarexEnvironment

/// How far a run has come, for a progress line.
public struct DriftProgress: Sendable {
  /// Calculation steps done.
  public let step: Int
  /// Calculation steps in the run.
  public let stepCount: Int
  /// Model time reached.
  public let time: Date
  /// Fraction done, 0...1.
  public var fraction: Double { stepCount == 0 ? 1 : Double(step) / Double(stepCount) }
}

/// Runs the Leeway Monte Carlo model on an ensemble: OpenDrift's Leeway step with wind, current
/// and a coastline, forward or backward, in parallel over blocks of particles.
///
/// The order within a calculation step at time t is OpenDrift's: release particles due before
/// t + dt, sample forcing at t, mark missing data and stranding (placing stranded particles on the
/// coastline), report if t is an output time, then move and jibe. At the end, a last stranding
/// check and the final output.
public struct DriftSimulation: Sendable {
  public var wind: any VectorField
  public var current: any VectorField
  public var land: any LandMask
  public var configuration: DriftConfiguration
  /// Model time between spatial reorderings of the particles in memory, seconds (nil: never).
  /// Only speed depends on it: results are identical per particle.
  var spatialOrderInterval: TimeInterval? = 4 * 3600

  public init(
    wind: any VectorField, current: any VectorField, land: any LandMask,
    configuration: DriftConfiguration
  ) {
    self.wind = wind
    self.current = current
    self.land = land
    self.configuration = configuration
  }

  /// Number of calculation steps.
  public func stepCount() throws(DriftError) -> Int {
    try configuration.outputIntervals() * configuration.stepsPerOutput()
  }

  /// The output times, the start included.
  public func outputTimes() throws(DriftError) -> [Date] {
    let n = try configuration.outputIntervals()
    let sign: Double = configuration.timeStep < 0 ? -1 : 1
    return (0...n).map {
      configuration.start.addingTimeInterval(sign * Double($0) * configuration.outputStep)
    }
  }

  /// Checks the settings and that wind and current cover every time at which the run samples
  /// them (from the start to the last step's start).
  public func validate() throws(DriftError) {
    let steps = try stepCount()
    let first = configuration.start
    let last = first.addingTimeInterval(Double(steps - 1) * configuration.timeStep)
    let needed = min(first, last)...max(first, last)
    for (name, field) in [("wind", wind), ("current", current)] {
      if let coverage = field.timeCoverage,
        !(coverage.contains(needed.lowerBound) && coverage.contains(needed.upperBound))
      {
        throw .forcingTimeCoverage(
          field: name, needed: DriftSimulation.format(needed),
          available: DriftSimulation.format(coverage))
      }
    }
    guard configuration.jibeProbabilityPerHour >= 0, configuration.jibeProbabilityPerHour <= 1
    else {
      throw .invalidConfiguration(
        field: "jibeProbabilityPerHour", value: "\(configuration.jibeProbabilityPerHour)",
        expected: "a probability between 0 and 1")
    }
  }

  /// Runs the drift on `ensemble` (changed in place), calling `observer` at every output time
  /// (the start included) and `progress` whenever the workers meet (at least at every output
  /// and spatial reordering). Errors thrown by the observer stop the run and are rethrown.
  public func run(
    _ ensemble: inout ParticleEnsemble,
    observer: (DriftOutput) throws -> Void,
    progress: ((DriftProgress) -> Void)? = nil
  ) throws {
    try validate()
    let stepsPerOutput = try configuration.stepsPerOutput()
    let steps = try stepCount()
    let dt = configuration.timeStep
    let forward = dt > 0
    let start = configuration.start
    let workers = max(
      1,
      min(
        configuration.workerCount > 0
          ? configuration.workerCount : ProcessInfo.processInfo.activeProcessorCount,
        max(ensemble.count, 1)))
    let n = ensemble.count
    // More blocks than workers, handed out dynamically by concurrentPerform: on a shared machine
    // a worker that loses its processor for a while no longer holds every step up.
    let blockCount = workers == 1 ? 1 : max(workers, min(workers * Self.blocksPerWorker, n / 4096))
    /// The blocks over the first `m` particles of the working copy.
    func blockRanges(over m: Int) -> [Range<Int>] {
      (0..<blockCount).map { b in (b * m / blockCount)..<((b + 1) * m / blockCount) }
    }
    // The steps cover the particles before the settled ones (stranded, without forcing), which
    // each spatial reordering moves to the end; every block fits its scratch whatever the count.
    var blocks = blockRanges(over: n)
    let scratch = (0..<blockCount).map { _ in
      WorkerScratch(capacity: (n + blockCount - 1) / blockCount)
    }
    let random = CounterRandom(seed: configuration.randomSeed)
    let jibeProbability = configuration.jibeProbabilityPerStep
    let crossing = CoastlineCrossing()
    let chunkSize = Self.chunkSize
    let wind = self.wind
    let current = self.current
    let land = self.land
    // The steps work on a copy of the particles that is reordered by position every
    // `spatialOrderInterval` of model time (each particle keeps its seeded index in `id`); the
    // ensemble the observer and the caller see stays in seeded order.
    var work = ensemble.columns.copy()
    // The move carries sin and cos of the latitude from step to step: start them here, with the
    // particles' random keys, in parts on all processors.
    let setupParts = n < 32_768 ? 1 : workers
    DispatchQueue.concurrentPerform(iterations: setupParts) { [work] part in
      let range = (part * n / setupParts)..<((part + 1) * n / setupParts)
      work.refreshLatitudeSinCos(range)
      for i in range { work.randomKey[i] = random.particleKey(work.id[i]) }
    }
    var spare = ParticleColumns(count: n)
    let spatialOrder = SpatialOrder(count: n, parts: workers)
    // Where each particle of the seeded order is in `work`, updated at every reordering.
    let slots = UnsafeMutablePointer<Int>.allocate(capacity: max(n, 1))
    defer { slots.deallocate() }
    work.seededSlots(into: slots)
    let reorderSteps: Int =
      spatialOrderInterval.map { interval in
        let r = (interval / abs(dt)).rounded(.down)
        return r >= 1 ? Int(min(r, 1e9)) : 1
      } ?? Int.max

    func time(ofStep k: Int) -> Date { start.addingTimeInterval(Double(k) * dt) }
    // Once every particle is released the release pass has nothing to do: from the first step
    // whose next time is past `lastRelease` on, it is skipped.
    let lastRelease = Self.lastPendingRelease(work, forward: forward)
    let plan = StepPlan(
      steps: steps, stepsPerOutput: stepsPerOutput, reorderSteps: reorderSteps, dt: dt,
      time: time(ofStep:),
      releaseDone: { next in forward ? lastRelease < next : lastRelease > next })

    /// Runs half-steps `halves` (see `StepPlan`) on every block without a barrier in between:
    /// particles are independent, so each chunk of particles goes through all of them in turn
    /// (its columns and scratch stay in cache) and the workers meet only at the end.
    func run(_ halves: ClosedRange<Int>) {
      let columns = work
      let blocks = blocks
      let body: @Sendable (Int) -> Void = { w in
        let block = blocks[w]
        guard !block.isEmpty else { return }
        var first = block.lowerBound
        while first < block.upperBound {
          let range = first..<min(first + chunkSize, block.upperBound)
          let view = scratch[w].view(at: first - block.lowerBound)
          for h in halves {
            let k = h / 2
            if h % 2 == 1 {
              // Move and jibe by step k (from t_k to t_k+1).
              LeewayKernel.move(columns, range, scratch: view, dt: dt)
              if jibeProbability > 0 {
                LeewayKernel.jibe(
                  columns, range, probability: jibeProbability, random: random, step: k)
              }
            } else {
              // Release, sample and classify at t_k (only stranding at the final time).
              let isFinal = k == steps
              if !isFinal {
                if plan.releases(atStep: k) {
                  LeewayKernel.release(
                    columns, range, nextTime: plan.nextTime(k), forward: forward)
                }
                LeewayKernel.sample(
                  columns, range, time: plan.sampleTimes[k], wind: wind, current: current,
                  scratch: view)
              }
              classify(land, columns, range, view, !isFinal, crossing)
            }
          }
          first = range.upperBound
        }
      }
      if blockCount == 1 {
        body(0)
      } else {
        DispatchQueue.concurrentPerform(iterations: blockCount, execute: body)
      }
    }

    /// The sampled forcing in the scratch is used by the next move, so the particles are
    /// reordered only between a move and the next sampling.
    func reorder() {
      spare.gather(from: work, order: spatialOrder.permutation(of: work), steppedOnly: true)
      swap(&work, &spare)
      blocks = blockRanges(over: n - spatialOrder.settledCount)
      work.seededSlots(into: slots)
    }

    // Stands in for the caller's ensemble while an output owns it.
    let placeholder = ParticleEnsemble(
      columns: ParticleColumns(count: 0), classes: [], scenarioNames: [])
    var h = 0
    var reported = 0
    while h <= plan.lastHalfStep {
      if plan.reordersBefore(halfStep: h) { reorder() }
      let end = plan.segmentEnd(from: h)
      run(h...end)
      let k = end / 2
      if plan.outputsAfter(halfStep: end) {
        // The output owns the seeded-order ensemble while the observer runs (so scattering
        // into it copies nothing) and hands it back after.
        var snapshot = OutputSnapshot(
          target: ensemble, work: work, slots: slots, previousPositions: k == steps)
        ensemble = placeholder
        do {
          try observer(
            DriftOutput(
              index: k / stepsPerOutput, time: time(ofStep: k), elapsed: Double(k) * dt,
              isFinal: k == steps, snapshot: snapshot))
        } catch {
          snapshot.finish(scatter: true)
          ensemble = snapshot.target
          throw error
        }
        // An output the observer kept, and the final one (the caller's result), get their
        // seeded-order values before the particles step on.
        let kept = !isKnownUniquelyReferenced(&snapshot)
        snapshot.finish(scatter: kept || k == steps)
        ensemble = snapshot.target
      }
      // Steps done: step k ends with its sampling (half-step 2k).
      if k > reported {
        reported = k
        progress?(DriftProgress(step: k, stepCount: steps, time: time(ofStep: k)))
      }
      h = end + 1
    }
  }

  /// Particles per chunk of a worker's passes: its columns (about 130 bytes a particle) and
  /// scratch fit in the second-level cache.
  static let chunkSize = 2048

  /// Blocks per worker (each at least 4096 particles).
  static let blocksPerWorker = 8

  /// The latest release time (seconds since 1970) of the particles not yet seeded, the earliest
  /// when `forward` is false: -infinity (+infinity) when none is pending, +infinity (-infinity)
  /// when a release time is NaN (never due: the pass must keep running to stay exact).
  static func lastPendingRelease(_ c: ParticleColumns, forward: Bool) -> Double {
    let notSeeded = ParticleStatus.notSeeded.rawValue
    var latest = forward ? -Double.infinity : Double.infinity
    for i in 0..<c.count where c.status[i] == notSeeded {
      let r = c.releaseTime[i]
      if r.isNaN { return forward ? .infinity : -.infinity }
      latest = forward ? max(latest, r) : min(latest, r)
    }
    return latest
  }

  static func format(_ range: ClosedRange<Date>) -> String {
    let f = ISO8601DateFormatter()
    return "\(f.string(from: range.lowerBound)) to \(f.string(from: range.upperBound))"
  }
}

/// Opens the land mask existential once per block so that the per-particle calls are direct
/// witness calls.
private func classify<L: LandMask>(
  _ land: L, _ c: ParticleColumns, _ range: Range<Int>, _ scratch: ScratchView,
  _ checkForcing: Bool, _ crossing: CoastlineCrossing
) {
  LeewayKernel.classify(
    c, range, land: land, scratch: scratch, checkForcing: checkForcing, crossing: crossing)
}
