import Foundation
import SarexGeo

/// A search rectangle on the planning plane: centre in metres, true bearing of its length, and its
/// two sides, metres. Planners work in these; `SearchRectangle` is made at the end.
struct PlaneRectangle: Sendable, Hashable {
  var centreX: Double
  var centreY: Double
  /// True bearing of `length`, radians.
  var bearing: Double
  var length: Double
  var width: Double

  var area: Double { length * width }

  /// The same rectangle with `length` the longer side, so parallel-sweep legs run along it.
  var legsAlongLongerSide: PlaneRectangle {
    guard width > length else { return self }
    return PlaneRectangle(
      centreX: centreX, centreY: centreY, bearing: Geodesy.normalizedBearing(bearing + .pi / 2),
      length: width, width: length)
  }

  /// Moved by `offset` metres.
  func shifted(by offset: PlanePoint) -> PlaneRectangle {
    var r = self
    r.centreX += offset.east
    r.centreY += offset.north
    return r
  }

  func searchRectangle(on plane: SearchPlane) -> SearchRectangle {
    SearchRectangle(
      centre: plane.unproject(x: centreX, y: centreY), majorAxisBearing: bearing, length: length,
      width: width)
  }
}
