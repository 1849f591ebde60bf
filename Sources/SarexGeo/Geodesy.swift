import Foundation

/// A reference ellipsoid: equatorial radius `a` in metres and flattening `f`.
public struct Ellipsoid: Hashable, Sendable {
  /// Equatorial (semi-major) radius, metres.
  public let a: Double
  /// Flattening (a - b) / a, dimensionless.
  public let f: Double

  public init(a: Double, f: Double) {
    self.a = a
    self.f = f
  }

  /// Polar (semi-minor) radius, metres.
  public var b: Double { a * (1 - f) }
  /// First eccentricity squared, e^2 = f (2 - f).
  public var eccentricitySquared: Double { f * (2 - f) }

  /// WGS 84 (NIMA TR8350.2): a = 6 378 137 m, 1/f = 298.257 223 563.
  public static let wgs84 = Ellipsoid(a: 6_378_137, f: 1 / 298.257_223_563)
}

/// The answer of the inverse geodesic problem: how far and in which direction one point lies
/// from another along the shortest path on the ellipsoid.
public struct GeodesicInverse: Hashable, Sendable {
  /// Length of the geodesic, metres.
  public var distance: Double
  /// True bearing at the first point, radians clockwise from north in [0, 2 pi).
  public var initialBearing: Double
  /// True bearing of the geodesic arriving at the second point, radians in [0, 2 pi).
  public var finalBearing: Double
}

