import Foundation
import SarexGeo

/// Creeping line search (CS): search legs parallel to the rectangle's minor axis, creeping along
/// the major axis, when one end of the area is more likely than the other (IAMSAR Vol II).
public struct CreepingLine: SearchPattern, Hashable {
  public var area: SearchRectangle
  /// Track spacing S, metres.
  public var trackSpacing: Double
  /// The corner the pattern starts in (CSP half a spacing inside it); the pattern creeps from
  /// this end of the major axis to the other.
  public var startCorner: RectangleCorner

  public init(area: SearchRectangle, trackSpacing: Double, startCorner: RectangleCorner) {
    self.area = area
    self.trackSpacing = trackSpacing
    self.startCorner = startCorner
  }

  public var kind: PatternKind { .creepingLine }

  public func geometry() throws(SearchPatternError) -> PatternGeometry {
    try RectangleSweep.geometry(
      kind: kind, area: area, trackSpacing: trackSpacing, startCorner: startCorner,
      legsAlongMajorAxis: false)
  }
}
