import Foundation
import Yams

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
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CLIError("Cannot read scenario file \(url.path): \(error.localizedDescription).")
    }
    return try ScenarioFileDecoding.decode(text, source: "Scenario file \(url.path)")
  }
}

/// Decodes scenario YAML, turning decoding errors into sentences naming the field.
enum ScenarioFileDecoding {
  static func decode(_ text: String, source: String) throws -> ScenarioFile {
    do {
      return try YAMLDecoder().decode(ScenarioFile.self, from: text)
    } catch let DecodingError.keyNotFound(key, context) {
      throw CLIError(
        "\(source): missing field '\(Self.path(context.codingPath + [key]))'.")
    } catch let DecodingError.typeMismatch(type, context) {
      throw CLIError(
        "\(source): field '\(Self.path(context.codingPath))' should be a \(type).")
    } catch let DecodingError.valueNotFound(type, context) {
      throw CLIError(
        "\(source): field '\(Self.path(context.codingPath))' needs a \(type) value.")
    } catch let DecodingError.dataCorrupted(context) {
      throw CLIError(
        "\(source): \(context.debugDescription) at '\(Self.path(context.codingPath))'."
      )
    } catch {
      throw CLIError("\(source) is not valid YAML: \(error).")
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
      .replacingOccurrences(of: ".[", with: "[")
  }
}
