import Foundation
import SarexGeo

/// Two assigned areas that share sea room at overlapping altitude bands during overlapping time
/// windows: a conflict the plan must not contain.
public struct AreaConflict: Hashable, Sendable {
  public var firstAreaID: String
  public var secondAreaID: String
  /// Area common to both, square metres.
  public var overlapArea: Double
  /// The time both are assigned.
  public var commonWindow: DateInterval
}

/// Deconfliction of search areas, altitudes and unit tracks (IAMSAR Manual Vol II, chapter 5:
/// no two units searching the same area at the same altitude at the same time; aircraft in
/// adjacent areas separated vertically; units kept apart by at least one track spacing).
public enum Deconfliction {
  /// Every pair of areas whose interiors overlap by more than `minimumOverlap` square metres,
  /// with overlapping altitude bands and time windows. Areas that only share a boundary do not
  /// conflict.
  public static func overlaps(
    among areas: [AssignedArea], minimumOverlap: Double = 1
  ) throws(DeconflictionError) -> [AreaConflict] {
    let polygons = try planarPolygons(areas)
    var conflicts: [AreaConflict] = []
    for i in areas.indices {
      for j in areas.indices where j > i {
        let a = areas[i]
        let b = areas[j]
        guard a.altitudeBand.overlaps(b.altitudeBand),
          let window = a.window.intersection(with: b.window), window.duration > 0
        else { continue }
        let overlap = polygons[i].intersectionArea(with: polygons[j])
        if overlap > minimumOverlap {
          conflicts.append(
            AreaConflict(
              firstAreaID: a.id, secondAreaID: b.id, overlapArea: overlap, commonWindow: window))
        }
      }
    }
    return conflicts
  }

  /// Areas in one local plane, validated.
  static func planarPolygons(_ areas: [AssignedArea]) throws(DeconflictionError) -> [PlanarPolygon]
  {
    guard let origin = areas.first?.boundary.first else { return [] }
    let plane = LocalTangentPlane(origin: origin)
    var result: [PlanarPolygon] = []
    for area in areas {
      guard area.altitudeBand.isValid else {
        throw .invalidAltitudeBand(id: area.id, band: area.altitudeBand)
      }
      guard area.boundary.count >= 3 else {
        throw .degenerateArea(id: area.id, reason: "\(area.boundary.count) boundary points")
      }
      guard let polygon = PlanarPolygon(area.boundary.map(plane.plane)) else {
        throw .degenerateArea(id: area.id, reason: "the boundary has no area or crosses itself")
      }
      result.append(polygon)
    }
    return result
  }
}
