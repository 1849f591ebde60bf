import Foundation

/// A point or displacement in a local horizontal plane: metres east and north.
public struct PlanePoint: Hashable, Sendable, Codable {
  /// Metres east.
  public var east: Double
  /// Metres north.
  public var north: Double

  public init(east: Double, north: Double) {
    self.east = east
    self.north = north
  }

  public static let zero = PlanePoint(east: 0, north: 0)

  /// The unit vector pointing along true bearing `bearing` (radians clockwise from north).
  public static func unit(bearing: Double) -> PlanePoint {
    PlanePoint(east: sin(bearing), north: cos(bearing))
  }

  /// Euclidean length, metres.
  public var length: Double { (east * east + north * north).squareRoot() }

  /// Bearing of this displacement, radians clockwise from north in [0, 2 pi); 0 for the zero vector.
  public var bearing: Double { Geodesy.normalizedBearing(atan2(east, north)) }

  public static func + (l: PlanePoint, r: PlanePoint) -> PlanePoint {
    PlanePoint(east: l.east + r.east, north: l.north + r.north)
  }

  public static func - (l: PlanePoint, r: PlanePoint) -> PlanePoint {
    PlanePoint(east: l.east - r.east, north: l.north - r.north)
  }

  public static func * (s: Double, p: PlanePoint) -> PlanePoint {
    PlanePoint(east: s * p.east, north: s * p.north)
  }

  /// Dot product, square metres.
  public func dot(_ other: PlanePoint) -> Double { east * other.east + north * other.north }

  /// z component of the cross product self x other (positive when `other` is anticlockwise).
  public func cross(_ other: PlanePoint) -> Double { east * other.north - north * other.east }
}

/// A position in a local east-north-up frame, metres.
public struct ENU: Hashable, Sendable {
  public var east: Double
  public var north: Double
  public var up: Double

  public init(east: Double, north: Double, up: Double) {
    self.east = east
    self.north = north
    self.up = up
  }
}

/// The local tangent plane (east, north, up) at an origin on the ellipsoid: exact forward and
/// inverse transforms through Earth-centred Earth-fixed coordinates, and a 2-D version for
/// drawing search patterns: `plane(_:)` drops the up component (an orthographic projection onto
/// the tangent plane) and `surface(_:)` drops the plane point back onto the ellipsoid along the
/// origin's vertical, so `plane(surface(p)) == p`. Distances from the origin measured in that plane
/// are R sin(d / R), short by about d^3 / (6 R^2): 0.5 m at 50 km, 4 m at 100 km.
public struct LocalTangentPlane: Hashable, Sendable {
  public let origin: GeoPoint
  /// Height of the origin above the ellipsoid, metres.
  public let originHeight: Double
  public let ellipsoid: Ellipsoid

  private let originECEF: SIMD3<Double>
  private let eastAxis: SIMD3<Double>
  private let northAxis: SIMD3<Double>
  private let upAxis: SIMD3<Double>

  public init(origin: GeoPoint, originHeight: Double = 0, ellipsoid: Ellipsoid = .wgs84) {
    self.origin = origin
    self.originHeight = originHeight
    self.ellipsoid = ellipsoid
    originECEF = LocalTangentPlane.ecef(origin, height: originHeight, ellipsoid: ellipsoid)
    let sinLat = sin(origin.latitude)
    let cosLat = cos(origin.latitude)
    let sinLon = sin(origin.longitude)
    let cosLon = cos(origin.longitude)
    eastAxis = SIMD3(-sinLon, cosLon, 0)
    northAxis = SIMD3(-sinLat * cosLon, -sinLat * sinLon, cosLat)
    upAxis = SIMD3(cosLat * cosLon, cosLat * sinLon, sinLat)
  }

