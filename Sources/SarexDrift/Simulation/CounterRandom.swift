import Foundation

/// Counter-based random numbers: every draw is a pure function of (seed, particle, stream,
/// counter), so a run gives the same numbers whatever the number of threads or the order in
/// which particles are visited.
///
/// The mixing function is the SplitMix64 finaliser (Steele, Lea and Flood 2014) applied to the
/// combined key twice; it passes the usual statistical batteries for this use and vectorises.
public struct CounterRandom: Sendable, Hashable {
  /// The run's seed.
  public let seed: UInt64

  public init(seed: UInt64) { self.seed = seed }

  /// Independent streams: one purpose each, so that adding draws for one purpose never shifts
  /// the numbers of another.
  public enum Stream: UInt64, Sendable {
    case seedingEast = 1
    case seedingNorth = 2
    case seedingAzimuth = 3
    case seedingDistance = 4
    case downwindPerturbation = 5
    case crosswindPerturbation = 6
    case jibe = 7
    case polygonEast = 8
    case polygonNorth = 9
  }

  @inline(__always)
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }

  /// `mix` on eight values at once (the same bits per lane).
  @inline(__always)
  static func mix(_ value: SIMD8<UInt64>) -> SIMD8<UInt64> {
    var z = value
    z = (z ^ (z &>> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z &>> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z &>> 31)
  }

  /// 64 random bits for this particle, stream and counter.
  @inline(__always)
  public func bits(particle: Int, stream: Stream, counter: UInt64 = 0) -> UInt64 {
    let p = UInt64(truncatingIfNeeded: particle)
    let a = CounterRandom.mix(seed &+ p &* 0x9e37_79b9_7f4a_7c15)
    let b = stream.rawValue &* 0xd1b5_4a32_d192_ed03 &+ counter &* 0x8cb9_2ba7_2f3d_8dd7
    return CounterRandom.mix(a ^ CounterRandom.mix(b))
  }

  /// The draws of one stream and counter for many particles: `bits(particle:stream:counter:)`
  /// with the particle-independent half of the key mixed once.
  public struct Draws: Sendable {
    let seed: UInt64
    let mixedKey: UInt64

    /// `bits(particle:stream:counter:) >> 11`: the 53 bits `uniform` scales to [0, 1).
    @inline(__always)
    public func bits53(particle: Int) -> UInt64 {
      bits53(particleKey: CounterRandom.particleKey(seed: seed, particle: particle))
    }

    /// `bits53(particle:)` from the particle's key (`CounterRandom.particleKey(_:)`), which
    /// depends on the seed and the particle only: a run mixes it once, not at every draw.
    @inline(__always)
    public func bits53(particleKey: UInt64) -> UInt64 {
      CounterRandom.mix(particleKey ^ mixedKey) >> 11
    }
  }

  /// The particle's half of the key of `bits(particle:stream:counter:)`, the same for every
  /// stream and counter.
  @inline(__always)
  public func particleKey(_ particle: Int) -> UInt64 {
    Self.particleKey(seed: seed, particle: particle)
  }

  @inline(__always)
  static func particleKey(seed: UInt64, particle: Int) -> UInt64 {
    mix(seed &+ UInt64(truncatingIfNeeded: particle) &* 0x9e37_79b9_7f4a_7c15)
  }

  /// The draws of `stream` at `counter`.
  @inline(__always)
  public func draws(stream: Stream, counter: UInt64 = 0) -> Draws {
    Draws(
      seed: seed,
      mixedKey: CounterRandom.mix(
        stream.rawValue &* 0xd1b5_4a32_d192_ed03 &+ counter &* 0x8cb9_2ba7_2f3d_8dd7))
  }

  /// The integer `t` with `uniform(...) < probability` exactly when `bits53 < t`:
  /// `ceil(probability * 2^53)`, clamped to 0 ... 2^53 (NaN: 0, never).
  public static func uniformThreshold(_ probability: Double) -> UInt64 {
    let scaled = (probability * 0x1p53).rounded(.up)
    guard scaled > 0 else { return 0 }
    return scaled >= 0x1p53 ? 1 << 53 : UInt64(scaled)
  }

  /// A uniform number in [0, 1) with 53 random bits.
  @inline(__always)
  public func uniform(particle: Int, stream: Stream, counter: UInt64 = 0) -> Double {
    Double(bits(particle: particle, stream: stream, counter: counter) >> 11) * 0x1p-53
  }

  /// A standard normal number N(0, 1) by the Box-Muller transform of two uniforms.
  public func gaussian(particle: Int, stream: Stream, counter: UInt64 = 0) -> Double {
    // (0, 1]: never log(0).
    let u1 =
      Double((bits(particle: particle, stream: stream, counter: 2 &* counter) >> 11) &+ 1)
      * 0x1p-53
    let u2 = uniform(particle: particle, stream: stream, counter: 2 &* counter &+ 1)
    return (-2 * _log(u1)).squareRoot() * _cos(2 * .pi * u2)
  }
}

@inline(__always) private func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) private func _cos(_ x: Double) -> Double { Foundation.cos(x) }
