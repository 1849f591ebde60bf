import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

// IAMSAR Manual Vol II, chapter 5, sector search: legs of one radius, 120 degree turns, the
// pattern returns through the datum three times (nine legs, total track 9 radii); a second
// search is rotated 30 degrees.

@Test func sectorSearchHasNineLegsOfOneRadiusAndTurns120Degrees() throws {
  let r = 3 * metresPerNM
  let g = try SectorSearch(datum: testDatum, radius: r, firstLegBearing: 0).geometry()
  #expect(g.legRoles.count == 9)
  for (a, b) in zip(g.vertices, g.vertices.dropFirst()) { #expect(abs((b - a).length - r) < 1e-6) }
  #expect(abs(g.trackLength - 9 * r) < 1e-6)
  // Turns: 120 right at each of the six outer points, straight on at the datum (twice).
  let expected: [Double] = [120, 120, 0, 120, 120, 0, 120, 120].map { $0 * .pi / 180 }
  let actual = turns(g)
  #expect(actual.count == expected.count)
  for (x, y) in zip(actual, expected) { #expect(abs(x - y) < 1e-9) }
  // Returns to the datum after every third leg and ends there.
  for i in [3, 6, 9] { #expect(g.vertices[i].length < 1e-9) }
}

@Test func sectorSearchOuterPointsAre60DegreesApartAtOneRadius() throws {
  let r = 5_000.0
  let first = 20 * Double.pi / 180
  let track = try SectorSearch(datum: testDatum, radius: r, firstLegBearing: first).track(
    PatternTiming(speedKnots: 10, commenceTime: testCommence))
  var bearings: [Double] = []
  for w in track.waypoints where testDatum.distance(to: w.position) > r / 2 {
    #expect(abs(testDatum.distance(to: w.position) - r) < 0.05)
    bearings.append(degrees(testDatum.initialBearing(to: w.position)) - 20)
  }
  let sorted = bearings.map { (($0.rounded() + 360).truncatingRemainder(dividingBy: 360)) }.sorted()
  #expect(sorted == [0, 60, 120, 180, 240, 300])
}

@Test func secondSectorIsRotated30Degrees() throws {
  let r = 2_000.0
  let g = try SectorSearch(
    datum: testDatum, radius: r, firstLegBearing: 0, turn: .right, includesSecondSector: true
  ).geometry()
  #expect(g.legRoles.count == 18)
  #expect(abs(g.trackLength - 18 * r) < 1e-6)
  // First leg of the second sector (leg 10) runs on 030; the turn into it at the datum is 30.
  #expect(abs(degrees((g.vertices[10] - g.vertices[9]).bearing) - 30) < 1e-9)
  #expect(abs(degrees(turns(g)[8]) - 30) < 1e-9)
  // Its outer points interleave with the first sector's: all twelve are 30 degrees apart.
  let outer = g.vertices.filter { $0.length > r / 2 }.map { degrees($0.bearing).rounded() }
  #expect(Set(outer).count == 12)
  #expect(Set(outer) == Set(stride(from: 0.0, to: 360, by: 30)))
}

@Test func sectorLegTimesFollowFromSpeedAndTurnAllowance() throws {
  let r = 1852.0
  let speed = 1852.0 / 3600 * 60  // 60 kt
  let track = try SectorSearch(datum: testDatum, radius: r, firstLegBearing: 0).track(
    PatternTiming(speed: speed, commenceTime: testCommence, turnAllowance: .standardRate))
  // Nine legs of one minute each, six 120 degree turns at 3 degrees/s = 40 s each.
  let seconds = track.endTime.timeIntervalSince(testCommence)
  #expect(abs(seconds - (9 * 60 + 6 * 40)) < 1e-6)
}
