import Foundation
import SarexGeo

/// Why a GPX document could not be written; the text names the element and what was expected.
public enum GPXError: Error, CustomStringConvertible, Equatable, Sendable {
  case invalidPosition(element: String, name: String, latitude: Double, longitude: Double)
  case invalidElevation(element: String, name: String, value: Double)
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .invalidPosition(let element, let name, let latitude, let longitude):
      "GPX \(element) \"\(name)\": latitude \(latitude) must be in [-90, 90] and longitude "
        + "\(longitude) in [-180, 180]"
    case .invalidElevation(let element, let name, let value):
      "GPX \(element) \"\(name)\": elevation must be finite, got \(value)"
    case .writeFailed(let path, let reason):
      "GPX file \(path): \(reason)"
    }
  }
}

/// A GPX 1.1 document (https://www.topografix.com/GPX/1/1/): waypoints, routes and tracks, e.g.
/// one sortie's named waypoints (CSP, WP1, ...), its route, and its planned track.
public struct GPXDocument: Hashable, Sendable {
  /// The program that wrote the file (GPX `creator` attribute).
  public var creator: String
  /// Name in the metadata; nil to omit.
  public var name: String?
  /// Time in the metadata; nil to omit.
  public var time: Date?
  public var waypoints: [NamedPoint]
  public var routes: [NamedPointList]
  /// Tracks, each written as one track segment.
  public var tracks: [NamedPointList]

  public init(
    creator: String = "Sarex", name: String? = nil, time: Date? = nil,
    waypoints: [NamedPoint] = [], routes: [NamedPointList] = [], tracks: [NamedPointList] = []
  ) {
    self.creator = creator
    self.name = name
    self.time = time
    self.waypoints = waypoints
    self.routes = routes
    self.tracks = tracks
  }

  /// The document as GPX 1.1 XML, elements in the schema's order.
  public func xml() throws(GPXError) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<gpx version=\"1.1\" creator=\"\(GeoXML.escaped(creator))\" "
    out += "xmlns=\"http://www.topografix.com/GPX/1/1\">\n"
    if name != nil || time != nil {
      out += "  <metadata>\n"
      if let name { out += "    <name>\(GeoXML.escaped(name))</name>\n" }
      if let time { out += "    <time>\(GeoXML.time(time))</time>\n" }
      out += "  </metadata>\n"
    }
    for w in waypoints { out += try point(w, element: "wpt", indent: "  ") }
    for r in routes {
      out += "  <rte>\n" + header(r, indent: "    ")
      for p in r.points { out += try point(p, element: "rtept", indent: "    ") }
      out += "  </rte>\n"
    }
    for t in tracks {
      out += "  <trk>\n" + header(t, indent: "    ") + "    <trkseg>\n"
      for p in t.points { out += try point(p, element: "trkpt", indent: "      ") }
      out += "    </trkseg>\n  </trk>\n"
    }
    out += "</gpx>\n"
    return out
  }

  /// Writes the document to `url` (temporary file, then rename).
  public func write(to url: URL) throws(GPXError) {
    let text = try xml()
    if let reason = GeoXML.writeAtomically(text, to: url) {
      throw .writeFailed(path: url.path, reason: reason)
    }
  }

  private func header(_ list: NamedPointList, indent: String) -> String {
    var out = "\(indent)<name>\(GeoXML.escaped(list.name))</name>\n"
    if let d = list.description { out += "\(indent)<desc>\(GeoXML.escaped(d))</desc>\n" }
    return out
  }

  /// A wpt, rtept or trkpt; children in the schema order ele, time, name, desc.
  private func point(_ p: NamedPoint, element: String, indent: String) throws(GPXError) -> String {
    guard GeoXML.isValid(p.position) else {
      throw .invalidPosition(
        element: element, name: p.name, latitude: p.position.latitudeDegrees,
        longitude: p.position.longitudeDegrees)
    }
    var out = "\(indent)<\(element) lat=\"\(GeoXML.degrees(p.position.latitudeDegrees))\" "
    out += "lon=\"\(GeoXML.degrees(p.position.longitudeDegrees))\">\n"
    if let e = p.elevation {
      guard e.isFinite else { throw .invalidElevation(element: element, name: p.name, value: e) }
      out += "\(indent)  <ele>\(String(format: "%.2f", e))</ele>\n"
    }
    if let t = p.time { out += "\(indent)  <time>\(GeoXML.time(t))</time>\n" }
    out += "\(indent)  <name>\(GeoXML.escaped(p.name))</name>\n"
    if let d = p.description { out += "\(indent)  <desc>\(GeoXML.escaped(d))</desc>\n" }
    out += "\(indent)</\(element)>\n"
    return out
  }
}
