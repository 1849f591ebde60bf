import Foundation
import SarexEnvironment
import SarexGeo
import Testing

@testable import SarexDrift

/// PIW-1 particles in a 5 km Gaussian cloud at 4 E 60.2 N, released from the test start over
/// `releaseSeconds`.
private func cloud(count: Int, releaseSeconds: TimeInterval, seed: UInt64) throws
  -> ParticleEnsemble
{
  let piw = try LeewayCatalogue.standard().lookup("PIW-1")
  return try Seeding(
    SeedScenario(
      name: "lkp",
      geometry: .point(
        GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2), radiusMetres: 5000,
        distribution: .gaussian),
      releaseStart: testStart, releaseEnd: testStart.addingTimeInterval(releaseSeconds),
      particleCount: count, objectClass: piw), randomSeed: seed
  ).makeEnsemble()
}

/// Runs a seeded drift with jibing, land and a forcing boundary, reordering the particles in
/// memory every `reorderSeconds` (nil: never), and returns every output time's ensemble.
private func outputs(reorderSeconds: TimeInterval?, workers: Int) throws -> [ParticleEnsemble] {
  var e = try cloud(count: 3001, releaseSeconds: 3600, seed: 3)
  // Wind that turns with position and time, so particles spread and overtake each other.
  let wind = TestField { lon, lat, t in
    let a = (lon - 4) * 40 + (lat - 60) * 25 + (t - testStart.timeIntervalSince1970) / 7200
    return (9 * cos(a), 9 * sin(a))
  }
  var simulation = DriftSimulation(
    wind: wind,
    current: TestField(validLongitudes: -180...4.05) { _, _, _ in (0.3, 0.4) },
    land: LandNorthOf(latitudeDegrees: 60.23),
    configuration: DriftConfiguration(
      start: testStart, duration: 4 * 3600, timeStep: 600, outputStep: 3600,
      jibeProbabilityPerHour: 0.5, randomSeed: 11, workerCount: workers))
  simulation.spatialOrderInterval = reorderSeconds
  var seen: [ParticleEnsemble] = []
  try simulation.run(&e, observer: { seen.append($0.ensemble) })
  seen.append(e)
  return seen
}

private func state(_ e: ParticleEnsemble) -> [[Double]] {
  e.withColumns { c in
    [
      Array(c.longitudeDegrees), Array(c.latitudeDegrees), c.status.map(Double.init),
      c.orientation.map(Double.init), Array(c.crosswindSlope), Array(c.downwindEpsilon),
      Array(c.releaseTime), Array(c.weight),
    ]
  }
}

@Test func reorderingParticlesInMemoryChangesNoParticlesResultOrTheirOrder() throws {
  let plain = try outputs(reorderSeconds: nil, workers: 1)
  let last = try #require(plain.last)
  let statuses = Set(last.statuses)
  // The scenario exercises every path: moving, stranded, out of the forcing, and jibes.
  #expect(statuses.isSuperset(of: [.active, .stranded, .missingData]))
  #expect(
    last.withColumns { Array($0.orientation) } != plain[0].withColumns { Array($0.orientation) })
  for (interval, workers) in [(600.0, 1), (600.0, 3), (1800.0, 2)] {
    let ordered = try outputs(reorderSeconds: interval, workers: workers)
    #expect(ordered.count == plain.count)
    for (a, b) in zip(plain, ordered) { #expect(state(a) == state(b)) }
  }
}

@Test func spatialOrderPutsNeighboursNextToEachOther() {
  // A 64 x 64 lattice listed in a scrambled order: after ordering, consecutive particles are
  // touching lattice cells (a Z curve jumps only at block boundaries).
  let side = 64
  let n = side * side
  let columns = ParticleColumns(count: n)
  for k in 0..<n {
    let cell = (k &* 2731) % n  // 2731 is prime to 4096: a permutation
    columns.longitudeDegrees[k] = 4 + Double(cell % side) * 0.01
    columns.latitudeDegrees[k] = 60 + Double(cell / side) * 0.005
  }
  let sorter = SpatialOrder(count: n)
  let order = Array(UnsafeBufferPointer(start: sorter.permutation(of: columns), count: n))
  withExtendedLifetime(sorter) {}
  #expect(Set((0..<n).map { order[$0] }).count == n)
  var neighbours = 0
  for k in 1..<n {
    let a = order[k - 1]
    let b = order[k]
    let dx = abs(columns.longitudeDegrees[a] - columns.longitudeDegrees[b]) / 0.01
    let dy = abs(columns.latitudeDegrees[a] - columns.latitudeDegrees[b]) / 0.005
    if max(dx, dy) < 1.5 { neighbours += 1 }
  }
  // Within a 2 x 2 block every step is to a touching cell, so at least 3 steps in 4 are.
  #expect(neighbours >= 3 * (n - 1) / 4)
}

