import Foundation
import SarexGeo

/// A situation report in the IAMSAR full format: a header, then items A to N (no item I), each
/// written only when it has content (A, B and C always are). Used by the OSC to report to the
/// SMC and by RCCs to inform each other.
public struct SitrepInput: Sendable, Hashable {
  public var dateTimeGroup: Date
  /// "DISTRESS", "URGENCY" or another precedence; nil to omit.
  public var precedence: String?
  public var from: String
  public var to: [String]
  public var info: [String]
  /// Case identification, e.g. "NORDLYS".
  public var caseIdentification: String
  /// Serial number of this SITREP in the case, from 1.
  public var number: Int
  /// The last SITREP of the case ("FINAL").
  public var isFinal: Bool
  /// A. Identity of casualty (name, call sign, flag).
  public var identityOfCasualty: String
  /// B. Position and its time.
  public var position: GeoPoint?
  public var positionTime: Date?
  /// C. Situation (nature of distress, what happened).
  public var situation: String
  /// D. Number of persons.
  public var numberOfPersons: Int?
  /// E. Assistance required.
  public var assistanceRequired: String?
  /// F. Co-ordinating RCC.
  public var coordinatingRCC: String?
  /// G. Description of casualty.
  public var descriptionOfCasualty: String?
  /// H. Weather on scene.
  public var weatherOnScene: String?
  /// J. Initial actions taken.
  public var initialActionsTaken: String?
  /// K. Search areas, written with their corner points.
  public var searchAreas: [SearchActionPlanInput.Area]
  /// K (continued). Areas searched and results, free text (e.g. coverage, cumulative POS).
  public var searchSummary: String?
  /// L. Co-ordinating instructions.
  public var coordinatingInstructions: String?
  /// M. Future plans.
  public var futurePlans: String?
  /// N. Additional information or conclusion.
  public var additionalInformation: String?

  public init(
    dateTimeGroup: Date, precedence: String? = nil, from: String, to: [String],
    info: [String] = [], caseIdentification: String, number: Int, isFinal: Bool = false,
    identityOfCasualty: String, position: GeoPoint? = nil, positionTime: Date? = nil,
    situation: String, numberOfPersons: Int? = nil, assistanceRequired: String? = nil,
    coordinatingRCC: String? = nil, descriptionOfCasualty: String? = nil,
    weatherOnScene: String? = nil, initialActionsTaken: String? = nil,
    searchAreas: [SearchActionPlanInput.Area] = [], searchSummary: String? = nil,
    coordinatingInstructions: String? = nil, futurePlans: String? = nil,
    additionalInformation: String? = nil
  ) {
    self.dateTimeGroup = dateTimeGroup
    self.precedence = precedence
    self.from = from
    self.to = to
    self.info = info
    self.caseIdentification = caseIdentification
    self.number = number
    self.isFinal = isFinal
    self.identityOfCasualty = identityOfCasualty
    self.position = position
    self.positionTime = positionTime
    self.situation = situation
    self.numberOfPersons = numberOfPersons
    self.assistanceRequired = assistanceRequired
    self.coordinatingRCC = coordinatingRCC
    self.descriptionOfCasualty = descriptionOfCasualty
    self.weatherOnScene = weatherOnScene
    self.initialActionsTaken = initialActionsTaken
    self.searchAreas = searchAreas
    self.searchSummary = searchSummary
    self.coordinatingInstructions = coordinatingInstructions
    self.futurePlans = futurePlans
    self.additionalInformation = additionalInformation
  }
}

public enum Sitrep {
  /// The SITREP text, lines ending in "\n".
  public static func text(_ s: SitrepInput) -> String {
    var lines: [String] = []
    if let precedence = s.precedence { lines.append(precedence) }
    lines.append(MessageFormat.dateTimeGroup(s.dateTimeGroup))
    lines.append("FROM: \(s.from)")
    lines.append("TO: \(s.to.joined(separator: ", "))")
    if !s.info.isEmpty { lines.append("INFO: \(s.info.joined(separator: ", "))") }
    lines.append("SAR \(s.caseIdentification) SITREP NO \(s.number)\(s.isFinal ? " FINAL" : "")")
    lines.append("A. IDENTITY OF CASUALTY: \(s.identityOfCasualty)")
    let position = s.position.map(MessageFormat.position) ?? "UNKNOWN"
    let time = s.positionTime.map { " AT \(MessageFormat.dateTimeGroup($0))" } ?? ""
    lines.append("B. POSITION: \(position)\(time)")
    lines.append("C. SITUATION: \(s.situation)")
    func item(_ letter: String, _ title: String, _ value: String?) {
      if let value, !value.isEmpty { lines.append("\(letter). \(title): \(value)") }
    }
    item("D", "NUMBER OF PERSONS", s.numberOfPersons.map(String.init))
    item("E", "ASSISTANCE REQUIRED", s.assistanceRequired)
    item("F", "CO-ORDINATING RCC", s.coordinatingRCC)
    item("G", "DESCRIPTION OF CASUALTY", s.descriptionOfCasualty)
    item("H", "WEATHER ON SCENE", s.weatherOnScene)
    item("J", "INITIAL ACTIONS TAKEN", s.initialActionsTaken)
    if !s.searchAreas.isEmpty || s.searchSummary != nil {
      lines.append("K. SEARCH AREA:")
      for area in s.searchAreas {
        let size = SearchActionMessage.size(area.corners).map {
          " (\(MessageFormat.squareNauticalMiles($0)) NM2)"
        }
        let corners = area.corners.map(MessageFormat.position).joined(separator: ", ")
        lines.append("   \(area.id)\(size ?? ""): \(corners)")
      }
      if let summary = s.searchSummary { lines.append("   \(summary)") }
    }
    item("L", "CO-ORDINATING INSTRUCTIONS", s.coordinatingInstructions)
    item("M", "FUTURE PLANS", s.futurePlans)
    item("N", s.isFinal ? "CONCLUSION" : "ADDITIONAL INFORMATION", s.additionalInformation)
    return lines.joined(separator: "\n") + "\n"
  }
}
