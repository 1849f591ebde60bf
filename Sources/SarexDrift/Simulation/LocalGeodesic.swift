/// Moves positions on the WGS 84 ellipsoid by small displacements (metres east and north),
/// following the geodesic that starts in the displacement's direction, four particles at a time.
///
/// OpenDrift moves particles with the geodesic direct problem (`pyproj.Geod.fwd`, Karney 2013).
/// A drift step moves a particle less than a few kilometres, so integrating the geodesic's
/// differential equations (latitude, longitude, azimuth against arc length, with the meridional
/// and prime-vertical radii of curvature M and N) over the whole step with the second-order
/// midpoint rule is exact to well under a millimetre (local error ~ s^3 / R^2). The tests check it
/// against PROJ's `geod_direct`. Trigonometry uses polynomials and the arithmetic works on SIMD
/// vectors, so the particle loop runs on AVX2 without libm calls.
enum LocalGeodesic {
  typealias Lanes = SIMD4<Double>

  /// WGS 84 semi-major axis, metres.
  static let a = 6_378_137.0
  /// WGS 84 flattening.
  static let f = 1 / 298.257_223_563
  /// First eccentricity squared.
  static let e2 = f * (2 - f)
  /// 1 / a and 1 / (a (1 - e^2)) (metres^-1): multiplications instead of divisions in the loop.
  static let inverseA = 1 / a
  static let inverseAOneMinusE2 = 1 / (a * (1 - e2))
  static let degreesPerRadian = 180 / Double.pi
  static let radiansPerDegree = Double.pi / 180

  /// sin and cos of `x` for |x| <= pi/2 (latitudes) by Taylor polynomials to degree 19/20:
  /// error below 3e-16.
  @inline(__always)
  static func sinCos(_ x: Lanes) -> (sin: Lanes, cos: Lanes) {
    let x2 = x * x
    var s = Lanes(repeating: -1.0 / 121_645_100_408_832_000)  // -1/19!
    s = s * x2 + 1.0 / 355_687_428_096_000  // 1/17!
    s = s * x2 - 1.0 / 1_307_674_368_000  // 1/15!
    s = s * x2 + 1.0 / 6_227_020_800  // 1/13!
    s = s * x2 - 1.0 / 39_916_800  // 1/11!
    s = s * x2 + 1.0 / 362_880  // 1/9!
    s = s * x2 - 1.0 / 5040
    s = s * x2 + 1.0 / 120
    s = s * x2 - 1.0 / 6
    s = s * x2 + 1
    var c = Lanes(repeating: 1.0 / 2_432_902_008_176_640_000)  // 1/20!
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

  /// sin and cos of one latitude in radians (|x| <= pi/2).
  static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
    let r = sinCos(Lanes(repeating: x))
    return (r.sin[0], r.cos[0])
  }

