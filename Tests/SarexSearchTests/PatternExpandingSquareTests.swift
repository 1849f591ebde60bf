import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

// IAMSAR Manual Vol II, chapter 5, expanding square search: starts at the datum, legs of
// S, S, 2S, 2S, 3S, 3S, ..., 90 degree turns, first leg into the wind for aircraft.

@Test func expandingSquareLegsGrowEveryTwoLegs() throws {
  let s = 2 * metresPerNM
  let pattern = ExpandingSquare(
    datum: testDatum, trackSpacing: s, firstLegBearing: 0, turn: .right, legCount: 10)
  let track = try pattern.track(PatternTiming(speedKnots: 90, commenceTime: testCommence))
  #expect(track.legs.count == 10)
  let expectedMultiples = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
  for (leg, multiple) in zip(track.legs, expectedMultiples) {
    // Ground geodesic within 0.1 m of the plane length at these distances (< 10 NM from datum).
    #expect(abs(leg.groundLength - Double(multiple) * s) < 0.1)
  }
  #expect(track.commenceSearchPoint == testDatum)
  #expect(track.waypoints.map(\.name) == ["CSP"] + (1...10).map { "WP\($0)" })
}

@Test func expandingSquareTurnsNinetyDegreesTheChosenWay() throws {
  for turn in [TurnDirection.right, .left] {
    let g = try ExpandingSquare(
      datum: testDatum, trackSpacing: 1000, firstLegBearing: 0.3, turn: turn, legCount: 7
    ).geometry()
    for angle in turns(g) { #expect(abs(angle - turn.sign * .pi / 2) < 1e-12) }
  }
}

@Test func expandingSquareFirstLegHeadsIntoTheWind() throws {
  // Wind from 240 degrees true: the first leg is flown on 240.
  let windFrom = 240 * Double.pi / 180
  let track = try ExpandingSquare(
    datum: testDatum, trackSpacing: 1852, firstLegBearing: windFrom, legCount: 4
  ).track(PatternTiming(speed: 50, commenceTime: testCommence))
  #expect(abs(bearingDifference(track.legs[0].course, windFrom)) < 1e-6)
  // The square stays centred near the datum: after 4 legs the unit is one spacing from it
  // diagonally (legs 1, 1, 2, 2 leave it at (-1, -1) spacings in the rotated frame).
  let last = try #require(track.legs.last).end
  #expect(abs(testDatum.distance(to: last) - 1852 * 2.0.squareRoot()) < 0.1)
}

@Test func expandingSquareRejectsZeroLegs() {
  #expect(throws: SearchPatternError.self) {
    try ExpandingSquare(datum: testDatum, trackSpacing: 1000, firstLegBearing: 0, legCount: 0)
      .geometry()
  }
}
