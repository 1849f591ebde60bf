import Foundation
import SarexGeo
import Testing

@testable import SarexFormats

private let japan = KMLStyle.nation("JPN", color: KMLColor(red: 0xBC, green: 0x00, blue: 0x2D))
private let korea = KMLStyle.nation("KOR", color: KMLColor(red: 0x00, green: 0x47, blue: 0xA0))

private let area = [
  GeoPoint(longitudeDegrees: 129.5, latitudeDegrees: 34.5),
  GeoPoint(longitudeDegrees: 129.8, latitudeDegrees: 34.5),
  GeoPoint(longitudeDegrees: 129.8, latitudeDegrees: 34.7),
  GeoPoint(longitudeDegrees: 129.5, latitudeDegrees: 34.7),
]

private func document() -> KMLDocument {
  KMLDocument(
    name: "Search plan 1 & 2", styles: [japan, korea],
    folders: [
      KMLFolder(
        name: "JPN",
        placemarks: [
          KMLPlacemark(
            name: "A-1", description: "PS <0.87 NM>", styleID: "nation-JPN",
            geometry: .polygon(area)),
          KMLPlacemark(
            name: "JA-801 track", styleID: "nation-JPN",
            geometry: .lineString(Array(area.prefix(3))),
            timeSpan: DateInterval(
              start: Date(timeIntervalSince1970: 1_795_626_600), duration: 3600)),
        ])
    ],
    placemarks: [
      KMLPlacemark(
        name: "Datum", styleID: "nation-KOR",
        geometry: .point(GeoPoint(longitudeDegrees: 129.65, latitudeDegrees: 34.6)))
    ])
}

@Test func kmlParsesBackAsKML22WithStylesAreasAndTracks() throws {
  let root = try ParsedElement.parse(try document().xml()).get()
  // OGC KML 2.2 (07-147r2): root kml in its namespace, one Document.
  #expect(root.name == "kml")
  #expect(root.namespace == "http://www.opengis.net/kml/2.2")
  let doc = try #require(root.child("Document"))
  #expect(doc.child("name")?.text == "Search plan 1 & 2")
  let styles = doc.all("Style")
  #expect(styles.map { $0.attributes["id"] } == ["nation-JPN", "nation-KOR"])
  // KML colours are aabbggrr: JPN red BC002D opaque line, 25 % fill.
  #expect(styles[0].child("LineStyle")?.child("color")?.text == "ff2d00bc")
  #expect(styles[0].child("PolyStyle")?.child("color")?.text == "402d00bc")
  let folder = try #require(doc.child("Folder"))
  #expect(folder.child("name")?.text == "JPN")
  let placemarks = folder.all("Placemark")
  #expect(placemarks.count == 2)
  #expect(placemarks[0].child("description")?.text == "PS <0.87 NM>")
  #expect(placemarks[0].child("styleUrl")?.text == "#nation-JPN")
  let ring = try #require(
    placemarks[0].child("Polygon")?.child("outerBoundaryIs")?.child("LinearRing")?.child(
      "coordinates"))
  let coordinates = ring.text.split(separator: " ").map {
    $0.split(separator: ",").compactMap { Double($0) }
  }
  // Closed ring: the first corner repeated; longitude first.
  #expect(coordinates.count == 5)
  #expect(coordinates.first == coordinates.last)
  for (pair, corner) in zip(coordinates, area) {
    #expect(abs(pair[0] - corner.longitudeDegrees) < 1e-7)
    #expect(abs(pair[1] - corner.latitudeDegrees) < 1e-7)
  }
  let line = try #require(placemarks[1].child("LineString")?.child("coordinates"))
  #expect(line.text.split(separator: " ").count == 3)
  #expect(placemarks[1].child("TimeSpan")?.child("begin")?.text == "2026-11-25T17:10:00Z")
  #expect(placemarks[1].child("TimeSpan")?.child("end")?.text == "2026-11-25T18:10:00Z")
  let datum = try #require(doc.child("Placemark")?.child("Point")?.child("coordinates"))
  #expect(datum.text == "129.6500000,34.6000000")
}

@Test func kmlPolygonNeedsThreeDistinctPoints() {
  let bad = KMLDocument(
    name: "x",
    placemarks: [KMLPlacemark(name: "A-9", geometry: .polygon([area[0], area[1], area[0]]))])
  #expect(throws: KMLError.tooFewPoints(placemark: "A-9", kind: "polygon", needed: 3, got: 2)) {
    try bad.xml()
  }
}

@Test func kmlRejectsUndefinedStylesAndImpossiblePositions() {
  let undefined = KMLDocument(
    name: "x",
    placemarks: [KMLPlacemark(name: "P", styleID: "nation-FRA", geometry: .point(area[0]))])
  #expect(throws: KMLError.unknownStyle(placemark: "P", styleID: "nation-FRA")) {
    try undefined.xml()
  }
  let impossible = KMLDocument(
    name: "x",
    placemarks: [
      KMLPlacemark(name: "Q", geometry: .point(GeoPoint(longitudeDegrees: 200, latitudeDegrees: 0)))
    ])
  #expect(throws: KMLError.invalidPosition(placemark: "Q", latitude: 0, longitude: 200)) {
    try impossible.xml()
  }
}

@Test func kmlEscapesNamesAndWritesTheFile() throws {
  let doc = KMLDocument(
    name: "<Plan> & \"co\"",
    placemarks: [KMLPlacemark(name: "A&B", geometry: .lineString([area[0], area[2]]))])
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "sarex-kml-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let url = directory.appendingPathComponent("plan.kml")
  try doc.write(to: url)
  let root = try ParsedElement.parse(try String(contentsOf: url, encoding: .utf8)).get()
  #expect(root.child("Document")?.child("name")?.text == "<Plan> & \"co\"")
  #expect(root.child("Document")?.child("Placemark")?.child("name")?.text == "A&B")
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plan.kml"])
}
