import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

private let plane = LocalTangentPlane(origin: testDatum)

/// A unit running straight from `from` to `to` (plane metres) at `speed` m/s starting at `start`
/// seconds after the test commence time.
private func straight(
  _ unit: String, from: PlanePoint, to: PlanePoint, speed: Double, start: Double = 0,
  spacing: Double, altitude: Double? = nil
) throws -> PlannedUnitTrack {
  let leg = SearchLeg(
    start: try #require(plane.surface(from)), end: try #require(plane.surface(to)),
    startTime: testCommence.addingTimeInterval(start),
    endTime: testCommence.addingTimeInterval(start + (to - from).length / speed), role: .search,
    frameLength: (to - from).length)
  return PlannedUnitTrack(unit: unit, legs: [leg], trackSpacing: spacing, altitude: altitude)
}

@Test func relativeClosestApproachMatchesTheClosedForm() {
  // Relative position (1000, 0) m closing at (-10, 10) m/s: TCPA = 1e4 / 200 = 50 s,
  // CPA = |(500, 500)| = 707.1 m.
  let cpa = ClosestApproach.relative(
    position: PlanePoint(east: 1000, north: 0), velocity: PlanePoint(east: -10, north: 10))
  #expect(abs(cpa.timeToClosest - 50) < 1e-12)
  #expect(abs(cpa.distance - 500 * 2.0.squareRoot()) < 1e-9)
}

@Test func crossingUnitsConflictWhenCloserThanOneTrackSpacing() throws {
  // A eastbound along y = 0 from x = -10 km, B northbound along x = 0 from y = -12 km, both
  // 5 m/s from the same time: d^2 = (10000 - 5t)^2 + (12000 - 5t)^2, least at t = 2200 s,
  // d = sqrt(2) km.
  let a = try straight(
    "JA-1", from: PlanePoint(east: -10_000, north: 0), to: PlanePoint(east: 10_000, north: 0),
    speed: 5, spacing: 3704)
  let b = try straight(
    "KR-1", from: PlanePoint(east: 0, north: -12_000), to: PlanePoint(east: 0, north: 8_000),
    speed: 5, spacing: 1000)
  let cpa = try #require(Deconfliction.closestApproach(a, b))
  #expect(abs(cpa.time.timeIntervalSince(testCommence) - 2200) < 0.5)
  #expect(abs(cpa.distance - 1414.2) < 1.5)
  let conflicts = Deconfliction.separationConflicts([a, b])
  #expect(conflicts.count == 1)
  #expect(conflicts.first?.requiredSeparation == 3704)
  // With both spacings 1 km, 1.41 km is enough.
  var narrowA = a
  narrowA.trackSpacing = 1000
  #expect(Deconfliction.separationConflicts([narrowA, b]).isEmpty)
}

@Test func unitsAtTheSamePlaceAtDifferentTimesDoNotConflict() throws {
  let a = try straight(
    "A", from: PlanePoint(east: -5_000, north: 0), to: PlanePoint(east: 5_000, north: 0), speed: 5,
    spacing: 2000)
  let b = try straight(
    "B", from: PlanePoint(east: 0, north: -5_000), to: PlanePoint(east: 0, north: 5_000), speed: 5,
    start: 3 * 3600, spacing: 2000)
  #expect(Deconfliction.closestApproach(a, b) == nil)
  #expect(Deconfliction.separationConflicts([a, b]).isEmpty)
}

@Test func turnsBetweenLegsHoldTheUnitAtTheTurningPoint() throws {
  // A waits at its turn (a 10 min turn allowance) right where B passes 300 m away.
  let pattern = ExpandingSquare(
    datum: testDatum, trackSpacing: 2000, firstLegBearing: 0, legCount: 2)
  let track = try pattern.track(
    PatternTiming(
      speed: 10, commenceTime: testCommence, turnAllowance: TurnAllowance(secondsPerTurn: 600)))
  let a = PlannedUnitTrack(unit: "A", track: track)
  // First leg ends at (0, 2000) at t = 200 s; A stays there until 800 s.
  let b = try straight(
    "B", from: PlanePoint(east: -3_000, north: 2_300), to: PlanePoint(east: 3_000, north: 2_300),
    speed: 10, start: 200, spacing: 500)
  let cpa = try #require(Deconfliction.closestApproach(a, b))
  #expect(abs(cpa.distance - 300) < 0.5)
  #expect(abs(cpa.time.timeIntervalSince(testCommence) - 500) < 0.5)
}

@Test func verticallySeparatedAircraftAreNotInConflictWhenAsked() throws {
  let a = try straight(
    "A", from: PlanePoint(east: -5_000, north: 0), to: PlanePoint(east: 5_000, north: 0), speed: 5,
    spacing: 2000, altitude: 150)
  let b = try straight(
    "B", from: PlanePoint(east: 5_000, north: 0), to: PlanePoint(east: -5_000, north: 0), speed: 5,
    spacing: 2000, altitude: 305)
  #expect(Deconfliction.separationConflicts([a, b]).count == 1)
  #expect(
    Deconfliction.separationConflicts([a, b], verticalSeparation: adjacentAreaVerticalSeparation)
      .isEmpty)
}
