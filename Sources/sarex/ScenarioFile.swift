import Foundation

/// A drift scenario as written in YAML by a planner. Paths are relative to the scenario file.
///
/// ```yaml
/// name: Person in water off Fedje
/// object: PIW-1
/// start: 2015-11-16T00:00:00Z
/// duration: 66h
/// step: 10m
/// output_step: 1h
/// particles: 100000
/// seed: 1
/// wind: ../data/forcing/arome_subset_16Nov2015.nc
/// current: ../data/forcing/norkyst800_subset_16Nov2015.nc
/// seeding:
///   - name: LKP
///     point: {lon: 4.0, lat: 60.2}
///     radius: 500
/// ```
struct ScenarioFile: Decodable {
  var name: String?
  /// Default search-object class of every seed (code such as `PIW-1`, or number).
  var object: String?
  var start: String
  var duration: String
  var step: String?
  var outputStep: String?
  /// Total particle count, shared among seeds in proportion to their weights unless a seed
  /// gives its own.
  var particles: Int?
  var seed: UInt64?
  var jibing: Bool?
  var wind: String
  var current: String
  /// GSHHG resolution: `full` (default), `high`, `intermediate`, `low`, `crude`, or `none`.
  var land: String?
  var seeding: [Seed]

  struct Position: Decodable {
    var lon: Double
    var lat: Double
    var time: String?
  }

  struct Seed: Decodable {
    var name: String?
    var weight: Double?
    var particles: Int?
    /// Object classes with their weights within this seed; overrides `object`.
    var objects: [String: Double]?
    var object: String?
    var point: Position?
    /// Metres; 1-sigma for `gaussian`, disk radius for `uniform`.
    var radius: Double?
    var distribution: String?
    /// A line or cone: from, to (with optional times) and radii at each end.
    var from: Position?
    var to: Position?
    var radiusStart: Double?
    var radiusEnd: Double?
    /// A polygon as `[[lon, lat], ...]`.
    var polygon: [[Double]]?
    /// Release window: the first and last release times (default: the scenario start).
    var releaseStart: String?
    var releaseEnd: String?

    enum CodingKeys: String, CodingKey {
      case name, weight, particles, objects, object, point, radius, distribution, from, to, polygon
      case radiusStart = "radius_start"
      case radiusEnd = "radius_end"
      case releaseStart = "release_start"
      case releaseEnd = "release_end"
    }
  }

  enum CodingKeys: String, CodingKey {
    case name, object, start, duration, step, particles, seed, jibing, wind, current, land, seeding
    case outputStep = "output_step"
  }

  /// Reads and decodes a scenario file; errors name the file and the field.
  static func load(_ url: URL) throws -> ScenarioFile {
    try YAMLInput.load(ScenarioFile.self, from: url, kind: "scenario file")
  }

  /// Decodes scenario YAML; `source` names it in errors.
  static func decode(_ text: String, source: String) throws -> ScenarioFile {
    try YAMLInput.decode(ScenarioFile.self, from: text, source: source)
  }
}
