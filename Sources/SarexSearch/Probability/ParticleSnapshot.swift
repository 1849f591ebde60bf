import Foundation
import SarexGeo

/// The particles of a drift ensemble at one time, as search planning sees them.
///
/// A plain struct of arrays that any ensemble can fill: positions in degrees, the prior weight of
/// each particle (scenario weight x object-class weight), its cumulative probability of failure
/// `pFail` (the probability that all searches so far missed it, 1 before any search), and optionally
/// its drift velocity so that detection can follow a particle moving during a leg. Search planning
/// owns no particle state beyond this view: after a period is searched the ensemble copies `pFail`
/// back and drifts on.
public struct ParticleSnapshot: Sendable {
  /// Longitudes, degrees east.
  public private(set) var longitudesDegrees: [Double]
  /// Latitudes, degrees north.
  public private(set) var latitudesDegrees: [Double]
  /// Prior weights (scenario x object class), any positive scale.
  public private(set) var weights: [Double]
  /// Cumulative probability that every search so far failed to detect the particle, in [0, 1].
  public internal(set) var pFail: [Double]
  /// Drift velocity east, metres per second; `nil` when the particles are taken as fixed.
  public private(set) var eastVelocitiesMetresPerSecond: [Double]?
  /// Drift velocity north, metres per second; `nil` when the particles are taken as fixed.
  public private(set) var northVelocitiesMetresPerSecond: [Double]?
  /// Index of each particle's search-object category in the sweep-width list of a detection track
  /// (see `DetectionTrack.sweepWidthsMetres`); `nil` means every particle uses index 0.
  public private(set) var categoryIndices: [UInt16]?
  /// The time the positions refer to.
  public let time: Date

  /// Checks every array and value; a planner must never run on a malformed ensemble.
  /// - Throws: `ProbabilityError` naming the field and index of the first bad value.
  public init(
    longitudesDegrees: [Double], latitudesDegrees: [Double], weights: [Double],
    pFail: [Double]? = nil, eastVelocitiesMetresPerSecond: [Double]? = nil,
    northVelocitiesMetresPerSecond: [Double]? = nil, categoryIndices: [UInt16]? = nil, time: Date
  ) throws(ProbabilityError) {
    let n = longitudesDegrees.count
    guard n > 0 else { throw .emptyEnsemble }
    func check(_ name: String, _ values: [Double]?, _ valid: (Double) -> Bool, _ expected: String)
      throws(ProbabilityError)
    {
      guard let values else { return }
      guard values.count == n else {
        throw .countMismatch(field: name, expected: n, actual: values.count)
      }
      if let i = values.firstIndex(where: { !valid($0) }) {
        throw .invalidValue(field: name, index: i, value: values[i], expected: expected)
      }
    }
    try check("longitudesDegrees", longitudesDegrees, { $0.isFinite }, "a finite longitude")
    try check(
      "latitudesDegrees", latitudesDegrees, { $0 >= -90 && $0 <= 90 }, "a latitude in [-90, 90]")
    try check("weights", weights, { $0.isFinite && $0 >= 0 }, "a finite weight >= 0")
    try check("pFail", pFail, { $0 >= 0 && $0 <= 1 }, "a probability in [0, 1]")
    try check(
      "eastVelocitiesMetresPerSecond", eastVelocitiesMetresPerSecond, { $0.isFinite },
      "a finite speed")
    try check(
      "northVelocitiesMetresPerSecond", northVelocitiesMetresPerSecond, { $0.isFinite },
      "a finite speed")
    if (eastVelocitiesMetresPerSecond == nil) != (northVelocitiesMetresPerSecond == nil) {
      throw .countMismatch(
        field: eastVelocitiesMetresPerSecond == nil
          ? "eastVelocitiesMetresPerSecond" : "northVelocitiesMetresPerSecond",
        expected: n, actual: 0)
    }
    if let categoryIndices, categoryIndices.count != n {
      throw .countMismatch(field: "categoryIndices", expected: n, actual: categoryIndices.count)
    }
    guard weights.reduce(0, +) > 0 else { throw .emptyEnsemble }
    self.longitudesDegrees = longitudesDegrees
    self.latitudesDegrees = latitudesDegrees
    self.weights = weights
    self.pFail = pFail ?? [Double](repeating: 1, count: n)
    self.eastVelocitiesMetresPerSecond = eastVelocitiesMetresPerSecond
    self.northVelocitiesMetresPerSecond = northVelocitiesMetresPerSecond
    self.categoryIndices = categoryIndices
    self.time = time
  }

