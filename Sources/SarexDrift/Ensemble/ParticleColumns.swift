import Dispatch

/// The contiguous per-particle storage of an ensemble: one allocation per column, freed with the
/// owner. This is the one place that touches raw particle memory; everything else goes through
/// `ParticleEnsemble` (copy-on-write) and the block kernels.
///
/// `@unchecked Sendable`: the pointers are only written by the drift step, which splits the
/// particles into disjoint blocks (one per worker) and finishes before anyone reads; readers get
/// it through `ParticleEnsemble`, whose value semantics copy the storage before a mutation when it
/// is shared.
final class ParticleColumns: @unchecked Sendable {
  let count: Int
  /// Position, degrees (longitude in [-180, 180]).
  let longitudeDegrees: UnsafeMutablePointer<Double>
  let latitudeDegrees: UnsafeMutablePointer<Double>
  /// Position before the latest move (for placing stranded particles on the coastline).
  let previousLongitudeDegrees: UnsafeMutablePointer<Double>
  let previousLatitudeDegrees: UnsafeMutablePointer<Double>
  /// sin and cos of the latitude, carried by the drift between steps (the geodesic move
  /// returns those of the end latitude): set for every particle at the start of a run and for
  /// particles placed on the coastline (`refreshLatitudeSinCos`). Only the drift reads them.
  let sinLatitude: UnsafeMutablePointer<Double>
  let cosLatitude: UnsafeMutablePointer<Double>
  /// `ParticleStatus` raw values.
  let status: UnsafeMutablePointer<UInt8>
  /// 0: crosswind slope from the positive table row; 1: from the negative row (OpenDrift's
  /// `orientation`). Flips on every jibe.
  let orientation: UnsafeMutablePointer<UInt8>
  /// Release time, seconds since 1970-01-01T00:00:00Z.
  let releaseTime: UnsafeMutablePointer<Double>
  let scenarioIndex: UnsafeMutablePointer<Int32>
  /// Index into the ensemble's list of classes.
  let classIndex: UnsafeMutablePointer<Int32>
  /// Prior weight (scenario weight x class weight, shared by the stratum's particles).
  let weight: UnsafeMutablePointer<Double>
  /// Cumulative probability that the searches so far failed to detect this particle.
  let pFail: UnsafeMutablePointer<Double>
  /// Leeway coefficients of this particle, SI: slopes dimensionless, offsets and the random
  /// perturbations (epsilon) in m/s.
  let downwindSlope: UnsafeMutablePointer<Double>
  let downwindOffset: UnsafeMutablePointer<Double>
  let downwindEpsilon: UnsafeMutablePointer<Double>
  let crosswindSlope: UnsafeMutablePointer<Double>
  let crosswindOffset: UnsafeMutablePointer<Double>
  let crosswindEpsilon: UnsafeMutablePointer<Double>
  /// The particle's index in the ensemble as seeded. The drift works on a copy whose particles it
  /// reorders by position (`SpatialOrder`), so random draws are keyed by this id and results go
  /// back to this slot; in the ensemble users see, `id[i] == i`.
  let id: UnsafeMutablePointer<Int>
  /// `CounterRandom.particleKey(id)` of the run's generator, set by the drift at its start (the
  /// jibe draws mix it with the step's key).
  let randomKey: UnsafeMutablePointer<UInt64>

  /// Every particle not seeded, at 0 degrees, with zero coefficients, weight 0 and pFail 1;
  /// large ensembles are set a column per task on all processors.
  convenience init(count: Int) {
    self.init(allocating: count)
    let m = max(count, 1)
    nonisolated(unsafe) let doubles = doubleColumns
    let tasks = doubles.count + 6
    let body: @Sendable (Int) -> Void = { k in
      switch k - doubles.count {
      case 0: self.status.initialize(repeating: ParticleStatus.notSeeded.rawValue, count: m)
      case 1: self.orientation.initialize(repeating: 0, count: m)
      case 2: self.scenarioIndex.initialize(repeating: 0, count: m)
      case 3: self.classIndex.initialize(repeating: 0, count: m)
      case 4: for i in 0..<m { (self.id + i).initialize(to: i) }
      case 5: self.randomKey.initialize(repeating: 0, count: m)
      default:
        // No search has failed yet: every hypothesis is still fully undetected.
        doubles[k].initialize(repeating: doubles[k] == self.pFail ? 1 : 0, count: m)
      }
    }
    if count < 32_768 {
      for k in 0..<tasks { body(k) }
    } else {
      DispatchQueue.concurrentPerform(iterations: tasks, execute: body)
    }
  }

