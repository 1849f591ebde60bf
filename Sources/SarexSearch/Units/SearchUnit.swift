/// The kind of a search and rescue unit (SRU).
public enum SearchUnitKind: String, Sendable, Hashable, CaseIterable, Codable {
  case smallVessel
  case largeVessel
  case fixedWing
  case helicopter
  case unmanned

  /// The sweep width tables the unit uses. Unmanned aircraft use the helicopter tables, an
  /// estimate: no published visual sweep width table exists for their sensors.
  public var sweepWidthPlatform: SweepWidthPlatform {
    switch self {
    case .smallVessel, .largeVessel: .vessel
    case .fixedWing: .fixedWing
    case .helicopter, .unmanned: .helicopter
    }
  }

  /// Whether the unit flies (altitude bands and aircraft separation apply).
  public var isAircraft: Bool { sweepWidthPlatform != .vessel }
}

/// A sensor a unit carries.
public enum SearchSensor: String, Sendable, Hashable, CaseIterable, Codable {
  case visual
  case radar
  case infrared
  case nightVision
  case searchlight
  case directionFinder
}

/// One search unit type or unit, as read from a catalogue.
public struct SearchUnit: Sendable, Hashable {
  /// Catalogue key, e.g. "helicopter".
  public var id: String
  public var name: String
  public var kind: SearchUnitKind
  /// Speed while searching, knots.
  public var searchSpeedKnots: Double
  /// Time available for searching on scene, hours.
  public var onSceneEnduranceHours: Double
  /// Search altitude above the sea (aircraft) or observers' height of eye (vessels), feet.
  public var searchAltitudeFeet: Double
  public var sensors: [SearchSensor]
  public var nation: String?
  public var callSign: String?
  /// Where each value comes from, by field name ("estimate: ..." or a citation).
  public var sources: [String: String]

  public init(
    id: String, name: String, kind: SearchUnitKind, searchSpeedKnots: Double,
    onSceneEnduranceHours: Double, searchAltitudeFeet: Double, sensors: [SearchSensor],
    nation: String? = nil, callSign: String? = nil, sources: [String: String] = [:]
  ) {
    self.id = id
    self.name = name
    self.kind = kind
    self.searchSpeedKnots = searchSpeedKnots
    self.onSceneEnduranceHours = onSceneEnduranceHours
    self.searchAltitudeFeet = searchAltitudeFeet
    self.sensors = sensors
    self.nation = nation
    self.callSign = callSign
    self.sources = sources
  }
}
