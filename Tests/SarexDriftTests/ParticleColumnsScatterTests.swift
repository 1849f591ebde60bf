import Foundation
import Testing

@testable import SarexDrift

/// The drift scatters its reordered working copy back to seeded order at every output; the
/// crosswind slope is derived from the target's previous slope and the orientation flips (a
/// jibe negates one and flips the other), so check it against the working copy after rounds of
/// jibes, double jibes (no net change) and moves, on enough particles for the parallel parts.
@Test func scatterAfterJibesGivesTheWorkingCopysStateInSeededOrder() {
  let n = 40_000
  var random = OutputTestRandom(seed: 7)
  let seeded = ParticleColumns(count: n)
  for i in 0..<n {
    seeded.longitudeDegrees[i] = Double.random(in: -10..<10, using: &random)
    seeded.latitudeDegrees[i] = Double.random(in: 50..<70, using: &random)
    seeded.orientation[i] = UInt8.random(in: 0...1, using: &random)
    // Signed slopes of both rows, zero included (its negation is -0).
    seeded.crosswindSlope[i] =
      i % 97 == 0 ? 0 : Double.random(in: -0.05..<0.05, using: &random)
    seeded.status[i] = UInt8.random(in: 0...3, using: &random)
  }
  // The drift's working copy: reordered (a shuffled permutation), each particle keeping its id.
  var order = Array(0..<n)
  order.shuffle(using: &random)
  let work = ParticleColumns(count: n)
  order.withUnsafeBufferPointer { work.gather(from: seeded, order: $0.baseAddress!) }
  let slots = UnsafeMutablePointer<Int>.allocate(capacity: n)
  defer { slots.deallocate() }
  work.seededSlots(into: slots)
  let target = seeded.copy()
  for round in 0..<4 {
    for i in 0..<n {
      // 0, 1 or 2 jibes since the last output, as `LeewayKernel.jibe` does them.
      for _ in 0..<Int.random(in: 0...2, using: &random) {
        work.crosswindSlope[i] = -work.crosswindSlope[i]
        work.orientation[i] = 1 &- work.orientation[i]
      }
      work.longitudeDegrees[i] += Double.random(in: -0.01..<0.01, using: &random)
      work.latitudeDegrees[i] += Double.random(in: -0.01..<0.01, using: &random)
      work.previousLongitudeDegrees[i] = Double(round) + Double(i)
      if i % 13 == round { work.status[i] = 1 }
    }
    work.scatterDriftState(into: target, slots: slots, previousPositions: round == 3)
    var mismatches = 0
    for j in 0..<n {
      let i = slots[j]
      #expect(work.id[i] == j)
      if target.crosswindSlope[j].bitPattern != work.crosswindSlope[i].bitPattern
        || target.orientation[j] != work.orientation[i]
        || target.longitudeDegrees[j] != work.longitudeDegrees[i]
        || target.latitudeDegrees[j] != work.latitudeDegrees[i]
        || target.status[j] != work.status[i]
      {
        mismatches += 1
      }
      if round == 3 && target.previousLongitudeDegrees[j] != work.previousLongitudeDegrees[i] {
        mismatches += 1
      }
    }
    #expect(mismatches == 0, "round \(round)")
  }
}