@Test func spatialOrderKeepsEqualPositionsInIndexOrder() {
  // Stability: the radix passes keep particles with the same key in their input order, so the
  // permutation is the unique stable sort by key (whatever the digit width).
  let n = 5000
  let columns = ParticleColumns(count: n)
  for k in 0..<n {
    let cell = (k &* 7919) % 37  // 37 distinct positions, each repeated, interleaved
    columns.longitudeDegrees[k] = 4 + Double(cell % 6) * 0.2
    columns.latitudeDegrees[k] = 60 + Double(cell / 6) * 0.1
  }
  let sorter = SpatialOrder(count: n)
  let order = Array(UnsafeBufferPointer(start: sorter.permutation(of: columns), count: n))
  withExtendedLifetime(sorter) {}
  #expect(Set(order).count == n)
  var groups = 0
  for k in 1..<n {
    let a = order[k - 1]
    let b = order[k]
    if columns.longitudeDegrees[a] == columns.longitudeDegrees[b]
      && columns.latitudeDegrees[a] == columns.latitudeDegrees[b]
    {
      #expect(a < b)
    } else {
      groups += 1
    }
  }
  // Each position forms one run: equal keys are contiguous.
  #expect(groups == 36)
}

@Test func spatialOrderInPartsGivesTheSerialPermutation() {
  // The parallel sort (per-part boxes, keys and histograms) must give exactly the serial
  // permutation, ties included: the drift's results depend on nothing else, but its reordering
  // must not depend on the worker count either.
  let n = 4 * SpatialOrder.minimumPartSize + 123
  let columns = ParticleColumns(count: n)
  for k in 0..<n {
    let cell = (k &* 7919) % 5003  // repeated positions interleaved across the parts
    columns.longitudeDegrees[k] = 4 + Double(cell % 71) * 0.003
    columns.latitudeDegrees[k] = 60 + Double(cell / 71) * 0.002
  }
  columns.longitudeDegrees[17] = .nan  // clamps to the grid's edge in both
  let serial = SpatialOrder(count: n, parts: 1)
  let parallel = SpatialOrder(count: n, parts: 4)
  #expect(serial.parts == 1 && parallel.parts == 4)
  let a = Array(UnsafeBufferPointer(start: serial.permutation(of: columns), count: n))
  let b = Array(UnsafeBufferPointer(start: parallel.permutation(of: columns), count: n))
  withExtendedLifetime((serial, parallel)) {}
  #expect(Set(b).count == n)
  #expect(a == b)
}

@Test func spatialOrderPutsSettledParticlesLastInIndexOrder() {
  // Stranded and out-of-forcing particles never move again: the order puts them after every
  // other particle (active and not yet released ones), so the steps can stop before them.
  let n = 40_000
  let columns = ParticleColumns(count: n)
  var settled: [Int] = []
  for k in 0..<n {
    columns.longitudeDegrees[k] = 4 + Double((k &* 7919) % 997) * 0.001
    columns.latitudeDegrees[k] = 60 + Double((k &* 104_729) % 991) * 0.001
    let status: ParticleStatus =
      switch k % 7 {
      case 0: .stranded
      case 3: .missingData
      case 5: .notSeeded
      default: .active
      }
    columns.status[k] = status.rawValue
    if status == .stranded || status == .missingData { settled.append(k) }
  }
  for parts in [1, 2] {
    let sorter = SpatialOrder(count: n, parts: parts)
    let order = Array(UnsafeBufferPointer(start: sorter.permutation(of: columns), count: n))
    #expect(sorter.settledCount == settled.count)
    #expect(Array(order[(n - settled.count)...]) == settled)
    #expect(Set(order).count == n)
    withExtendedLifetime(sorter) {}
  }
}

@Test func unorderedOutputStateHoldsTheSameParticlesAndUnreadOutputsAreNotScattered() throws {
  // Reordering every 10 minutes: the working order differs from the seeded one at every output.
  var e = try cloud(count: 2000, releaseSeconds: 0, seed: 5)
  let wind = TestField { lon, lat, _ in (8 * cos((lon - 4) * 60), 8 * sin((lat - 60) * 90)) }
  var simulation = DriftSimulation(
    wind: wind, current: TestField { _, _, _ in (0.2, 0.1) },
    land: LandNorthOf(latitudeDegrees: 60.26),
    configuration: DriftConfiguration(
      start: testStart, duration: 3 * 3600, timeStep: 600, outputStep: 3600, workerCount: 2))
  simulation.spatialOrderInterval = 600
  struct Row: Hashable {
    let lon: Double
    let lat: Double
    let status: UInt8
  }
  var unordered: [[Row]] = []
  var ordered: [[Row]] = []
  var permuted = 0
  var scatteredUnread = 0
  try simulation.run(&e) { output in
    let rows = output.withUnorderedState { lon, lat, status in
      (0..<lon.count).map { Row(lon: lon[$0], lat: lat[$0], status: status[$0]) }
    }
    if output.snapshot.scattered { scatteredUnread += 1 }
    let seeded = output.ensemble.withColumns { c in
      (0..<c.status.count).map {
        Row(lon: c.longitudeDegrees[$0], lat: c.latitudeDegrees[$0], status: c.status[$0])
      }
    }
    if rows != seeded { permuted += 1 }
    unordered.append(rows.sorted { ($0.lon, $0.lat) < ($1.lon, $1.lat) })
    ordered.append(seeded.sorted { ($0.lon, $0.lat) < ($1.lon, $1.lat) })
  }
  // The same particles (positions and statuses), in another order at every output after the
  // first reordering; nothing was scattered before the observer asked for it.
  #expect(unordered == ordered)
  #expect(permuted >= 3)
  #expect(scatteredUnread == 0)
  #expect(Set(ordered.last ?? []).count > 1000)
}
