/// Moves positions on the WGS 84 ellipsoid by small displacements (metres east and north),
/// following the geodesic that starts in the displacement's direction, eight particles at a
/// time: the displacement in float32 (one AVX2 vector per operation), positions and the sin and
/// cos of the latitude in double (two AVX2 vectors per operation).
///
/// OpenDrift moves particles with the geodesic direct problem (`pyproj.Geod.fwd`, Karney 2013).
/// A drift step moves a particle less than a few kilometres, so integrating the geodesic's
/// differential equations (latitude, longitude, azimuth against arc length, with the meridional
/// and prime-vertical radii of curvature M and N) over the whole step with the second-order
/// midpoint rule is exact to well under a millimetre (local error ~ s^3 / R^2). The tests check it
/// against PROJ's `geod_direct`. Trigonometry uses polynomials and the arithmetic works on SIMD
/// vectors, so the particle loop runs on AVX2 without libm calls.
enum LocalGeodesic {
  typealias Lanes = SIMD8<Double>
  typealias FloatLanes = SIMD8<Float>

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

  /// sin and cos of `x` for |x| <= pi/2 (latitudes) by Taylor polynomials to degree 19/20
  /// with fused multiply-adds: error below 4e-16.
  @inline(__always)
  static func sinCos(_ x: Lanes) -> (sin: Lanes, cos: Lanes) {
    let x2 = x * x
    @inline(__always) func step(_ p: Lanes, _ c: Double) -> Lanes {
      Lanes(repeating: c).addingProduct(p, x2)
    }
    var s = Lanes(repeating: -1.0 / 121_645_100_408_832_000)  // -1/19!
    s = step(s, 1.0 / 355_687_428_096_000)  // 1/17!
    s = step(s, -1.0 / 1_307_674_368_000)  // 1/15!
    s = step(s, 1.0 / 6_227_020_800)  // 1/13!
    s = step(s, -1.0 / 39_916_800)  // 1/11!
    s = step(s, 1.0 / 362_880)  // 1/9!
    s = step(s, -1.0 / 5040)
    s = step(s, 1.0 / 120)
    s = step(s, -1.0 / 6)
    s = step(s, 1)
    var c = Lanes(repeating: 1.0 / 2_432_902_008_176_640_000)  // 1/20!
    c = step(c, -1.0 / 6_402_373_705_728_000)  // 1/18!
    c = step(c, 1.0 / 20_922_789_888_000)  // 1/16!
    c = step(c, -1.0 / 87_178_291_200)  // 1/14!
    c = step(c, 1.0 / 479_001_600)  // 1/12!
    c = step(c, -1.0 / 3_628_800)  // 1/10!
    c = step(c, 1.0 / 40320)
    c = step(c, -1.0 / 720)
    c = step(c, 1.0 / 24)
    c = step(c, -0.5)
    c = step(c, 1)
    return (s * x, c)
  }

  /// sin and cos of one latitude in radians (|x| <= pi/2).
  static func sinCos(_ x: Double) -> (sin: Double, cos: Double) {
    let r = sinCos(Lanes(repeating: x))
    return (r.sin[0], r.cos[0])
  }

  /// Float32 copies of the constants (each the double value rounded once; `CLeewayReference`
  /// rounds the same doubles).
  static let e2Float = Float(e2)
  static let halfInverseAFloat = Float(0.5 * inverseA)
  static let inverseAFloat = Float(inverseA)
  static let halfInverseAOneMinusE2Float = Float(0.5 * inverseAOneMinusE2)
  static let inverseAOneMinusE2Float = Float(inverseAOneMinusE2)

  /// The latitude and longitude changes (radians) of a move by `east` and `north` metres from a
  /// latitude with sine `s0` and cosine `c0`, in float32: a drift step moves a particle less than
  /// a few kilometres, and float32's relative 6e-8 per operation (about ten chained) is below a
  /// millimetre per kilometre; eight lanes fill one AVX2 register (double needs two), and the
  /// division is one `vdivps`. The positions and the carried sin and cos of the latitude stay in
  /// double (`move`). Fused multiply-adds where `CLeewayReference` has `fmaf`.
  @inline(__always)
  static func displacement(
    sinLatitude s0: FloatLanes, cosLatitude c0: FloatLanes, east: FloatLanes, north: FloatLanes
  ) -> (dPhi: FloatLanes, dLambda: FloatLanes) {
    let one = FloatLanes(repeating: 1)
    let e2s0 = e2Float * s0 * s0
    let w0sq = one - e2s0
    let w0 = sqrtNearOne(e2s0)
    // Half-step: latitude change and azimuth rotation (the geodesic turns by sin(az) tan(phi)/N).
    let dPhiHalf = halfInverseAOneMinusE2Float * north * (w0sq * w0)
    let (sinD, cosD) = smallSinCos(dPhiHalf)
    let sm = (s0 * cosD).addingProduct(c0, sinD)
    let cm = (c0 * cosD).addingProduct(-s0, sinD)
    // One division for both 1 / cos(phi0) and 1 / cos(phi_mid).
    let inverseCosines = one / (c0 * cm)
    let beta = halfInverseAFloat * east * s0 * w0 * (cm * inverseCosines)
    let (sinB, cosB) = smallSinCos(beta)
    // Displacement along the midpoint azimuth, with the midpoint radii of curvature.
    let northMid = (north * cosB).addingProduct(-east, sinB)
    let eastMid = (east * cosB).addingProduct(north, sinB)
    let e2sm = e2Float * sm * sm
    let wmsq = one - e2sm
    let wm = sqrtNearOne(e2sm)
    let dPhi = northMid * (wmsq * wm) * inverseAOneMinusE2Float
    let dLambda = eastMid * wm * inverseAFloat * (c0 * inverseCosines)
    return (dPhi, dLambda)
  }

