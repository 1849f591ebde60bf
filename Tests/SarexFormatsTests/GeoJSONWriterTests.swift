import Foundation
import SarexGeo
import Testing

@testable import SarexFormats

@Test func fixedDecimalRoundsAndTrimsZeros() {
  #expect(FixedDecimal.text(4.0, decimals: 6) == "4")
  #expect(FixedDecimal.text(-0.0000004, decimals: 6) == "0")
  #expect(FixedDecimal.text(-3.1234567, decimals: 6) == "-3.123457")
  #expect(FixedDecimal.text(60.05, decimals: 6) == "60.05")
  #expect(FixedDecimal.text(-179.0000015, decimals: 6) == "-179.000002")
  #expect(FixedDecimal.text(0.000001, decimals: 6) == "0.000001")
  #expect(FixedDecimal.text(.nan, decimals: 6) == "null")
}

@Test func geoJSONWritesLongitudeFirstAndClosesRings() throws {
  let a = GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.0)
  let b = GeoPoint(longitudeDegrees: 4.1, latitudeDegrees: 60.0)
  let c = GeoPoint(longitudeDegrees: 4.1, latitudeDegrees: 60.1)
  let features = [
    GeoJSONFeature(geometry: .point(c), properties: [("name", "LKP"), ("n", 3)]),
    GeoJSONFeature(geometry: .polygon([[a, b, c]]), properties: [("fraction", 0.5)]),
  ]
  let text = GeoJSONWriter().text(features)
  #expect(text.contains("{\"type\":\"Point\",\"coordinates\":[4.1,60.1]}"))
  #expect(text.contains("\"properties\":{\"name\":\"LKP\",\"n\":3}"))
  #expect(text.contains("\"coordinates\":[[[4,60],[4.1,60],[4.1,60.1],[4,60]]]"))
  // The whole document is valid JSON with the RFC 7946 structure.
  let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
  #expect(object?["type"] as? String == "FeatureCollection")
  #expect((object?["features"] as? [Any])?.count == 2)
}

@Test func geoJSONEscapesStringsAndWritesNaNAsNull() throws {
  let feature = GeoJSONFeature(
    geometry: .multiPoint([]),
    properties: [("note", "a \"quote\"\n\u{01}"), ("x", .number(.nan)), ("ok", true)])
  let text = GeoJSONWriter().text([feature])
  #expect(text.contains(#"{"note":"a \"quote\"\n\u0001","x":null,"ok":true}"#))
  #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
}

@Test func geoJSONMultiPolygonRoundTripsThroughTheReader() throws {
  let outer = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)].map {
    GeoPoint(longitudeDegrees: $0.0, latitudeDegrees: $0.1)
  }
  let hole = [(0.2, 0.2), (0.2, 0.8), (0.8, 0.8), (0.8, 0.2)].map {
    GeoPoint(longitudeDegrees: $0.0, latitudeDegrees: $0.1)
  }
  let path = makeScratchDirectory() + "/areas.geojson"
  try GeoJSONWriter().write(
    [GeoJSONFeature(geometry: .multiPolygon([[outer, hole], [outer]]), properties: [("p", 50)])],
    to: path)
  let read = try GeoJSONPolygonReader.read(path: path)
  #expect(read.count == 1)
  #expect(read[0].polygons == [[outer, hole], [outer]])
  #expect(read[0].properties["p"] == .number(50))
}
