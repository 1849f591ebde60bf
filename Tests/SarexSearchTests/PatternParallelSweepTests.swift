import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

// IAMSAR Manual Vol II, chapter 5, parallel sweep (PS) and creeping line (CS) searches: the
// commence search point is half a track spacing inside the corner from both sides; PS legs run
// parallel to the major axis, CS legs parallel to the minor axis.

/// A 10 NM x 6 NM rectangle, major axis on 030 degrees true.
private let area = SearchRectangle(
  centre: testDatum, majorAxisBearing: 30 * .pi / 180, length: 10 * metresPerNM,
  width: 6 * metresPerNM)

/// Along-axis and across-axis coordinates of a plane point in the rectangle's frame.
private func frame(_ p: PlanePoint) -> (along: Double, across: Double) {
  (
    p.dot(.unit(bearing: area.majorAxisBearing)),
    p.dot(.unit(bearing: area.majorAxisBearing + .pi / 2))
  )
}

@Test func parallelSweepLaysWidthOverSpacingLegsOneSpacingApart() throws {
  let s = metresPerNM
  let g = try ParallelSweep(area: area, trackSpacing: s, startCorner: .backLeft).geometry()
  let searchLegs = zip(g.vertices, g.vertices.dropFirst()).enumerated()
    .filter { g.legRoles[$0.offset] == .search }.map(\.element)
  #expect(searchLegs.count == 6)
  #expect(g.legRoles.filter { $0 == .crossover }.count == 5)
  for (k, leg) in searchLegs.enumerated() {
    let a = frame(leg.0)
    let b = frame(leg.1)
    // Parallel to the major axis, L - S long, at across offset -W/2 + S/2 + k S.
    #expect(abs(a.across - b.across) < 1e-9)
    #expect(abs(abs(b.along - a.along) - 9 * s) < 1e-9)
    #expect(abs(a.across - (-3 * s + s / 2 + Double(k) * s)) < 1e-9)
  }
  for (i, role) in g.legRoles.enumerated() where role == .crossover {
    #expect(abs((g.vertices[i + 1] - g.vertices[i]).length - s) < 1e-9)
  }
  // Creeps to the right of the major axis (away from the left side): 120 degrees true.
  #expect(abs(degrees(try #require(g.creepBearing)) - 120) < 1e-9)
}

@Test func commenceSearchPointIsHalfASpacingInsideTheCorner() throws {
  let s = 1.5 * metresPerNM
  for corner in RectangleCorner.allCases {
    for pattern in [
      try ParallelSweep(area: area, trackSpacing: s, startCorner: corner).geometry(),
      try CreepingLine(area: area, trackSpacing: s, startCorner: corner).geometry(),
    ] {
      let csp = frame(pattern.vertices[0])
      let c = frame(area.planeCorner(corner))
      #expect(abs(abs(csp.along - c.along) - s / 2) < 1e-9)
      #expect(abs(abs(csp.across - c.across) - s / 2) < 1e-9)
      #expect(abs(csp.along) < area.length / 2 && abs(csp.across) < area.width / 2)
    }
  }
}

@Test func parallelSweepCoversEveryPointOfTheRectangleWithinHalfASpacing() throws {
  // Width 6.5 NM is not a multiple of S = 1 NM: seven legs, the last 0.5 NM outside at most.
  let odd = SearchRectangle(
    centre: testDatum, majorAxisBearing: 0, length: 8 * metresPerNM, width: 6.5 * metresPerNM)
  let s = metresPerNM
  let g = try ParallelSweep(area: odd, trackSpacing: s, startCorner: .frontRight).geometry()
  let legs = zip(g.vertices, g.vertices.dropFirst()).enumerated()
    .filter { g.legRoles[$0.offset] == .search }.map(\.element)
  #expect(legs.count == 7)
  func distanceToSegment(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
    let d = b - a
    let t = max(0, min(1, (p - a).dot(d) / d.dot(d)))
    return (p - (a + t * d)).length
  }
  // Half a spacing across, and half a spacing beyond the leg ends: S/2 * sqrt(2) at the corners.
  let limit = s / 2 * 2.0.squareRoot() + 1e-6
  for i in 0...40 {
    for j in 0...40 {
      let p = PlanePoint(
        east: (Double(i) / 40 - 0.5) * odd.width, north: (Double(j) / 40 - 0.5) * odd.length)
      let nearest = legs.map { distanceToSegment(p, $0.0, $0.1) }.min() ?? .infinity
      #expect(nearest <= limit)
    }
  }
}

