import Foundation
import Testing

@testable import SarexEnvironment

@Suite struct SimpleFieldTests {
  @Test func constantFieldAnswersEverywhereInsideItsCoverage() {
    let t0 = Date(timeIntervalSince1970: 0)
    let field = ConstantField(east: 3, north: -4, timeCoverage: t0...t0.addingTimeInterval(3600))
    #expect(
      field.sample(longitude: 170, latitude: -80, time: t0.addingTimeInterval(10)).map {
        [$0.east, $0.north]
      } == [3, -4])
    #expect(field.sample(longitude: 0, latitude: 0, time: t0.addingTimeInterval(3601)) == nil)
    #expect(
      ConstantField(east: 1, north: 2).sample(longitude: 0, latitude: 0, time: .distantFuture)
        != nil)
  }

  @Test func rotatingEddyTurnsCounterClockwiseWithSpeedProportionalToRadius() throws {
    let eddy = AnalyticField.rotatingEddy(
      centreLongitude: 4, centreLatitude: 60, angularSpeed: 1e-4)
    // 1 km north of the centre: flow westward at 0.1 m/s.
    let north = try #require(
      eddy.sample(longitude: 4, latitude: 60 + 1000 / AnalyticField.metresPerDegree, time: Date()))
    #expect(abs(north.east + 0.1) < 1e-12 && abs(north.north) < 1e-12)
    // 2 km east: flow northward at 0.2 m/s.
    let east = try #require(
      eddy.sample(
        longitude: 4 + 2000 / (AnalyticField.metresPerDegree * cos(60 * Double.pi / 180)),
        latitude: 60, time: Date()))
    #expect(abs(east.north - 0.2) < 1e-12 && abs(east.east) < 1e-12)
  }

  @Test func uniformShearGrowsNorthward() throws {
    let shear = AnalyticField.uniformShear(eastAtReference: 0.5, shear: 1e-5, referenceLatitude: 60)
    let v = try #require(
      shear.sample(
        longitude: 3, latitude: 60 + 10_000 / AnalyticField.metresPerDegree, time: Date()))
    #expect(abs(v.east - 0.6) < 1e-12 && v.north == 0)
  }

  @Test func analyticFieldWithoutValueIsInvalid() {
    let field = AnalyticField { lon, _, _ in lon < 0 ? nil : (1, 1) }
    #expect(field.sample(longitude: -1, latitude: 0, time: Date()) == nil)
    #expect(field.sample(longitude: 1, latitude: 0, time: Date()) != nil)
  }
}
