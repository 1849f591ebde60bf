import Foundation

/// The on-scene conditions and planning choices of one period.
public struct PlanningConditions: Sendable, Hashable {
  /// Meteorological visibility, nautical miles (a column of the sweep width tables).
  public var visibilityNM: Double
  /// Wind speed, knots, and significant sea height, metres (the weather correction band).
  public var windKnots: Double
  public var seaHeightMetres: Double
  /// Crews fatigued (sweep width x 0.9).
  public var fatigued: Bool
  /// Leeway class code of each particle category (index = `ParticleSnapshot.categoryIndices`).
  public var leewayClasses: [String]
  /// Lateral range curve the units' detection follows.
  public var curve: LateralRangeCurve
  /// The POD formula of the IAMSAR worksheet (ideal matches an inverse-cube parallel sweep).
  public var worksheetConditions: SearchConditions
  /// Anytime budget of the optimal search, seconds of wall time.
  public var timeBudgetSeconds: Double

  public init(
    visibilityNM: Double, windKnots: Double, seaHeightMetres: Double, fatigued: Bool = false,
    leewayClasses: [String], curve: LateralRangeCurve = .inverseCube,
    worksheetConditions: SearchConditions = .ideal, timeBudgetSeconds: Double = 2
  ) {
    self.visibilityNM = visibilityNM
    self.windKnots = windKnots
    self.seaHeightMetres = seaHeightMetres
    self.fatigued = fatigued
    self.leewayClasses = leewayClasses
    self.curve = curve
    self.worksheetConditions = worksheetConditions
    self.timeBudgetSeconds = timeBudgetSeconds
  }
}
