import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Test func driftCompensatedPatternMovesWithTheDatum() throws {
  let pattern = ExpandingSquare(
    datum: testDatum, trackSpacing: 1852, firstLegBearing: 0, legCount: 6)
  let drift = PlanePoint(east: 0.5, north: -0.25)  // m/s
  let still = try pattern.track(PatternTiming(speed: 5, commenceTime: testCommence))
  let moving = try pattern.track(
    PatternTiming(speed: 5, commenceTime: testCommence, datumDrift: drift))
  let plane = LocalTangentPlane(origin: testDatum)
  #expect(moving.commenceSearchPoint == still.commenceSearchPoint)
  for (a, b) in zip(still.waypoints, moving.waypoints) {
    // Same times (the pattern is flown at the same speed through the drifting frame) ...
    #expect(a.time == b.time)
    // ... and each waypoint displaced by drift x elapsed time.
    let elapsed = a.time.timeIntervalSince(testCommence)
    let shift = plane.plane(b.position) - plane.plane(a.position)
    #expect(abs(shift.east - drift.east * elapsed) < 1e-6)
    #expect(abs(shift.north - drift.north * elapsed) < 1e-6)
  }
}

@Test func truncatingAtEnduranceCutsTheRunningLeg() throws {
  let track = try ExpandingSquare(
    datum: testDatum, trackSpacing: 1000, firstLegBearing: 0, legCount: 4
  ).track(PatternTiming(speed: 10, commenceTime: testCommence))
  // Legs of 100, 100, 200, 200 s; stop at 250 s, halfway along leg 3.
  let cut = try #require(track.truncated(at: testCommence.addingTimeInterval(250)))
  #expect(cut.legs.count == 3)
  #expect(abs(cut.legs[2].frameLength - 500) < 1e-9)
  #expect(abs(cut.legs[2].groundLength - 500) < 0.01)
  #expect(cut.waypoints.count == 4)
  #expect(cut.waypoints[3].position == cut.legs[2].end)
  #expect(cut.endTime == testCommence.addingTimeInterval(250))
  #expect(track.truncated(at: testCommence) == nil)
  #expect(track.truncated(at: testCommence.addingTimeInterval(1e6)) == track)
}

@Test func zeroSpeedIsRejectedWithTheField() {
  let pattern = ExpandingSquare(
    datum: testDatum, trackSpacing: 1000, firstLegBearing: 0, legCount: 2)
  #expect(throws: SearchPatternError.notPositive(field: "speed", value: 0)) {
    try pattern.track(PatternTiming(speed: 0, commenceTime: testCommence))
  }
  #expect(SearchPatternError.notPositive(field: "speed", value: 0).description.contains("speed"))
}

@Test func nonFiniteInputsAreRejectedNotTrapped() {
  #expect(throws: SearchPatternError.notFinite(field: "first leg bearing")) {
    try SectorSearch(datum: testDatum, radius: 1000, firstLegBearing: .nan).geometry()
  }
  let huge = SearchRectangle(centre: testDatum, majorAxisBearing: 0, length: 1e300, width: 1e300)
  #expect(throws: SearchPatternError.self) {
    try ParallelSweep(area: huge, trackSpacing: 1e-300, startCorner: .backLeft).geometry()
  }
  let pattern = ExpandingSquare(
    datum: testDatum, trackSpacing: 1000, firstLegBearing: 0, legCount: 2)
  #expect(throws: SearchPatternError.notFinite(field: "datum drift")) {
    try pattern.track(
      PatternTiming(
        speed: 5, commenceTime: testCommence, datumDrift: PlanePoint(east: .infinity, north: 0)))
  }
}
