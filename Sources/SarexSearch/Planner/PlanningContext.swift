import Foundation
import SarexGeo

/// Everything the planners share for one period: the particles on a plane, their posterior
/// probabilities (weight x pFail, normalised), drift relative to the datum, the cloud's moments,
/// and each unit's sweep widths. Built once, read by the worksheet and optimal planners.
struct PlanningContext: Sendable {
  let particles: ParticleSnapshot
  let units: [AvailableUnit]
  let conditions: PlanningConditions
  let tables: SweepWidthTables
  let isLand: (@Sendable (GeoPoint) -> Bool)?
  let plane: SearchPlane
  let evaluator: DetectionEvaluator
  /// Positions (m), velocities relative to the datum's drift (m/s), posterior probabilities.
  let xs: [Double]
  let ys: [Double]
  let relativeVX: [Double]
  let relativeVY: [Double]
  let probabilities: [Double]
  let categories: [Int]
  /// Posterior mean position (m) and drift (m/s) on the plane: the datum and its velocity.
  let meanX: Double
  let meanY: Double
  let drift: PlanePoint
  /// Posterior covariance of the positions, m^2.
  let covXX: Double
  let covYY: Double
  let covXY: Double
  /// RMS speed of the particles relative to the datum, m/s.
  let relativeSpeed: Double
  /// Sweep width per unit per category at the unit's own altitude, metres.
  let widths: [[Double]]
  /// Probability-weighted sweep width per unit, metres.
  let meanWidths: [Double]

  init(
    particles: ParticleSnapshot, units: [AvailableUnit], conditions: PlanningConditions,
    tables: SweepWidthTables, isLand: (@Sendable (GeoPoint) -> Bool)?
  ) throws(PlannerError) {
    guard !units.isEmpty else { throw .noUnits }
    for u in units where !(u.unit.onSceneEnduranceHours > 0) {
      throw .noEndurance(unit: u.callSign, hours: u.unit.onSceneEnduranceHours)
    }
    let n = particles.count
    let categories = (particles.categoryIndices ?? [UInt16](repeating: 0, count: n)).map(Int.init)
    let categoryCount = (categories.max() ?? 0) + 1
    guard conditions.leewayClasses.count >= categoryCount else {
      throw .invalid(
        "The plan names \(conditions.leewayClasses.count) Leeway class(es) but the particles use "
          + "\(categoryCount) categories; give one class per category.")
    }
    var widths: [[Double]] = []
    for u in units {
      do {
        widths.append(
          try tables.sweepWidthsMetres(
            leewayClasses: conditions.leewayClasses, unit: u.unit,
            visibilityNM: conditions.visibilityNM, windKnots: conditions.windKnots,
            seaHeightMetres: conditions.seaHeightMetres, fatigued: conditions.fatigued))
      } catch {
        throw .sweepWidth(unit: u.callSign, reason: "\(error)")
      }
    }
    var q = [Double](repeating: 0, count: n)
    var total = 0.0
    for i in 0..<n {
      q[i] = particles.weights[i] * particles.pFail[i]
      total += q[i]
    }
    guard total > 0 else {
      throw .emptyEnsemble("no particle keeps any probability (all weights or pFail are zero)")
    }
    for i in 0..<n { q[i] /= total }
    let plane = SearchPlane(origin: particles.weightedCentre)
    var xs = [Double](repeating: 0, count: n)
    var ys = xs
    var mx = 0.0
    var my = 0.0
    var mvx = 0.0
    var mvy = 0.0
    let ve = particles.eastVelocitiesMetresPerSecond
    let vn = particles.northVelocitiesMetresPerSecond
    for i in 0..<n {
      (xs[i], ys[i]) = plane.project(
        longitudeDegrees: particles.longitudesDegrees[i],
        latitudeDegrees: particles.latitudesDegrees[i])
      mx += q[i] * xs[i]
      my += q[i] * ys[i]
      mvx += q[i] * (ve?[i] ?? 0)
      mvy += q[i] * (vn?[i] ?? 0)
    }
    var cxx = 0.0
    var cyy = 0.0
    var cxy = 0.0
    var rvx = [Double](repeating: 0, count: n)
    var rvy = rvx
    var speed2 = 0.0
    for i in 0..<n {
      let dx = xs[i] - mx
      let dy = ys[i] - my
      cxx += q[i] * dx * dx
      cyy += q[i] * dy * dy
      cxy += q[i] * dx * dy
      rvx[i] = (ve?[i] ?? 0) - mvx
      rvy[i] = (vn?[i] ?? 0) - mvy
      speed2 += q[i] * (rvx[i] * rvx[i] + rvy[i] * rvy[i])
    }
    var categoryMass = [Double](repeating: 0, count: categoryCount)
    for i in 0..<n { categoryMass[categories[i]] += q[i] }
    self.particles = particles
    self.units = units
    self.conditions = conditions
    self.tables = tables
    self.isLand = isLand
    self.plane = plane
    self.evaluator = DetectionEvaluator(particles: particles, plane: plane)
    self.xs = xs
    self.ys = ys
    self.relativeVX = rvx
    self.relativeVY = rvy
    self.probabilities = q
    self.categories = categories
    self.meanX = mx
    self.meanY = my
    self.drift = PlanePoint(east: mvx, north: mvy)
    self.covXX = cxx
    self.covYY = cyy
    self.covXY = cxy
    self.relativeSpeed = speed2.squareRoot()
    self.widths = widths
    self.meanWidths = widths.map { w in
      zip(w, categoryMass).reduce(0) { $0 + $1.0 * $1.1 }
    }
  }

