import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

/// A random cloud: one to three Gaussian lobes of random size, position, drift and category.
func randomSnapshot(seed: UInt64, count: Int) throws -> ParticleSnapshot {
  var rng = SplitMix64(seed: seed)
  func gaussian() -> Double {
    let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
    let v = Double.random(in: 0..<1, using: &rng)
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }
  let lobes = Int.random(in: 1...3, using: &rng)
  let shapes = (0..<lobes).map { _ in
    (
      x: Double.random(in: -8...8, using: &rng) * 1852,
      y: Double.random(in: -8...8, using: &rng) * 1852,
      sx: Double.random(in: 0.5...4, using: &rng) * 1852,
      sy: Double.random(in: 0.5...4, using: &rng) * 1852,
      vx: Double.random(in: -0.3...0.3, using: &rng),
      vy: Double.random(in: -0.3...0.3, using: &rng),
      category: UInt16.random(in: 0...1, using: &rng)
    )
  }
  var lons: [Double] = []
  var lats: [Double] = []
  var ve: [Double] = []
  var vn: [Double] = []
  var categories: [UInt16] = []
  for i in 0..<count {
    let s = shapes[i % lobes]
    let p = testPlane.unproject(x: s.x + s.sx * gaussian(), y: s.y + s.sy * gaussian())
    lons.append(p.longitudeDegrees)
    lats.append(p.latitudeDegrees)
    ve.append(s.vx)
    vn.append(s.vy)
    categories.append(s.category)
  }
  return try ParticleSnapshot(
    longitudesDegrees: lons, latitudesDegrees: lats, weights: [Double](repeating: 1, count: count),
    eastVelocitiesMetresPerSecond: ve, northVelocitiesMetresPerSecond: vn,
    categoryIndices: categories, time: testEpoch)
}

