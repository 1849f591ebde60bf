import Foundation

@testable import SarexDrift

/// A reproducible random generator for test clouds (SplitMix64).
struct OutputTestRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// A standard normal deviate (Box-Muller).
  mutating func normal() -> Double {
    let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
    let u2 = Double.random(in: 0..<1, using: &self)
    return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
  }
}

/// A Gaussian particle cloud with given 1-sigma semi-axes (metres) and major-axis azimuth
/// (degrees clockwise from north), laid on the tangent plane at a centre and turned into degrees.
struct OutputTestCloud {
  var longitudes: [Double] = []
  var latitudes: [Double] = []

  init(
    count: Int, centerLongitude: Double, centerLatitude: Double, sigmaMajor: Double,
    sigmaMinor: Double, azimuthDegrees: Double, seed: UInt64
  ) {
    var random = OutputTestRandom(seed: seed)
    let plane = FirstOrderTangentPlane(
      originLongitudeDegrees: centerLongitude, originLatitudeDegrees: centerLatitude)
    let azimuth = azimuthDegrees * .pi / 180
    // Unit vectors of the major axis (east, north components) and of the minor axis.
    let major = (sin(azimuth), cos(azimuth))
    let minor = (cos(azimuth), -sin(azimuth))
    for _ in 0..<count {
      let a = random.normal() * sigmaMajor
      let b = random.normal() * sigmaMinor
      let east = a * major.0 + b * minor.0
      let north = a * major.1 + b * minor.1
      longitudes.append(plane.longitudeDegrees(east: east))
      latitudes.append(plane.latitudeDegrees(north: north))
    }
  }
}
