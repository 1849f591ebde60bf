import Foundation
import SarexGeo

/// A named position, optionally timed: a waypoint, or a point of a route or track.
public struct NamedPoint: Hashable, Sendable {
  public var name: String
  public var position: GeoPoint
  public var time: Date?
  /// Height above mean sea level, metres.
  public var elevation: Double?
  public var description: String?

  public init(
    name: String, position: GeoPoint, time: Date? = nil, elevation: Double? = nil,
    description: String? = nil
  ) {
    self.name = name
    self.position = position
    self.time = time
    self.elevation = elevation
    self.description = description
  }
}

/// A named, ordered list of points: a route (planned turning points) or a track (a path).
public struct NamedPointList: Hashable, Sendable {
  public var name: String
  public var points: [NamedPoint]
  public var description: String?

  public init(name: String, points: [NamedPoint], description: String? = nil) {
    self.name = name
    self.points = points
    self.description = description
  }
}