/// Geodesics on an ellipsoid (Vincenty 1975, "Direct and inverse solutions of geodesics on the
/// ellipsoid with application of nested equations", Survey Review 23(176)), accurate to well under
/// a millimetre for any distance a search plan uses. The inverse iteration does not converge for
/// nearly antipodal points (more than about 179.5 degrees of arc apart); there it falls back to a
/// great circle on a sphere of the mean radius, good to about 0.5 % (never used by SAR planning).
public enum Geodesy {
  /// Where a geodesic starting at `start` on true bearing `bearing` (radians) ends after
  /// `distance` metres, and the bearing it arrives on (radians in [0, 2 pi)).
  public static func direct(
    from start: GeoPoint, bearing: Double, distance: Double, on ellipsoid: Ellipsoid = .wgs84
  ) -> (point: GeoPoint, finalBearing: Double) {
    let a = ellipsoid.a
    let f = ellipsoid.f
    let b = ellipsoid.b
    let sinAlpha1 = sin(bearing)
    let cosAlpha1 = cos(bearing)
    let tanU1 = (1 - f) * tan(start.latitude)
    let cosU1 = 1 / (1 + tanU1 * tanU1).squareRoot()
    let sinU1 = tanU1 * cosU1
    let sigma1 = atan2(tanU1, cosAlpha1)
    let sinAlpha = cosU1 * sinAlpha1
    let cosSqAlpha = 1 - sinAlpha * sinAlpha
    let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
    let bigA = vincentyA(uSq)
    let bigB = vincentyB(uSq)
    let sigma0 = distance / (b * bigA)
    var sigma = sigma0
    var cos2SigmaM = 0.0
    var sinSigma = 0.0
    var cosSigma = 1.0
    for _ in 0..<100 {
      cos2SigmaM = cos(2 * sigma1 + sigma)
      sinSigma = sin(sigma)
      cosSigma = cos(sigma)
      let deltaSigma = vincentyDeltaSigma(
        bigB: bigB, sinSigma: sinSigma, cosSigma: cosSigma, cos2SigmaM: cos2SigmaM)
      let previous = sigma
      sigma = sigma0 + deltaSigma
      if abs(sigma - previous) < 1e-13 { break }
    }
    cos2SigmaM = cos(2 * sigma1 + sigma)
    sinSigma = sin(sigma)
    cosSigma = cos(sigma)
    let tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1
    let latitude2 = atan2(
      sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
      (1 - f) * (sinAlpha * sinAlpha + tmp * tmp).squareRoot())
    let lambda = atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1)
    let c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha))
    let inner = cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
    let bigL = lambda - (1 - c) * f * sinAlpha * (sigma + c * sinSigma * inner)
    let longitude2 = normalizedLongitude(start.longitude + bigL)
    let finalBearing = normalizedBearing(atan2(sinAlpha, -tmp))
    let point = GeoPoint(
      longitudeDegrees: longitude2 * 180 / .pi, latitudeDegrees: latitude2 * 180 / .pi)
    return (point, finalBearing)
  }

  /// Distance (metres) and initial and final true bearings (radians) from `start` to `end`.
  /// Coincident points give distance 0 and bearings 0.
  public static func inverse(
    from start: GeoPoint, to end: GeoPoint, on ellipsoid: Ellipsoid = .wgs84
  ) -> GeodesicInverse {
    let a = ellipsoid.a
    let f = ellipsoid.f
    let b = ellipsoid.b
    let bigL = normalizedLongitude(end.longitude - start.longitude)
    let u1 = atan((1 - f) * tan(start.latitude))
    let u2 = atan((1 - f) * tan(end.latitude))
    let sinU1 = sin(u1)
    let cosU1 = cos(u1)
    let sinU2 = sin(u2)
    let cosU2 = cos(u2)
    var lambda = bigL
    var sinLambda = 0.0
    var cosLambda = 1.0
    var sinSigma = 0.0
    var cosSigma = 1.0
    var sigma = 0.0
    var sinAlpha = 0.0
    var cosSqAlpha = 1.0
    var cos2SigmaM = 0.0
    var converged = false
    for _ in 0..<200 {
      sinLambda = sin(lambda)
      cosLambda = cos(lambda)
      let t1 = cosU2 * sinLambda
      let t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
      sinSigma = (t1 * t1 + t2 * t2).squareRoot()
      if sinSigma == 0 {
        return GeodesicInverse(distance: 0, initialBearing: 0, finalBearing: 0)
      }
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
      sigma = atan2(sinSigma, cosSigma)
      sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
      cosSqAlpha = 1 - sinAlpha * sinAlpha
      cos2SigmaM = cosSqAlpha != 0 ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0
      let c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha))
      let previous = lambda
      let inner = cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
      lambda = bigL + (1 - c) * f * sinAlpha * (sigma + c * sinSigma * inner)
      if abs(lambda - previous) < 1e-13 {
        converged = true
        break
      }
    }
    guard converged, lambda.isFinite else {
      return sphericalInverse(from: start, to: end, on: ellipsoid)
    }
    let uSq = cosSqAlpha * (a * a - b * b) / (b * b)
    let deltaSigma = vincentyDeltaSigma(
      bigB: vincentyB(uSq), sinSigma: sinSigma, cosSigma: cosSigma, cos2SigmaM: cos2SigmaM)
    let distance = b * vincentyA(uSq) * (sigma - deltaSigma)
    let alpha1 = atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda)
    let alpha2 = atan2(cosU1 * sinLambda, -sinU1 * cosU2 + cosU1 * sinU2 * cosLambda)
    return GeodesicInverse(
      distance: distance, initialBearing: normalizedBearing(alpha1),
      finalBearing: normalizedBearing(alpha2))
  }

  /// A bearing in radians brought into [0, 2 pi).
  public static func normalizedBearing(_ bearing: Double) -> Double {
    let r = bearing.truncatingRemainder(dividingBy: 2 * .pi)
    let wrapped = r < 0 ? r + 2 * .pi : r
    return wrapped >= 2 * .pi ? 0 : wrapped
  }

  /// A longitude in radians brought into [-pi, pi).
  public static func normalizedLongitude(_ longitude: Double) -> Double {
    normalizedBearing(longitude + .pi) - .pi
  }

  private static func vincentyA(_ uSq: Double) -> Double {
    1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)))
  }

  private static func vincentyB(_ uSq: Double) -> Double {
    uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)))
  }

  private static func vincentyDeltaSigma(
    bigB: Double, sinSigma: Double, cosSigma: Double, cos2SigmaM: Double
  ) -> Double {
    let c2 = cos2SigmaM * cos2SigmaM
    let term1 = cosSigma * (-1 + 2 * c2)
    let term2 = bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * c2)
    return bigB * sinSigma * (cos2SigmaM + bigB / 4 * (term1 - term2))
  }

  /// Great circle on the sphere of mean radius (2a + b) / 3: the fallback for nearly antipodal
  /// points where Vincenty's inverse iteration does not converge.
  private static func sphericalInverse(
    from start: GeoPoint, to end: GeoPoint, on ellipsoid: Ellipsoid
  ) -> GeodesicInverse {
    let radius = (2 * ellipsoid.a + ellipsoid.b) / 3
    let dLon = end.longitude - start.longitude
    let y1 = sin(dLon) * cos(end.latitude)
    let x1 =
      cos(start.latitude) * sin(end.latitude) - sin(start.latitude) * cos(end.latitude) * cos(dLon)
    let y2 = sin(dLon) * cos(start.latitude)
    let x2 =
      -sin(start.latitude) * cos(end.latitude) + cos(start.latitude) * sin(end.latitude) * cos(dLon)
    let cosC =
      sin(start.latitude) * sin(end.latitude) + cos(start.latitude) * cos(end.latitude) * cos(dLon)
    let sinC = (y1 * y1 + x1 * x1).squareRoot()
    return GeodesicInverse(
      distance: radius * atan2(sinC, cosC), initialBearing: normalizedBearing(atan2(y1, x1)),
      finalBearing: normalizedBearing(atan2(y2, x2)))
  }
}

extension GeoPoint {
  /// The point `distance` metres away along the geodesic leaving on true bearing `bearing`
  /// (radians clockwise from north), on WGS 84.
  public func destination(bearing: Double, distance: Double) -> GeoPoint {
    Geodesy.direct(from: self, bearing: bearing, distance: distance).point
  }

  /// Geodesic distance to `other` on WGS 84, metres.
  public func distance(to other: GeoPoint) -> Double {
    Geodesy.inverse(from: self, to: other).distance
  }

  /// Initial true bearing of the geodesic to `other` on WGS 84, radians in [0, 2 pi).
  public func initialBearing(to other: GeoPoint) -> Double {
    Geodesy.inverse(from: self, to: other).initialBearing
  }
}
