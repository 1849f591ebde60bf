import Foundation
import SarexGeo

/// A search pattern: lays out its turning points in a local plane at the commence time; timing,
/// drift compensation and conversion to ground legs are common to all patterns (`track(_:)`).
public protocol SearchPattern: Sendable {
  var kind: PatternKind { get }
  /// The pattern's turning points in its local plane, in the order they are visited.
  func geometry() throws(SearchPatternError) -> PatternGeometry
}

/// The plane layout of a pattern: vertices (the first is the commence search point) joined by
/// straight legs, each with a role.
public struct PatternGeometry: Sendable, Hashable {
  public var kind: PatternKind
  /// The plane the vertices are in (origin at the area centre or datum).
  public var plane: LocalTangentPlane
  /// Turning points, metres east/north of the plane's origin; `vertices[0]` is the CSP.
  public var vertices: [PlanePoint]
  /// Role of the leg from `vertices[i]` to `vertices[i + 1]`; `vertices.count - 1` entries.
  public var legRoles: [SearchLeg.Role]
  /// Track spacing, metres (for the sector search, the greatest spacing: the leg length).
  public var trackSpacing: Double
  /// True bearing in which successive search legs advance (PS, CS), radians; nil otherwise.
  public var creepBearing: Double?

  public init(
    kind: PatternKind, plane: LocalTangentPlane, vertices: [PlanePoint],
    legRoles: [SearchLeg.Role], trackSpacing: Double, creepBearing: Double? = nil
  ) {
    self.kind = kind
    self.plane = plane
    self.vertices = vertices
    self.legRoles = legRoles
    self.trackSpacing = trackSpacing
    self.creepBearing = creepBearing
  }

  /// Total length of the legs in the plane, metres.
  public var trackLength: Double {
    zip(vertices, vertices.dropFirst()).reduce(0) { $0 + ($1.1 - $1.0).length }
  }
}

extension SearchPattern {
  /// The sortie as timed ground legs and named waypoints.
  public func track(_ timing: PatternTiming) throws(SearchPatternError) -> PatternTrack {
    try geometry().track(timing)
  }
}

extension PatternGeometry {
  /// Timed ground legs: each leg takes its frame length / speed; each turn adds the turn
  /// allowance for its angle; with a datum drift, a point reached `t` seconds after the commence
  /// time is displaced by drift x t (during a turn the unit stays at the turning point of the
  /// drifting frame).
  public func track(_ timing: PatternTiming) throws(SearchPatternError) -> PatternTrack {
    try SearchPatternError.requirePositive(timing.speed, "speed")
    guard timing.datumDrift.east.isFinite, timing.datumDrift.north.isFinite else {
      throw .notFinite(field: "datum drift")
    }
    let t0 = timing.commenceTime
    var legs: [SearchLeg] = []
    var waypoints: [PatternWaypoint] = []
    var elapsed = 0.0
    var previousDirection: PlanePoint?
    let kind = self.kind
    func ground(_ p: PlanePoint, _ seconds: Double) throws(SearchPatternError) -> GeoPoint {
      guard let g = plane.surface(p + seconds * timing.datumDrift) else {
        throw .tooLarge(pattern: kind)
      }
      return g
    }
    for i in 0..<min(legRoles.count, max(0, vertices.count - 1)) {
      let a = vertices[i]
      let b = vertices[i + 1]
      let length = (b - a).length
      guard length > 1e-6 else { continue }
      let direction = (1 / length) * (b - a)
      if let previous = previousDirection {
        let angle = atan2(previous.cross(direction), previous.dot(direction))
        elapsed += timing.turnAllowance.duration(turningThrough: angle)
      }
      previousDirection = direction
      let duration = length / timing.speed
      let start = try ground(a, elapsed)
      let end = try ground(b, elapsed + duration)
      if waypoints.isEmpty {
        waypoints.append(
          PatternWaypoint(name: "CSP", position: start, time: t0.addingTimeInterval(elapsed)))
      }
      legs.append(
        SearchLeg(
          start: start, end: end, startTime: t0.addingTimeInterval(elapsed),
          endTime: t0.addingTimeInterval(elapsed + duration), role: legRoles[i],
          frameLength: length))
      elapsed += duration
      waypoints.append(
        PatternWaypoint(
          name: "WP\(waypoints.count)", position: end, time: t0.addingTimeInterval(elapsed)))
    }
    guard let first = legs.first else { throw .notPositive(field: "track length", value: 0) }
    return PatternTrack(
      kind: kind, legs: legs, waypoints: waypoints, commenceSearchPoint: first.start,
      trackSpacing: trackSpacing, creepBearing: creepBearing, speed: timing.speed,
      commenceTime: t0)
  }
}
