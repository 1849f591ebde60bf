import CProj
import Foundation
import SarexGeo
import Testing

@testable import SarexDrift

private func eastNorthMetres(from c: GeoPoint, to lon: Double, _ lat: Double) -> (Double, Double) {
  var g = geod_geodesic()
  geod_init(&g, 6_378_137, 1 / 298.257_223_563)
  var s = 0.0
  var az1 = 0.0
  var az2 = 0.0
  geod_inverse(&g, c.latitudeDegrees, c.longitudeDegrees, lat, lon, &s, &az1, &az2)
  return (s * sin(az1 * .pi / 180), s * cos(az1 * .pi / 180))
}

private let centre = GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.2)

private func piw() throws -> LeewayClass { try LeewayCatalogue.standard().lookup("PIW-1") }

@Test func gaussianRadiusIsTheStandardDeviationOfEastAndNorthOffsets() throws {
  let n = 20_000
  let scenario = SeedScenario(
    name: "lkp", geometry: .point(centre, radiusMetres: 500, distribution: .gaussian),
    releaseStart: testStart, particleCount: n, objectClass: try piw())
  let e = try Seeding(scenario, randomSeed: 1).makeEnsemble()
  var sumE = 0.0
  var sumE2 = 0.0
  var sumN2 = 0.0
  for i in 0..<n {
    let p = e.position(at: i)
    let (x, y) = eastNorthMetres(from: centre, to: p.longitudeDegrees, p.latitudeDegrees)
    sumE += x
    sumE2 += x * x
    sumN2 += y * y
  }
  // Standard error of a standard deviation estimate: sigma / sqrt(2n) = 2.5 m; allow 4 of them.
  #expect(abs((sumE2 / Double(n)).squareRoot() - 500) < 10)
  #expect(abs((sumN2 / Double(n)).squareRoot() - 500) < 10)
  #expect(abs(sumE / Double(n)) < 4 * 500 / Double(n).squareRoot())
}

@Test func uniformDiskStaysInsideTheRadiusWithMeanSquareHalfTheRadiusSquared() throws {
  let n = 10_000
  let scenario = SeedScenario(
    name: "lkp", geometry: .point(centre, radiusMetres: 1000, distribution: .uniformDisk),
    releaseStart: testStart, particleCount: n, objectClass: try piw())
  let e = try Seeding(scenario, randomSeed: 7).makeEnsemble()
  var sumR2 = 0.0
  for i in 0..<n {
    let p = e.position(at: i)
    let (x, y) = eastNorthMetres(from: centre, to: p.longitudeDegrees, p.latitudeDegrees)
    let r2 = x * x + y * y
    #expect(r2 <= 1000 * 1000 * (1 + 1e-9))
    sumR2 += r2
  }
  // E[r^2] = R^2 / 2 for a uniform disk; sd of r^2 is R^2 / sqrt(12).
  #expect(abs(sumR2 / Double(n) - 500_000) < 4 * 288_675 / Double(n).squareRoot())
}

@Test func releaseWindowSpacesReleaseTimesEvenlyAsOpenDrift() throws {
  let scenario = SeedScenario(
    name: "window", geometry: .point(centre, radiusMetres: 0, distribution: .gaussian),
    releaseStart: testStart, releaseEnd: testStart.addingTimeInterval(3600), particleCount: 5,
    objectClass: try piw())
  let e = try Seeding(scenario, randomSeed: 1).makeEnsemble()
  let times = e.withColumns { Array($0.releaseTime) }
  let expected = (0..<5).map { testStart.timeIntervalSince1970 + 900 * Double($0) }
  #expect(times == expected)
  #expect(e.statuses.allSatisfy { $0 == .notSeeded })
}

