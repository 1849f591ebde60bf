import SarexGeo

/// A GeoJSON geometry (RFC 7946 section 3.1) with positions as ``GeoPoint`` (degrees).
///
/// Rings may be given open or closed: the writer closes them (repeats the first position). Exterior
/// rings should run counterclockwise and holes clockwise (RFC 7946 section 3.1.6); the writer keeps
/// the order given.
public enum GeoJSONGeometry: Sendable, Equatable {
  case point(GeoPoint)
  case multiPoint([GeoPoint])
  case lineString([GeoPoint])
  case multiLineString([[GeoPoint]])
  /// Rings: the first is the exterior, any others are holes.
  case polygon([[GeoPoint]])
  /// Polygons, each as rings (exterior first, then holes).
  case multiPolygon([[[GeoPoint]]])

  /// The GeoJSON `type` member.
  public var typeName: String {
    switch self {
    case .point: "Point"
    case .multiPoint: "MultiPoint"
    case .lineString: "LineString"
    case .multiLineString: "MultiLineString"
    case .polygon: "Polygon"
    case .multiPolygon: "MultiPolygon"
    }
  }
}

/// A GeoJSON feature: a geometry with properties (kept in the order given).
public struct GeoJSONFeature: Sendable, Equatable {
  public var geometry: GeoJSONGeometry
  /// The `properties` member, written as a JSON object.
  public var properties: [(key: String, value: JSONValue)]

  public init(geometry: GeoJSONGeometry, properties: [(key: String, value: JSONValue)] = []) {
    self.geometry = geometry
    self.properties = properties
  }

  public static func == (lhs: GeoJSONFeature, rhs: GeoJSONFeature) -> Bool {
    lhs.geometry == rhs.geometry
      && JSONValue.object(lhs.properties) == JSONValue.object(rhs.properties)
  }
}
