import Foundation
import SarexGeo

/// One straight track segment of a sortie, over the ground, with its times.
public struct SearchLeg: Sendable, Hashable {
  /// A search leg proper, or the short crossover leg of a parallel sweep or creeping line
  /// (and the end crossover of a return track line).
  public enum Role: String, Sendable, Hashable, Codable {
    case search
    case crossover
  }

  public var start: GeoPoint
  public var end: GeoPoint
  public var startTime: Date
  public var endTime: Date
  public var role: Role
  /// Length of the leg in the pattern frame, metres (equal to the ground length without drift).
  public var frameLength: Double

  public init(
    start: GeoPoint, end: GeoPoint, startTime: Date, endTime: Date, role: Role,
    frameLength: Double
  ) {
    self.start = start
    self.end = end
    self.startTime = startTime
    self.endTime = endTime
    self.role = role
    self.frameLength = frameLength
  }

  /// Duration, seconds.
  public var duration: TimeInterval { endTime.timeIntervalSince(startTime) }
  /// Geodesic length over the ground, metres.
  public var groundLength: Double { start.distance(to: end) }
  /// Initial true course over the ground, radians clockwise from north.
  public var course: Double { start.initialBearing(to: end) }

  /// The position at `time`, interpolated along the geodesic (clamped to the leg's ends).
  public func position(at time: Date) -> GeoPoint {
    let total = duration
    guard total > 0 else { return start }
    let fraction = min(1, max(0, time.timeIntervalSince(startTime) / total))
    if fraction <= 0 { return start }
    if fraction >= 1 { return end }
    let inverse = Geodesy.inverse(from: start, to: end)
    return start.destination(bearing: inverse.initialBearing, distance: fraction * inverse.distance)
  }
}

/// A named turning point of a sortie: the commence search point "CSP", then "WP1", "WP2", ...
public struct PatternWaypoint: Sendable, Hashable {
  public var name: String
  public var position: GeoPoint
  /// Planned time at the point (arrival; the departure follows after the turn allowance).
  public var time: Date

  public init(name: String, position: GeoPoint, time: Date) {
    self.name = name
    self.position = position
    self.time = time
  }
}
