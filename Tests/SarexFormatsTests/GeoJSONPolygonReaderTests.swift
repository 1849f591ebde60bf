import Foundation
import Testing

@testable import SarexFormats

private func parse(_ text: String) throws(GeoJSONError) -> [GeoJSONPolygonFeature] {
  try GeoJSONPolygonReader.parse(Data(text.utf8), source: "test.geojson")
}

private let square = "[[[4,60],[5,60],[5,61],[4,61],[4,60]]]"

@Test func readerAcceptsCollectionFeatureAndBareGeometry() throws {
  let collection = try parse(
    """
    {"type":"FeatureCollection","features":[
     {"type":"Feature","properties":{"name":"A"},"geometry":{"type":"Polygon","coordinates":\(square)}},
     {"type":"Feature","properties":null,"geometry":{"type":"MultiPolygon","coordinates":[\(square),\(square)]}}]}
    """)
  #expect(collection.map(\.index) == [0, 1])
  #expect(collection[0].polygons[0][0].count == 4)
  #expect(collection[0].properties["name"] == "A")
  #expect(collection[1].polygons.count == 2)
  let bare = try parse(#"{"type":"Polygon","coordinates":\#(square)}"#)
  #expect(bare.count == 1)
}

/// Parses `text` and returns the error's text (empty when it parsed).
private func errorText(_ text: String) -> String {
  do {
    _ = try parse(text)
    return ""
  } catch {
    return error.description
  }
}

@Test func readerErrorsNameFeatureIndexAndField() {
  let notClosed = errorText(
    """
    {"type":"FeatureCollection","features":[
     {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":\(square)}},
     {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[4,60],[5,60],[5,61],[4,61]]]}}]}
    """)
  #expect(
    notClosed
      == "test.geojson: feature 1, field geometry.coordinates[0]: expected a closed ring (last position equal to the first)"
  )
  let badLatitude = errorText(
    #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[4,60],[5,91],[5,61],[4,60]]]}}"#
  )
  #expect(badLatitude.contains("feature 0, field geometry.coordinates[0][1][1]"))
  #expect(badLatitude.contains("[-90, 90]"))
  let stringNumber = errorText(
    #"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[4,60],["5",60],[5,61],[4,60]]]}}"#
  )
  #expect(
    stringNumber.contains(
      "field geometry.coordinates[0][1][0]: expected a longitude number, not a string"))
  let point = errorText(
    #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[4,60]}}]}"#
  )
  #expect(
    point.contains(
      "feature 0, field geometry.type: expected Polygon or MultiPolygon, not \"Point\""))
  let nullGeometry = errorText(
    #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]}"#)
  #expect(nullGeometry.contains("feature 0, field geometry"))
  #expect(errorText("{\"type\": ").contains("is not valid JSON"))
  #expect(
    errorText(#"{"type":"Polygon","coordinates":[[[4,60],[5,60],[4,60],[4,60]]]}"#).contains(
      "non-zero area"))
  #expect(
    errorText(#"{"type":"Polygon","coordinates":[[[4,60],[5,60],[4,60]]]}"#).contains(
      "at least 4 positions, not 3"))
}

@Test func readerReportsMissingFileByPath() {
  #expect {
    try GeoJSONPolygonReader.read(path: "/no/such/area.geojson")
  } throws: { error in
    String(describing: error).contains("/no/such/area.geojson")
  }
}
