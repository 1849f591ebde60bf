import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Suite struct PlannerTests {
  let tables: SweepWidthTables
  let particles: ParticleSnapshot
  let units: [AvailableUnit]

  init() throws {
    tables = try SweepWidthTables.bundled()
    particles = try twoLobedSnapshot()
    units = try testUnits()
  }

  func planner(_ c: PlanningConditions = testConditions) throws -> SearchPlanner {
    try SearchPlanner(particles: particles, units: units, conditions: c, tables: tables)
  }

  @Test func neitherPlanExceedsTheBound() throws {
    // Short sorties over a denser cloud, so that the bound is below 1 and means something.
    let short = units.map { u -> AvailableUnit in
      var u = u
      u.unit.onSceneEnduranceHours *= 0.25
      return u
    }
    let p = try SearchPlanner(
      particles: try twoLobedSnapshot(count: 4000), units: short, conditions: testConditions,
      tables: tables)
    #expect(p.bound.upperBound < 1)
    let sheet = try p.worksheetPlan()
    let optimal = try p.optimalPlan(worksheet: sheet)
    #expect(p.bound.allocationPOS <= p.bound.upperBound + 1e-9)
    for plan in [sheet, optimal] {
      #expect(plan.pos > 0)
      #expect(plan.pos <= plan.bound.upperBound, "POS \(plan.pos) above \(plan.bound)")
      #expect(plan.sorties.count == units.count)
    }
  }

  @Test func noTwoAreasOverlapAtTheSameAltitudeBand() throws {
    let p = try planner()
    for plan in [try p.worksheetPlan(), try p.optimalPlan()] {
      let areas = try plan.sorties.map { s in
        try AssignedArea(
          id: s.areaID, unit: s.unit.callSign, rectangle: s.area,
          altitudeBand: AltitudeBand(altitude: s.altitudeMetres ?? 0),
          window: DateInterval(start: s.track.commenceTime, end: s.track.endTime))
      }
      // Areas may share a boundary; 0.1 % of the smallest area is rounding, not overlap.
      let smallest = plan.sorties.map { $0.area.length * $0.area.width }.min() ?? 0
      #expect(try Deconfliction.overlaps(among: areas, minimumOverlap: 1e-3 * smallest).isEmpty)
    }
  }

  @Test func aircraftInAdjacentAreasAreAtLeast500FeetApart() throws {
    let p = try planner()
    for plan in [try p.worksheetPlan(), try p.optimalPlan()] {
      let aircraft = plan.sorties.filter { $0.unit.unit.kind.isAircraft }
      let areas = try aircraft.map { s in
        try AssignedArea(
          id: s.areaID, unit: s.unit.callSign, rectangle: s.area, altitudeBand: .surface,
          window: DateInterval(start: s.track.commenceTime, end: s.track.endTime))
      }
      let polygons = try Deconfliction.planarPolygons(areas)
      var adjacentPairs = 0
      for i in aircraft.indices {
        for j in aircraft.indices where j > i {
          guard polygons[i].boundaryDistance(to: polygons[j]) <= 1852 else { continue }
          adjacentPairs += 1
          let a = try #require(aircraft[i].altitudeMetres)
          let b = try #require(aircraft[j].altitudeMetres)
          #expect(abs(a - b) >= 500 * 0.3048 - 1e-6)
        }
      }
      if plan.mode == .worksheet { #expect(adjacentPairs > 0) }  // strips side by side
    }
  }

  @Test func worksheetSpacingsAreSweepWidthOverCoverage() throws {
    let plan = try planner().worksheetPlan()
    let sheet = try #require(plan.worksheet)
    for (k, s) in plan.sorties.enumerated() {
      let minimum = testConditions.minimumTrackSpacingNM(for: s.unit.unit.kind)
      #expect(abs(s.track.trackSpacing / 1852 - max(sheet.trackSpacingsNM[k], minimum)) < 1e-6)
      #expect(abs(sheet.trackSpacingsNM[k] - sheet.units[k].sweepWidthNM / sheet.coverage) < 1e-9)
    }
    // The split square covers the worksheet's area.
    let total = plan.sorties.reduce(0) { $0 + $1.area.length * $1.area.width } / (1852 * 1852)
    #expect(abs(total - sheet.areaNM2) < 1e-6 * sheet.areaNM2)
  }

  @Test func optimalPlanBeatsTheWorksheetOnADivergentCloud() throws {
    let p = try planner()
    let sheet = try p.worksheetPlan()
    let optimal = try p.optimalPlan(worksheet: sheet)
    // Not the worksheet fallback: its own areas, and clearly better.
    #expect(optimal.sorties.map(\.area) != sheet.sorties.map(\.area))
    #expect(optimal.pos > sheet.pos + 0.02, "optimal \(optimal.pos), worksheet \(sheet.pos)")
  }

  @Test func aZeroTimeBudgetStillGivesTheGreedyPlanAndMoreTimeNeverHurts() throws {
    var none = testConditions
    none.timeBudgetSeconds = 0
    let greedy = try planner(none).optimalPlan()
    #expect(greedy.passes == 0)
    #expect(greedy.sorties.count == units.count)
    let improved = try planner().optimalPlan()
    #expect(improved.passes >= 1)
    #expect(improved.pos >= greedy.pos - 0.02, "improved \(improved.pos), greedy \(greedy.pos)")
  }

  @Test func cumulativePOSGrowsOverPeriods() throws {
    let second = try drifted(particles, hours: 4)
    let periods = [
      PlanningPeriod(name: "1", particles: particles, units: units, conditions: testConditions),
      PlanningPeriod(
        name: "2", particles: second, units: try testUnits(start: second.time),
        conditions: testConditions),
    ]
    let results = try MultiPeriodPlanner.run(periods, mode: .optimal, tables: tables)
    #expect(results.count == 2)
    let c1 = results[0].record.cumulativePOS
    let c2 = results[1].record.cumulativePOS
    #expect(c1 > 0 && c2 > c1)
    // Cumulative POS = 1 - prod(1 - POS_k) over the periods (IAMSAR Vol II).
    let expected = 1 - (1 - results[0].executed.pos) * (1 - results[1].executed.pos)
    #expect(abs(c2 - expected) < 1e-9)
    #expect(abs(results[1].executed.cumulativePOS - c2) < 1e-9)
    // The second period plans on what the first left: less to find per unit of effort.
    #expect(results[1].executed.bound.upperBound <= 1)
  }

  @Test func aUnitWithoutEnduranceIsRefusedByName() throws {
    var broken = units
    broken[2].unit.onSceneEnduranceHours = 0
    #expect(throws: PlannerError.noEndurance(unit: "JH01", hours: 0)) {
      try SearchPlanner(
        particles: particles, units: broken, conditions: testConditions, tables: tables)
    }
  }

  @Test func visibilityOutsideTheTablesIsRefused() throws {
    var c = testConditions
    c.visibilityNM = 40
    do {
      _ = try planner(c)
      Issue.record("expected a sweep width error")
    } catch {
      guard case .sweepWidth(let unit, let reason) = error as? PlannerError else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(unit == "JCG1")
      #expect(reason.contains("40"))
    }
  }

  @Test func aDatumOnLandIsRefused() throws {
    let p = try SearchPlanner(
      particles: particles, units: units, conditions: testConditions, tables: tables,
      isLand: { $0.longitudeDegrees > 0 })
    #expect(throws: PlannerError.self) { try p.worksheetPlan() }
    do { _ = try p.worksheetPlan() } catch {
      guard case .areaOnLand(let area, _) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(area == "datum")
    }
  }

  @Test func anEnsembleWithNothingLeftToFindIsRefused() throws {
    var gone = particles
    try gone.applyUnsuccessfulSearch(pod: [Double](repeating: 1, count: gone.count))
    #expect(throws: PlannerError.self) {
      try SearchPlanner(particles: gone, units: units, conditions: testConditions, tables: tables)
    }
  }
}
