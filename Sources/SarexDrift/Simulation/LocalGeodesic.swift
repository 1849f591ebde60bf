/// Moves a position on the WGS 84 ellipsoid by a small displacement (metres east and north),
/// following the geodesic that starts in the displacement's direction.
///
/// OpenDrift moves particles with the geodesic direct problem (`pyproj.Geod.fwd`, Karney 2013).
/// A drift step moves a particle less than a few kilometres, so integrating the geodesic's
/// differential equations (latitude, longitude, azimuth against arc length, with the meridional
/// and prime-vertical radii of curvature M and N) over the whole step with the second-order
/// midpoint rule is exact to well under a millimetre (local error ~ s^3 / R^2). The tests check it
/// against PROJ's `geod_direct`. Trigonometry uses polynomials so that the particle loop
/// vectorises: no libm call per particle.
enum LocalGeodesic {
  /// WGS 84 semi-major axis, metres.
  static let a = 6_378_137.0
  /// WGS 84 flattening.
  static let f = 1 / 298.257_223_563
  /// First eccentricity squared.
  static let e2 = f * (2 - f)
  static let degreesPerRadian = 180 / Double.pi
  static let radiansPerDegree = Double.pi / 180

  /// sin and cos of `x` for |x| <= pi/2 (latitudes) by Taylor polynomials to degree 19/20:
  /// error below 3e-16.
  @inline(__always)
  static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
    let x2 = x * x
    var s = -1.0 / 121_645_100_408_832_000  // -1/19!
    s = s * x2 + 1.0 / 355_687_428_096_000  // 1/17!
    s = s * x2 - 1.0 / 1_307_674_368_000  // 1/15!
    s = s * x2 + 1.0 / 6_227_020_800  // 1/13!
    s = s * x2 - 1.0 / 39_916_800  // 1/11!
    s = s * x2 + 1.0 / 362_880  // 1/9!
    s = s * x2 - 1.0 / 5040
    s = s * x2 + 1.0 / 120
    s = s * x2 - 1.0 / 6
    s = s * x2 + 1
    var c = 1.0 / 2_432_902_008_176_640_000  // 1/20!
    c = c * x2 - 1.0 / 6_402_373_705_728_000  // 1/18!
    c = c * x2 + 1.0 / 20_922_789_888_000  // 1/16!
    c = c * x2 - 1.0 / 87_178_291_200  // 1/14!
    c = c * x2 + 1.0 / 479_001_600  // 1/12!
    c = c * x2 - 1.0 / 3_628_800  // 1/10!
    c = c * x2 + 1.0 / 40320
    c = c * x2 - 1.0 / 720
    c = c * x2 + 1.0 / 24
    c = c * x2 - 0.5
    c = c * x2 + 1
    return (s * x, c)
  }

  /// Moves (`longitudeDegrees`, `latitudeDegrees`) by `east` and `north` metres (signed).
  /// Returns the new position, longitude wrapped to [-180, 180].
  @inline(__always)
  static func move(
    longitudeDegrees: Double, latitudeDegrees: Double, east: Double, north: Double
  ) -> (longitudeDegrees: Double, latitudeDegrees: Double) {
    let phi0 = latitudeDegrees * radiansPerDegree
    let (s0, c0) = sinCos(phi0)
    let w0sq = 1 - e2 * s0 * s0
    let w0 = w0sq.squareRoot()
    let n0 = a / w0
    let m0 = a * (1 - e2) / (w0sq * w0)
    // Half-step: latitude change and azimuth rotation (the geodesic turns by sin(az) tan(phi)/N).
    let dPhiHalf = 0.5 * north / m0
    let beta = 0.5 * east * s0 / (c0 * n0)
    let dPhiHalf2 = dPhiHalf * dPhiHalf
    let sinD = dPhiHalf * (1 - dPhiHalf2 * (1.0 / 6 - dPhiHalf2 * (1.0 / 120)))
    let cosD = 1 - dPhiHalf2 * (0.5 - dPhiHalf2 * (1.0 / 24))
    let sm = s0 * cosD + c0 * sinD
    let cm = c0 * cosD - s0 * sinD
    let beta2 = beta * beta
    let sinB = beta * (1 - beta2 * (1.0 / 6))
    let cosB = 1 - beta2 * (0.5 - beta2 * (1.0 / 24))
    // Displacement along the midpoint azimuth.
    let northMid = north * cosB - east * sinB
    let eastMid = east * cosB + north * sinB
    let wmsq = 1 - e2 * sm * sm
    let wm = wmsq.squareRoot()
    let nm = a / wm
    let mm = a * (1 - e2) / (wmsq * wm)
    let phi1 = phi0 + northMid / mm
    let dLambda = eastMid / (nm * cm)
    var lon = longitudeDegrees + dLambda * degreesPerRadian
    lon = lon > 180 ? lon - 360 : lon
    lon = lon < -180 ? lon + 360 : lon
    return (lon, phi1 * degreesPerRadian)
  }
}
