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
  /// Smallest track spacing planned for each kind of unit, nautical miles; kinds not listed use
  /// `defaultMinimumTrackSpacingNM`.
  public var minimumTrackSpacingsNM: [SearchUnitKind: Double]

  /// Estimates (no published minimum was found in the IAMSAR Manual or the US NSS, which leave
  /// spacing to the coverage wanted): a spacing much below a unit's turning diameter or its
  /// track-keeping accuracy cannot be flown as planned. Fixed-wing at 150-180 kt turn at
  /// standard rate (3 degrees/s) on a radius of about 0.8-0.95 NM, so legs 1 NM apart already need
  /// a procedure turn; a helicopter at 90 kt turns on about 0.5 NM; a large vessel's tactical
  /// diameter is some 3-5 ship lengths (0.2-0.5 NM) and 0.5 NM is a common close spacing for
  /// ships in coordinated surface searches; a small craft or a hovering-capable unmanned aircraft
  /// can keep a few hundred metres.
  public static let defaultMinimumTrackSpacingsNM: [SearchUnitKind: Double] = [
    .smallVessel: 0.2, .largeVessel: 0.5, .fixedWing: 1.0, .helicopter: 0.5, .unmanned: 0.25,
  ]

  /// The minimum for kinds missing from `minimumTrackSpacingsNM`, nautical miles.
  public static let defaultMinimumTrackSpacingNM = 0.5

  /// The smallest track spacing (NM) planned for a unit of `kind`.
  public func minimumTrackSpacingNM(for kind: SearchUnitKind) -> Double {
    minimumTrackSpacingsNM[kind] ?? Self.defaultMinimumTrackSpacingsNM[kind]
      ?? Self.defaultMinimumTrackSpacingNM
  }

  public init(
    visibilityNM: Double, windKnots: Double, seaHeightMetres: Double, fatigued: Bool = false,
    leewayClasses: [String], curve: LateralRangeCurve = .inverseCube,
    worksheetConditions: SearchConditions = .ideal, timeBudgetSeconds: Double = 2,
    minimumTrackSpacingsNM: [SearchUnitKind: Double] = [:]
  ) {
    self.minimumTrackSpacingsNM = minimumTrackSpacingsNM
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
