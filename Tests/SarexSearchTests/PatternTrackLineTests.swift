import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

// IAMSAR Manual Vol II, chapter 5, track line search: along the intended track of the missing
// craft; the return version searches one side out and the other side back.

private let route = [
  testDatum, testDatum.destination(bearing: .pi / 2, distance: 20_000),
  testDatum.destination(bearing: .pi / 2, distance: 20_000).destination(
    bearing: 0, distance: 10_000),
]

@Test func nonReturnTrackLineFollowsTheIntendedTrack() throws {
  let track = try TrackLineSearch(intendedTrack: route, trackSpacing: 2000, returning: false)
    .track(PatternTiming(speedKnots: 12, commenceTime: testCommence))
  #expect(track.kind == .trackLineNonReturn)
  #expect(track.legs.count == 2)
  #expect(track.legs[0].start.distance(to: route[0]) < 0.01)
  #expect(track.legs[1].end.distance(to: route[2]) < 0.01)
}

/// Signed distance of `p` to the right of the line through `a` and `b`, metres.
private func rightOffset(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
  let d = b - a
  return -d.cross(p - a) / d.length
}

@Test func returnTrackLineSearchesHalfASpacingEachSideAndEndsAbeamTheStart() throws {
  let s = 2000.0
  let g = try TrackLineSearch(
    intendedTrack: route, trackSpacing: s, returning: true, firstSide: .right
  ).geometry()
  #expect(g.kind == .trackLineReturn)
  #expect(g.legRoles == [.search, .search, .crossover, .search, .search])
  let p = route.map { g.plane.plane($0) }
  let v = g.vertices
  // Outbound on the right of each segment, inbound on the left, both S/2 off and parallel.
  for (leg, segment, side) in [
    ((0, 1), (0, 1), 1.0), ((1, 2), (1, 2), 1.0), ((3, 4), (1, 2), -1.0), ((4, 5), (0, 1), -1.0),
  ] {
    for end in [leg.0, leg.1] {
      #expect(abs(rightOffset(v[end], p[segment.0], p[segment.1]) - side * s / 2) < 1e-6)
    }
  }
  // Crossover at the far end is one spacing; the search ends abeam the start.
  #expect(abs((v[3] - v[2]).length - s) < 1e-6)
  #expect(abs((v[5] - v[0]).length - s) < 1e-6)
  #expect(abs((v[0] - p[0]).dot(p[1] - p[0])) < 1e-6)
}

@Test func trackLineNeedsTwoDistinctPoints() {
  #expect(throws: SearchPatternError.trackTooShort(points: 1)) {
    try TrackLineSearch(
      intendedTrack: [testDatum, testDatum], trackSpacing: 1000, returning: false
    )
    .geometry()
  }
}
