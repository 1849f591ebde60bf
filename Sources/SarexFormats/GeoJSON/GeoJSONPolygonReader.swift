import Foundation
import SarexGeo

/// Why a GeoJSON file could not be read; the text names the file, the feature and the field.
public enum GeoJSONError: Error, CustomStringConvertible, Equatable {
  /// The file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// The bytes are not JSON.
  case notJSON(source: String, reason: String)
  /// The JSON is not the GeoJSON expected: `feature` is the index in `features` (nil for the
  /// top level), `field` a path such as `geometry.coordinates[0][3]`.
  case invalid(source: String, feature: Int?, field: String, expected: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read GeoJSON file \(path): \(reason)"
    case .notJSON(let source, let reason):
      return "\(source) is not valid JSON: \(reason)"
    case .invalid(let source, let feature, let field, let expected):
      let place = feature.map { "feature \($0), field \(field)" } ?? "field \(field)"
      return "\(source): \(place): expected \(expected)"
    }
  }
}

/// A polygonal feature read from GeoJSON: one or more polygons (a Polygon gives one).
public struct GeoJSONPolygonFeature: Sendable, Equatable {
  /// Index of the feature in the file's `features` array (0 for a lone Feature or geometry).
  public var index: Int
  /// Each polygon as rings: exterior first, then holes. Rings are open: the closing position that
  /// repeats the first is dropped.
  public var polygons: [[[GeoPoint]]]
  /// The feature's `properties` (`.null` when absent or null).
  public var properties: JSONValue
}

/// Reads polygons (seeding areas, search areas) from GeoJSON, strictly: every position, ring and
/// type is checked and the first problem is reported with the feature index and the field.
///
/// Accepts a FeatureCollection whose features all have Polygon or MultiPolygon geometry, a single
/// such Feature, or a bare Polygon or MultiPolygon. Rings need at least four positions, the last
/// equal to the first (RFC 7946 section 3.1.6), longitudes in [-180, 180], latitudes in [-90, 90]
/// and a non-zero area. Ring orientation is not enforced (RFC 7946 asks parsers not to reject it).
public enum GeoJSONPolygonReader {
  /// Reads the file at `path`.
  public static func read(path: String) throws(GeoJSONError) -> [GeoJSONPolygonFeature] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
    }
    return try parse(data, source: path)
  }

  /// Parses GeoJSON bytes; `source` names them in errors (a path, "request body", ...).
  public static func parse(_ data: Data, source: String) throws(GeoJSONError)
    -> [GeoJSONPolygonFeature]
  {
    let root: JSONValue
    do {
      root = try JSONDecoder().decode(DecodedJSON.self, from: data).value
    } catch {
      throw .notJSON(source: source, reason: Self.reason(error))
    }
    let reader = Reader(source: source)
    return try reader.document(root)
  }

  private static func reason(_ error: any Error) -> String {
    if let error = error as? DecodingError {
      switch error {
      case .dataCorrupted(let context): return context.debugDescription
      default: return String(describing: error)
      }
    }
    return String(describing: error)
  }
}

/// Walks the parsed document; one instance per call.
private struct Reader {
  let source: String

  func fail(_ feature: Int?, _ field: String, _ expected: String) -> GeoJSONError {
    .invalid(source: source, feature: feature, field: field, expected: expected)
  }

  func type(of value: JSONValue, _ feature: Int?, _ field: String) throws(GeoJSONError) -> String {
    guard case .string(let type)? = value["type"] else {
      throw fail(feature, field.isEmpty ? "type" : field + ".type", "a string member \"type\"")
    }
    return type
  }

  func document(_ root: JSONValue) throws(GeoJSONError) -> [GeoJSONPolygonFeature] {
    guard case .object = root else { throw fail(nil, "(root)", "a JSON object") }
    switch try type(of: root, nil, "") {
    case "FeatureCollection":
      guard case .array(let features)? = root["features"] else {
        throw fail(nil, "features", "an array of Features")
      }
      var result: [GeoJSONPolygonFeature] = []
      for (index, feature) in features.enumerated() {
        result.append(try self.feature(feature, index: index, field: ""))
      }
      return result
    case "Feature":
      return [try feature(root, index: 0, field: "")]
    case "Polygon", "MultiPolygon":
      return [
        GeoJSONPolygonFeature(
          index: 0, polygons: try geometry(root, feature: nil, field: ""), properties: .null)
      ]
    case let other:
      throw fail(
        nil, "type", "FeatureCollection, Feature, Polygon or MultiPolygon, not \"\(other)\"")
    }
  }

  func feature(_ value: JSONValue, index: Int, field: String) throws(GeoJSONError)
    -> GeoJSONPolygonFeature
  {
    guard case .object = value else { throw fail(index, "(feature)", "a JSON object") }
    let type = try type(of: value, index, "")
    guard type == "Feature" else { throw fail(index, "type", "\"Feature\", not \"\(type)\"") }
    guard let geometry = value["geometry"], geometry != .null else {
      throw fail(index, "geometry", "a Polygon or MultiPolygon geometry, not null or absent")
    }
    let properties = value["properties"] ?? .null
    switch properties {
    case .object, .null: break
    default: throw fail(index, "properties", "an object or null, not \(properties.kindName)")
    }
    return GeoJSONPolygonFeature(
      index: index, polygons: try self.geometry(geometry, feature: index, field: "geometry"),
      properties: properties)
  }

