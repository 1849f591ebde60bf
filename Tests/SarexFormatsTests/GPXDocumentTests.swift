import Foundation
import SarexGeo
import Testing

@testable import SarexFormats

private let commence = Date(timeIntervalSince1970: 1_795_626_600)  // 2026-11-25T17:10:00Z

private func sortie() -> GPXDocument {
  let points = (0..<4).map { i in
    NamedPoint(
      name: i == 0 ? "CSP" : "WP\(i)",
      position: GeoPoint(
        longitudeDegrees: 4 + 0.05 * Double(i), latitudeDegrees: 60.2 - 0.01 * Double(i)),
      time: commence.addingTimeInterval(600 * Double(i)))
  }
  return GPXDocument(
    creator: "Sarex", name: "Sortie JA-801 <PS> A&B", time: commence, waypoints: points,
    routes: [NamedPointList(name: "JA-801 route", points: points)],
    tracks: [
      NamedPointList(name: "JA-801 track", points: points, description: "PS \"1.0 NM\" 'S'")
    ])
}

@Test func gpxParsesBackAsGPX11WithWaypointsRouteAndTrack() throws {
  let xml = try sortie().xml()
  let root = try ParsedElement.parse(xml).get()
  // GPX 1.1 schema (https://www.topografix.com/GPX/1/1/): root gpx, version 1.1, its namespace.
  #expect(root.name == "gpx")
  #expect(root.namespace == "http://www.topografix.com/GPX/1/1")
  #expect(root.attributes["version"] == "1.1")
  #expect(root.attributes["creator"] == "Sarex")
  // Children in the schema's sequence: metadata, wpt*, rte*, trk*.
  #expect(root.children.map(\.name) == ["metadata", "wpt", "wpt", "wpt", "wpt", "rte", "trk"])
  #expect(root.child("metadata")?.child("name")?.text == "Sortie JA-801 <PS> A&B")
  let wpts = root.all("wpt")
  #expect(wpts.map { $0.child("name")?.text } == ["CSP", "WP1", "WP2", "WP3"])
  for (element, expected) in zip(wpts, sortie().waypoints) {
    let lat = try #require(element.attributes["lat"].flatMap(Double.init))
    let lon = try #require(element.attributes["lon"].flatMap(Double.init))
    #expect(abs(lat - expected.position.latitudeDegrees) < 1e-7)
    #expect(abs(lon - expected.position.longitudeDegrees) < 1e-7)
    // wpt children in the schema's order: time before name.
    #expect(element.children.map(\.name) == ["time", "name"])
  }
  #expect(wpts[1].child("time")?.text == "2026-11-25T17:20:00Z")
  let route = try #require(root.child("rte"))
  #expect(route.all("rtept").count == 4)
  let track = try #require(root.child("trk"))
  #expect(track.child("desc")?.text == "PS \"1.0 NM\" 'S'")
  #expect(track.child("trkseg")?.all("trkpt").count == 4)
}

@Test func gpxEscapesMarkupAndDropsControlCharacters() throws {
  let name = "A<B>&\"C\"'D'\u{01}E"
  let doc = GPXDocument(
    waypoints: [NamedPoint(name: name, position: GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0))]
  )
  let xml = try doc.xml()
  #expect(xml.contains("A&lt;B&gt;&amp;&quot;C&quot;&apos;D&apos;E"))
  let root = try ParsedElement.parse(xml).get()
  #expect(root.child("wpt")?.child("name")?.text == "A<B>&\"C\"'D'E")
}

@Test func gpxRejectsAnImpossiblePositionNamingThePoint() {
  let doc = GPXDocument(
    waypoints: [
      NamedPoint(name: "WP3", position: GeoPoint(longitudeDegrees: 4, latitudeDegrees: 95))
    ])
  #expect(
    throws: GPXError.invalidPosition(element: "wpt", name: "WP3", latitude: 95, longitude: 4)
  ) { try doc.xml() }
  #expect(
    GPXError.invalidPosition(element: "wpt", name: "WP3", latitude: 95, longitude: 4).description
      .contains("WP3"))
}

@Test func gpxFileIsWrittenWholeWithNoTemporaryLeftBehind() throws {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
    "sarex-gpx-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  let url = directory.appendingPathComponent("sortie.gpx")
  try sortie().write(to: url)
  try sortie().write(to: url)  // overwrite in place
  let text = try String(contentsOf: url, encoding: .utf8)
  #expect(text == (try sortie().xml()))
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["sortie.gpx"])
  let missing = directory.appendingPathComponent("no/such/dir/x.gpx")
  #expect(throws: GPXError.self) { try sortie().write(to: missing) }
}
