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

  init(count: Int) {
    precondition(count >= 0, "particle count must be non-negative")
    self.count = count
    func doubles() -> UnsafeMutablePointer<Double> {
      let p = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
      p.initialize(repeating: 0, count: max(count, 1))
      return p
    }
    func bytes(_ value: UInt8) -> UnsafeMutablePointer<UInt8> {
      let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
      p.initialize(repeating: value, count: max(count, 1))
      return p
    }
    func ints() -> UnsafeMutablePointer<Int32> {
      let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
      p.initialize(repeating: 0, count: max(count, 1))
      return p
    }
    longitudeDegrees = doubles()
    latitudeDegrees = doubles()
    previousLongitudeDegrees = doubles()
    previousLatitudeDegrees = doubles()
    sinLatitude = doubles()
    cosLatitude = doubles()
    status = bytes(ParticleStatus.notSeeded.rawValue)
    orientation = bytes(0)
    releaseTime = doubles()
    scenarioIndex = ints()
    classIndex = ints()
    weight = doubles()
    pFail = doubles()
    // No search has failed yet: every hypothesis is still fully undetected.
    pFail.update(repeating: 1, count: max(count, 1))
    downwindSlope = doubles()
    downwindOffset = doubles()
    downwindEpsilon = doubles()
    crosswindSlope = doubles()
    crosswindOffset = doubles()
    crosswindEpsilon = doubles()
    id = UnsafeMutablePointer<Int>.allocate(capacity: max(count, 1))
    for i in 0..<max(count, 1) { (id + i).initialize(to: i) }
    randomKey = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
    randomKey.initialize(repeating: 0, count: max(count, 1))
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

  /// A deep copy (copy-on-write of `ParticleEnsemble`).
  func copy() -> ParticleColumns {
    let c = ParticleColumns(count: count)
    for (from, to) in zip(doubleColumns, c.doubleColumns) {
      to.update(from: from, count: count)
    }
    c.status.update(from: status, count: count)
    c.orientation.update(from: orientation, count: count)
    c.scenarioIndex.update(from: scenarioIndex, count: count)
    c.classIndex.update(from: classIndex, count: count)
    c.id.update(from: id, count: count)
    c.randomKey.update(from: randomKey, count: count)
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