  func geometry(_ value: JSONValue, feature: Int?, field: String) throws(GeoJSONError)
    -> [[[GeoPoint]]]
  {
    guard case .object = value else { throw fail(feature, field, "a geometry object") }
    let type = try type(of: value, feature, field)
    let prefix = field.isEmpty ? "" : field + "."
    guard let coordinates = value["coordinates"] else {
      throw fail(feature, prefix + "coordinates", "a coordinates array")
    }
    switch type {
    case "Polygon":
      return [try polygon(coordinates, feature: feature, field: prefix + "coordinates")]
    case "MultiPolygon":
      let list = try array(coordinates, feature, prefix + "coordinates", "an array of polygons")
      guard !list.isEmpty else {
        throw fail(feature, prefix + "coordinates", "at least one polygon")
      }
      var polygons: [[[GeoPoint]]] = []
      for (index, item) in list.enumerated() {
        polygons.append(
          try polygon(item, feature: feature, field: prefix + "coordinates[\(index)]"))
      }
      return polygons
    default:
      throw fail(feature, prefix + "type", "Polygon or MultiPolygon, not \"\(type)\"")
    }
  }

  func array(_ value: JSONValue, _ feature: Int?, _ field: String, _ expected: String)
    throws(GeoJSONError) -> [JSONValue]
  {
    guard case .array(let items) = value else {
      throw fail(feature, field, "\(expected), not \(value.kindName)")
    }
    return items
  }

  func polygon(_ value: JSONValue, feature: Int?, field: String) throws(GeoJSONError)
    -> [[GeoPoint]]
  {
    let rings = try array(value, feature, field, "an array of linear rings")
    guard !rings.isEmpty else { throw fail(feature, field, "at least one linear ring") }
    var result: [[GeoPoint]] = []
    for (index, ring) in rings.enumerated() {
      result.append(try self.ring(ring, feature: feature, field: field + "[\(index)]"))
    }
    return result
  }

  func ring(_ value: JSONValue, feature: Int?, field: String) throws(GeoJSONError) -> [GeoPoint] {
    let positions = try array(value, feature, field, "a linear ring (array of positions)")
    guard positions.count >= 4 else {
      throw fail(feature, field, "a linear ring of at least 4 positions, not \(positions.count)")
    }
    var points: [GeoPoint] = []
    points.reserveCapacity(positions.count)
    for (index, position) in positions.enumerated() {
      points.append(try self.position(position, feature: feature, field: field + "[\(index)]"))
    }
    guard points.first == points.last else {
      throw fail(feature, field, "a closed ring (last position equal to the first)")
    }
    points.removeLast()
    var twiceArea = 0.0
    for index in points.indices {
      let a = points[index]
      let b = points[(index + 1) % points.count]
      twiceArea += a.longitudeDegrees * b.latitudeDegrees - b.longitudeDegrees * a.latitudeDegrees
    }
    guard twiceArea != 0 else { throw fail(feature, field, "a ring enclosing a non-zero area") }
    return points
  }

  func position(_ value: JSONValue, feature: Int?, field: String) throws(GeoJSONError) -> GeoPoint {
    let numbers = try array(value, feature, field, "a position [longitude, latitude]")
    guard numbers.count == 2 || numbers.count == 3 else {
      throw fail(feature, field, "a position of 2 or 3 numbers, not \(numbers.count)")
    }
    guard case .number(let longitude) = numbers[0], longitude.isFinite else {
      throw fail(feature, field + "[0]", "a longitude number, not \(numbers[0].kindName)")
    }
    guard case .number(let latitude) = numbers[1], latitude.isFinite else {
      throw fail(feature, field + "[1]", "a latitude number, not \(numbers[1].kindName)")
    }
    if numbers.count == 3, case .number = numbers[2] {
    } else if numbers.count == 3 {
      throw fail(feature, field + "[2]", "an altitude number, not \(numbers[2].kindName)")
    }
    guard (-180...180).contains(longitude) else {
      throw fail(feature, field + "[0]", "a longitude in [-180, 180] degrees, not \(longitude)")
    }
    guard (-90...90).contains(latitude) else {
      throw fail(feature, field + "[1]", "a latitude in [-90, 90] degrees, not \(latitude)")
    }
    return GeoPoint(longitudeDegrees: longitude, latitudeDegrees: latitude)
  }
}

/// Decodes any JSON into ``JSONValue`` (object member order is not preserved when reading).
private struct DecodedJSON: Decodable {
  let value: JSONValue

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  init(from decoder: any Decoder) throws {
    if let container = try? decoder.container(keyedBy: Key.self) {
      var members: [(key: String, value: JSONValue)] = []
      for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
        members.append((key.stringValue, try container.decode(DecodedJSON.self, forKey: key).value))
      }
      value = .object(members)
      return
    }
    if var container = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !container.isAtEnd { items.append(try container.decode(DecodedJSON.self).value) }
      value = .array(items)
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      value = .null
    } else if let bool = try? single.decode(Bool.self) {
      value = .bool(bool)
    } else if let number = try? single.decode(Double.self) {
      value = .number(number)
    } else {
      value = .string(try single.decode(String.self))
    }
  }
}