@Test func creepingLineLegsRunAcrossTheMinorAxisAndCreepAlongTheMajor() throws {
  let s = metresPerNM
  let g = try CreepingLine(area: area, trackSpacing: s, startCorner: .backRight).geometry()
  let searchLegs = zip(g.vertices, g.vertices.dropFirst()).enumerated()
    .filter { g.legRoles[$0.offset] == .search }.map(\.element)
  #expect(searchLegs.count == 10)
  for leg in searchLegs {
    let a = frame(leg.0)
    let b = frame(leg.1)
    #expect(abs(a.along - b.along) < 1e-9)
    #expect(abs(abs(b.across - a.across) - 5 * s) < 1e-9)
  }
  // First leg heads from the right side to the left (300 T); creep forward along 030.
  #expect(abs(degrees((g.vertices[1] - g.vertices[0]).bearing) - 300) < 1e-9)
  #expect(abs(degrees(try #require(g.creepBearing)) - 30) < 1e-9)
}

@Test func legTimesFollowFromSpeedAndTurnAllowance() throws {
  let s = metresPerNM
  let timing = PatternTiming(
    speedKnots: 10, commenceTime: testCommence, turnAllowance: .standardRate)
  let track = try ParallelSweep(area: area, trackSpacing: s, startCorner: .backLeft).track(timing)
  #expect(track.legs.count == 11)
  // 9 NM at 10 kt = 54 min; 1 NM crossover = 6 min; 90 degree standard-rate turns = 30 s.
  #expect(abs(track.legs[0].duration - 54 * 60) < 1e-6)
  #expect(abs(track.legs[1].duration - 6 * 60) < 1e-6)
  #expect(abs(track.legs[1].startTime.timeIntervalSince(track.legs[0].endTime) - 30) < 1e-6)
  // Total: track length 6 x 9 + 5 x 1 = 59 NM = 5.9 h, plus 10 turns.
  #expect(abs(track.endTime.timeIntervalSince(testCommence) - (5.9 * 3600 + 10 * 30)) < 1e-6)
  #expect(abs(track.trackLength - 59 * metresPerNM) < 1e-6)
  for (leg, next) in zip(track.legs, track.legs.dropFirst()) {
    #expect(leg.endTime <= next.startTime)
  }
  #expect(track.waypoints.last?.time == track.endTime)
}

@Test func rectangleNoLongerThanASpacingIsRejectedWithTheField() {
  let narrow = SearchRectangle(centre: testDatum, majorAxisBearing: 0, length: 900, width: 5000)
  #expect(throws: SearchPatternError.areaTooSmall(field: "length", size: 900, trackSpacing: 1000)) {
    try ParallelSweep(area: narrow, trackSpacing: 1000, startCorner: .backLeft).geometry()
  }
  #expect(throws: SearchPatternError.notPositive(field: "track spacing", value: 0)) {
    try ParallelSweep(area: area, trackSpacing: 0, startCorner: .backLeft).geometry()
  }
}

@Test func rectangleCornersAreClockwiseAtHalfTheDimensions() throws {
  let corners = try area.corners()
  #expect(corners.count == 4)
  // Back-left to front-left runs along the major axis, the full length.
  #expect(abs(corners[0].distance(to: corners[1]) - area.length) < 1)
  // The side is parallel to the major axis in the area's plane; over the ground its true bearing
  // differs by the meridian convergence, (longitude offset from the centre) x sin(latitude):
  // west of the centre the meridians lean east of the plane's north, so bearings read less.
  let plane = area.plane
  #expect(abs(degrees((plane.plane(corners[1]) - plane.plane(corners[0])).bearing) - 30) < 1e-9)
  let convergence =
    (area.centre.longitudeDegrees - corners[0].longitudeDegrees) * sin(corners[0].latitude)
  let trueBearing = degrees(corners[0].initialBearing(to: corners[1]))
  #expect(abs(trueBearing - (30 - convergence)) < 0.005)
  #expect(abs(corners[1].distance(to: corners[2]) - area.width) < 1)
}