@Suite struct PlannerBoundTests {
  @Test func noPlanExceedsTheBoundOnRandomCases() throws {
    let tables = try SweepWidthTables.bundled()
    var conditions = testConditions
    conditions.timeBudgetSeconds = 0.3
    var below = 0
    for seed in UInt64(1)...6 {
      let scale = [0.25, 0.5, 1][Int(seed % 3)]
      let units = try testUnits().map { u -> AvailableUnit in
        var u = u
        u.unit.onSceneEnduranceHours *= scale
        return u
      }
      let p = try SearchPlanner(
        particles: try randomSnapshot(seed: seed, count: 3000), units: units,
        conditions: conditions, tables: tables)
      #expect(p.bound.allocationPOS <= p.bound.upperBound + 1e-9)
      if p.bound.densityBound < 0.99 { below += 1 }
      let sheet = try p.worksheetPlan()
      for plan in [sheet, try p.optimalPlan(worksheet: sheet)] {
        #expect(
          plan.pos <= plan.bound.upperBound,
          "seed \(seed) \(plan.mode): POS \(plan.pos) above \(plan.bound)")
      }
    }
    // The bound must tell a planner something: below 1 on most of these cases (3000 particles
    // add a sampling margin of 0.027).
    #expect(below >= 4, "bound below 0.99 in only \(below) of 6 cases")
  }

  @Test func aPlanLuckyOnOneParticleStaysUnderTheBoundWithItsSamplingMargin() throws {
    // One particle: the worksheet's square is centred on it and a track passes over it, so its
    // POD is near 1, above what any allocation over the density achieves; the sampling margin
    // (1.5 / sqrt(1)) covers exactly this luck.
    let one = try randomSnapshot(seed: 3, count: 1)
    var helicopter = try testUnits()[2]
    helicopter.unit.onSceneEnduranceHours = 0.5
    let p = try SearchPlanner(
      particles: one, units: [helicopter], conditions: testConditions,
      tables: try SweepWidthTables.bundled())
    #expect(abs(p.bound.effectiveParticleCount - 1) < 1e-12)
    let sheet = try p.worksheetPlan()
    #expect(sheet.pos > p.bound.densityBound, "the case must show the luck it is about")
    #expect(sheet.pos <= p.bound.upperBound)
    // With equal weights the effective count is the particle count, and the margin shrinks
    // as 1 / sqrt(n).
    let many = try SearchPlanner(
      particles: try randomSnapshot(seed: 3, count: 2500), units: try testUnits(),
      conditions: testConditions, tables: try SweepWidthTables.bundled())
    #expect(abs(many.bound.effectiveParticleCount - 2500) < 1e-6)
    #expect(abs(many.bound.samplingMargin - 0.03) < 1e-12)
  }

  @Test func theBoundOfOneCellIsTheSweepPODAtTheReachableCoverage() {
    // One cell, one unit: the best is all hours in the cell, coverage min(rate T, cap).
    for (rate, cap) in [(0.5, 10.0), (2.0, 1.5)] {
      var a = PlanBoundCalculator.Allocation(
        pocs: [0.7], rates: [[rate]], caps: [[cap]], hours: [2], g: .inverseCube)
      a.ascend(passes: 5, tolerance: 1e-12)
      let expected = 0.7 * erf(0.5 * Double.pi.squareRoot() * min(rate * 2, cap))
      #expect(abs(a.pos - expected) < 1e-9)
      let dual = a.minimiseDual(start: a.multipliers, rounds: 6)
      #expect(dual >= expected - 1e-9)
      #expect(dual - expected < 1e-4)
    }
  }

  @Test func theDualBoundsEveryAllocationOfTheCellModel() {
    // Random allocations of two units over five cells never beat the dual.
    var rng = SplitMix64(seed: 11)
    let pocs = [0.3, 0.25, 0.2, 0.15, 0.1]
    let rates = [[1.0, 0.8, 1.2, 0.5, 2.0], [0.3, 0.6, 0.2, 0.9, 0.4]]
    let caps = [[1.5, 1.5, 1.5, 1.5, 1.5], [0.8, 0.8, 0.8, 0.8, 0.8]]
    let hours = [1.5, 3.0]
    var a = PlanBoundCalculator.Allocation(
      pocs: pocs, rates: rates, caps: caps, hours: hours, g: .inverseCube)
    a.ascend(passes: 50, tolerance: 1e-12)
    let dual = a.minimiseDual(start: a.multipliers, rounds: 10)
    #expect(a.pos <= dual + 1e-9)
    #expect(dual - a.pos < 0.01, "allocation \(a.pos), dual \(dual)")
    for _ in 0..<200 {
      var pos = 0.0
      var shares = rates.indices.map { _ in
        pocs.indices.map { _ in Double.random(in: 0...1, using: &rng) }
      }
      for k in shares.indices {
        let sum = shares[k].reduce(0, +)
        shares[k] = shares[k].map { $0 / sum * hours[k] }
      }
      for i in pocs.indices {
        var y = 0.0
        for k in rates.indices { y += min(rates[k][i] * shares[k][i], caps[k][i]) }
        pos += pocs[i] * erf(0.5 * Double.pi.squareRoot() * y)
      }
      #expect(pos <= dual + 1e-9)
    }
  }

  @Test func plansKeepMinimumSpacingsAndSeparation() throws {
    let tables = try SweepWidthTables.bundled()
    // Two ships, so that surface separation matters too.
    let units = try testUnits()
    let p = try SearchPlanner(
      particles: try twoLobedSnapshot(), units: units + [units[0].renamed("KCG1", nation: "KOR")],
      conditions: testConditions, tables: tables)
    for plan in [try p.worksheetPlan(), try p.optimalPlan()] {
      for s in plan.sorties {
        let minimum = testConditions.minimumTrackSpacingNM(for: s.unit.unit.kind) * 1852
        #expect(s.track.trackSpacing >= minimum * (1 - 1e-9), "\(s.unit.callSign)")
      }
      #expect(plan.separationConflicts.isEmpty, "\(plan.mode): \(plan.separationConflicts)")
    }
  }
}

extension AvailableUnit {
  func renamed(_ callSign: String, nation: String) -> AvailableUnit {
    var u = self
    u.callSign = callSign
    u.nation = nation
    return u
  }
}
