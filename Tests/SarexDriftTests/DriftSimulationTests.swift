import CProj
import Foundation
import SarexEnvironment
import SarexGeo
import Testing

@testable import SarexDrift

// MARK: helpers

private func geodesic() -> geod_geodesic {
  var g = geod_geodesic()
  geod_init(&g, 6_378_137, 1 / 298.257_223_563)
  return g
}

/// PROJ's geodesic direct problem, as OpenDrift's `update_positions` calls it.
private func projMove(_ p: (Double, Double), east: Double, north: Double) -> (Double, Double) {
  var g = geodesic()
  var lat2 = 0.0
  var lon2 = 0.0
  var azi2 = 0.0
  geod_direct(
    &g, p.1, p.0, atan2(east, north) * 180 / .pi, (east * east + north * north).squareRoot(),
    &lat2, &lon2, &azi2)
  return (lon2, lat2)
}

private func metresBetween(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
  var g = geodesic()
  var s = 0.0
  var az1 = 0.0
  var az2 = 0.0
  geod_inverse(&g, a.1, a.0, b.1, b.0, &s, &az1, &az2)
  return s
}

/// East and north components (m) of the geodesic from a to b.
private func eastNorth(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
  var g = geodesic()
  var s = 0.0
  var az1 = 0.0
  var az2 = 0.0
  geod_inverse(&g, a.1, a.0, b.1, b.0, &s, &az1, &az2)
  return (s * sin(az1 * .pi / 180), s * cos(az1 * .pi / 180))
}

private func piw() throws -> LeewayClass { try LeewayCatalogue.standard().lookup("PIW-1") }

/// Particles with the class's mean coefficients (no perturbation), alternating orientation.
private func deterministicEnsemble(
  _ positions: [(Double, Double)], objectClass c: LeewayClass, release: Date = testStart
) throws -> ParticleEnsemble {
  let leeway = positions.indices.map { i in
    let row = i % 2 == 0 ? c.crosswindPositive : c.crosswindNegative
    return ParticleLeewayState(
      orientation: UInt8(i % 2), downwindSlopePercent: c.downwind.slopePercent,
      downwindOffsetCmPerS: c.downwind.offsetCmPerS, downwindEpsilonCmPerS: 0,
      crosswindSlopePercent: row.slopePercent, crosswindOffsetCmPerS: row.offsetCmPerS,
      crosswindEpsilonCmPerS: 0)
  }
  return try ParticleEnsemble(
    state: ExplicitParticleState(
      longitudesDegrees: positions.map(\.0), latitudesDegrees: positions.map(\.1),
      releaseTimes: positions.map { _ in release }, leeway: leeway, objectClass: c))
}

private func seeded(
  _ c: LeewayClass, count: Int, at p: GeoPoint, radius: Double = 0, seed: UInt64 = 1
) throws -> ParticleEnsemble {
  try Seeding(
    SeedScenario(
      name: "lkp", geometry: .point(p, radiusMetres: radius, distribution: .gaussian),
      releaseStart: testStart, particleCount: count, objectClass: c), randomSeed: seed
  ).makeEnsemble()
}

private func run(
  _ e: inout ParticleEnsemble, wind: TestField, current: TestField,
  land: any LandMask = NoLand(), hours: Double, step: Double = 600, jibe: Double = 0,
  seed: UInt64 = 0, workers: Int = 0, start: Date = testStart
) throws -> [DriftOutput] {
  var outputs: [DriftOutput] = []
  let simulation = DriftSimulation(
    wind: wind, current: current, land: land,
    configuration: DriftConfiguration(
      start: start, duration: hours * 3600, timeStep: step, outputStep: 3600,
      jibeProbabilityPerHour: jibe, randomSeed: seed, workerCount: workers))
  try simulation.run(&e, observer: { outputs.append($0) })
  return outputs
}

private let calm = TestField.constant(east: 0, north: 0)

// MARK: movement

@Test func pureCurrentMovesThirtySixHundredTimesTheSpeedInAnHour() throws {
  var e = try deterministicEnsemble([(4.0, 60.2), (4.0, 60.2)], objectClass: piw())
  _ = try run(&e, wind: calm, current: .constant(east: 0.3, north: 0.4), hours: 1)
  for i in 0..<2 {
    let p = e.position(at: i)
    let d = metresBetween((4.0, 60.2), (p.longitudeDegrees, p.latitudeDegrees))
    #expect(abs(d - 3600 * 0.5) < 0.02, "moved \(d) m")
  }
}

