import Foundation
import Testing

@testable import SarexEnvironment

/// The table sampler works on blocks of 256 particles and, inside a block, eight lanes at a
/// time: a batch of any length must give every particle what it gets alone.
@Suite struct GriddedVectorFieldBatchTests {
  @Test func batchOfAnyLengthEqualsOnePointAtATime() throws {
    // 2 blocks of 256, then 11 (one group of eight and three padded lanes).
    let count = 2 * 256 + 11
    var generator = SplitMix(seed: 11)
    var lons: [Double] = []
    var lats: [Double] = []
    for _ in 0..<count {
      // Around and beyond both grids, so some particles are outside or on land.
      lons.append(2 + 6 * generator.unit())
      lats.append(58.5 + 4 * generator.unit())
    }
    for field in [
      try GriddedVectorFieldTests.wind.get(), try GriddedVectorFieldTests.current.get(),
    ] {
      for time in ["2015-11-16T06:20:00Z", "2015-11-17T00:00:00Z"] {
        let t = ForcingTestData.date(time)
        var east = [Double](repeating: 9, count: count)
        var north = [Double](repeating: 9, count: count)
        var valid = [Bool](repeating: false, count: count)
        lons.withUnsafeBufferPointer { lo in
          lats.withUnsafeBufferPointer { la in
            east.withUnsafeMutableBufferPointer { e in
              north.withUnsafeMutableBufferPointer { n in
                valid.withUnsafeMutableBufferPointer { v in
                  field.sample(
                    longitudes: lo, latitudes: la, time: t, east: e, north: n, valid: v)
                }
              }
            }
          }
        }
        var mismatches = 0
        for k in 0..<count {
          let one = field.sample(longitude: lons[k], latitude: lats[k], time: t)
          let same =
            one.map { valid[k] && $0.east == east[k] && $0.north == north[k] }
            ?? (!valid[k] && east[k] == 0 && north[k] == 0)
          if !same { mismatches += 1 }
        }
        #expect(mismatches == 0, "\(field.path) at \(time)")
        let validCount = valid.filter { $0 }.count
        #expect(validCount > 50 && validCount < count - 50, "\(validCount) valid of \(count)")
      }
    }
  }
}