  var periodStart: Date { particles.time }

  /// The datum: the posterior mean position.
  var datum: GeoPoint { plane.unproject(x: meanX, y: meanY) }

  /// True bearing of the cloud's major axis (radians) and the standard deviations along and
  /// across it (metres).
  var principalAxes: (bearing: Double, sigmaMajor: Double, sigmaMinor: Double) {
    let half = (covXX + covYY) / 2
    let r = (((covXX - covYY) / 2) * ((covXX - covYY) / 2) + covXY * covXY).squareRoot()
    let angleFromEast = 0.5 * atan2(2 * covXY, covXX - covYY)
    let bearing = Geodesy.normalizedBearing(.pi / 2 - angleFromEast)
    return (bearing, max(half + r, 0).squareRoot(), max(half - r, 0).squareRoot())
  }

  /// Effort W V T of a unit, square metres, with its mean sweep width.
  func effort(_ k: Int) -> Double {
    meanWidths[k] * units[k].speedMetresPerSecond * units[k].searchSeconds
  }

  /// The smallest track spacing planned for unit k, metres (`PlanningConditions`).
  func minimumTrackSpacing(_ k: Int) -> Double {
    conditions.minimumTrackSpacingNM(for: units[k].unit.kind) * 1852
  }

  /// The track spacing (metres) unit k flies over a `length` x `width` rectangle: the one that
  /// fills its search time, turns included, but never below its minimum (it then finishes the
  /// area early rather than fly tracks closer than it can keep).
  func trackSpacing(_ k: Int, length: Double, width: Double) -> Double {
    max(units[k].fillingTrackSpacing(length: length, width: width), minimumTrackSpacing(k))
  }

  /// The gap (metres) kept between the areas of units j and k so that neither is ever closer
  /// than one track spacing (the larger) to the other: outer tracks lie half a spacing inside
  /// their area, so areas a gap g apart keep tracks g + (S_j + S_k) / 2 apart, at least
  /// max(S_j, S_k) when g >= |S_j - S_k| / 2. Not needed when the two fly at different heights
  /// (an aircraft over a vessel, or aircraft 500 ft apart).
  static func separationGap(_ sj: Double, _ sk: Double) -> Double { abs(sj - sk) / 2 + 1 }

  /// Sweep widths (metres, per category) of unit k flown at `altitudeMetres`; its own widths
  /// when that is its search altitude or the tables do not cover it.
  func widths(_ k: Int, altitudeMetres: Double) -> [Double] {
    guard abs(altitudeMetres - units[k].unit.searchAltitudeFeet * 0.3048) > 1 else {
      return widths[k]
    }
    return tabulatedWidths(k, altitudeMetres: altitudeMetres) ?? widths[k]
  }

  /// Sweep widths (metres, per category) of unit k at `altitudeMetres` from the tables; nil
  /// when the tables do not cover that altitude.
  func tabulatedWidths(_ k: Int, altitudeMetres: Double) -> [Double]? {
    var flown = units[k].unit
    flown.searchAltitudeFeet = altitudeMetres / 0.3048
    let c = conditions
    return try? tables.sweepWidthsMetres(
      leewayClasses: c.leewayClasses, unit: flown, visibilityNM: c.visibilityNM,
      windKnots: c.windKnots, seaHeightMetres: c.seaHeightMetres, fatigued: c.fatigued)
  }

  /// Probability-weighted mean over the particles of per-category values (a sweep width).
  func weightedMean(_ perCategory: [Double]) -> Double {
    var s = 0.0
    for i in probabilities.indices { s += probabilities[i] * perCategory[categories[i]] }
    return s
  }

  /// Aircraft whose areas come closer than this (metres) count as adjacent and are given
  /// altitudes 500 ft apart: one nautical mile (IAMSAR Vol II, aircraft in adjacent areas), or
  /// the gap that keeps the two a track spacing apart when that is wider.
  static func adjacencyDistance(_ sj: Double, _ sk: Double) -> Double {
    max(1852, separationGap(sj, sk))
  }

  /// Whether a point is on land (false without a land mask).
  func onLand(_ p: GeoPoint) -> Bool { isLand?(p) ?? false }
}
