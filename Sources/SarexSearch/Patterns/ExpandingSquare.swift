import Foundation
import SarexGeo

/// Expanding square search (SS): starts at the datum and spirals outward in square legs of
/// S, S, 2S, 2S, 3S, 3S, ... all turns 90 degrees the same way, the first leg into the wind for
/// aircraft (IAMSAR Manual Vol II, chapter 5). Used when the object's position is known closely.
public struct ExpandingSquare: SearchPattern, Hashable {
  /// The datum, which is the commence search point.
  public var datum: GeoPoint
  /// Track spacing S, metres.
  public var trackSpacing: Double
  /// True bearing of the first leg, radians. Into the wind: the direction the wind blows from.
  public var firstLegBearing: Double
  public var turn: TurnDirection
  /// Number of legs (1 or more).
  public var legCount: Int

  public init(
    datum: GeoPoint, trackSpacing: Double, firstLegBearing: Double, turn: TurnDirection = .right,
    legCount: Int
  ) {
    self.datum = datum
    self.trackSpacing = trackSpacing
    self.firstLegBearing = firstLegBearing
    self.turn = turn
    self.legCount = legCount
  }

  public var kind: PatternKind { .expandingSquare }

  /// Length of leg `index` (0-based) in track spacings: 1, 1, 2, 2, 3, 3, ...
  public static func legMultiple(_ index: Int) -> Int { index / 2 + 1 }

  public func geometry() throws(SearchPatternError) -> PatternGeometry {
    try SearchPatternError.requirePositive(trackSpacing, "track spacing")
    try SearchPatternError.requireFinite(firstLegBearing, "first leg bearing")
    guard legCount >= 1, legCount <= 100_000 else {
      throw .notPositive(field: "leg count (1 to 100000)", value: Double(legCount))
    }
    var vertices: [PlanePoint] = [.zero]
    var roles: [SearchLeg.Role] = []
    var position = PlanePoint.zero
    for i in 0..<legCount {
      let bearing = firstLegBearing + turn.sign * Double(i) * .pi / 2
      position = position + (Double(Self.legMultiple(i)) * trackSpacing) * .unit(bearing: bearing)
      vertices.append(position)
      roles.append(.search)
    }
    return PatternGeometry(
      kind: kind, plane: LocalTangentPlane(origin: datum), vertices: vertices, legRoles: roles,
      trackSpacing: trackSpacing)
  }
}
