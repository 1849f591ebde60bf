import Foundation
import SarexGeo

/// One search unit on the IAMSAR worksheet: corrected sweep width, search speed, search time.
public struct WorksheetUnit: Sendable, Hashable {
  public var name: String
  public var sweepWidthNM: Double
  public var speedKnots: Double
  public var searchHours: Double

  public init(name: String, sweepWidthNM: Double, speedKnots: Double, searchHours: Double) {
    self.name = name
    self.sweepWidthNM = sweepWidthNM
    self.speedKnots = speedKnots
    self.searchHours = searchHours
  }

  /// Effort Z = W V T, square nautical miles.
  public var effortNM2: Double { sweepWidthNM * speedKnots * searchHours }
}

/// The IAMSAR Manual Vol II effort allocation worksheet for a point datum (Appendix L/N: total
/// probable error, effort, relative effort, optimal search factor, optimal area, coverage, POS,
/// track spacing per unit; US National SAR Supplement (2000), ch. 4).
///
/// The area is the square of half-side R = fs E centred on the datum, sides north-south and
/// east-west; every unit searches at the same coverage C, so unit k's track spacing is W_k / C.
public struct IAMSARWorksheet: Sendable {
  public let datum: GeoPoint
  public let conditions: SearchConditions
  public let units: [WorksheetUnit]
  /// E = sqrt(X^2 + Y^2 + De^2), nautical miles.
  public let totalProbableErrorNM: Double
  /// Z = sum of W V T over the units, NM^2.
  public let effortNM2: Double
  /// Zr = Z / E^2.
  public let relativeEffort: Double
  /// fs, see `OptimalSearchFactor`.
  public let optimalSearchFactor: Double
  /// R = fs E, nautical miles (half the side of the square).
  public let radiusNM: Double
  /// A = (2 R)^2, NM^2.
  public let areaNM2: Double
  /// C = Z / A.
  public let coverage: Double
  /// POC of the area, POD of the search in it, POS = POC x POD.
  public let poc: Double
  public let pod: Double
  public let pos: Double
  /// S_k = W_k / C per unit, nautical miles, in the order of `units`.
  public let trackSpacingsNM: [Double]

  /// - Parameters:
  ///   - positionErrorNM: X, the initial position error of the distress incident.
  ///   - navigationErrorNM: Y, the search units' navigational error.
  ///   - driftErrorNM: De, the drift error.
  /// - Throws: `PlanningError` when an error or a unit's value is negative or not finite, the
  ///   total error is zero, or there is no unit or no effort.
  public init(
    datum: GeoPoint, positionErrorNM: Double, navigationErrorNM: Double, driftErrorNM: Double,
    units: [WorksheetUnit], conditions: SearchConditions
  ) throws(PlanningError) {
    try PlanningError.nonNegative("positionErrorNM (X)", positionErrorNM)
    try PlanningError.nonNegative("navigationErrorNM (Y)", navigationErrorNM)
    try PlanningError.nonNegative("driftErrorNM (De)", driftErrorNM)
    let e = Self.totalProbableError(
      positionErrorNM: positionErrorNM, navigationErrorNM: navigationErrorNM,
      driftErrorNM: driftErrorNM)
    try PlanningError.positive("total probable error E", e)
    guard !units.isEmpty else { throw .empty("search units") }
    for u in units {
      try PlanningError.positive("\(u.name): sweepWidthNM", u.sweepWidthNM)
      try PlanningError.positive("\(u.name): speedKnots", u.speedKnots)
      try PlanningError.positive("\(u.name): searchHours", u.searchHours)
    }
    let z = units.reduce(0) { $0 + $1.effortNM2 }
    let zr = z / (e * e)
    let fs = OptimalSearchFactor.value(relativeEffort: zr, conditions: conditions)
    let r = fs * e
    let a = 4 * r * r
    let c = z / a
    self.datum = datum
    self.conditions = conditions
    self.units = units
    self.totalProbableErrorNM = e
    self.effortNM2 = z
    self.relativeEffort = zr
    self.optimalSearchFactor = fs
    self.radiusNM = r
    self.areaNM2 = a
    self.coverage = c
    self.poc = OptimalSearchFactor.containment(searchFactor: fs)
    self.pod = conditions.pod(coverage: c)
    self.pos = poc * pod
    self.trackSpacingsNM = units.map { $0.sweepWidthNM / c }
  }

  /// E = sqrt(X^2 + Y^2 + De^2) (IAMSAR Manual Vol II, total probable error).
  public static func totalProbableError(
    positionErrorNM x: Double, navigationErrorNM y: Double, driftErrorNM de: Double
  ) -> Double {
    (x * x + y * y + de * de).squareRoot()
  }

  /// Corners of the search area (south-west, south-east, north-east, north-west).
  public var areaCorners: [GeoPoint] {
    let plane = SearchPlane(origin: datum)
    let r = radiusNM * 1852
    return [(-r, -r), (r, -r), (r, r), (-r, r)].map { plane.unproject(x: $0.0, y: $0.1) }
  }
}
