import CProj
import Foundation
import Testing

@testable import SarexDrift

/// PROJ's geodesic direct problem (Karney 2013), the reference OpenDrift's pyproj uses.
private func projDirect(lon: Double, lat: Double, east: Double, north: Double) -> (Double, Double) {
  var g = geod_geodesic()
  geod_init(&g, 6_378_137, 1 / 298.257_223_563)
  let azimuth = atan2(east, north) * 180 / .pi
  let distance = (east * east + north * north).squareRoot()
  var lat2 = 0.0
  var lon2 = 0.0
  var azi2 = 0.0
  geod_direct(&g, lat, lon, azimuth, distance, &lat2, &lon2, &azi2)
  return (lon2, lat2)
}

private func distanceMetres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
  var g = geod_geodesic()
  geod_init(&g, 6_378_137, 1 / 298.257_223_563)
  var s = 0.0
  var az1 = 0.0
  var az2 = 0.0
  geod_inverse(&g, a.1, a.0, b.1, b.0, &s, &az1, &az2)
  return s
}

@Test func polynomialSineAndCosineMatchLibm() {
  for k in 0...1000 {
    let x = -Double.pi / 2 + Double.pi * Double(k) / 1000
    let (s, c) = LocalGeodesic.sinCos(x)
    #expect(abs(s - sin(x)) < 4e-16)
    #expect(abs(c - cos(x)) < 4e-16)
  }
}

/// Worst distance (m) between the local move and PROJ over random moves up to `maxDistance`.
private func worstDifference(maxDistance: Double, maxLatitude: Double) -> Double {
  let random = CounterRandom(seed: 42)
  var worst = 0.0
  for i in 0..<2000 {
    let lat = maxLatitude * (2 * random.uniform(particle: i, stream: .seedingNorth) - 1)
    let lon = -180 + 360 * random.uniform(particle: i, stream: .seedingEast)
    let azimuth = 2 * Double.pi * random.uniform(particle: i, stream: .seedingAzimuth)
    let distance = maxDistance * random.uniform(particle: i, stream: .seedingDistance)
    let east = distance * sin(azimuth)
    let north = distance * cos(azimuth)
    let local = LocalGeodesic.move(
      longitudeDegrees: lon, latitudeDegrees: lat, east: east, north: north)
    let reference = projDirect(lon: lon, lat: lat, east: east, north: north)
    worst = max(worst, distanceMetres((local.longitudeDegrees, local.latitudeDegrees), reference))
  }
  return worst
}

/// The displacement runs in float32 (`LocalGeodesic.displacement`): east and north are rounded
/// to float32 (unit roundoff u = 2^-24 = 6.0e-8) and the longest chain to dPhi or dLambda has
/// about ten more rounded operations (the metric factor's polynomial, the half-step rotation,
/// the products with the constants, each rounded to float32 once), so the latitude and longitude
/// changes carry a relative error of at most ~11 u = 6.6e-7: 0.66 mm per kilometre moved. The
/// position update itself is in double. Tolerances: the midpoint rule's own error (2e-4 m over
/// 1 km, 2e-5 m over 600 m, as in double) plus 6.6e-7 times the distance.
@Test func localMoveMatchesProjGeodesicToFloat32Rounding() {
  // The midpoint rule's error grows as the cube of the step: 1 km anywhere up to 80 degrees.
  let worstKilometre = worstDifference(maxDistance: 1000, maxLatitude: 80)
  #expect(
    worstKilometre < 2e-4 + 6.6e-7 * 1000, "worst difference \(worstKilometre) m over 1 km steps")
  // A 10 min step at 1 m/s, up to 72 degrees (the Norwegian and Barents seas).
  let worstStep = worstDifference(maxDistance: 600, maxLatitude: 72)
  #expect(worstStep < 2e-5 + 6.6e-7 * 600, "worst difference \(worstStep) m over 600 m steps")
}

@Test func localMoveBackwardWithNegativeDisplacementMatchesProj() {
  let local = LocalGeodesic.move(
    longitudeDegrees: 4.0, latitudeDegrees: 60.2, east: -700, north: -300)
  let reference = projDirect(lon: 4.0, lat: 60.2, east: -700, north: -300)
  // 762 m: float32 rounding below 6.6e-7 * 762 m = 0.5 mm (see above).
  let d = distanceMetres((local.longitudeDegrees, local.latitudeDegrees), reference)
  #expect(d < 1e-4 + 6.6e-7 * 762, "difference \(d) m")
}

@Test func localMoveWrapsLongitudeAcrossTheAntimeridian() {
  let local = LocalGeodesic.move(
    longitudeDegrees: 179.9999, latitudeDegrees: 10, east: 100, north: 0)
  #expect(local.longitudeDegrees < -179.99)
  let reference = projDirect(lon: 179.9999, lat: 10, east: 100, north: 0)
  let d = distanceMetres((local.longitudeDegrees, local.latitudeDegrees), reference)
  #expect(d < 1e-4, "difference \(d) m")
}

/// The float32 square roots: `inverseSquareRoot` after three Newton steps is limited by the
/// last step's rounding (a few float32 ulps, 2^-23 = 1.2e-7 each); `sqrtNearOne`'s dropped term
/// 5 x^4 / 128 < 8e-11, so it is the last fused multiply-add's rounding (half an ulp below 1,
/// 3e-8) plus that of the inner terms scaled by x <= 0.0067.
@Test func vectorSquareRootsMatchLibmToFloat32Rounding() {
  var worstInverse = 0.0
  var worstNearOne = 0.0
  for k in 0...2000 {
    let x = Float(k) * Float(k) * 1e-3  // wind speed squared, 0 to 4000 (m/s)^2
    let r = LocalGeodesic.inverseSquareRoot(SIMD8(repeating: x))[0]
    if x > 0 { worstInverse = max(worstInverse, abs(Double(r) * Double(x).squareRoot() - 1)) }
    let e = Float(LocalGeodesic.e2 * Double(k) / 2000)
    let w = LocalGeodesic.sqrtNearOne(SIMD8(repeating: e))[0]
    worstNearOne = max(worstNearOne, abs(Double(w) - (1 - Double(e)).squareRoot()))
  }
  #expect(worstInverse < 3.6e-7, "worst relative error \(worstInverse)")
  #expect(worstNearOne < 4e-8, "worst error \(worstNearOne)")
  #expect(0 * LocalGeodesic.inverseSquareRoot(SIMD8<Float>(repeating: 0))[0] == 0)
}