  /// Moves positions (degrees) by `east` and `north` metres (signed). `sinLatitude` and
  /// `cosLatitude` are those of the start latitude; returns the new positions (longitude wrapped
  /// to [-180, 180]) with sin and cos of the new latitude, for a following move.
  @inline(__always)
  static func move(
    longitudeDegrees: Lanes, latitudeDegrees: Lanes, sinLatitude s0: Lanes,
    cosLatitude c0: Lanes, east: Lanes, north: Lanes
  ) -> (longitudeDegrees: Lanes, latitudeDegrees: Lanes, sinLatitude: Lanes, cosLatitude: Lanes) {
    let one = Lanes(repeating: 1)
    let w0sq = one - e2 * s0 * s0
    let w0 = sqrtNearOne(e2 * s0 * s0)
    // Half-step: latitude change and azimuth rotation (the geodesic turns by sin(az) tan(phi)/N).
    let dPhiHalf = (0.5 * inverseAOneMinusE2) * north * (w0sq * w0)
    let (sinD, cosD) = smallSinCos(dPhiHalf)
    let sm = s0 * cosD + c0 * sinD
    let cm = c0 * cosD - s0 * sinD
    // One division for both 1 / cos(phi0) and 1 / cos(phi_mid).
    let inverseCosines = one / (c0 * cm)
    let beta = (0.5 * inverseA) * east * s0 * w0 * (cm * inverseCosines)
    let (sinB, cosB) = smallSinCos(beta)
    // Displacement along the midpoint azimuth, with the midpoint radii of curvature.
    let northMid = north * cosB - east * sinB
    let eastMid = east * cosB + north * sinB
    let wmsq = one - e2 * sm * sm
    let wm = sqrtNearOne(e2 * sm * sm)
    let dPhi = northMid * (wmsq * wm) * inverseAOneMinusE2
    let dLambda = eastMid * wm * inverseA * (c0 * inverseCosines)
    var lon = longitudeDegrees + dLambda * degreesPerRadian
    lon.replace(with: lon - 360, where: lon .> 180)
    lon.replace(with: lon + 360, where: lon .< -180)
    // sin and cos of the end latitude from the start's by the addition theorem.
    let (sinP, cosP) = smallSinCos(dPhi)
    return (
      lon, latitudeDegrees + dPhi * degreesPerRadian, s0 * cosP + c0 * sinP, c0 * cosP - s0 * sinP
    )
  }

  /// sqrt(1 - x) for 0 <= x <= e^2 (0.0067) by its Taylor series to x^7 (error below 1e-19):
  /// Swift's SIMD square root runs lane by lane through libm, this stays in vector registers.
  @inline(__always)
  static func sqrtNearOne(_ x: Lanes) -> Lanes {
    var r = Lanes(repeating: -429.0 / 32768)
    r = r * x - 33.0 / 2048
    r = r * x - 21.0 / 1024
    r = r * x - 7.0 / 256
    r = r * x - 5.0 / 128
    r = r * x - 1.0 / 16
    r = r * x - 1.0 / 8
    r = r * x - 0.5
    return r * x + 1
  }

  /// 1 / sqrt(x) for x >= 0 (and +infinity-free: x = 0 gives a large finite value), from the
  /// classic bit-level first guess refined by four Newton steps to full double precision; a
  /// vectorised replacement for the lane-by-lane libm square root.
  @inline(__always)
  static func inverseSquareRoot(_ x: Lanes) -> Lanes {
    let bits = unsafeBitCast(x, to: SIMD4<UInt64>.self)
    var y = unsafeBitCast(
      SIMD4<UInt64>(repeating: 0x5fe6_eb50_c7b5_37a9) &- (bits &>> 1), to: Lanes.self)
    let half = 0.5 * x
    for _ in 0..<4 { y = y * (1.5 - half * y * y) }
    return y
  }

  /// sin and cos of small angles (|x| < 1e-3 rad, a few kilometres): error below 1e-20.
  @inline(__always)
  static func smallSinCos(_ x: Lanes) -> (sin: Lanes, cos: Lanes) {
    let x2 = x * x
    let s = x * (1 - x2 * (1.0 / 6 - x2 * (1.0 / 120)))
    let c = 1 - x2 * (0.5 - x2 * (1.0 / 24 - x2 * (1.0 / 720)))
    return (s, c)
  }

  /// Moves one position (degrees) by `east` and `north` metres; for tests and single points.
  static func move(
    longitudeDegrees: Double, latitudeDegrees: Double, east: Double, north: Double
  ) -> (longitudeDegrees: Double, latitudeDegrees: Double) {
    let lat = Lanes(repeating: latitudeDegrees)
    let (s, c) = sinCos(lat * radiansPerDegree)
    let r = move(
      longitudeDegrees: Lanes(repeating: longitudeDegrees), latitudeDegrees: lat, sinLatitude: s,
      cosLatitude: c, east: Lanes(repeating: east), north: Lanes(repeating: north))
    return (r.longitudeDegrees[0], r.latitudeDegrees[0])
  }
}
