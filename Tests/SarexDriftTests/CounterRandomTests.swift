import Foundation
import Testing

@testable import SarexDrift

/// The jibe pass compares 53-bit integers against a threshold instead of uniforms against the
/// probability; both must decide every draw the same way.
@Test func streamDrawsAreTheBitsOfTheCounterGenerator() {
  let random = CounterRandom(seed: 12345)
  for counter in [UInt64(0), 1, 395, 1 << 40] {
    let draws = random.draws(stream: .jibe, counter: counter)
    for particle in [0, 1, 2, 99_999, 1 << 33] {
      #expect(
        draws.bits53(particle: particle)
          == random.bits(particle: particle, stream: .jibe, counter: counter) >> 11)
      #expect(
        draws.bits53(particleKey: random.particleKey(particle))
          == draws.bits53(particle: particle))
    }
  }
}

@Test func integerThresholdDecidesExactlyAsTheUniformComparison() {
  let probabilities: [Double] = [
    0, 1, 0.5, 0.3, 1e-300, 0x1p-53, 0x1p-54, 1.0.nextDown, 0.5.nextUp, 0.5.nextDown,
    DriftConfiguration(start: .init(timeIntervalSince1970: 0), duration: 3600)
      .jibeProbabilityPerStep,
  ]
  for p in probabilities {
    let threshold = CounterRandom.uniformThreshold(p)
    let centre = UInt64(min(p * 0x1p53, 0x1p53 - 3).rounded(.down))
    var candidates: [UInt64] = [0, 1, (1 << 53) - 1]
    for d in 0..<6 where centre + 2 >= UInt64(d) { candidates.append(centre + 2 - UInt64(d)) }
    for x in candidates where x < 1 << 53 {
      #expect((Double(x) * 0x1p-53 < p) == (x < threshold), "p \(p), x \(x)")
    }
  }
  let random = CounterRandom(seed: 1)
  let p = 0.3
  let threshold = CounterRandom.uniformThreshold(p)
  let draws = random.draws(stream: .jibe, counter: 7)
  for particle in 0..<10_000 {
    #expect(
      (random.uniform(particle: particle, stream: .jibe, counter: 7) < p)
        == (draws.bits53(particle: particle) < threshold))
  }
}

/// The jibe pass mixes eight keys at once: each lane must be the scalar mix of its key.
@Test func eightLaneMixEqualsTheScalarMixPerLane() {
  let random = CounterRandom(seed: 77)
  let keys = SIMD8<UInt64>((0..<8).map { random.particleKey($0 * 1_000_003) })
  let mixed = CounterRandom.mix(keys)
  for l in 0..<8 { #expect(mixed[l] == CounterRandom.mix(keys[l])) }
  #expect(Set((0..<8).map { mixed[$0] }).count == 8)
}