  /// Number of particles.
  public var count: Int { weights.count }

  /// Sum of the prior weights.
  public var totalWeight: Double { weights.reduce(0, +) }

  /// Cumulative probability of success of all searches so far:
  /// POS = sum of w (1 - pFail) / sum of w (DESIGN.md, words).
  public var cumulativePOS: Double {
    var found = 0.0
    var total = 0.0
    for i in weights.indices {
      found += weights[i] * (1 - pFail[i])
      total += weights[i]
    }
    return found / total
  }

  /// Cumulative POS if a search with this per-particle POD is added and fails or succeeds:
  /// sum w (1 - pFail (1 - POD)) / sum w. This is the POS of a plan over all periods so far.
  public func cumulativePOS(adding pod: [Double]) throws(ProbabilityError) -> Double {
    guard pod.count == count else {
      throw .countMismatch(field: "pod", expected: count, actual: pod.count)
    }
    var found = 0.0
    var total = 0.0
    for i in weights.indices {
      found += weights[i] * (1 - pFail[i] * (1 - pod[i]))
      total += weights[i]
    }
    return found / total
  }

  /// Probability of success a search with the given per-particle POD would add now, conditional
  /// on the object not having been found so far: sum w pFail POD / sum w pFail.
  public func conditionalPOS(pod: [Double]) throws(ProbabilityError) -> Double {
    guard pod.count == count else {
      throw .countMismatch(field: "pod", expected: count, actual: pod.count)
    }
    var found = 0.0
    var remaining = 0.0
    for i in weights.indices {
      let w = weights[i] * pFail[i]
      found += w * pod[i]
      remaining += w
    }
    return remaining > 0 ? found / remaining : 0
  }

  /// Bayesian update after a search that found nothing: each particle's probability of having
  /// been missed is multiplied by 1 - POD of this search (searches are independent looks).
  /// The posterior probability of particle i is then w_i pFail_i / sum w pFail.
  public mutating func applyUnsuccessfulSearch(pod: [Double]) throws(ProbabilityError) {
    guard pod.count == count else {
      throw .countMismatch(field: "pod", expected: count, actual: pod.count)
    }
    if let i = pod.firstIndex(where: { !($0 >= 0 && $0 <= 1) }) {
      throw .invalidValue(
        field: "pod", index: i, value: pod[i], expected: "a probability in [0, 1]")
    }
    for i in pFail.indices { pFail[i] *= 1 - pod[i] }
  }

  /// Posterior weights, w pFail, normalised to sum 1 (all zero if every particle was detected).
  public var posteriorProbabilities: [Double] {
    var p = [Double](repeating: 0, count: count)
    var total = 0.0
    for i in p.indices {
      p[i] = weights[i] * pFail[i]
      total += p[i]
    }
    if total > 0 { for i in p.indices { p[i] /= total } }
    return p
  }

  /// The particles' positions at `date`, moved along their drift velocities (unchanged when the
  /// view has none); used to draw a POC map at a time other than the snapshot's.
  public func position(of index: Int, at date: Date, plane: SearchPlane) -> (x: Double, y: Double) {
    var p = plane.project(
      longitudeDegrees: longitudesDegrees[index], latitudeDegrees: latitudesDegrees[index])
    if let ve = eastVelocitiesMetresPerSecond, let vn = northVelocitiesMetresPerSecond {
      let dt = date.timeIntervalSince(time)
      p.x += ve[index] * dt
      p.y += vn[index] * dt
    }
    return p
  }

  /// The weighted mean position (prior weights), a natural origin for a search plane.
  public var weightedCentre: GeoPoint {
    let plane = SearchPlane(
      origin: GeoPoint(longitudeDegrees: longitudesDegrees[0], latitudeDegrees: latitudesDegrees[0])
    )
    var sx = 0.0
    var sy = 0.0
    var sw = 0.0
    for i in weights.indices {
      let p = plane.project(
        longitudeDegrees: longitudesDegrees[i], latitudeDegrees: latitudesDegrees[i])
      sx += weights[i] * p.x
      sy += weights[i] * p.y
      sw += weights[i]
    }
    return plane.unproject(x: sx / sw, y: sy / sw)
  }
}