@Test func stepsAreTheGeodesicMovesOfOpenDriftLeewayThenCurrent() throws {
  // Reference: OpenDrift's update(): wind direction atan2(u, v), leeway moved by (-x, y), then
  // the current, each by pyproj's geod.fwd (here PROJ's geod_direct).
  let c = try piw()
  let wind = (7.0, -5.0)
  let current = (0.25, 0.4)
  var e = try deterministicEnsemble([(4.0, 60.2), (4.0, 60.2)], objectClass: c)
  _ = try run(
    &e, wind: .constant(east: wind.0, north: wind.1),
    current: .constant(east: current.0, north: current.1), hours: 2)
  let u = (wind.0 * wind.0 + wind.1 * wind.1).squareRoot()
  let direction = atan2(wind.0, wind.1)
  for i in 0..<2 {
    let row = i == 0 ? c.crosswindPositive : c.crosswindNegative
    let dw = c.downwind.slope * u + c.downwind.offset
    let cw = row.slope * u + row.offset
    let x = -dw * sin(direction) + cw * cos(direction)
    let y = dw * cos(direction) + cw * sin(direction)
    var p = (4.0, 60.2)
    for _ in 0..<12 {
      p = projMove(p, east: -x * 600, north: y * 600)
      p = projMove(p, east: current.0 * 600, north: current.1 * 600)
    }
    let q = e.position(at: i)
    #expect(metresBetween(p, (q.longitudeDegrees, q.latitudeDegrees)) < 0.001)
  }
}

@Test func downwindAndCrosswindLeewayFollowTheCoefficientFormula() throws {
  // Wind 10 m/s towards north at the equator (no meridian convergence): PIW-1 mean particles
  // drift 0.96 % of 10 m/s north and 0.54 % across, to the west for orientation 0 (OpenDrift's
  // sign convention) and to the east for orientation 1.
  var e = try deterministicEnsemble([(10.0, 0.0), (10.0, 0.0)], objectClass: piw())
  _ = try run(&e, wind: .constant(east: 0, north: 10), current: calm, hours: 1)
  let p0 = e.position(at: 0)
  let p1 = e.position(at: 1)
  let d0 = eastNorth((10, 0), (p0.longitudeDegrees, p0.latitudeDegrees))
  let d1 = eastNorth((10, 0), (p1.longitudeDegrees, p1.latitudeDegrees))
  #expect(abs(d0.1 - 0.096 * 3600) < 0.001)
  #expect(abs(d0.0 + 0.054 * 3600) < 0.001)
  #expect(abs(d1.1 - 0.096 * 3600) < 0.001)
  #expect(abs(d1.0 - 0.054 * 3600) < 0.001)
}

@Test func ensembleMeanLeewayMatchesTheClassMean() throws {
  // LIFE-RAFT-DB-11 (3.50 %, -1.8 cm/s, sd 6.4 cm/s): no truncation of the perturbation, so the
  // mean downwind speed is slope * U + offset; at U = 10 m/s the perturbation adds eps (sd 6.4).
  let raft = try LeewayCatalogue.standard().lookup("LIFE-RAFT-DB-11")
  let n = 10_000
  var e = try seeded(raft, count: n, at: GeoPoint(longitudeDegrees: 10, latitudeDegrees: 0))
  _ = try run(&e, wind: .constant(east: 0, north: 10), current: calm, hours: 1)
  var sumNorth = 0.0
  var westward = 0
  for i in 0..<n {
    let p = e.position(at: i)
    let d = eastNorth((10, 0), (p.longitudeDegrees, p.latitudeDegrees))
    sumNorth += d.1 / 3600
    if d.0 < 0 { westward += 1 }
  }
  let mean = sumNorth / Double(n)
  #expect(abs(mean - (0.035 * 10 - 0.018)) < 4 * 0.064 / Double(n).squareRoot())
  // Crosswind: half the particles take each side (sign split about 50/50).
  #expect(abs(Double(westward) / Double(n) - 0.5) < 0.02)
}

@Test func personInWaterMeanLeewayIncludesTheTruncatedPerturbation() throws {
  // PIW-1: perturbations with slope + eps/20 < 0 are redrawn, a normal truncated at
  // a = -20 * 0.0096 / 0.12 = -1.6 sd; its mean is sd * phi(a) / (1 - Phi(a)).
  let n = 10_000
  var e = try seeded(try piw(), count: n, at: GeoPoint(longitudeDegrees: 10, latitudeDegrees: 0))
  _ = try run(&e, wind: .constant(east: 0, north: 10), current: calm, hours: 1)
  var sum = 0.0
  for i in 0..<n {
    let p = e.position(at: i)
    sum += eastNorth((10, 0), (p.longitudeDegrees, p.latitudeDegrees)).1 / 3600
  }
  let a = -1.6
  let phi = exp(-a * a / 2) / (2 * Double.pi).squareRoot()
  let tail = 0.5 * erfc(a / 2.0.squareRoot())
  let expected = 0.096 + 0.12 * phi / tail  // U/20 + 1/2 = 1 at U = 10 m/s
  #expect(abs(sum / Double(n) - expected) < 4 * 0.12 / Double(n).squareRoot())
}