@Test func coneRunsBetweenItsEndsWithGrowingRadius() throws {
  let end = GeoPoint(longitudeDegrees: 4.2, latitudeDegrees: 60.3)
  let n = 4001
  let scenario = SeedScenario(
    name: "cone",
    geometry: .cone(
      from: centre, to: end, startRadiusMetres: 0, endRadiusMetres: 2000,
      distribution: .uniformDisk),
    releaseStart: testStart, releaseEnd: testStart.addingTimeInterval(7200), particleCount: n,
    objectClass: try piw())
  let e = try Seeding(scenario, randomSeed: 3).makeEnsemble()
  // The first particle has radius 0: exactly on the line, 1/(n+1) of the way along.
  let first = e.position(at: 0)
  let (x0, y0) = eastNorthMetres(from: centre, to: first.longitudeDegrees, first.latitudeDegrees)
  let (xe, ye) = eastNorthMetres(from: centre, to: end.longitudeDegrees, end.latitudeDegrees)
  let length = (xe * xe + ye * ye).squareRoot()
  #expect(abs((x0 * x0 + y0 * y0).squareRoot() - length / Double(n + 1)) < 0.01)
  // The last particle is within 2 km of the end (radius 2000 m there).
  let last = e.position(at: n - 1)
  let (xl, yl) = eastNorthMetres(from: end, to: last.longitudeDegrees, last.latitudeDegrees)
  #expect((xl * xl + yl * yl).squareRoot() < 2000 + length / Double(n + 1) + 1)
  let times = e.withColumns { Array($0.releaseTime) }
  #expect(times.first == testStart.timeIntervalSince1970)
  #expect(times.last == testStart.timeIntervalSince1970 + 7200)
}

@Test func polygonSeedsOnlyInside() throws {
  let vertices = [
    GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.0),
    GeoPoint(longitudeDegrees: 4.2, latitudeDegrees: 60.0),
    GeoPoint(longitudeDegrees: 4.0, latitudeDegrees: 60.2),
  ]
  let scenario = SeedScenario(
    name: "area", geometry: .polygon(vertices), releaseStart: testStart, particleCount: 2000,
    objectClass: try piw())
  let e = try Seeding(scenario, randomSeed: 5).makeEnsemble()
  for i in 0..<e.count {
    let p = e.position(at: i)
    // Inside the triangle: x >= 4, y >= 60, (x - 4) + (y - 60) <= 0.2.
    #expect(p.longitudeDegrees >= 4 && p.latitudeDegrees >= 60)
    #expect((p.longitudeDegrees - 4) + (p.latitudeDegrees - 60) <= 0.2)
  }
  let degenerate = SeedScenario(
    name: "line", geometry: .polygon(Array(vertices.prefix(2))), releaseStart: testStart,
    particleCount: 10, objectClass: try piw())
  #expect(throws: DriftError.self) { try Seeding(degenerate, randomSeed: 5).makeEnsemble() }
}

@Test func weightsAreScenarioTimesClassWeightsSharedByTheStratum() throws {
  let catalogue = try LeewayCatalogue.standard()
  let raft = try catalogue.lookup("LIFE-RAFT-DB-11")
  let a = SeedScenario(
    name: "a", geometry: .point(centre, radiusMetres: 100, distribution: .gaussian),
    releaseStart: testStart, particleCount: 1000, weight: 3,
    objects: [
      WeightedLeewayClass(try catalogue.lookup("SLDMB"), weight: 1),
      WeightedLeewayClass(raft, weight: 3),
    ])
  let b = SeedScenario(
    name: "b", geometry: .point(centre, radiusMetres: 100, distribution: .gaussian),
    releaseStart: testStart, particleCount: 500, weight: 1, objectClass: try piw())
  let e = try Seeding(scenarios: [a, b], randomSeed: 9).makeEnsemble()
  #expect(e.count == 1500)
  let (weights, classes, scenarios) = e.withColumns {
    (Array($0.weight), Array($0.classIndex), Array($0.scenarioIndex))
  }
  #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
  var stratum = [Int: Double]()
  var counts = [Int: Int]()
  for i in 0..<e.count {
    stratum[Int(classes[i]), default: 0] += weights[i]
    counts[Int(classes[i]), default: 0] += 1
  }
  // Scenario a: 3/4 of the prior, split 1:3 between its classes; scenario b: 1/4.
  #expect(abs(stratum[0]! - 0.75 * 0.25) < 1e-12)
  #expect(abs(stratum[1]! - 0.75 * 0.75) < 1e-12)
  #expect(abs(stratum[2]! - 0.25) < 1e-12)
  // Particles split between classes in proportion to their weights.
  #expect(abs(counts[1]! - 750) <= 2)
  #expect(scenarios.filter { $0 == 1 }.count == 500)
  #expect(e.classes[Int(classes[1200])].code == "PIW-1")
}

