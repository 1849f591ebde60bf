/// A search-object row of the visual sweep width tables ("PIW", "RAFT-4", "POWER-20FT", ...).
public struct SearchObjectCategory: Sendable, Hashable {
  /// Which row of the weather correction table applies.
  public enum WeatherClass: String, Sendable, Hashable, CaseIterable {
    /// Person in water, life rafts, boats under 30 ft.
    case small
    /// Larger boats and ships.
    case large
  }

  /// Code used in the data files and case files, e.g. "RAFT-4".
  public var code: String
  /// The table's own wording, e.g. "Raft 4 person".
  public var name: String
  public var weatherClass: WeatherClass
}

/// The weather band of the weather correction table (IAMSAR Manual Vol II, Appendix N).
public enum WeatherBand: String, Sendable, Hashable, CaseIterable {
  /// Wind under 15 kt and seas under 1 m (3 ft).
  case calm
  /// Wind 15 to 25 kt or seas 1 to 1.5 m (3 to 5 ft).
  case moderate
  /// Wind over 25 kt or seas over 1.5 m (5 ft).
  case rough

  /// The band of a wind speed and a sea height; the worse of the two decides.
  public init(windKnots: Double, seaHeightMetres: Double) {
    if windKnots > 25 || seaHeightMetres > 1.5 {
      self = .rough
    } else if windKnots >= 15 || seaHeightMetres >= 1.0 {
      self = .moderate
    } else {
      self = .calm
    }
  }
}

/// Which family of sweep width tables a search unit uses.
public enum SweepWidthPlatform: String, Sendable, Hashable, CaseIterable {
  /// Surface vessels, by height of eye.
  case vessel
  /// Helicopters, by altitude.
  case helicopter
  /// Fixed-wing aircraft, by altitude.
  case fixedWing
}