@Test func backwardRunReturnsDeterministicParticlesToTheirStart() throws {
  let starts = [(10.0, 0.001), (10.02, -0.003), (9.99, 0.002)]
  var e = try deterministicEnsemble(starts, objectClass: piw())
  let wind = TestField.constant(east: 6, north: 8)
  let current = TestField.constant(east: 0.2, north: -0.1)
  _ = try run(&e, wind: wind, current: current, hours: 6)
  let end = testStart.addingTimeInterval(6 * 3600)
  let state = ExplicitParticleState(
    longitudesDegrees: e.longitudesDegrees, latitudesDegrees: e.latitudesDegrees,
    releaseTimes: starts.map { _ in end }, leeway: (0..<3).map { e.leewayState(at: $0) },
    objectClass: try piw())
  var back = try ParticleEnsemble(state: state)
  _ = try run(&back, wind: wind, current: current, hours: 6, step: -600, start: end)
  for i in 0..<3 {
    let p = back.position(at: i)
    #expect(metresBetween(starts[i], (p.longitudeDegrees, p.latitudeDegrees)) < 0.001)
    #expect(back.status(at: i) == .active)
  }
}

// MARK: reproducibility

/// A field that varies in space and time, so that particles see different forcing.
private let swirl = TestField { lon, lat, t in
  let s = (t - testStart.timeIntervalSince1970) / 3600
  return (8 * cos(40 * lat + 0.3 * s), 6 * sin(30 * lon))
}

@Test func sameSeedGivesIdenticalRunsWhateverTheWorkerCount() throws {
  let p = GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2)
  var results: [([Double], [Double], [UInt8])] = []
  for workers in [1, 2, 3, 1] {
    var e = try seeded(try piw(), count: 1001, at: p, radius: 2000, seed: 5)
    _ = try run(
      &e, wind: swirl, current: .constant(east: 0.1, north: 0.2), hours: 3, jibe: 0.5, seed: 9,
      workers: workers)
    results.append(
      (e.longitudesDegrees, e.latitudesDegrees, e.withColumns { Array($0.orientation) }))
  }
  for r in results.dropFirst() {
    #expect(r.0 == results[0].0)
    #expect(r.1 == results[0].1)
    #expect(r.2 == results[0].2)
  }
  // Jibing happened (about 1 - 0.5^3 of the particles jibed at least once) ...
  let flipped = zip(results[0].2, (0..<1001).map { UInt8($0 % 2) }).filter { $0 != $1 }.count
  #expect(flipped > 200)
  // ... and another run seed jibes other particles.
  var other = try seeded(try piw(), count: 1001, at: p, radius: 2000, seed: 5)
  _ = try run(
    &other, wind: swirl, current: .constant(east: 0.1, north: 0.2), hours: 3, jibe: 0.5,
    seed: 10)
  #expect(other.withColumns { Array($0.orientation) } != results[0].2)
}

// MARK: statuses

@Test func particlesReachingLandStrandOnTheCoastlineScan() throws {
  let coast = 60.01
  var e = try deterministicEnsemble([(4.0, 60.0), (4.1, 59.95)], objectClass: piw())
  let outputs = try run(
    &e, wind: calm, current: .constant(east: 0, north: 2),
    land: LandNorthOf(latitudeDegrees: coast),
    hours: 2)
  // Particle 0 crosses the coast in its first step (1200 m, 0.0108 degree): the 0.001 degree
  // scan from its water position places it on the first land point, less than a scan spacing
  // (0.0108 / 9 degree) inland, at its longitude.
  let p = e.position(at: 0)
  #expect(e.status(at: 0) == .stranded)
  #expect(p.latitudeDegrees >= coast)
  #expect(p.latitudeDegrees - coast < 0.0108 / 9 + 1e-6)
  #expect(abs(p.longitudeDegrees - 4.0) < 1e-12)
  // Stranded at hour 1 and not moved after.
  #expect(outputs[1].ensemble.status(at: 0) == .stranded)
  #expect(outputs[1].ensemble.position(at: 0) == p)
  #expect(e.status(at: 1) == .stranded)
  #expect(outputs[0].ensemble.status(at: 1) == .active)
}

