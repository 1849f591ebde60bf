import Foundation
import SarexGeo

/// Everything the search action message says, as plain values: SI units inside (metres,
/// radians), converted to NM, feet and degrees-minutes only when the text is written.
public struct SearchActionPlanInput: Sendable, Hashable {
  /// Date-time group of the message.
  public var dateTimeGroup: Date
  /// Precedence, e.g. "IMMEDIATE"; nil to omit.
  public var precedence: String?
  /// Originator (the RCC or SMC).
  public var from: String
  public var to: [String]
  public var info: [String]
  /// Subject line, e.g. "SEARCH ACTION PLAN 2 FOR LIFERAFT OF FV NORDLYS".
  public var subject: String
  public var situation: Situation
  public var areas: [Area]
  public var assignments: [Assignment]
  public var coordination: Coordination
  public var communications: Communications
  public var reports: Reports

  public init(
    dateTimeGroup: Date, precedence: String? = nil, from: String, to: [String],
    info: [String] = [], subject: String, situation: Situation, areas: [Area],
    assignments: [Assignment], coordination: Coordination, communications: Communications,
    reports: Reports = Reports()
  ) {
    self.dateTimeGroup = dateTimeGroup
    self.precedence = precedence
    self.from = from
    self.to = to
    self.info = info
    self.subject = subject
    self.situation = situation
    self.areas = areas
    self.assignments = assignments
    self.coordination = coordination
    self.communications = communications
    self.reports = reports
  }

  /// Part 1: the incident, datum, search objects, weather and facilities.
  public struct Situation: Sendable, Hashable {
    /// Brief description of the incident.
    public var description: String
    public var datum: GeoPoint?
    public var datumTime: Date?
    public var personsOnBoard: Int?
    public var primarySearchObject: String
    public var secondarySearchObjects: [String]
    public var weatherForecast: String?
    public var facilitiesOnScene: [String]

    public init(
      description: String, datum: GeoPoint? = nil, datumTime: Date? = nil,
      personsOnBoard: Int? = nil, primarySearchObject: String,
      secondarySearchObjects: [String] = [], weatherForecast: String? = nil,
      facilitiesOnScene: [String] = []
    ) {
      self.description = description
      self.datum = datum
      self.datumTime = datumTime
      self.personsOnBoard = personsOnBoard
      self.primarySearchObject = primarySearchObject
      self.secondarySearchObjects = secondarySearchObjects
      self.weatherForecast = weatherForecast
      self.facilitiesOnScene = facilitiesOnScene
    }
  }

  /// Part 2: one search area by its corner points.
  public struct Area: Sendable, Hashable {
    /// Designation, e.g. "A-1".
    public var id: String
    public var corners: [GeoPoint]
    /// Other essential data, free text.
    public var remarks: String?

    public init(id: String, corners: [GeoPoint], remarks: String? = nil) {
      self.id = id
      self.corners = corners
      self.remarks = remarks
    }

    /// An area from a search rectangle's four corners.
    public init(id: String, rectangle: SearchRectangle, remarks: String? = nil)
      throws(SearchPatternError)
    {
      self.init(id: id, corners: try rectangle.corners(), remarks: remarks)
    }
  }

  /// Part 3: one SRU's sortie.
  public struct Assignment: Sendable, Hashable {
    public var areaID: String
    /// Call sign of the search facility.
    public var unit: String
    /// Nation, e.g. "JPN", "KOR".
    public var nation: String
    public var parentAgency: String?
    public var pattern: PatternKind
    public var commenceSearchPoint: GeoPoint
    /// Creep direction, true bearing in radians (PS, CS); nil otherwise.
    public var creepBearing: Double?
    /// Track spacing, metres.
    public var trackSpacing: Double
    /// Search altitude, metres; nil for surface units.
    public var altitude: Double?
    public var onSceneStart: Date
    public var onSceneEnd: Date

    public init(
      areaID: String, unit: String, nation: String, parentAgency: String? = nil,
      pattern: PatternKind, commenceSearchPoint: GeoPoint, creepBearing: Double?,
      trackSpacing: Double, altitude: Double?, onSceneStart: Date, onSceneEnd: Date
    ) {
      self.areaID = areaID
      self.unit = unit
      self.nation = nation
      self.parentAgency = parentAgency
      self.pattern = pattern
      self.commenceSearchPoint = commenceSearchPoint
      self.creepBearing = creepBearing
      self.trackSpacing = trackSpacing
      self.altitude = altitude
      self.onSceneStart = onSceneStart
      self.onSceneEnd = onSceneEnd
    }

    /// The assignment of a planned pattern track: pattern, CSP, creep, spacing and times.
    public init(
      areaID: String, unit: String, nation: String, parentAgency: String? = nil,
      track: PatternTrack, altitude: Double?
    ) {
      self.init(
        areaID: areaID, unit: unit, nation: nation, parentAgency: parentAgency, pattern: track.kind,
        commenceSearchPoint: track.commenceSearchPoint, creepBearing: track.creepBearing,
        trackSpacing: track.trackSpacing, altitude: altitude, onSceneStart: track.commenceTime,
        onSceneEnd: track.endTime)
    }
  }

  /// Part 4: who coordinates and the instructions on scene.
  public struct Coordination: Sendable, Hashable {
    /// SAR mission coordinator.
    public var smc: String
    /// On-scene coordinator, if designated.
    public var osc: String?
    /// Aircraft coordinator, if designated.
    public var aco: String?
    /// Desired coverage factor (C = W / S), if stated.
    public var coverageFactor: Double?
    public var oscInstructions: [String]
    public var airspaceReservations: String?
    public var aircraftSafety: [String]

    public init(
      smc: String, osc: String? = nil, aco: String? = nil, coverageFactor: Double? = nil,
      oscInstructions: [String] = [], airspaceReservations: String? = nil,
      aircraftSafety: [String] = []
    ) {
      self.smc = smc
      self.osc = osc
      self.aco = aco
      self.coverageFactor = coverageFactor
      self.oscInstructions = oscInstructions
      self.airspaceReservations = airspaceReservations
      self.aircraftSafety = aircraftSafety
    }
  }

  /// Part 5: channels.
  public struct Communications: Sendable, Hashable {
    public var controlChannels: [String]
    public var onSceneChannels: [String]
    public var monitorChannels: [String]
    public var pressContact: String?

    public init(
      controlChannels: [String], onSceneChannels: [String], monitorChannels: [String] = [],
      pressContact: String? = nil
    ) {
      self.controlChannels = controlChannels
      self.onSceneChannels = onSceneChannels
      self.monitorChannels = monitorChannels
      self.pressContact = pressContact
    }
  }

  /// Part 6: reports required.
  public struct Reports: Sendable, Hashable {
    public var oscReports: String
    public var parentAgencyReports: String

    public init(
      oscReports: String =
        "OSC REPORT ON-SCENE WEATHER, PROGRESS AND OTHER INFORMATION TO SMC BY SITREP",
      parentAgencyReports: String =
        "PARENT AGENCIES REPORT AT END OF DAILY OPERATIONS: SORTIES, HOURS FLOWN, HOURS SEARCHED, "
        + "AREAS SEARCHED AND COVERAGE FACTORS"
    ) {
      self.oscReports = oscReports
      self.parentAgencyReports = parentAgencyReports
    }
  }
}
