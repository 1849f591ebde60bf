import Foundation
import SarexGeo

/// A rectangular search area: centre, orientation of its major axis, and its two dimensions.
public struct SearchRectangle: Sendable, Hashable {
  public var centre: GeoPoint
  /// True bearing of the major axis (the `length` direction), radians.
  public var majorAxisBearing: Double
  /// Extent along the major axis, metres.
  public var length: Double
  /// Extent across the major axis, metres.
  public var width: Double

  public init(centre: GeoPoint, majorAxisBearing: Double, length: Double, width: Double) {
    self.centre = centre
    self.majorAxisBearing = majorAxisBearing
    self.length = length
    self.width = width
  }

  /// The plane centred on the rectangle in which patterns over it are drawn.
  public var plane: LocalTangentPlane { LocalTangentPlane(origin: centre) }

  /// Unit vector along the major axis ("front").
  var forward: PlanePoint { .unit(bearing: majorAxisBearing) }
  /// Unit vector to the right of the major axis.
  var right: PlanePoint { .unit(bearing: majorAxisBearing + .pi / 2) }

  /// The corner in the plane, metres from the centre.
  func planeCorner(_ corner: RectangleCorner) -> PlanePoint {
    (corner.forwardSign * length / 2) * forward + (corner.rightSign * width / 2) * right
  }

  /// Corner points, clockwise seen from above: back-left, front-left, front-right, back-right.
  public func corners() throws(SearchPatternError) -> [GeoPoint] {
    try SearchPatternError.requirePositive(length, "area length")
    try SearchPatternError.requirePositive(width, "area width")
    try SearchPatternError.requireFinite(majorAxisBearing, "major axis bearing")
    let plane = self.plane
    var points: [GeoPoint] = []
    for corner in RectangleCorner.clockwise {
      guard let p = plane.surface(planeCorner(corner)) else {
        throw .tooLarge(pattern: .parallelSweep)
      }
      points.append(p)
    }
    return points
  }
}

/// A corner of a `SearchRectangle`, named facing along its major axis.
public enum RectangleCorner: String, Sendable, Hashable, Codable, CaseIterable {
  case backLeft
  case frontLeft
  case frontRight
  case backRight

  /// The corners in clockwise order starting at the back left.
  public static let clockwise: [RectangleCorner] = [.backLeft, .frontLeft, .frontRight, .backRight]

  var forwardSign: Double { self == .frontLeft || self == .frontRight ? 1 : -1 }
  var rightSign: Double { self == .frontRight || self == .backRight ? 1 : -1 }
}
