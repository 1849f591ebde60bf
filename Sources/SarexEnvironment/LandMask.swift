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

  /// As the batch `isLand`, but positions whose `skip[k]` is not 0 are not tested (their
  /// `result[k]` is false): the drift passes its status column (0 is active), so stranded
  /// particles, which sit on the coastline where the test costs most, are not looked up.
  func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    skipping skip: UnsafeBufferPointer<UInt8>, result: UnsafeMutableBufferPointer<Bool>)
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

  /// One `isLand(longitude:latitude:)` call per position not skipped.
  public func isLand(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>,
    skipping skip: UnsafeBufferPointer<UInt8>, result: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, skip.count, result.count)
    for k in 0..<n {
      result[k] = skip[k] == 0 && isLand(longitude: longitudes[k], latitude: latitudes[k])
    }
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
