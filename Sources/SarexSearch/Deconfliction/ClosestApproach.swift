import Foundation
import SarexGeo

/// Closest point of approach of two units, and when it happens.
public struct ClosestApproach: Hashable, Sendable {
  /// Time of closest approach (TCPA as a time).
  public var time: Date
  /// Horizontal distance at that time, metres.
  public var distance: Double
  public var firstPosition: GeoPoint
  public var secondPosition: GeoPoint

  /// CPA of two points moving at constant velocity, from their relative position and velocity
  /// (second minus first, metres and metres per second): the time from now (seconds; negative
  /// when they are already opening) and the distance then. Equal velocities give time 0.
  public static func relative(
    position: PlanePoint, velocity: PlanePoint
  ) -> (timeToClosest: Double, distance: Double) {
    let speedSquared = velocity.dot(velocity)
    guard speedSquared > 0 else { return (0, position.length) }
    let t = -position.dot(velocity) / speedSquared
    return (t, (position + t * velocity).length)
  }
}

/// A unit's planned sortie for separation checks.
public struct PlannedUnitTrack: Hashable, Sendable {
  /// Call sign.
  public var unit: String
  /// The sortie's legs in time order; between legs (turns) the unit is taken to stay at the end
  /// of the previous leg.
  public var legs: [SearchLeg]
  /// The unit's track spacing, metres: the separation it needs from other units.
  public var trackSpacing: Double
  /// Search altitude, metres; nil for surface units.
  public var altitude: Double?

  public init(unit: String, legs: [SearchLeg], trackSpacing: Double, altitude: Double? = nil) {
    self.unit = unit
    self.legs = legs
    self.trackSpacing = trackSpacing
    self.altitude = altitude
  }

  public init(unit: String, track: PatternTrack, altitude: Double? = nil) {
    self.init(unit: unit, legs: track.legs, trackSpacing: track.trackSpacing, altitude: altitude)
  }
}

/// Two units planned closer together than the larger of their track spacings at the same time.
public struct SeparationConflict: Hashable, Sendable {
  public var firstUnit: String
  public var secondUnit: String
  public var closestApproach: ClosestApproach
  /// The separation required, metres.
  public var requiredSeparation: Double
}

extension Deconfliction {
  /// The closest approach of two planned tracks while both are on scene; nil when their times
  /// do not overlap. Positions are compared in a local plane at the first unit's CSP, each
  /// piece of track moving linearly in time.
  public static func closestApproach(
    _ first: PlannedUnitTrack, _ second: PlannedUnitTrack
  ) -> ClosestApproach? {
    guard let origin = first.legs.first?.start else { return nil }
    let plane = LocalTangentPlane(origin: origin)
    let a = TimedSegment.pieces(first.legs, plane)
    let b = TimedSegment.pieces(second.legs, plane)
    var best: (t: Double, d: Double, pa: PlanePoint, pb: PlanePoint)?
    var i = 0
    var j = 0
    while i < a.count, j < b.count {
      let start = max(a[i].t0, b[j].t0)
      let end = min(a[i].t1, b[j].t1)
      if start <= end {
        let pa = a[i].position(start)
        let pb = b[j].position(start)
        let va = a[i].velocity
        let vb = b[j].velocity
        let cpa = ClosestApproach.relative(position: pb - pa, velocity: vb - va)
        let tau = min(max(cpa.timeToClosest, 0), end - start)
        let distance = ((pb + tau * vb) - (pa + tau * va)).length
        if best.map({ distance < $0.d }) ?? true {
          best = (start + tau, distance, pa + tau * va, pb + tau * vb)
        }
      }
      if a[i].t1 < b[j].t1 { i += 1 } else { j += 1 }
    }
    guard let found = best, let pa = plane.surface(found.pa), let pb = plane.surface(found.pb)
    else { return nil }
    return ClosestApproach(
      time: Date(timeIntervalSinceReferenceDate: found.t), distance: found.d, firstPosition: pa,
      secondPosition: pb)
  }

  /// Every pair of units planned closer than one track spacing (the larger of the two) to each
  /// other at the same time. With `verticalSeparation`, pairs whose altitudes (surface = 0) differ
  /// by at least that much are not in conflict.
  public static func separationConflicts(
    _ tracks: [PlannedUnitTrack], verticalSeparation: Double? = nil
  ) -> [SeparationConflict] {
    var conflicts: [SeparationConflict] = []
    for i in tracks.indices {
      for j in tracks.indices where j > i {
        let a = tracks[i]
        let b = tracks[j]
        if let vertical = verticalSeparation,
          abs((a.altitude ?? 0) - (b.altitude ?? 0)) >= vertical
        {
          continue
        }
        let required = max(a.trackSpacing, b.trackSpacing)
        if let cpa = closestApproach(a, b), cpa.distance < required {
          conflicts.append(
            SeparationConflict(
              firstUnit: a.unit, secondUnit: b.unit, closestApproach: cpa,
              requiredSeparation: required))
        }
      }
    }
    return conflicts
  }
}

/// A piece of a track in a plane moving linearly between two times (seconds since the
/// reference date); turns between legs are stationary pieces.
struct TimedSegment {
  var t0: Double
  var t1: Double
  var p0: PlanePoint
  var p1: PlanePoint

  var velocity: PlanePoint {
    t1 > t0 ? (1 / (t1 - t0)) * (p1 - p0) : .zero
  }

  func position(_ t: Double) -> PlanePoint { p0 + (t - t0) * velocity }

  static func pieces(_ legs: [SearchLeg], _ plane: LocalTangentPlane) -> [TimedSegment] {
    var result: [TimedSegment] = []
    for leg in legs.sorted(by: { $0.startTime < $1.startTime }) {
      let t0 = leg.startTime.timeIntervalSinceReferenceDate
      let t1 = leg.endTime.timeIntervalSinceReferenceDate
      let p0 = plane.plane(leg.start)
      if let last = result.last, t0 > last.t1 {
        result.append(TimedSegment(t0: last.t1, t1: t0, p0: last.p1, p1: last.p1))
      }
      guard t1 >= t0 else { continue }
      result.append(TimedSegment(t0: t0, t1: t1, p0: p0, p1: plane.plane(leg.end)))
    }
    return result
  }
}
