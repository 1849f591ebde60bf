import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

private let plane = LocalTangentPlane(origin: testDatum)
private let day = DateInterval(start: testCommence, duration: 6 * 3600)

/// An area from plane corners, metres east/north of the test datum.
private func area(
  _ id: String, _ corners: [(Double, Double)], band: AltitudeBand = AltitudeBand(altitude: 300),
  window: DateInterval = day
) -> AssignedArea {
  AssignedArea(
    id: id, unit: "U-\(id)",
    boundary: corners.compactMap { plane.surface(PlanePoint(east: $0.0, north: $0.1)) },
    altitudeBand: band, window: window)
}

private func square(_ id: String, east: Double, north: Double, side: Double = 10_000) -> [(
  Double, Double
)] {
  [(east, north), (east + side, north), (east + side, north + side), (east, north + side)]
}

@Test func overlappingAreasAtTheSameBandAndTimeConflictWithTheirCommonArea() throws {
  let a = area("A-1", square("A-1", east: 0, north: 0))
  let b = area("A-2", square("A-2", east: 5_000, north: 2_000))
  let conflicts = try Deconfliction.overlaps(among: [a, b])
  #expect(conflicts.count == 1)
  let c = try #require(conflicts.first)
  #expect(c.firstAreaID == "A-1" && c.secondAreaID == "A-2")
  // 5 km x 8 km, within the plane's sub-metre distortion 10 km from the datum.
  #expect(abs(c.overlapArea - 40e6) < 40e6 * 1e-4)
  #expect(c.commonWindow == day)
}

@Test func areasApartInAltitudeTimeOrSpaceDoNotConflict() throws {
  let a = area("A-1", square("A-1", east: 0, north: 0))
  let higher = area("A-2", square("", east: 5_000, north: 0), band: AltitudeBand(altitude: 600))
  let later = area(
    "A-3", square("", east: 5_000, north: 0),
    window: DateInterval(start: day.end, duration: 3600))
  let sharingAnEdge = area("A-4", square("", east: 10_000, north: 0))
  let separate = area("A-5", square("", east: 30_000, north: 30_000))
  #expect(try Deconfliction.overlaps(among: [a, higher, later, sharingAnEdge, separate]).isEmpty)
}

@Test func touchingAltitudeBandsCountAsOverlapping() throws {
  let low = AltitudeBand(lowerFeet: 500, upperFeet: 1000)
  let high = AltitudeBand(lowerFeet: 1000, upperFeet: 1500)
  let a = area("A-1", square("", east: 0, north: 0), band: low)
  let b = area("A-2", square("", east: 0, north: 0), band: high)
  #expect(try Deconfliction.overlaps(among: [a, b]).count == 1)
  #expect(!AltitudeBand(lowerFeet: 500, upperFeet: 900).overlaps(high))
}

@Test func nonConvexAreaOverlapIsMeasuredOnItsShape() throws {
  // An L: a 10 km square with its north-east 5 km quarter cut away.
  let l = area(
    "L", [(0, 0), (10_000, 0), (10_000, 5_000), (5_000, 5_000), (5_000, 10_000), (0, 10_000)])
  let inNotch = area("N", square("", east: 6_000, north: 6_000, side: 3_000))
  #expect(try Deconfliction.overlaps(among: [l, inNotch]).isEmpty)
  let straddling = area("S", square("", east: 4_000, north: 4_000, side: 2_000))
  // 2 km square with its 1 km north-east quarter in the notch: 3 km^2 inside the L.
  let c = try #require(try Deconfliction.overlaps(among: [l, straddling]).first)
  #expect(abs(c.overlapArea - 3e6) < 3e6 * 1e-4)
}

@Test func selfCrossingBoundaryIsRejectedNamingTheArea() {
  let bowTie = area("B-7", [(0, 0), (10_000, 10_000), (10_000, 0), (0, 10_000)])
  let ok = area("A-1", square("", east: 0, north: 0))
  #expect(throws: DeconflictionError.self) { try Deconfliction.overlaps(among: [ok, bowTie]) }
  do {
    _ = try Deconfliction.overlaps(among: [ok, bowTie])
  } catch {
    #expect(error.description.contains("B-7"))
  }
}

@Test func aircraftInAdjacentAreasAre500FeetApart() throws {
  let feet = 0.3048
  // Three areas side by side (A | B | C) and a fourth overlapping the A/B boundary; all prefer
  // 1000 ft. IAMSAR Vol II: aircraft in adjacent areas at altitudes 500 ft apart.
  let areas = [
    area("A", square("", east: 0, north: 0)), area("B", square("", east: 10_000, north: 0)),
    area("C", square("", east: 20_000, north: 0)),
    area("D", square("", east: 5_000, north: 5_000)),
  ]
  let requests = areas.map { AltitudeRequest(area: $0, preferredAltitude: 1000 * feet) }
  let assigned = try Deconfliction.assignAltitudes(requests, adjacencyDistance: 0)
  let byID = Dictionary(uniqueKeysWithValues: assigned.map { ($0.areaID, $0.altitude / feet) })
  #expect(abs(try #require(byID["A"]) - 1000) < 1e-6)
  #expect(abs(try #require(byID["B"]) - 1500) < 1e-6)
  // C touches B only: back to its preference.
  #expect(abs(try #require(byID["C"]) - 1000) < 1e-6)
  // D touches A (1000) and B (1500): 500 ft is the nearest free level not below the floor.
  #expect(abs(try #require(byID["D"]) - 500) < 1e-6)
  for (x, y) in [("A", "B"), ("B", "C"), ("A", "D"), ("B", "D")] {
    #expect(abs(byID[x]! - byID[y]!) >= 500 - 1e-6)
  }
}

@Test func aircraftAtDifferentTimesOrFarApartKeepTheirPreferredAltitude() throws {
  let feet = 0.3048
  let a = area("A", square("", east: 0, north: 0))
  let later = area(
    "B", square("", east: 10_000, north: 0), window: DateInterval(start: day.end, duration: 3600))
  let gap = area("C", square("", east: 13_000, north: -20_000))
  let requests = [a, later, gap].map {
    AltitudeRequest(area: $0, preferredAltitude: 1500 * feet)
  }
  let assigned = try Deconfliction.assignAltitudes(requests, adjacencyDistance: 1852)
  for assignment in assigned { #expect(abs(assignment.altitude / feet - 1500) < 1e-6) }
  // Within the adjacency distance (a 1 km gap, 1 NM margin) they are separated.
  let near = area("E", square("", east: 11_000, north: 0))
  let twoNear = try Deconfliction.assignAltitudes(
    [a, near].map { AltitudeRequest(area: $0, preferredAltitude: 1500 * feet) },
    adjacencyDistance: 1852)
  #expect(abs(twoNear[0].altitude - twoNear[1].altitude) >= 500 * feet - 1e-6)
}