  /// Columns allocated but not yet set (`copy` fills them).
  private init(allocating count: Int) {
    precondition(count >= 0, "particle count must be non-negative")
    self.count = count
    let m = max(count, 1)
    longitudeDegrees = .allocate(capacity: m)
    latitudeDegrees = .allocate(capacity: m)
    previousLongitudeDegrees = .allocate(capacity: m)
    previousLatitudeDegrees = .allocate(capacity: m)
    sinLatitude = .allocate(capacity: m)
    cosLatitude = .allocate(capacity: m)
    status = .allocate(capacity: m)
    orientation = .allocate(capacity: m)
    releaseTime = .allocate(capacity: m)
    scenarioIndex = .allocate(capacity: m)
    classIndex = .allocate(capacity: m)
    weight = .allocate(capacity: m)
    pFail = .allocate(capacity: m)
    downwindSlope = .allocate(capacity: m)
    downwindOffset = .allocate(capacity: m)
    downwindEpsilon = .allocate(capacity: m)
    crosswindSlope = .allocate(capacity: m)
    crosswindOffset = .allocate(capacity: m)
    crosswindEpsilon = .allocate(capacity: m)
    id = .allocate(capacity: m)
    randomKey = .allocate(capacity: m)
  }

  private var doubleColumns: [UnsafeMutablePointer<Double>] {
    steppedDoubleColumns + [weight, pFail]
  }

  /// The double columns a drift step reads or writes (not the weights and detection history).
  private var steppedDoubleColumns: [UnsafeMutablePointer<Double>] {
    [
      longitudeDegrees, latitudeDegrees, previousLongitudeDegrees, previousLatitudeDegrees,
      releaseTime, downwindSlope, downwindOffset, downwindEpsilon, crosswindSlope,
      crosswindOffset, crosswindEpsilon, sinLatitude, cosLatitude,
    ]
  }

  /// A deep copy (copy-on-write of `ParticleEnsemble`); large ensembles are copied a column per
  /// task on all processors (the drift copies its working set this way before its first step).
  func copy() -> ParticleColumns {
    let c = ParticleColumns(allocating: count)
    let m = max(count, 1)
    nonisolated(unsafe) let pairs = Array(zip(doubleColumns, c.doubleColumns))
    @Sendable func copy<T>(_ from: UnsafeMutablePointer<T>, _ to: UnsafeMutablePointer<T>) {
      to.initialize(from: from, count: m)
    }
    let tasks = pairs.count + 6
    let body: @Sendable (Int) -> Void = { k in
      switch k - pairs.count {
      case 0: copy(self.status, c.status)
      case 1: copy(self.orientation, c.orientation)
      case 2: copy(self.scenarioIndex, c.scenarioIndex)
      case 3: copy(self.classIndex, c.classIndex)
      case 4: copy(self.id, c.id)
      case 5: copy(self.randomKey, c.randomKey)
      default: copy(pairs[k].0, pairs[k].1)
      }
    }
    if count < 32_768 {
      for k in 0..<tasks { body(k) }
    } else {
      DispatchQueue.concurrentPerform(iterations: tasks, execute: body)
    }
    return c
  }

  /// Sets every column of `self` to `source`'s in the order `order`: particle `i` becomes the one
  /// at `order[i]` of `source` (`order` a permutation of 0..<count, both of this count). One
  /// column per task, on all processors. With `steppedOnly`, only the columns a drift step uses:
  /// weights, detection history, scenario and class indices are left as they were (the drift's
  /// working copy never reads them, and each reordering moves a sixth fewer bytes).
  func gather(from source: ParticleColumns, order: UnsafePointer<Int>, steppedOnly: Bool = false) {
    precondition(source.count == count, "gather between ensembles of different sizes")
    let n = count
    // The tasks touch disjoint columns; the pointers stay valid while both owners live.
    nonisolated(unsafe) let order = order
    nonisolated(unsafe) let pairs = Array(
      steppedOnly
        ? zip(source.steppedDoubleColumns, steppedDoubleColumns)
        : zip(source.doubleColumns, doubleColumns))
    @Sendable func apply<T>(_ from: UnsafeMutablePointer<T>, _ to: UnsafeMutablePointer<T>) {
      for i in 0..<n { to[i] = from[order[i]] }
    }
    let tasks = pairs.count + (steppedOnly ? 4 : 6)
    DispatchQueue.concurrentPerform(iterations: tasks) { k in
      switch k - pairs.count {
      case 0: apply(source.status, status)
      case 1: apply(source.orientation, orientation)
      case 2: apply(source.id, id)
      case 3: apply(source.randomKey, randomKey)
      case 4: apply(source.scenarioIndex, scenarioIndex)
      case 5: apply(source.classIndex, classIndex)
      default: apply(pairs[k].0, pairs[k].1)
      }
    }
  }

