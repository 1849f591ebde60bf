import Foundation
import SarexGeo

/// Track line search (TS) along the intended track of a missing craft (IAMSAR Manual Vol II,
/// chapter 5). Non-return (TSN): once along the track from its first point to its last. Return
/// (TSR): out along one side of the track half a track spacing off it, across one spacing at the
/// far end, and back along the other side, ending abeam the start.
public struct TrackLineSearch: SearchPattern, Hashable {
  /// The intended track, first point first (at least two distinct points).
  public var intendedTrack: [GeoPoint]
  /// Track spacing S, metres (the return version's two legs are S apart).
  public var trackSpacing: Double
  public var returning: Bool
  /// The side of the track the outbound leg of a return search runs on.
  public var firstSide: TurnDirection

  public init(
    intendedTrack: [GeoPoint], trackSpacing: Double, returning: Bool,
    firstSide: TurnDirection = .right
  ) {
    self.intendedTrack = intendedTrack
    self.trackSpacing = trackSpacing
    self.returning = returning
    self.firstSide = firstSide
  }

  public var kind: PatternKind { returning ? .trackLineReturn : .trackLineNonReturn }

  public func geometry() throws(SearchPatternError) -> PatternGeometry {
    try SearchPatternError.requirePositive(trackSpacing, "track spacing")
    guard !intendedTrack.isEmpty else { throw .trackTooShort(points: 0) }
    // The plane is centred on the track's middle point so long tracks distort least.
    let origin = intendedTrack[intendedTrack.count / 2]
    let plane = LocalTangentPlane(origin: origin)
    var points: [PlanePoint] = []
    for p in intendedTrack {
      let q = plane.plane(p)
      if let last = points.last, (q - last).length < 1e-3 { continue }
      points.append(q)
    }
    guard points.count >= 2 else { throw .trackTooShort(points: points.count) }
    guard returning else {
      return PatternGeometry(
        kind: kind, plane: plane, vertices: points,
        legRoles: Array(repeating: .search, count: points.count - 1), trackSpacing: trackSpacing)
    }
    let outbound = Self.offset(points, by: firstSide.sign * trackSpacing / 2)
    let inbound = Self.offset(points, by: -firstSide.sign * trackSpacing / 2).reversed()
    let vertices = outbound + inbound
    var roles = Array(repeating: SearchLeg.Role.search, count: outbound.count - 1)
    roles.append(.crossover)
    roles += Array(repeating: .search, count: outbound.count - 1)
    return PatternGeometry(
      kind: kind, plane: plane, vertices: vertices, legRoles: roles, trackSpacing: trackSpacing)
  }

  /// The polyline moved `distance` metres to its right (negative: left), joints mitred so each
  /// leg stays parallel to its segment; very sharp joints (over about 150 degrees) are bevelled
  /// at the offset of the incoming segment to keep the offset bounded.
  static func offset(_ points: [PlanePoint], by distance: Double) -> [PlanePoint] {
    func rightNormal(_ a: PlanePoint, _ b: PlanePoint) -> PlanePoint {
      let d = b - a
      let length = d.length
      return PlanePoint(east: d.north / length, north: -d.east / length)
    }
    var result: [PlanePoint] = []
    for i in points.indices {
      if i == 0 {
        result.append(points[0] + distance * rightNormal(points[0], points[1]))
      } else if i == points.count - 1 {
        result.append(points[i] + distance * rightNormal(points[i - 1], points[i]))
      } else {
        let n1 = rightNormal(points[i - 1], points[i])
        let n2 = rightNormal(points[i], points[i + 1])
        let sum = n1 + n2
        let cosHalf = sum.length / 2
        if cosHalf < 0.25 {
          result.append(points[i] + distance * n1)
        } else {
          result.append(points[i] + (distance / (cosHalf * sum.length)) * sum)
        }
      }
    }
    return result
  }
}
