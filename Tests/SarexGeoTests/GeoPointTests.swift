import Testing

@testable import SarexGeo

@Test func geoPointConvertsDegreesToRadians() {
  let p = GeoPoint(longitudeDegrees: 180, latitudeDegrees: -90)
  #expect(abs(p.longitude - .pi) < 1e-15)
  #expect(abs(p.latitude + .pi / 2) < 1e-15)
}
