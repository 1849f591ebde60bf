import SarexGeo

/// Writes GeoJSON FeatureCollections (RFC 7946): positions as [longitude, latitude] in WGS 84
/// degrees, rounded to a fixed number of decimals (RFC 7946 section 11.2: 6 decimals is about
/// 10 cm, more than any drift prediction resolves), compact text.
public struct GeoJSONWriter: Sendable {
  /// Decimals kept in each coordinate (0...12); trailing zeros are dropped.
  public var coordinateDecimals: Int

  public init(coordinateDecimals: Int = 6) {
    self.coordinateDecimals = min(max(coordinateDecimals, 0), 12)
  }

  /// The FeatureCollection of `features` as text, one feature per line for readable diffs.
  public func text(_ features: [GeoJSONFeature]) -> String {
    var out = "{\"type\":\"FeatureCollection\",\"features\":["
    for (index, feature) in features.enumerated() {
      out += index > 0 ? ",\n" : "\n"
      write(feature, to: &out)
    }
    out += "\n]}\n"
    return out
  }

  /// Writes the FeatureCollection atomically to `path` (see ``AtomicFileWriter``).
  public func write(_ features: [GeoJSONFeature], to path: String) throws(AtomicFileError) {
    try AtomicFileWriter.write(text(features), to: path)
  }

  /// Appends one Feature object.
  public func write(_ feature: GeoJSONFeature, to out: inout String) {
    out += "{\"type\":\"Feature\",\"geometry\":"
    write(feature.geometry, to: &out)
    out += ",\"properties\":"
    JSONValue.object(feature.properties).write(to: &out)
    out += "}"
  }

  /// Appends one geometry object.
  public func write(_ geometry: GeoJSONGeometry, to out: inout String) {
    out += "{\"type\":\"\(geometry.typeName)\",\"coordinates\":"
    switch geometry {
    case .point(let point): writePosition(point, to: &out)
    case .multiPoint(let points), .lineString(let points): writePositions(points, to: &out)
    case .multiLineString(let lines):
      writeList(lines, to: &out) { writePositions($0, to: &$1) }
    case .polygon(let rings):
      writeList(rings, to: &out) { writeRing($0, to: &$1) }
    case .multiPolygon(let polygons):
      writeList(polygons, to: &out) { rings, out in
        writeList(rings, to: &out) { writeRing($0, to: &$1) }
      }
    }
    out += "}"
  }

  private func writeList<T>(
    _ items: [T], to out: inout String, _ body: (T, inout String) -> Void
  ) {
    out += "["
    for (index, item) in items.enumerated() {
      if index > 0 { out += "," }
      body(item, &out)
    }
    out += "]"
  }

  private func writePositions(_ points: [GeoPoint], to out: inout String) {
    writeList(points, to: &out) { writePosition($0, to: &$1) }
  }

  /// A linear ring, closed if the caller left it open.
  private func writeRing(_ ring: [GeoPoint], to out: inout String) {
    guard let first = ring.first, let last = ring.last, first != last else {
      writePositions(ring, to: &out)
      return
    }
    writePositions(ring + [first], to: &out)
  }

  private func writePosition(_ point: GeoPoint, to out: inout String) {
    out += "["
    out += FixedDecimal.text(point.longitudeDegrees, decimals: coordinateDecimals)
    out += ","
    out += FixedDecimal.text(point.latitudeDegrees, decimals: coordinateDecimals)
    out += "]"
  }
}
