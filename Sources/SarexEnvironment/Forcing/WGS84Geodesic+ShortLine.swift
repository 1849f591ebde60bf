import Foundation
import SarexGeo

extension WGS84Geodesic {
  /// Longest line (metres) for which `shortLineAzimuth` uses its closed form; longer lines go
  /// to `geod_inverse`. At 100 m the closed form's error is below 1e-10 rad (see the tests).
  static let shortLineLimitMetres = 100.0

  /// Cosine and sine of the forward azimuth (clockwise from north) of the WGS 84 geodesic from
  /// point 1 to point 2 (degrees), for points a few metres apart: what `azimuthDegrees` gives,
  /// to about 1e-12 rad for 10 m, without Karney's series (the largest single loading cost
  /// when it ran at every lookup-table node).
  ///
  /// Over a short line the geodesic's direction at its middle is the chord's in the local
  /// metric: atan2(N cos(phi) dLon, M dLat) with the radii of curvature N (prime vertical) and
  /// M (meridian) at the mean latitude, wrong by O((s / R)^2). From the middle back to point 1
  /// the azimuth turns by dLon sin(phi) / 2 (Clairaut: d(alpha) = sin(phi) d(lambda) along a
  /// geodesic), again to O((s / R)^2). Lines longer than `shortLineLimitMetres`, coincident
  /// points and latitudes beyond 89.9 degrees fall back to `geod_inverse`.
  static func shortLineAzimuth(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> (
    cos: Double, sin: Double
  ) {
    let (length, direction) = closedFormAzimuth(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2)
    guard length > 0, length <= shortLineLimitMetres, abs(lat1) <= 89.9, abs(lat2) <= 89.9 else {
      let azimuth = azimuthDegrees(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2) * .pi / 180
      return (Foundation.cos(azimuth), Foundation.sin(azimuth))
    }
    return direction
  }

  /// The closed form of `shortLineAzimuth` at any length (its error grows as the square of the
  /// length), and the line's approximate length (metres; NaN for NaN input).
  static func closedFormAzimuth(lon1: Double, lat1: Double, lon2: Double, lat2: Double) -> (
    length: Double, direction: (cos: Double, sin: Double)
  ) {
    let radians = Double.pi / 180
    var dLonDegrees = lon2 - lon1
    if dLonDegrees > 180 { dLonDegrees -= 360 } else if dLonDegrees < -180 { dLonDegrees += 360 }
    let dLon = dLonDegrees * radians
    let dLat = (lat2 - lat1) * radians
    let phi = (lat1 + lat2) / 2 * radians
    let a = Ellipsoid.wgs84.a
    let e2 = Ellipsoid.wgs84.eccentricitySquared
    let sinPhi = Foundation.sin(phi)
    let cosPhi = Foundation.cos(phi)
    let w2 = 1 - e2 * sinPhi * sinPhi
    let n = a / w2.squareRoot()
    let m = n * (1 - e2) / w2
    let east = n * cosPhi * dLon
    let north = m * dLat
    let length = (east * east + north * north).squareRoot()
    return (length, turnedBack(north, length, east, dLon, sinPhi))
  }

  /// The closed form's answer from the local chord (`east`, `north`, metres, of length `length`).
  @inline(__always)
  private static func turnedBack(
    _ north: Double, _ length: Double, _ east: Double, _ dLon: Double, _ sinPhi: Double
  ) -> (cos: Double, sin: Double) {
    let cosMiddle = north / length
    let sinMiddle = east / length
    // Turn back by delta = -dLon sin(phi) / 2 (|delta| ~ 1e-6 rad: two terms of each series).
    let delta = -dLon * sinPhi / 2
    let cosDelta = 1 - delta * delta / 2
    let sinDelta = delta - delta * delta * delta / 6
    return (
      cosMiddle * cosDelta - sinMiddle * sinDelta, sinMiddle * cosDelta + cosMiddle * sinDelta
    )
  }
}