@Test func particlesLeavingTheForcingGetMissingDataAndStop() throws {
  var e = try deterministicEnsemble([(4.0, 60.0), (3.0, 60.0)], objectClass: piw())
  let current = TestField(validLongitudes: -180...4.01) { _, _, _ in (1, 0) }
  let outputs = try run(&e, wind: calm, current: current, hours: 3)
  #expect(outputs[1].ensemble.status(at: 0) == .missingData)
  #expect(outputs[3].ensemble.position(at: 0) == outputs[1].ensemble.position(at: 0))
  #expect(e.status(at: 1) == .active)
  #expect(e.count(of: .missingData) == 1)
}

@Test func runOutsideTheForcingTimeSpanIsAClearError() throws {
  var e = try deterministicEnsemble([(4.0, 60.0)], objectClass: piw())
  let wind = TestField(timeCoverage: testStart...testStart.addingTimeInterval(3600)) { _, _, _ in
    (1, 1)
  }
  #expect {
    _ = try run(&e, wind: wind, current: calm, hours: 2)
  } throws: { error in
    guard case .forcingTimeCoverage(let field, _, _) = error as? DriftError else { return false }
    return field == "wind" && "\(error)".contains("2015-11-16T00:00:00Z")
  }
}

@Test func particlesWaitUnseededUntilTheirReleaseTime() throws {
  let scenario = SeedScenario(
    name: "window",
    geometry: .point(
      GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60), radiusMetres: 0,
      distribution: .gaussian),
    releaseStart: testStart, releaseEnd: testStart.addingTimeInterval(7200), particleCount: 3,
    objectClass: try LeewayCatalogue.standard().lookup("SLDMB"))
  var e = try Seeding(scenario, randomSeed: 1).makeEnsemble()
  let outputs = try run(&e, wind: calm, current: .constant(east: 0.5, north: 0), hours: 3)
  let expected: [[ParticleStatus]] = [
    [.active, .notSeeded, .notSeeded], [.active, .active, .notSeeded],
    [.active, .active, .active], [.active, .active, .active],
  ]
  #expect(outputs.map { $0.ensemble.statuses } == expected)
  // A drifter without windage released at hour 2 has drifted 2 h less than the first one.
  let d0 = metresBetween(
    (4, 60), (e.position(at: 0).longitudeDegrees, e.position(at: 0).latitudeDegrees))
  let d2 = metresBetween(
    (4, 60), (e.position(at: 2).longitudeDegrees, e.position(at: 2).latitudeDegrees))
  #expect(abs(d0 - 3 * 1800) < 0.05)
  #expect(abs(d2 - 1 * 1800) < 0.05)
}

@Test func observerSeesEveryOutputTimeAndProgressReachesTheEnd() throws {
  var e = try deterministicEnsemble([(4.0, 60.0)], objectClass: piw())
  let simulation = DriftSimulation(
    wind: calm, current: calm, land: NoLand(),
    configuration: DriftConfiguration(
      start: testStart, duration: 5400, timeStep: 900, outputStep: 1800))
  var times: [TimeInterval] = []
  var finals: [Bool] = []
  var steps: [Int] = []
  try simulation.run(
    &e,
    observer: {
      times.append($0.elapsed); finals.append($0.isFinal)
    },
    progress: { steps.append($0.step) })
  #expect(times == [0, 1800, 3600, 5400])
  #expect(finals == [false, false, false, true])
  // Progress is reported where the workers meet: at least at every output.
  #expect(steps == [2, 4, 6])
  #expect(try simulation.outputTimes().count == 4)
  let bad = DriftSimulation(
    wind: calm, current: calm, land: NoLand(),
    configuration: DriftConfiguration(
      start: testStart, duration: 3600, timeStep: 700, outputStep: 1800))
  #expect(throws: DriftError.self) { try bad.validate() }
}

@Test func missingDataWinsOverStrandingButTheParticleIsStillPlacedOnTheCoast() throws {
  // OpenDrift marks missing data first; a particle also on land keeps that status but is moved
  // to the coastline scan like a stranded one.
  let coast = 60.01
  var e = try deterministicEnsemble([(4.0, 60.0)], objectClass: piw())
  let current = TestField(validLatitudes: -90...coast) { _, _, _ in (0, 2) }
  _ = try run(
    &e, wind: calm, current: current, land: LandNorthOf(latitudeDegrees: coast), hours: 1)
  #expect(e.status(at: 0) == .missingData)
  #expect(e.position(at: 0).latitudeDegrees - coast < 0.0108 / 9 + 1e-6)
}

@Test func particleReleasedOnLandStrandsWhereItIs() throws {
  var e = try deterministicEnsemble([(4.0, 60.5)], objectClass: piw())
  let outputs = try run(
    &e, wind: calm, current: .constant(east: 1, north: 0),
    land: LandNorthOf(latitudeDegrees: 60.01),
    hours: 1)
  #expect(outputs[0].ensemble.status(at: 0) == .stranded)
  #expect(e.position(at: 0) == GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.5))
}
