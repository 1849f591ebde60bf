import Foundation
import Testing

@testable import SarexGeo

@Test func enuForwardThenInverseReturnsThePointAndHeight() {
  let plane = LocalTangentPlane(origin: GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2))
  let p = GeoPoint(longitudeDegrees: 4.7, latitudeDegrees: 59.9)
  let enu = plane.enu(of: p, height: 450)
  let back = plane.geodetic(of: enu)
  #expect(abs(back.point.latitudeDegrees - p.latitudeDegrees) < 1e-11)
  #expect(abs(back.point.longitudeDegrees - p.longitudeDegrees) < 1e-11)
  #expect(abs(back.height - 450) < 1e-6)
}

@Test func enuAxesPointEastNorthAndUp() {
  let origin = GeoPoint(longitudeDegrees: 130, latitudeDegrees: 35)
  let plane = LocalTangentPlane(origin: origin)
  let north = plane.enu(of: origin.destination(bearing: 0, distance: 1_000))
  let east = plane.enu(of: origin.destination(bearing: .pi / 2, distance: 1_000))
  let up = plane.enu(of: origin, height: 100)
  #expect(abs(north.north - 1_000) < 0.01 && abs(north.east) < 1e-6)
  #expect(abs(east.east - 1_000) < 0.01 && abs(east.north) < 0.1)
  #expect(abs(up.up - 100) < 1e-6 && abs(up.east) < 1e-6 && abs(up.north) < 1e-6)
  // The surface curves away below the plane: about d^2 / (2 R) = 0.078 m at 1 km.
  #expect(north.up < -0.07 && north.up > -0.09)
}

@Test func surfaceIsTheInverseOfPlane() throws {
  let plane = LocalTangentPlane(origin: GeoPoint(longitudeDegrees: -70, latitudeDegrees: 42))
  for p in [
    PlanePoint(east: 0, north: 0), PlanePoint(east: 30_000, north: -12_000),
    PlanePoint(east: -150_000, north: 220_000),
  ] {
    let geo = try #require(plane.surface(p))
    let back = plane.plane(geo)
    #expect(abs(back.east - p.east) < 1e-6 && abs(back.north - p.north) < 1e-6)
  }
}

@Test func planeDistancesAreCloseToGeodesicDistancesNearTheOrigin() throws {
  let origin = GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2)
  let plane = LocalTangentPlane(origin: origin)
  let geo = try #require(plane.surface(PlanePoint(east: 30_000, north: 40_000)))
  // Orthographic: plane distance R sin(d / R), about d^3 / (6 R^2) = 0.5 m short at 50 km
  // (R the radius of curvature there, 6.38e6 to 6.39e6 m at 60 N).
  let d = origin.distance(to: geo)
  #expect(d - 50_000 > 0.4 && d - 50_000 < 0.6)
}

@Test func surfaceOfAPointBeyondTheEarthIsNil() {
  let plane = LocalTangentPlane(origin: GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0))
  #expect(plane.surface(PlanePoint(east: 7_000_000, north: 0)) == nil)
}
