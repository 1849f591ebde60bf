import Foundation
import SarexGeo

@testable import SarexSearch

/// A two-lobed cloud as divergent leeway makes it: a raft (category 1) and a person in water
/// (category 0) released together, drifting apart east and west, plus a weaker third lobe.
func twoLobedSnapshot(count: Int = 1200, time: Date = testEpoch) throws -> ParticleSnapshot {
  var rng = SplitMix64(seed: 7)
  var xy: [(Double, Double)] = []
  var velocities: [(Double, Double)] = []
  var categories: [UInt16] = []
  func gaussian() -> Double {
    let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
    let v = Double.random(in: 0..<1, using: &rng)
    return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
  }
  for i in 0..<count {
    let lobe = i % 5 < 3 ? 0 : 1
    let cx = lobe == 0 ? -9.0 * 1852 : 7.0 * 1852
    let cy = lobe == 0 ? 2.0 * 1852 : -3.0 * 1852
    xy.append((cx + 1.6 * 1852 * gaussian(), cy + 1.2 * 1852 * gaussian()))
    velocities.append(lobe == 0 ? (-0.15, 0.05) : (0.15, -0.05))
    categories.append(UInt16(lobe))
  }
  let points = xy.map { testPlane.unproject(x: $0.0, y: $0.1) }
  return try ParticleSnapshot(
    longitudesDegrees: points.map(\.longitudeDegrees),
    latitudesDegrees: points.map(\.latitudeDegrees),
    weights: [Double](repeating: 1, count: count),
    eastVelocitiesMetresPerSecond: velocities.map(\.0),
    northVelocitiesMetresPerSecond: velocities.map(\.1), categoryIndices: categories, time: time)
}

/// The same particles `hours` later, moved along their velocities.
func drifted(_ s: ParticleSnapshot, hours: Double) throws -> ParticleSnapshot {
  let plane = SearchPlane(origin: s.weightedCentre)
  let dt = hours * 3600
  var lons: [Double] = []
  var lats: [Double] = []
  for i in 0..<s.count {
    let p = s.position(of: i, at: s.time.addingTimeInterval(dt), plane: plane)
    let g = plane.unproject(x: p.x, y: p.y)
    lons.append(g.longitudeDegrees)
    lats.append(g.latitudeDegrees)
  }
  return try ParticleSnapshot(
    longitudesDegrees: lons, latitudesDegrees: lats, weights: s.weights,
    eastVelocitiesMetresPerSecond: s.eastVelocitiesMetresPerSecond,
    northVelocitiesMetresPerSecond: s.northVelocitiesMetresPerSecond,
    categoryIndices: s.categoryIndices, time: s.time.addingTimeInterval(dt))
}

/// A ship, a patrol aircraft and two helicopters of two nations, from the shipped catalogue.
func testUnits(start: Date = testEpoch) throws -> [AvailableUnit] {
  let catalogue = try SearchUnitCatalogue.defaults()
  func unit(_ id: String, hours: Double) throws -> SearchUnit {
    guard var u = catalogue.unit(id) else { throw PlannerError.invalid("no unit \(id)") }
    u.onSceneEnduranceHours = hours
    return u
  }
  return [
    AvailableUnit(unit: try unit("large-vessel", hours: 6), callSign: "JCG1", nation: "JPN"),
    AvailableUnit(
      unit: try unit("fixed-wing-patrol", hours: 2), callSign: "JA01", nation: "JPN",
      onSceneTime: start.addingTimeInterval(1800)),
    AvailableUnit(unit: try unit("helicopter", hours: 1.5), callSign: "JH01", nation: "JPN"),
    AvailableUnit(unit: try unit("helicopter", hours: 1.5), callSign: "KH01", nation: "KOR"),
  ]
}

let testConditions = PlanningConditions(
  visibilityNM: 10, windKnots: 12, seaHeightMetres: 0.8,
  leewayClasses: ["PIW-1", "LIFE-RAFT-DB-11"], timeBudgetSeconds: 1)
