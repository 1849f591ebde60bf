import Foundation
import SarexGeo

/// One sortie's planned pattern over the ground: timed legs and named waypoints.
public struct PatternTrack: Sendable, Hashable {
  public var kind: PatternKind
  /// Legs in order; never empty when made by `PatternGeometry.track(_:)`.
  public var legs: [SearchLeg]
  /// "CSP", then "WP1", "WP2", ... at the end of each leg.
  public var waypoints: [PatternWaypoint]
  /// Commence search point.
  public var commenceSearchPoint: GeoPoint
  /// Track spacing, metres.
  public var trackSpacing: Double
  /// Creep direction (PS, CS), true bearing in radians; nil for the other patterns.
  public var creepBearing: Double?
  /// Search speed through the pattern frame, metres per second.
  public var speed: Double
  public var commenceTime: Date

  public init(
    kind: PatternKind, legs: [SearchLeg], waypoints: [PatternWaypoint],
    commenceSearchPoint: GeoPoint, trackSpacing: Double, creepBearing: Double?, speed: Double,
    commenceTime: Date
  ) {
    self.kind = kind
    self.legs = legs
    self.waypoints = waypoints
    self.commenceSearchPoint = commenceSearchPoint
    self.trackSpacing = trackSpacing
    self.creepBearing = creepBearing
    self.speed = speed
    self.commenceTime = commenceTime
  }

  /// Time the last leg ends.
  public var endTime: Date { legs.last?.endTime ?? commenceTime }

  /// Sum of the legs' frame lengths, metres (turns excluded).
  public var trackLength: Double { legs.reduce(0) { $0 + $1.frameLength } }

  /// The sortie cut off at `time` (end of on-scene endurance): legs after it dropped, the leg
  /// running at it shortened. Nil when `time` is at or before the commence time.
  public func truncated(at time: Date) -> PatternTrack? {
    guard time > commenceTime else { return nil }
    guard time < endTime else { return self }
    var kept: [SearchLeg] = []
    for leg in legs {
      if leg.endTime <= time {
        kept.append(leg)
        continue
      }
      if leg.startTime < time {
        var cut = leg
        let fraction = time.timeIntervalSince(leg.startTime) / leg.duration
        cut.end = leg.position(at: time)
        cut.endTime = time
        cut.frameLength = leg.frameLength * fraction
        kept.append(cut)
      }
      break
    }
    guard !kept.isEmpty else { return nil }
    var copy = self
    copy.legs = kept
    copy.waypoints = Array(waypoints.prefix(kept.count + 1))
    if let last = kept.last {
      copy.waypoints[kept.count] = PatternWaypoint(
        name: waypoints[kept.count].name, position: last.end, time: last.endTime)
    }
    return copy
  }
}
