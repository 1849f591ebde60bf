import Foundation
import Testing

@testable import SarexEnvironment

/// The closed-form azimuth of short WGS 84 geodesics against PROJ's `geod_inverse` (Karney 2013).
@Suite struct ShortLineAzimuthTests {
  /// Worst azimuth error (rad) of the closed form against `geod_inverse` over random lines of
  /// `length` metres (latitudes within 85 degrees, a tenth across the antimeridian).
  static func worstError(length: Double, seed: UInt64) -> Double {
    var generator = SplitMix(seed: seed)
    var worst = 0.0
    for k in 0..<5000 {
      let lat1 = -85 + 170 * generator.unit()
      let lon1 = k % 10 == 0 ? 179.9999 + 0.0002 * generator.unit() : -180 + 360 * generator.unit()
      let bearing = 2 * Double.pi * generator.unit()
      // Point 2 roughly `length` metres away (the exact distance does not matter).
      let lat2 = lat1 + length * cos(bearing) / 111_000
      var lon2 = lon1 + length * sin(bearing) / (111_000 * cos(lat1 * .pi / 180))
      if lon2 > 180 { lon2 -= 360 }
      let expected =
        WGS84Geodesic.azimuthDegrees(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2) * .pi / 180
      let direction = WGS84Geodesic.closedFormAzimuth(
        lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2
      ).direction
      if length <= 100 {
        #expect(abs(direction.cos * direction.cos + direction.sin * direction.sin - 1) < 1e-14)
      }
      worst = max(worst, abs(remainder(atan2(direction.sin, direction.cos) - expected, 2 * .pi)))
    }
    return worst
  }

  /// The closed form's error is second order in the length (O((s / R)^2): 100 times smaller
  /// for 10 times shorter lines), and at the lookup tables' 10 m and the 100 m limit it is
  /// below `geod_inverse`'s own round-off (15 nm in position, Karney 2013, J. Geodesy 87,
  /// section 9: 1.5e-9 rad over 10 m), far below the tables' 1e-7 rad.
  @Test func closedFormErrorIsSecondOrderAndBelowRoundOffForShortLines() {
    let at20km = Self.worstError(length: 20_000, seed: 1)
    let at2km = Self.worstError(length: 2000, seed: 2)
    let at100m = Self.worstError(length: 99, seed: 3)
    let at10m = Self.worstError(length: 10, seed: 4)
    #expect(at20km < 1e-4 && at2km < at20km / 50, "\(at20km), \(at2km) rad")
    #expect(at100m < 2e-9, "\(at100m) rad at 99 m")
    #expect(at10m < 2e-9, "\(at10m) rad at 10 m")
  }

  /// Longer lines, coincident points and polar latitudes take `geod_inverse` itself.
  @Test func longLinesAndPolesFallBackToGeodInverse() {
    for (lon1, lat1, lon2, lat2) in [
      (4.0, 60.0, 4.01, 60.0), (10.0, 89.95, 10.0, 89.9501), (3.0, 40.0, 3.0, 40.0),
    ] {
      let azimuth =
        WGS84Geodesic.azimuthDegrees(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2) * .pi / 180
      let direction = WGS84Geodesic.shortLineAzimuth(lon1: lon1, lat1: lat1, lon2: lon2, lat2: lat2)
      #expect(direction.cos == cos(azimuth), "\(lon1) \(lat1) \(lon2) \(lat2)")
      #expect(direction.sin == sin(azimuth), "\(lon1) \(lat1) \(lon2) \(lat2)")
    }
  }
}
