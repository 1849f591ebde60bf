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
  }

  private var doubleColumns: [UnsafeMutablePointer<Double>] {
    [
      longitudeDegrees, latitudeDegrees, previousLongitudeDegrees, previousLatitudeDegrees,
      releaseTime, weight, pFail, downwindSlope, downwindOffset, downwindEpsilon, crosswindSlope,
      crosswindOffset, crosswindEpsilon,
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
    return c
  }

  deinit {
    for p in doubleColumns { p.deallocate() }
    status.deallocate()
    orientation.deallocate()
    scenarioIndex.deallocate()
    classIndex.deallocate()
  }
}
