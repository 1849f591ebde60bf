import Foundation
import SarexGeo

/// The shape of a placemark.
public enum KMLGeometry: Hashable, Sendable {
  case point(GeoPoint)
  /// A path, at least two points (tracks, legs).
  case lineString([GeoPoint])
  /// An area by its outer boundary, at least three distinct points, closed on output.
  case polygon([GeoPoint])
}

/// A named feature: an area, a track or a point.
public struct KMLPlacemark: Hashable, Sendable {
  public var name: String
  public var description: String?
  /// Id of a `KMLStyle` in the document; nil for the viewer's default.
  public var styleID: String?
  public var geometry: KMLGeometry
  /// When the feature applies (KML TimeSpan); nil for always.
  public var timeSpan: DateInterval?

  public init(
    name: String, description: String? = nil, styleID: String? = nil, geometry: KMLGeometry,
    timeSpan: DateInterval? = nil
  ) {
    self.name = name
    self.description = description
    self.styleID = styleID
    self.geometry = geometry
    self.timeSpan = timeSpan
  }
}

/// A named group of placemarks (e.g. one nation's, or one planning period's).
public struct KMLFolder: Hashable, Sendable {
  public var name: String
  public var placemarks: [KMLPlacemark]

  public init(name: String, placemarks: [KMLPlacemark]) {
    self.name = name
    self.placemarks = placemarks
  }
}

/// Why a KML document could not be written; the text names the placemark and what was expected.
public enum KMLError: Error, CustomStringConvertible, Equatable, Sendable {
  case invalidPosition(placemark: String, latitude: Double, longitude: Double)
  case tooFewPoints(placemark: String, kind: String, needed: Int, got: Int)
  case unknownStyle(placemark: String, styleID: String)
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidPosition(let placemark, let latitude, let longitude):
      "KML placemark \"\(placemark)\": latitude \(latitude) must be in [-90, 90] and longitude "
        + "\(longitude) in [-180, 180]"
    case .tooFewPoints(let placemark, let kind, let needed, let got):
      "KML placemark \"\(placemark)\": a \(kind) needs at least \(needed) distinct points, got \(got)"
    case .unknownStyle(let placemark, let styleID):
      "KML placemark \"\(placemark)\": style \"\(styleID)\" is not defined in the document"
    case .writeFailed(let path, let reason):
      "KML file \(path): \(reason)"
    }
  }
}

/// A KML 2.2 document (OGC 07-147r2): shared styles, then folders and loose placemarks.
public struct KMLDocument: Hashable, Sendable {
  public var name: String
  public var styles: [KMLStyle]
  public var folders: [KMLFolder]
  public var placemarks: [KMLPlacemark]

  public init(
    name: String, styles: [KMLStyle] = [], folders: [KMLFolder] = [],
    placemarks: [KMLPlacemark] = []
  ) {
    self.name = name
    self.styles = styles
    self.folders = folders
    self.placemarks = placemarks
  }

  /// The document as KML 2.2 XML.
  public func xml() throws(KMLError) -> String {
    let styleIDs = Set(styles.map(\.id))
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
    out += "  <name>\(GeoXML.escaped(name))</name>\n"
    for s in styles { out += style(s) }
    for f in folders {
      out += "  <Folder>\n    <name>\(GeoXML.escaped(f.name))</name>\n"
      for p in f.placemarks { out += try placemark(p, styleIDs: styleIDs, indent: "    ") }
      out += "  </Folder>\n"
    }
    for p in placemarks { out += try placemark(p, styleIDs: styleIDs, indent: "  ") }
    out += "</Document>\n</kml>\n"
    return out
  }

  /// Writes the document to `url` (temporary file, then rename).
  public func write(to url: URL) throws(KMLError) {
    let text = try xml()
    if let reason = GeoXML.writeAtomically(text, to: url) {
      throw .writeFailed(path: url.path, reason: reason)
    }
  }

  private func style(_ s: KMLStyle) -> String {
    var out = "  <Style id=\"\(GeoXML.escaped(s.id))\">\n"
    if let icon = s.iconColor {
      out += "    <IconStyle><color>\(icon.kmlHex)</color></IconStyle>\n"
    }
    out += "    <LineStyle><color>\(s.lineColor.kmlHex)</color>"
    out +=
      "<width>\(String(format: "%.1f", s.lineWidth.isFinite ? s.lineWidth : 1))</width></LineStyle>\n"
    if let fill = s.fillColor {
      out += "    <PolyStyle><color>\(fill.kmlHex)</color><fill>1</fill><outline>1</outline>"
      out += "</PolyStyle>\n"
    } else {
      out += "    <PolyStyle><fill>0</fill><outline>1</outline></PolyStyle>\n"
    }
    out += "  </Style>\n"
    return out
  }

  private func placemark(
    _ p: KMLPlacemark, styleIDs: Set<String>, indent: String
  ) throws(KMLError) -> String {
    var out = "\(indent)<Placemark>\n\(indent)  <name>\(GeoXML.escaped(p.name))</name>\n"
    if let d = p.description {
      out += "\(indent)  <description>\(GeoXML.escaped(d))</description>\n"
    }
    if let span = p.timeSpan {
      out += "\(indent)  <TimeSpan><begin>\(GeoXML.time(span.start))</begin>"
      out += "<end>\(GeoXML.time(span.end))</end></TimeSpan>\n"
    }
    if let id = p.styleID {
      guard styleIDs.contains(id) else { throw .unknownStyle(placemark: p.name, styleID: id) }
      out += "\(indent)  <styleUrl>#\(GeoXML.escaped(id))</styleUrl>\n"
    }
    switch p.geometry {
    case .point(let point):
      out += "\(indent)  <Point><coordinates>\(try coordinates([point], p.name))"
      out += "</coordinates></Point>\n"
    case .lineString(let points):
      let distinct = distinctCount(points)
      guard distinct >= 2 else {
        throw .tooFewPoints(placemark: p.name, kind: "line string", needed: 2, got: distinct)
      }
      out += "\(indent)  <LineString><tessellate>1</tessellate>"
      out += "<coordinates>\(try coordinates(points, p.name))</coordinates></LineString>\n"
    case .polygon(var points):
      if points.count > 1, points.first == points.last { points.removeLast() }
      let distinct = distinctCount(points)
      guard distinct >= 3 else {
        throw .tooFewPoints(placemark: p.name, kind: "polygon", needed: 3, got: distinct)
      }
      points.append(points[0])
      out += "\(indent)  <Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing>"
      out += "<coordinates>\(try coordinates(points, p.name))</coordinates>"
      out += "</LinearRing></outerBoundaryIs></Polygon>\n"
    }
    out += "\(indent)</Placemark>\n"
    return out
  }

  /// "lon,lat lon,lat ..." (KML order: longitude first).
  private func coordinates(_ points: [GeoPoint], _ name: String) throws(KMLError) -> String {
    var parts: [String] = []
    for p in points {
      guard GeoXML.isValid(p) else {
        throw .invalidPosition(
          placemark: name, latitude: p.latitudeDegrees, longitude: p.longitudeDegrees)
      }
      parts.append("\(GeoXML.degrees(p.longitudeDegrees)),\(GeoXML.degrees(p.latitudeDegrees))")
    }
    return parts.joined(separator: " ")
  }

  private func distinctCount(_ points: [GeoPoint]) -> Int { Set(points).count }
}
