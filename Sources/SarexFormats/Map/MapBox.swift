import Foundation
import SarexGeo

/// A longitude/latitude box to draw, degrees. West may exceed east only across the antimeridian,
/// which maps do not support yet; the initialiser orders the values.
public struct MapBox: Sendable, Equatable {
  public var westDegrees: Double
  public var eastDegrees: Double
  public var southDegrees: Double
  public var northDegrees: Double

  public init(westDegrees: Double, eastDegrees: Double, southDegrees: Double, northDegrees: Double)
  {
    self.westDegrees = min(westDegrees, eastDegrees)
    self.eastDegrees = max(westDegrees, eastDegrees)
    self.southDegrees = max(min(southDegrees, northDegrees), -89)
    self.northDegrees = min(max(southDegrees, northDegrees), 89)
  }

  /// The box around `points` (non-finite ones ignored), widened by `marginFraction` of its size on
  /// each side and to at least `minimumSpanDegrees`; nil when no point is finite.
  public static func enclosing(
    _ points: [GeoPoint], marginFraction: Double = 0.1, minimumSpanDegrees: Double = 0.02
  ) -> MapBox? {
    let finite = points.filter { $0.longitudeDegrees.isFinite && $0.latitudeDegrees.isFinite }
    guard let first = finite.first else { return nil }
    var box = (
      w: first.longitudeDegrees, e: first.longitudeDegrees, s: first.latitudeDegrees,
      n: first.latitudeDegrees
    )
    for point in finite {
      box.w = min(box.w, point.longitudeDegrees)
      box.e = max(box.e, point.longitudeDegrees)
      box.s = min(box.s, point.latitudeDegrees)
      box.n = max(box.n, point.latitudeDegrees)
    }
    let latitudeSpan = max(box.n - box.s, minimumSpanDegrees)
    let middle = (box.n + box.s) / 2
    let longitudeSpan = max(box.e - box.w, minimumSpanDegrees / max(cos(middle * .pi / 180), 0.1))
    let centerLongitude = (box.e + box.w) / 2
    return MapBox(
      westDegrees: centerLongitude - longitudeSpan * (0.5 + marginFraction),
      eastDegrees: centerLongitude + longitudeSpan * (0.5 + marginFraction),
      southDegrees: middle - latitudeSpan * (0.5 + marginFraction),
      northDegrees: middle + latitudeSpan * (0.5 + marginFraction))
  }

  /// Latitude of the box's middle, degrees: the parallel whose scale the map keeps.
  public var middleLatitudeDegrees: Double { (southDegrees + northDegrees) / 2 }
}
