import Foundation

/// A fully specified ensemble: every particle's start position, release time and Leeway
/// properties, in OpenDrift's units, so that a run can reproduce an OpenDrift run particle by
/// particle (take the columns from OpenDrift's output at the first time step).
public struct ExplicitParticleState: Sendable {
  /// Start longitude, degrees east.
  public var longitudesDegrees: [Double]
  /// Start latitude, degrees north.
  public var latitudesDegrees: [Double]
  /// Release time of each particle.
  public var releaseTimes: [Date]
  /// Per-particle Leeway properties (OpenDrift's `orientation`, `downwind_slope`, ...).
  public var leeway: [ParticleLeewayState]
  /// Prior weights; all 1 when empty.
  public var weights: [Double]
  /// The class the particles belong to (for output metadata).
  public var objectClass: LeewayClass

  public init(
    longitudesDegrees: [Double], latitudesDegrees: [Double], releaseTimes: [Date],
    leeway: [ParticleLeewayState], weights: [Double] = [], objectClass: LeewayClass
  ) {
    self.longitudesDegrees = longitudesDegrees
    self.latitudesDegrees = latitudesDegrees
    self.releaseTimes = releaseTimes
    self.leeway = leeway
    self.weights = weights
    self.objectClass = objectClass
  }
}

extension ParticleEnsemble {
  /// An ensemble with exactly the given state; all particles start `notSeeded` and are released
  /// by the simulation at their release times.
  public init(state: ExplicitParticleState) throws(DriftError) {
    let n = state.longitudesDegrees.count
    func check(_ count: Int, _ field: String) throws(DriftError) {
      guard count == n else {
        throw .invalidState(field: field, expected: "\(n) values (one per particle), got \(count)")
      }
    }
    try check(state.latitudesDegrees.count, "latitudesDegrees")
    try check(state.releaseTimes.count, "releaseTimes")
    try check(state.leeway.count, "leeway")
    if !state.weights.isEmpty { try check(state.weights.count, "weights") }
    let c = ParticleColumns(count: n)
    for i in 0..<n {
      let lon = state.longitudesDegrees[i]
      let lat = state.latitudesDegrees[i]
      guard lon.isFinite, lat.isFinite, abs(lat) <= 90 else {
        throw .invalidState(
          field: "position of particle \(i)", expected: "finite degrees with |latitude| <= 90")
      }
      let l = state.leeway[i]
      let values = [
        l.downwindSlopePercent, l.downwindOffsetCmPerS, l.downwindEpsilonCmPerS,
        l.crosswindSlopePercent, l.crosswindOffsetCmPerS, l.crosswindEpsilonCmPerS,
      ]
      guard values.allSatisfy(\.isFinite), l.orientation <= 1 else {
        throw .invalidState(
          field: "leeway of particle \(i)", expected: "finite coefficients and orientation 0 or 1")
      }
      c.longitudeDegrees[i] = lon
      c.latitudeDegrees[i] = lat
      c.previousLongitudeDegrees[i] = lon
      c.previousLatitudeDegrees[i] = lat
      c.releaseTime[i] = state.releaseTimes[i].timeIntervalSince1970
      c.orientation[i] = l.orientation
      c.downwindSlope[i] = l.downwindSlopePercent / 100
      c.downwindOffset[i] = l.downwindOffsetCmPerS / 100
      c.downwindEpsilon[i] = l.downwindEpsilonCmPerS / 100
      c.crosswindSlope[i] = l.crosswindSlopePercent / 100
      c.crosswindOffset[i] = l.crosswindOffsetCmPerS / 100
      c.crosswindEpsilon[i] = l.crosswindEpsilonCmPerS / 100
      c.weight[i] = state.weights.isEmpty ? 1 : state.weights[i]
    }
    self.init(columns: c, classes: [state.objectClass], scenarioNames: ["explicit state"])
  }
}
