import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

/// The hard constraints on real assignments, checked on the plans themselves: no unit
/// closer than one track spacing to another at the same time and altitude, and no aircraft sent
/// to an altitude where it sees nothing.
@Suite struct PlannerSeparationTests {
  let tables: SweepWidthTables

  init() throws { tables = try SweepWidthTables.bundled() }

  /// Every plan's own conflict list and a fresh check of its sorties are both empty.
  func expectNoConflicts(_ plan: SearchPlan) {
    #expect(plan.separationConflicts.isEmpty, "\(plan.mode): \(plan.separationConflicts)")
    #expect(SearchPlanner.separationConflicts(plan.sorties).isEmpty)
  }

  @Test func worksheetAndOptimalPlansHaveNoSeparationConflicts() throws {
    let p = try SearchPlanner(
      particles: try twoLobedSnapshot(), units: try testUnits(), conditions: testConditions,
      tables: tables)
    let sheet = try p.worksheetPlan()
    expectNoConflicts(sheet)
    expectNoConflicts(try p.optimalPlan(worksheet: sheet))
  }

  @Test func plansOnTheDriftedCloudOfASecondPeriodHaveNoSeparationConflicts() throws {
    // The divergent cloud 5 h on (the lobes 5 NM further apart), with two more aircraft, so
    // that aircraft must share sea room.
    let later = try drifted(try twoLobedSnapshot(count: 3000), hours: 5)
    var units = try testUnits(start: later.time)
    units += try testUnits(start: later.time).filter { $0.unit.kind.isAircraft }.map { u in
      var u = u
      u.callSign += "B"
      return u
    }
    let p = try SearchPlanner(
      particles: later, units: units, conditions: testConditions, tables: tables)
    let sheet = try p.worksheetPlan()
    let optimal = try p.optimalPlan(worksheet: sheet)
    expectNoConflicts(sheet)
    expectNoConflicts(optimal)
    #expect(optimal.pos >= sheet.pos)
  }

  @Test func vesselAreasStayAtSeaBesideACoast() throws {
    // A straight coast 8.5 NM west of the origin cuts the denser western lobe (its particles
    // ashore are removed, as a drift strands them): the best water lies along the coast, where a box
    // centred at sea easily reaches ashore. Vessels' areas must lie wholly at sea (aircraft
    // may overfly land). The worksheet's squares around the datum reach ashore here: in
    // optimal mode that comparison must not stop the plan.
    let coastX = -8.5 * 1852.0
    let all = try twoLobedSnapshot(count: 2000)
    let keep = (0..<all.count).filter {
      testPlane.project(
        GeoPoint(
          longitudeDegrees: all.longitudesDegrees[$0], latitudeDegrees: all.latitudesDegrees[$0])
      ).x > coastX
    }
    let sea = try ParticleSnapshot(
      longitudesDegrees: keep.map { all.longitudesDegrees[$0] },
      latitudesDegrees: keep.map { all.latitudesDegrees[$0] },
      weights: keep.map { all.weights[$0] },
      eastVelocitiesMetresPerSecond: keep.map { _ in 0 },
      northVelocitiesMetresPerSecond: keep.map { _ in 0 },
      categoryIndices: keep.map { all.categoryIndices?[$0] ?? 0 }, time: all.time)
    let isLand: @Sendable (GeoPoint) -> Bool = { testPlane.project($0).x <= coastX }
    var units = try testUnits()
    units.append(
      AvailableUnit(unit: units[0].unit, callSign: "KCG1", nation: "KOR"))
    let p = try SearchPlanner(
      particles: sea, units: units, conditions: testConditions, tables: tables, isLand: isLand)
    let plan = try p.optimalPlan()
    let vessels = plan.sorties.filter { !$0.unit.unit.kind.isAircraft }
    #expect(vessels.count == 2)
    for s in vessels {
      // The corners, and points along the edges in between.
      let corners = try s.area.corners()
      for (a, b) in zip(corners, corners.dropFirst() + [corners[0]]) {
        let pa = testPlane.project(a)
        let pb = testPlane.project(b)
        for f in stride(from: 0.0, through: 1.0, by: 0.1) {
          let x = pa.x + f * (pb.x - pa.x)
          #expect(x > coastX - 1, "\(s.unit.callSign) reaches \((coastX - x) / 1852) NM ashore")
        }
      }
    }
  }

  @Test func noAircraftIsSentWhereItSeesNothingOrFindsNothing() throws {
    // A person in the water only: from a fixed-wing aircraft the US NSS tables give 0.1 NM up to
    // 1000 ft and 0.0 NM from 1500 ft (10 NM visibility), so stacking a third aircraft 500 ft
    // above two others would make it useless; the planner must foresee that.
    let piw = try twoLobedSnapshot(count: 2000)
    var single = try ParticleSnapshot(
      longitudesDegrees: piw.longitudesDegrees, latitudesDegrees: piw.latitudesDegrees,
      weights: piw.weights, eastVelocitiesMetresPerSecond: piw.eastVelocitiesMetresPerSecond,
      northVelocitiesMetresPerSecond: piw.northVelocitiesMetresPerSecond,
      categoryIndices: nil, time: piw.time)
    single.pFail = piw.pFail
    let catalogue = try SearchUnitCatalogue.defaults()
    let fixedWing = try #require(catalogue.unit("fixed-wing-patrol"))
    let helicopter = try #require(catalogue.unit("helicopter"))
    let ship = try #require(catalogue.unit("large-vessel"))
    let units = [
      AvailableUnit(unit: ship, callSign: "JCG1", nation: "JPN"),
      AvailableUnit(unit: fixedWing, callSign: "JA01", nation: "JPN"),
      AvailableUnit(unit: fixedWing, callSign: "KA01", nation: "KOR"),
      AvailableUnit(unit: helicopter, callSign: "JH01", nation: "JPN"),
      AvailableUnit(unit: helicopter, callSign: "KH01", nation: "KOR"),
    ]
    var conditions = testConditions
    conditions.leewayClasses = ["PIW-1"]
    let p = try SearchPlanner(
      particles: single, units: units, conditions: conditions, tables: tables)
    let plan = try p.optimalPlan()
    expectNoConflicts(plan)
    for s in plan.sorties {
      #expect(
        (s.sweepWidthsMetres.max() ?? 0) > 0, "\(s.unit.callSign) at \(s.altitudeMetres ?? 0) m")
      #expect(s.pos > 0, "\(s.unit.callSign) finds nothing")
    }
  }
}
