import Foundation
import SarexGeo
import Testing

@testable import SarexFormats

#if canImport(FoundationXML)
  import FoundationXML
#endif

private let box = MapBox(westDegrees: 4.0, eastDegrees: 5.0, southDegrees: 60.0, northDegrees: 60.5)
private let categories = [
  MapPointCategory(code: 0, label: "active", color: "#1f77b4"),
  MapPointCategory(code: 1, label: "stranded", color: "#d62728"),
]

private func sampleMap(title: String = "Drift <test> & co") -> SVGMap {
  let square = [(4.4, 60.2), (4.6, 60.2), (4.6, 60.3), (4.4, 60.3)].map {
    GeoPoint(longitudeDegrees: $0.0, latitudeDegrees: $0.1)
  }
  let hole = [(4.45, 60.22), (4.45, 60.28), (4.55, 60.28), (4.55, 60.22)].map {
    GeoPoint(longitudeDegrees: $0.0, latitudeDegrees: $0.1)
  }
  return SVGMap(
    box: box, title: title,
    layers: [
      .coastline(lines: [
        [
          GeoPoint(longitudeDegrees: 4.9, latitudeDegrees: 60.0),
          GeoPoint(longitudeDegrees: 4.95, latitudeDegrees: 60.6),
        ]
      ]),
      .polygons(
        [[square, hole]], fill: "#ff7f0e", fillOpacity: 0.25, stroke: "#ff7f0e",
        label: "90 % containment"),
      .points(
        longitudesDegrees: [4.5, 4.6, 4.7, .nan], latitudesDegrees: [60.25, 60.3, 60.35, 60.1],
        codes: [0, 0, 1, 0], categories: categories),
      .track(
        [
          GeoPoint(longitudeDegrees: 4.2, latitudeDegrees: 60.1),
          GeoPoint(longitudeDegrees: 4.5, latitudeDegrees: 60.25),
        ], label: "centroid"),
    ], widthPixels: 800)
}

private final class ParseCheck: NSObject, XMLParserDelegate {
  var elements: [String: Int] = [:]
  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    elements[name, default: 0] += 1
  }
}

@Test func svgMapIsWellFormedXMLWithEveryLayer() {
  let text = sampleMap().svgText
  let parser = XMLParser(data: Data(text.utf8))
  let check = ParseCheck()
  parser.delegate = check
  #expect(parser.parse())
  #expect(check.elements["svg"] == 1)
  // Three finite points (the NaN one is skipped), the track's start dot, the legend's two dots,
  // the north arrow's disc.
  #expect(check.elements["circle"] == 3 + 1 + 2 + 1)
  #expect(text.contains("Drift &lt;test&gt; &amp; co"))
  #expect(text.contains("active (3)") && text.contains("stranded (1)"))
  #expect(text.contains("rgba(255,127,14,0.25)"))
  #expect(text.contains("fill-rule=\"evenodd\""))
  #expect(text.contains(" NM<") && text.contains(" km<"))
}

@Test func svgMapProjectionKeepsShapesAtMiddleLatitude() {
  let map = sampleMap()
  let northWest = map.page(4.0, 60.5)
  #expect(northWest.x == SVGMap.margin && northWest.y == SVGMap.titleBand)
  let southEast = map.page(5.0, 60.0)
  #expect(abs(southEast.x - (SVGMap.margin + 800)) < 1e-9)
  // Half a degree of latitude against one of longitude scaled by cos(60.25 N).
  let ratio = (southEast.y - northWest.y) / (southEast.x - northWest.x)
  #expect(abs(ratio - 0.5 / cos(60.25 * Double.pi / 180)) < 1e-9)
}

@Test func svgMapScaleMatchesLengthOfADegree() {
  // One degree of latitude near 60.25 N is about 111.42 km (WGS 84), so a scale bar built on
  // metersPerPixel must agree with it within the Gaussian-radius approximation (0.5 %).
  let map = sampleMap()
  let pixelsPerDegree = map.page(4.0, 60.0).y - map.page(4.0, 61.0).y
  let kilometres = pixelsPerDegree * map.metersPerPixel / 1000
  #expect(abs(kilometres / 111.42 - 1) < 0.005)
  #expect(SVGMap.niceLength(upTo: 7.3) == 5)
  #expect(SVGMap.niceLength(upTo: 19.9) == 10)
  #expect(SVGMap.niceLength(upTo: 0.31) == 0.2)
}

@Test func svgMapSubsamplesManyPoints() {
  let count = 10_000
  let map = SVGMap(
    box: box, title: "many",
    layers: [
      .points(
        longitudesDegrees: Array(repeating: 4.5, count: count),
        latitudesDegrees: Array(repeating: 60.2, count: count),
        codes: Array(repeating: 0, count: count), categories: categories, maximumPoints: 1000)
    ])
  let circles = map.svgText.components(separatedBy: "<circle").count - 1
  // 1000 particles, one legend dot, the north arrow's disc; the legend still counts all.
  #expect(circles == 1000 + 2)
  #expect(map.svgText.contains("active (10000)"))
}

@Test func mapBoxEnclosesPointsWithMargin() {
  let points = [
    GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.0),
    GeoPoint(longitudeDegrees: 4.2, latitudeDegrees: 60.1),
  ]
  let enclosing = MapBox.enclosing(points, marginFraction: 0.5)
  #expect(abs((enclosing?.westDegrees ?? 0) - 3.9) < 1e-12)
  #expect(abs((enclosing?.eastDegrees ?? 0) - 4.3) < 1e-12)
  #expect(abs((enclosing?.southDegrees ?? 0) - 59.95) < 1e-12)
  #expect(abs((enclosing?.northDegrees ?? 0) - 60.15) < 1e-12)
  #expect(MapBox.enclosing([GeoPoint(longitudeDegrees: .nan, latitudeDegrees: 0)]) == nil)
}

@Test func pngWithoutConverterSaysWhatToInstall() {
  let path = makeScratchDirectory() + "/map.png"
  #expect(throws: MapRenderError.converterNotFound(program: "/nonexistent/convert")) {
    try sampleMap().writePNG(to: path, program: "/nonexistent/convert")
  }
  let text = MapRenderError.converterNotFound(program: "convert").description
  #expect(text.contains("imagemagick"))
}

@Test func pngIsRenderedWithImageMagick() throws {
  // ImageMagick is one of the project's Debian packages (see PLATFORM.md).
  let directory = makeScratchDirectory()
  let path = directory + "/map.png"
  try sampleMap().writePNG(to: path)
  let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
  #expect(bytes.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["map.png"])
}
