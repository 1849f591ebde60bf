import Foundation
import SarexGeo

/// Sector search (VS): from the datum out one radius, across one radius, back through the datum,
/// with 120 degree turns, three times, so the legs radiate 60 degrees apart; nine legs of one
/// radius each (IAMSAR Manual Vol II, chapter 5). A second sector, rotated 30 degrees, may follow
/// so its legs fall halfway between those of the first.
public struct SectorSearch: SearchPattern, Hashable {
  /// The datum, which is the commence search point; every leg starts or ends there or at one
  /// radius from it.
  public var datum: GeoPoint
  /// Search radius = leg length, metres. It is also the greatest track spacing (at the outer end).
  public var radius: Double
  /// True bearing of the first leg, radians.
  public var firstLegBearing: Double
  public var turn: TurnDirection
  /// Add the second sector, its first leg `turn.sign * 30` degrees from the first sector's.
  public var includesSecondSector: Bool

  public init(
    datum: GeoPoint, radius: Double, firstLegBearing: Double, turn: TurnDirection = .right,
    includesSecondSector: Bool = false
  ) {
    self.datum = datum
    self.radius = radius
    self.firstLegBearing = firstLegBearing
    self.turn = turn
    self.includesSecondSector = includesSecondSector
  }

  public var kind: PatternKind { .sector }

  /// Rotation of the second sector, radians (30 degrees).
  public static let secondSectorRotation = Double.pi / 6

  public func geometry() throws(SearchPatternError) -> PatternGeometry {
    try SearchPatternError.requirePositive(radius, "sector radius")
    try SearchPatternError.requireFinite(firstLegBearing, "first leg bearing")
    var vertices: [PlanePoint] = [.zero]
    var roles: [SearchLeg.Role] = []
    let sectors = includesSecondSector ? 2 : 1
    for sector in 0..<sectors {
      var heading = firstLegBearing + turn.sign * Double(sector) * Self.secondSectorRotation
      var position = PlanePoint.zero
      // Out, across, back to the datum; three times with a 120 degree turn at each outer point.
      for leg in 0..<9 {
        position = position + radius * .unit(bearing: heading)
        if leg % 3 == 2 { position = .zero }  // exactly back at the datum
        vertices.append(position)
        roles.append(.search)
        // Turn 120 degrees at the two outer points of each triangle, straight on through the datum.
        if leg % 3 != 2 { heading += turn.sign * 2 * .pi / 3 }
      }
    }
    return PatternGeometry(
      kind: kind, plane: LocalTangentPlane(origin: datum), vertices: vertices, legRoles: roles,
      trackSpacing: radius)
  }
}
