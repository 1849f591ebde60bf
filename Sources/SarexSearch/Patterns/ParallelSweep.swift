import Foundation
import SarexGeo

/// Parallel sweep search (PS): search legs parallel to the rectangle's major axis, creeping across
/// it, for a large area with the object's position uncertain (IAMSAR Vol II).
public struct ParallelSweep: SearchPattern, Hashable {
  public var area: SearchRectangle
  /// Track spacing S, metres.
  public var trackSpacing: Double
  /// The corner the pattern starts in (CSP half a spacing inside it).
  public var startCorner: RectangleCorner

  public init(area: SearchRectangle, trackSpacing: Double, startCorner: RectangleCorner) {
    self.area = area
    self.trackSpacing = trackSpacing
    self.startCorner = startCorner
  }

  public var kind: PatternKind { .parallelSweep }

  public func geometry() throws(SearchPatternError) -> PatternGeometry {
    try RectangleSweep.geometry(
      kind: kind, area: area, trackSpacing: trackSpacing, startCorner: startCorner,
      legsAlongMajorAxis: true)
  }
}
