import Foundation

/// A search planning case as written in YAML. Paths are relative to the case file.
///
/// ```yaml
/// name: Person in water off western Norway
/// scenario: drift.yaml            # or `drift:` with the scenario inline
/// periods:
///   - {name: "1", on_scene: 2015-11-16T12:00:00Z}
///   - {name: "2", on_scene: 2015-11-16T18:00:00Z}
/// units:
///   - {id: large-vessel, call_sign: JCG MIZUHO, nation: JPN, base: Kagoshima}
///   - {id: helicopter, call_sign: KCG 512, nation: KOR, on_scene_delay: 30m,
///      endurance_hours: 2.5}
/// visibility_nm: 10
/// wind_knots: 12
/// sea_height_m: 0.8
/// mode: optimal                 # or worksheet
/// time_budget_seconds: 5
/// ```
struct PlanCaseFile: Decodable {
  var name: String?
  /// Drift scenario file (YAML), relative to the case file.
  var scenario: String?
  /// The drift scenario inline, instead of `scenario`.
  var drift: ScenarioFile?
  var periods: [Period]
  var units: [Unit]
  /// Extra search unit catalogue (same format as the shipped search-units.yaml).
  var catalogue: String?
  var visibilityNM: Double
  var windKnots: Double
  var seaHeightM: Double
  var fatigued: Bool?
  var mode: String?
  var timeBudgetSeconds: Double?
  /// Smallest track spacing per unit kind, NM (e.g. {fixedWing: 0.8}); kinds not given keep
  /// `PlanningConditions.defaultMinimumTrackSpacingsNM`.
  var minimumTrackSpacingNM: [String: Double]?
  /// The SMC's datum for the worksheet plan, instead of the particles' centre.
  var datum: ScenarioFile.Position?
  /// Originator and the SMC of the messages.
  var rcc: String?

  struct Period: Decodable {
    var name: String?
    /// Start of the period's search (UTC); the ensemble at this time is planned on.
    var onScene: String

    enum CodingKeys: String, CodingKey {
      case name
      case onScene = "on_scene"
    }
  }

  struct Unit: Decodable {
    /// Catalogue id (e.g. `helicopter`), or a new id with every field below given.
    var id: String
    var callSign: String
    var nation: String
    var base: String?
    /// Delay after each period's start before the unit is on scene (e.g. 30m).
    var onSceneDelay: String?
    var kind: String?
    var speedKnots: Double?
    var enduranceHours: Double?
    var altitudeFeet: Double?

    enum CodingKeys: String, CodingKey {
      case id, nation, base, kind
      case callSign = "call_sign"
      case onSceneDelay = "on_scene_delay"
      case speedKnots = "speed_knots"
      case enduranceHours = "endurance_hours"
      case altitudeFeet = "altitude_feet"
    }
  }

  enum CodingKeys: String, CodingKey {
    case name, scenario, drift, periods, units, catalogue, fatigued, mode, datum, rcc
    case visibilityNM = "visibility_nm"
    case windKnots = "wind_knots"
    case seaHeightM = "sea_height_m"
    case timeBudgetSeconds = "time_budget_seconds"
    case minimumTrackSpacingNM = "minimum_track_spacing_nm"
  }

  /// Reads and decodes a case file; errors name the file and the field.
  static func load(_ url: URL) throws -> PlanCaseFile {
    try YAMLInput.load(PlanCaseFile.self, from: url, kind: "case file")
  }

  /// Decodes case YAML; `source` names it in errors.
  static func decode(_ text: String, source: String) throws -> PlanCaseFile {
    try YAMLInput.decode(PlanCaseFile.self, from: text, source: source)
  }
}
