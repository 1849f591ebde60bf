import CProj
import Foundation
import Testing

@testable import SarexGeo

/// PROJ's geodesic routines (Karney 2013, accurate to nanometres) as the reference.
private func projInverse(_ a: GeoPoint, _ b: GeoPoint) -> (distance: Double, azi1: Double) {
  var g = geod_geodesic()
  geod_init(&g, Ellipsoid.wgs84.a, Ellipsoid.wgs84.f)
  var s12 = 0.0
  var azi1 = 0.0
  var azi2 = 0.0
  geod_inverse(
    &g, a.latitudeDegrees, a.longitudeDegrees, b.latitudeDegrees, b.longitudeDegrees, &s12, &azi1,
    &azi2)
  return (s12, azi1)
}

private func projDirect(_ a: GeoPoint, bearingDegrees: Double, distance: Double) -> GeoPoint {
  var g = geod_geodesic()
  geod_init(&g, Ellipsoid.wgs84.a, Ellipsoid.wgs84.f)
  var lat2 = 0.0
  var lon2 = 0.0
  var azi2 = 0.0
  geod_direct(
    &g, a.latitudeDegrees, a.longitudeDegrees, bearingDegrees, distance, &lat2, &lon2, &azi2)
  return GeoPoint(longitudeDegrees: lon2, latitudeDegrees: lat2)
}

private func angleDifference(_ a: Double, _ b: Double) -> Double {
  abs(Geodesy.normalizedLongitude(a - b))
}

/// Geoscience Australia's worked example of Vincenty's formulae (Geocentric Datum of Australia
/// Technical Manual, section 4): Flinders Peak to Buninyong, 54 972.271 m, azimuth
/// 306 deg 52' 05.37", reverse azimuth 127 deg 10' 25.07" (GRS80, which equals WGS 84 here to 0.1 mm).
@Test func inverseReproducesTheFlindersPeakToBuninyongExample() {
  let flinders = GeoPoint(
    longitudeDegrees: 144 + 25 / 60 + 29.52440 / 3600,
    latitudeDegrees: -(37 + 57 / 60 + 3.72030 / 3600))
  let buninyong = GeoPoint(
    longitudeDegrees: 143 + 55 / 60 + 35.38390 / 3600,
    latitudeDegrees: -(37 + 39 / 60 + 10.15610 / 3600))
  let r = Geodesy.inverse(from: flinders, to: buninyong)
  #expect(abs(r.distance - 54_972.271) < 0.002)
  let azimuthDegrees = 306 + 52 / 60 + 5.37 / 3600
  #expect(abs(r.initialBearing * 180 / .pi - azimuthDegrees) < 0.01 / 3600)
  let reverseDegrees = 127 + 10 / 60 + 25.07 / 3600
  #expect(abs((r.finalBearing * 180 / .pi - 180) - reverseDegrees) < 0.01 / 3600)
}

@Test func inverseAgreesWithProjGeodesicToAMillimetre() {
  let pairs: [(GeoPoint, GeoPoint)] = [
    (
      GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2),
      GeoPoint(longitudeDegrees: 4.5, latitudeDegrees: 60.4)
    ),
    (
      GeoPoint(longitudeDegrees: 129.5, latitudeDegrees: 34.8),
      GeoPoint(longitudeDegrees: 131, latitudeDegrees: 36)
    ),
    (
      GeoPoint(longitudeDegrees: 179.9, latitudeDegrees: -10),
      GeoPoint(longitudeDegrees: -179.8, latitudeDegrees: -9.5)
    ),
    (
      GeoPoint(longitudeDegrees: -70, latitudeDegrees: 80),
      GeoPoint(longitudeDegrees: 110, latitudeDegrees: 85)
    ),
    (
      GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0),
      GeoPoint(longitudeDegrees: 0, latitudeDegrees: 1)
    ),
    (
      GeoPoint(longitudeDegrees: 10, latitudeDegrees: 45),
      GeoPoint(longitudeDegrees: 100, latitudeDegrees: -30)
    ),
  ]
  for (a, b) in pairs {
    let ours = Geodesy.inverse(from: a, to: b)
    let proj = projInverse(a, b)
    #expect(abs(ours.distance - proj.distance) < 1e-3, "\(a) -> \(b)")
    #expect(angleDifference(ours.initialBearing, proj.azi1 * .pi / 180) < 1e-9, "\(a) -> \(b)")
  }
}

@Test func directAgreesWithProjGeodesicToAMillimetre() {
  let start = GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2)
  for bearingDegrees in stride(from: 0.0, to: 360, by: 37.5) {
    for distance in [10.0, 1_852, 50_000, 400_000, 5_000_000] {
      let ours = start.destination(bearing: bearingDegrees * .pi / 180, distance: distance)
      let proj = projDirect(start, bearingDegrees: bearingDegrees, distance: distance)
      #expect(ours.distance(to: proj) < 1e-3, "bearing \(bearingDegrees) distance \(distance)")
    }
  }
}

@Test func directThenInverseReturnsTheDistanceAndBearing() {
  let start = GeoPoint(longitudeDegrees: 130.2, latitudeDegrees: 35.1)
  let end = start.destination(bearing: 1.0, distance: 123_456)
  #expect(abs(start.distance(to: end) - 123_456) < 1e-4)
  #expect(abs(start.initialBearing(to: end) - 1.0) < 1e-10)
}

@Test func coincidentPointsHaveZeroDistance() {
  let p = GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60)
  #expect(p.distance(to: p) == 0)
}

@Test func nearlyAntipodalPointsFallBackWithoutCrashing() {
  let a = GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0)
  let b = GeoPoint(longitudeDegrees: 179.7, latitudeDegrees: 0.5)
  let ours = Geodesy.inverse(from: a, to: b).distance
  let proj = projInverse(a, b).distance
  #expect(ours.isFinite)
  #expect(abs(ours - proj) / proj < 0.005)
}
