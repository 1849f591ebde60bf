import Foundation
import SarexGeo

@testable import SarexSearch

/// Fixed epoch for test snapshots.
let testEpoch = Date(timeIntervalSince1970: 1_447_632_000)  // 2015-11-16 00:00 UTC

/// A small deterministic generator (SplitMix64) so random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Particles at plane coordinates (metres) about a fixed origin, equal weights unless given.
func snapshot(
  plane: SearchPlane, xy: [(Double, Double)], weights: [Double]? = nil,
  velocities: [(Double, Double)]? = nil
) throws -> ParticleSnapshot {
  let points = xy.map { plane.unproject(x: $0.0, y: $0.1) }
  return try ParticleSnapshot(
    longitudesDegrees: points.map(\.longitudeDegrees),
    latitudesDegrees: points.map(\.latitudeDegrees),
    weights: weights ?? [Double](repeating: 1, count: xy.count),
    eastVelocitiesMetresPerSecond: velocities?.map(\.0),
    northVelocitiesMetresPerSecond: velocities?.map(\.1), time: testEpoch)
}

let testPlane = SearchPlane(origin: GeoPoint(longitudeDegrees: 4.5, latitudeDegrees: 60.5))