  /// Forward: east, north, up of `point` at `height` metres above the ellipsoid.
  public func enu(of point: GeoPoint, height: Double = 0) -> ENU {
    let d = LocalTangentPlane.ecef(point, height: height, ellipsoid: ellipsoid) - originECEF
    return ENU(
      east: (d * eastAxis).sum(), north: (d * northAxis).sum(), up: (d * upAxis).sum())
  }

  /// Inverse: the geodetic position and height (metres) of a point given in this frame.
  public func geodetic(of enu: ENU) -> (point: GeoPoint, height: Double) {
    let p = originECEF + enu.east * eastAxis + enu.north * northAxis + enu.up * upAxis
    return LocalTangentPlane.geodetic(ecef: p, ellipsoid: ellipsoid)
  }

  /// 2-D forward: east and north of a point on the ellipsoid surface (the up component dropped).
  public func plane(_ point: GeoPoint) -> PlanePoint {
    let v = enu(of: point, height: 0)
    return PlanePoint(east: v.east, north: v.north)
  }

  /// 2-D inverse: the point on the ellipsoid surface directly below (or above) `point` along the
  /// origin's vertical; nil when that line misses the ellipsoid (plane points thousands of
  /// kilometres from the origin).
  public func surface(_ point: PlanePoint) -> GeoPoint? {
    let q = originECEF + point.east * eastAxis + point.north * northAxis
    let a2 = ellipsoid.a * ellipsoid.a
    let b2 = ellipsoid.b * ellipsoid.b
    let w = SIMD3(1 / a2, 1 / a2, 1 / b2)
    let qa = (w * upAxis * upAxis).sum()
    let qb = 2 * (w * q * upAxis).sum()
    let qc = (w * q * q).sum() - 1
    let discriminant = qb * qb - 4 * qa * qc
    guard discriminant >= 0, qa > 0 else { return nil }
    // The larger root is the near-side intersection (the far side of the Earth is the other).
    let t = (-qb + discriminant.squareRoot()) / (2 * qa)
    return LocalTangentPlane.geodetic(ecef: q + t * upAxis, ellipsoid: ellipsoid).point
  }

  static func ecef(_ point: GeoPoint, height: Double, ellipsoid: Ellipsoid) -> SIMD3<Double> {
    let e2 = ellipsoid.eccentricitySquared
    let sinLat = sin(point.latitude)
    let cosLat = cos(point.latitude)
    let n = ellipsoid.a / (1 - e2 * sinLat * sinLat).squareRoot()
    return SIMD3(
      (n + height) * cosLat * cos(point.longitude), (n + height) * cosLat * sin(point.longitude),
      (n * (1 - e2) + height) * sinLat)
  }

  /// Earth-centred Earth-fixed to geodetic by fixed-point iteration on latitude (converges to
  /// 1e-15 rad in a few steps for heights within a few hundred kilometres of the surface).
  static func geodetic(ecef p: SIMD3<Double>, ellipsoid: Ellipsoid) -> (
    point: GeoPoint, height: Double
  ) {
    let e2 = ellipsoid.eccentricitySquared
    let a = ellipsoid.a
    let horizontal = (p.x * p.x + p.y * p.y).squareRoot()
    let longitude = atan2(p.y, p.x)
    var latitude = atan2(p.z, horizontal * (1 - e2))
    var height = 0.0
    for _ in 0..<20 {
      let sinLat = sin(latitude)
      let root = (1 - e2 * sinLat * sinLat).squareRoot()
      let n = a / root
      height = horizontal * cos(latitude) + p.z * sinLat - a * root
      let next = atan2(p.z, horizontal * (1 - e2 * n / (n + height)))
      let done = abs(next - latitude) < 1e-15
      latitude = next
      if done { break }
    }
    let sinLat = sin(latitude)
    height = horizontal * cos(latitude) + p.z * sinLat - a * (1 - e2 * sinLat * sinLat).squareRoot()
    return (
      GeoPoint(longitudeDegrees: longitude * 180 / .pi, latitudeDegrees: latitude * 180 / .pi),
      height
    )
  }
}