@Test func perturbationsFollowOpenDriftsLeewaySeeding() throws {
  let n = 20_000
  let piw = try piw()
  let scenario = SeedScenario(
    name: "lkp", geometry: .point(centre, radiusMetres: 0, distribution: .gaussian),
    releaseStart: testStart, particleCount: n, objectClass: piw)
  let e = try Seeding(scenario, randomSeed: 11).makeEnsemble()
  var crosswindSum2 = 0.0
  e.withColumns { c in
    for i in 0..<n {
      // Orientation alternates 0, 1 as in OpenDrift; each takes its own crosswind row.
      #expect(c.orientation[i] == UInt8(i % 2))
      let row = i % 2 == 0 ? piw.crosswindPositive : piw.crosswindNegative
      #expect(c.crosswindSlope[i] == row.slope)
      #expect(c.crosswindOffset[i] == row.offset)
      // No particle drifts against the wind.
      #expect(c.downwindSlope[i] + c.downwindEpsilon[i] / 20 >= 0)
      crosswindSum2 += c.crosswindEpsilon[i] * c.crosswindEpsilon[i]
    }
  }
  // Crosswind perturbation sd = the class's 9.4 cm/s (standard error 0.5 %).
  #expect(abs((crosswindSum2 / Double(n)).squareRoot() - 0.094) < 0.094 * 0.02)
}

@Test func sameSeedGivesTheSameEnsembleAndAnotherSeedDoesNot() throws {
  let scenario = SeedScenario(
    name: "lkp", geometry: .point(centre, radiusMetres: 500, distribution: .gaussian),
    releaseStart: testStart, particleCount: 100, objectClass: try piw())
  let a = try Seeding(scenario, randomSeed: 1).makeEnsemble()
  let b = try Seeding(scenario, randomSeed: 1).makeEnsemble()
  let c = try Seeding(scenario, randomSeed: 2).makeEnsemble()
  #expect(a.longitudesDegrees == b.longitudesDegrees)
  #expect(a.leewayState(at: 17) == b.leewayState(at: 17))
  #expect(a.longitudesDegrees != c.longitudesDegrees)
}

/// Before any search, every particle's cumulative probability of failure is 1 (POS 0).
@Test func seededParticlesStartWithProbabilityOfFailureOne() throws {
  let catalogue = try LeewayCatalogue.standard()
  let scenario = SeedScenario(
    name: "LKP",
    geometry: .point(
      GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2), radiusMetres: 500,
      distribution: .gaussian),
    releaseStart: Date(timeIntervalSince1970: 1_447_632_000), particleCount: 1_000,
    objectClass: try catalogue.lookup("PIW-1"))
  let ensemble = try Seeding(scenario, randomSeed: 7).makeEnsemble()
  #expect(ensemble.pFail.count == 1_000)
  #expect(ensemble.pFail.allSatisfy { $0 == 1 })
}

@Test func seedingInTwoHalvesGivesTheSameEnsembleAsOnePass() throws {
  // Large scenarios are seeded on two threads: every column must be the one-pass result (a cone
  // with two classes and a release window exercises position, class, weight and time).
  let catalogue = try LeewayCatalogue.standard()
  let scenario = SeedScenario(
    name: "cone",
    geometry: .cone(
      from: centre, to: GeoPoint(longitudeDegrees: 4.3, latitudeDegrees: 60.4),
      startRadiusMetres: 100, endRadiusMetres: 3000, distribution: .gaussian),
    releaseStart: testStart, releaseEnd: testStart.addingTimeInterval(7200), particleCount: 1001,
    objects: [
      WeightedLeewayClass(try catalogue.lookup("PIW-1"), weight: 2),
      WeightedLeewayClass(try catalogue.lookup("SLDMB"), weight: 1),
    ])
  let seeding = Seeding(
    scenarios: [
      scenario,
      SeedScenario(
        name: "lkp", geometry: .point(centre, radiusMetres: 500, distribution: .uniformDisk),
        releaseStart: testStart, particleCount: 40, objectClass: try piw()),
    ],
    randomSeed: 3)
  let one = try seeding.makeEnsemble(parallelThreshold: .max)
  let split = try seeding.makeEnsemble(parallelThreshold: 2)
  func state(_ e: ParticleEnsemble) -> [[Double]] {
    e.withColumns { c in
      [
        Array(c.longitudeDegrees), Array(c.latitudeDegrees), Array(c.releaseTime),
        Array(c.weight), c.status.map(Double.init), c.orientation.map(Double.init),
        c.scenarioIndex.map(Double.init), c.classIndex.map(Double.init), Array(c.downwindSlope),
        Array(c.downwindOffset), Array(c.downwindEpsilon), Array(c.crosswindSlope),
        Array(c.crosswindOffset), Array(c.crosswindEpsilon),
      ]
    }
  }
  #expect(one.count == 1041)
  #expect(state(one) == state(split))
}