  /// Moves positions (degrees) by `east` and `north` metres (signed). `sinLatitude` and
  /// `cosLatitude` are those of the start latitude; returns the new positions (longitude wrapped
  /// to [-180, 180]) with sin and cos of the new latitude, for a following move. The
  /// displacement in float32 (`displacement`), the positions and the sin and cos of the latitude
  /// updated in double: carried from step to step, they must not take float32's rounding (in
  /// float32, cos of a step's latitude change rounds to exactly 1).
  @inline(__always)
  static func move(
    longitudeDegrees: Lanes, latitudeDegrees: Lanes, sinLatitude s0: Lanes,
    cosLatitude c0: Lanes, east: FloatLanes, north: FloatLanes
  ) -> (longitudeDegrees: Lanes, latitudeDegrees: Lanes, sinLatitude: Lanes, cosLatitude: Lanes) {
    let d = displacement(
      sinLatitude: FloatLanes(s0), cosLatitude: FloatLanes(c0), east: east, north: north)
    let dPhi = Lanes(d.dPhi)
    let toDegrees = Lanes(repeating: degreesPerRadian)
    var lon = longitudeDegrees.addingProduct(Lanes(d.dLambda), toDegrees)
    lon.replace(with: lon - 360, where: lon .> 180)
    lon.replace(with: lon + 360, where: lon .< -180)
    // sin and cos of the end latitude from the start's by the addition theorem.
    let (sinP, cosP) = smallSinCos(dPhi)
    return (
      lon, latitudeDegrees.addingProduct(dPhi, toDegrees), (s0 * cosP).addingProduct(c0, sinP),
      (c0 * cosP).addingProduct(-s0, sinP)
    )
  }

  /// sqrt(1 - x) for 0 <= x <= e^2 (0.0067) in float32 by its Taylor series to x^3 (the next
  /// term, 5 x^4 / 128, is below 8e-11, a thousandth of float32's rounding) with fused
  /// multiply-adds: Swift's SIMD square root runs lane by lane through libm (`sqrtf` calls), this
  /// stays in vector registers.
  @inline(__always)
  static func sqrtNearOne(_ x: FloatLanes) -> FloatLanes {
    var r = FloatLanes(repeating: -1.0 / 16)
    r = FloatLanes(repeating: -1.0 / 8).addingProduct(r, x)
    r = FloatLanes(repeating: -0.5).addingProduct(r, x)
    return FloatLanes(repeating: 1).addingProduct(r, x)
  }

  /// 1 / sqrt(x) for x >= 0 in float32 (x = 0 gives a large finite value), from the classic
  /// bit-level first guess (relative error below 0.18 %) refined by three Newton steps (each
  /// squares the error: 5e-6, 4e-11, then float32's rounding); a vectorised replacement for the
  /// lane-by-lane libm square root.
  @inline(__always)
  static func inverseSquareRoot(_ x: FloatLanes) -> FloatLanes {
    let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
    var y = unsafeBitCast(
      SIMD8<UInt32>(repeating: 0x5f37_5a86) &- (bits &>> 1), to: FloatLanes.self)
    let half = 0.5 * x
    for _ in 0..<3 { y = y * FloatLanes(repeating: 1.5).addingProduct(-(half * y), y) }
    return y
  }

  /// sin and cos of small angles in float32 (the half-step latitude change and the azimuth
  /// turn): x - x^3/6 and 1 - x^2/2 (|x| < 1e-3 rad, a few kilometres; the dropped terms are
  /// below float32's rounding).
  @inline(__always)
  static func smallSinCos(_ x: FloatLanes) -> (sin: FloatLanes, cos: FloatLanes) {
    let x2 = x * x
    let s = x.addingProduct(x * x2, FloatLanes(repeating: -1.0 / 6))
    let c = FloatLanes(repeating: 1).addingProduct(x2, FloatLanes(repeating: -0.5))
    return (s, c)
  }

  /// sin and cos of small angles (|x| < 1e-3 rad, a few kilometres): x - x^3/6 and 1 - x^2/2,
  /// relative errors below 1e-14 (and below 1e-18 for the few hundred metres of a drift step).
  @inline(__always)
  static func smallSinCos(_ x: Lanes) -> (sin: Lanes, cos: Lanes) {
    let x2 = x * x
    let s = x.addingProduct(x * x2, Lanes(repeating: -1.0 / 6))
    let c = Lanes(repeating: 1).addingProduct(x2, Lanes(repeating: -0.5))
    return (s, c)
  }

  /// Moves one position (degrees) by `east` and `north` metres (rounded to float32, as the
  /// drift's displacements are); for tests and single points.
  static func move(
    longitudeDegrees: Double, latitudeDegrees: Double, east: Double, north: Double
  ) -> (longitudeDegrees: Double, latitudeDegrees: Double) {
    let lat = Lanes(repeating: latitudeDegrees)
    let (s, c) = sinCos(lat * radiansPerDegree)
    let r = move(
      longitudeDegrees: Lanes(repeating: longitudeDegrees), latitudeDegrees: lat, sinLatitude: s,
      cosLatitude: c, east: FloatLanes(repeating: Float(east)),
      north: FloatLanes(repeating: Float(north)))
    return (r.longitudeDegrees[0], r.latitudeDegrees[0])
  }
}
