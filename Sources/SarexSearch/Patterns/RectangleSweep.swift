import Foundation
import SarexGeo

/// The common layout of the parallel sweep and the creeping line: parallel search legs joined by
/// crossover legs one track spacing long, starting at the commence search point half a track
/// spacing inside the start corner from both sides (IAMSAR Manual Vol II, chapter 5, parallel sweep
/// and creeping line search), and advancing (creeping) away from that corner. Enough legs are laid
/// that every point of the rectangle is within half a spacing of a search leg: ceil(extent / S)
/// legs, the last lying at most half a spacing outside the far side when the extent is not a
/// multiple of S.
enum RectangleSweep {
  static func geometry(
    kind: PatternKind, area: SearchRectangle, trackSpacing: Double, startCorner: RectangleCorner,
    legsAlongMajorAxis: Bool
  ) throws(SearchPatternError) -> PatternGeometry {
    try SearchPatternError.requirePositive(trackSpacing, "track spacing")
    try SearchPatternError.requirePositive(area.length, "area length")
    try SearchPatternError.requirePositive(area.width, "area width")
    try SearchPatternError.requireFinite(area.majorAxisBearing, "major axis bearing")
    let s = trackSpacing
    // Leg direction axis and creep axis, each signed to point away from the start corner.
    let fromCornerAlong = -startCorner.forwardSign * area.forward
    let fromCornerAcross = -startCorner.rightSign * area.right
    let legAxis = legsAlongMajorAxis ? fromCornerAlong : fromCornerAcross
    let creepAxis = legsAlongMajorAxis ? fromCornerAcross : fromCornerAlong
    let legExtent = legsAlongMajorAxis ? area.length : area.width
    let creepExtent = legsAlongMajorAxis ? area.width : area.length
    guard legExtent > s else {
      throw .areaTooSmall(
        field: legsAlongMajorAxis ? "length" : "width", size: legExtent, trackSpacing: s)
    }
    let tracks = (creepExtent / s - 1e-9).rounded(.up)
    guard tracks <= 100_000 else {
      throw .notPositive(field: "track spacing (over 100000 legs)", value: s)
    }
    let legCount = max(1, Int(truncatingIfNeeded: Int64(tracks)))
    let csp = area.planeCorner(startCorner) + (s / 2) * legAxis + (s / 2) * creepAxis
    let legLength = legExtent - s
    var vertices: [PlanePoint] = []
    var roles: [SearchLeg.Role] = []
    for k in 0..<legCount {
      let base = csp + (Double(k) * s) * creepAxis
      let far = base + legLength * legAxis
      if k.isMultiple(of: 2) {
        vertices += [base, far]
      } else {
        vertices += [far, base]
      }
      if k > 0 { roles.append(.crossover) }
      roles.append(.search)
    }
    return PatternGeometry(
      kind: kind, plane: area.plane, vertices: vertices, legRoles: roles, trackSpacing: s,
      creepBearing: creepAxis.bearing)
  }
}
