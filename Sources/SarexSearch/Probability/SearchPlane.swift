import Foundation
import SarexGeo

/// A local tangent plane (equirectangular about an origin) in metres, east and north.
///
/// Search areas span tens of nautical miles, so a plane tangent at their centre keeps distances
/// within about 0.1 % up to 100 km from the origin (the scale error grows with the square of the
/// latitude offset); that is well inside the uncertainty of a sweep width. Longitudes are unwrapped
/// about the origin so an area across the antimeridian stays contiguous.
public struct SearchPlane: Sendable, Hashable {
  /// Mean Earth radius (IUGG), metres.
  public static let earthRadiusMetres = 6_371_008.8

  /// The point at which the plane touches the Earth; x = 0, y = 0.
  public let origin: GeoPoint
  /// Metres per radian of longitude at the origin's latitude.
  let metresPerRadianEast: Double

  public init(origin: GeoPoint) {
    self.origin = origin
    self.metresPerRadianEast = Self.earthRadiusMetres * cos(origin.latitude)
  }

  /// East and north of the origin, metres.
  @inline(__always)
  public func project(longitudeDegrees: Double, latitudeDegrees: Double) -> (x: Double, y: Double) {
    var dLon = longitudeDegrees - origin.longitudeDegrees
    dLon -= 360 * (dLon / 360).rounded()
    let x = dLon * .pi / 180 * metresPerRadianEast
    let y = (latitudeDegrees - origin.latitudeDegrees) * .pi / 180 * Self.earthRadiusMetres
    return (x, y)
  }

  /// East and north of the origin, metres.
  public func project(_ point: GeoPoint) -> (x: Double, y: Double) {
    project(longitudeDegrees: point.longitudeDegrees, latitudeDegrees: point.latitudeDegrees)
  }

  /// The position of a point given in metres east and north of the origin.
  public func unproject(x: Double, y: Double) -> GeoPoint {
    let lat = origin.latitudeDegrees + y / Self.earthRadiusMetres * 180 / .pi
    var lon = origin.longitudeDegrees + x / metresPerRadianEast * 180 / .pi
    lon -= 360 * ((lon + 180) / 360).rounded(.down)
    return GeoPoint(longitudeDegrees: lon, latitudeDegrees: lat)
  }
}
