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
        let (east, north, valid) = Self.sampleBatch(field, Array(zip(lons, lats)), t)
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

  /// Consecutive particles in one lookup-table cell (and one grid cell) take the sampler's run
  /// paths (table floats broadcast, grid nodes loaded once for eight particles); the same
  /// particles interleaved with distant ones take the general paths: the bits must agree.
  @Test func runsOfParticlesInOneCellGiveTheBitsOfTheGeneralPath() throws {
    var generator = SplitMix(seed: 5)
    var cluster: [(Double, Double)] = []
    // Eight within a few metres (one table cell, one grid cell), eight spread over one table
    // cell of 0.02 degrees (several 800 m grid cells), then eight scattered, then three.
    for _ in 0..<8 {
      cluster.append((4.0101 + 1e-5 * generator.unit(), 60.2101 + 1e-5 * generator.unit()))
    }
    for _ in 0..<8 {
      cluster.append((4.0201 + 0.0198 * generator.unit(), 60.2201 + 0.0198 * generator.unit()))
    }
    for _ in 0..<11 {
      cluster.append((3 + 3 * generator.unit(), 59.5 + 2 * generator.unit()))
    }
    var interleaved: [(Double, Double)] = []
    for point in cluster {
      interleaved.append(point)
      interleaved.append((2 + 6 * generator.unit(), 58.5 + 4 * generator.unit()))
    }
    for field in [
      try GriddedVectorFieldTests.wind.get(), try GriddedVectorFieldTests.current.get(),
    ] {
      guard case .table(let table) = field.locator else {
        Issue.record("\(field.path) should use a lookup table")
        continue
      }
      let cellOf = { (p: (Double, Double)) in table.cell(longitude: p.0, latitude: p.1).index }
      #expect(Set(cluster[0..<8].map(cellOf)).count == 1)
      #expect(Set(cluster[8..<16].map(cellOf)).count == 1)
      for time in ["2015-11-16T06:20:00Z", "2015-11-17T00:00:00Z"] {
        let t = ForcingTestData.date(time)
        let runs = Self.sampleBatch(field, cluster, t)
        let general = Self.sampleBatch(field, interleaved, t)
        var mismatches = 0
        for k in cluster.indices {
          let g = (general.east[2 * k], general.north[2 * k], general.valid[2 * k])
          if runs.east[k].bitPattern != g.0.bitPattern || runs.north[k].bitPattern != g.1.bitPattern
            || runs.valid[k] != g.2
          {
            mismatches += 1
          }
          let one = field.sample(longitude: cluster[k].0, latitude: cluster[k].1, time: t)
          if one.map({ $0.east != runs.east[k] || $0.north != runs.north[k] }) ?? runs.valid[k] {
            mismatches += 1
          }
        }
        #expect(mismatches == 0, "\(field.path) at \(time)")
        #expect(runs.valid[0..<16].allSatisfy { $0 }, "\(field.path): the runs are at sea")
      }
    }
  }

  static func sampleBatch(_ field: GriddedVectorField, _ points: [(Double, Double)], _ t: Date)
    -> (east: [Double], north: [Double], valid: [Bool])
  {
    let lons = points.map(\.0)
    let lats = points.map(\.1)
    var east = [Double](repeating: 9, count: points.count)
    var north = [Double](repeating: 9, count: points.count)
    var valid = [Bool](repeating: false, count: points.count)
    lons.withUnsafeBufferPointer { lo in
      lats.withUnsafeBufferPointer { la in
        east.withUnsafeMutableBufferPointer { e in
          north.withUnsafeMutableBufferPointer { n in
            valid.withUnsafeMutableBufferPointer { v in
              field.sample(longitudes: lo, latitudes: la, time: t, east: e, north: n, valid: v)
            }
          }
        }
      }
    }
    return (east, north, valid)
  }
}
