import Foundation

/// The seam for "is this position on land?". Particles that reach land are stranded.
public protocol LandMask: Sendable {
  /// True when the position (degrees, WGS 84) is on land.
  func isLand(longitude: Double, latitude: Double) -> Bool

  /// Answers `isLand` for many positions at once: `result[k]` for `longitudes[k]`,
  /// `latitudes[k]` (degrees). All three buffers have the same count. The drift step calls this
  /// once per block of particles, so an implementation pays its dispatch once, not per particle.
  func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    result: UnsafeMutableBufferPointer<Bool>)
}

extension LandMask {
  /// One `isLand(longitude:latitude:)` call per position.
  public func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    result: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, result.count)
    for k in 0..<n { result[k] = isLand(longitude: longitudes[k], latitude: latitudes[k]) }
  }
}

/// A world without land: for open-ocean tests and analytic cases.
public struct NoLand: LandMask {
  public init() {}
  public func isLand(longitude: Double, latitude: Double) -> Bool { false }

  public func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    result: UnsafeMutableBufferPointer<Bool>
  ) {
    if let base = result.baseAddress { base.update(repeating: false, count: result.count) }
  }
}