  /// Writes the columns a drift step changes (position, status, orientation, crosswind slope,
  /// and with `previousPositions` the previous position) of every particle to slot `id[i]` of
  /// `target`, the ensemble in seeded order. The other columns do not change during a drift.
  /// The previous positions matter only inside a step (placing a particle that reached land on
  /// the coastline), so the drift copies them at its final output only.
  ///
  /// `slots` is the inverse of `id` (`slots[id[i]] == i`): the target is written in order and
  /// the particles are read from their slots, which costs less than writing to scattered slots.
  /// Both processors, each on parts of the target, every column in one pass.
  ///
  /// The crosswind slope is not read from `self`: it changes only by a jibe, which negates it
  /// and flips the orientation together, so the slope is the target's own, negated where the
  /// orientation differs from the target's (an exact operation). That saves a random read of
  /// eight bytes per particle (a third of the scatter's time) and requires the target to hold
  /// the crosswind slopes and orientations of the particles as they were at the previous
  /// scatter, or as seeded when `self` was copied from it: the drift's use (precondition of
  /// the caller, not checked).
  func scatterDriftState(
    into target: ParticleColumns, slots: UnsafePointer<Int>, previousPositions: Bool
  ) {
    precondition(target.count == count, "scatter between ensembles of different sizes")
    let n = count
    let parts = n < 32_768 ? 1 : 4
    nonisolated(unsafe) let slots = slots
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = (part * n / parts)..<((part + 1) * n / parts)
      self.scatter(range, into: target, slots: slots, previousPositions: previousPositions)
    }
  }

  private func scatter(
    _ range: Range<Int>, into t: ParticleColumns, slots: UnsafePointer<Int>,
    previousPositions: Bool
  ) {
    for j in range {
      let i = slots[j]
      t.longitudeDegrees[j] = longitudeDegrees[i]
      t.latitudeDegrees[j] = latitudeDegrees[i]
      t.status[j] = status[i]
      // An odd number of jibes since the last scatter: flipped orientation, negated slope.
      let o = orientation[i]
      let flipped = o != t.orientation[j]
      t.orientation[j] = o
      let slope = t.crosswindSlope[j]
      t.crosswindSlope[j] = flipped ? -slope : slope
    }
    guard previousPositions else { return }
    for j in range {
      let i = slots[j]
      t.previousLongitudeDegrees[j] = previousLongitudeDegrees[i]
      t.previousLatitudeDegrees[j] = previousLatitudeDegrees[i]
    }
  }

  /// Sets `sinLatitude` and `cosLatitude` of particles `range` from their latitudes (the
  /// polynomial of `LocalGeodesic.sinCos`, eight at a time).
  func refreshLatitudeSinCos(_ range: Range<Int>) {
    var i = range.lowerBound
    while i < range.upperBound {
      let m = min(8, range.upperBound - i)
      var lat = SIMD8<Double>(repeating: 0)
      for k in 0..<m { lat[k] = latitudeDegrees[i + k] }
      let (s, c) = LocalGeodesic.sinCos(lat * LocalGeodesic.radiansPerDegree)
      for k in 0..<m {
        sinLatitude[i + k] = s[k]
        cosLatitude[i + k] = c[k]
      }
      i += m
    }
  }

  /// Sets `slots[id[i]] = i` for every particle (the inverse of `id`, for
  /// `scatterDriftState`). Parts of the particles on all processors: `id` is a permutation, so
  /// the parts write disjoint slots.
  func seededSlots(into slots: UnsafeMutablePointer<Int>) {
    let n = count
    let parts = n < 32_768 ? 1 : 4
    nonisolated(unsafe) let slots = slots
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      for i in (part * n / parts)..<((part + 1) * n / parts) { slots[self.id[i]] = i }
    }
  }

  deinit {
    for p in doubleColumns { p.deallocate() }
    status.deallocate()
    orientation.deallocate()
    scenarioIndex.deallocate()
    classIndex.deallocate()
    id.deallocate()
    randomKey.deallocate()
  }
}
