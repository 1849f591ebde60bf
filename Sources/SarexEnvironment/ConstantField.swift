import Foundation

/// The same vector everywhere and always (m/s east and north): for tests, benchmarks and
/// "constant forcing" runs compared with OpenDrift's `reader_constant`.
public struct ConstantField: VectorField {
  public let east: Double
  public let north: Double
  /// `nil`: valid at all times.
  public let timeCoverage: ClosedRange<Date>?

  public init(east: Double, north: Double, timeCoverage: ClosedRange<Date>? = nil) {
    self.east = east
    self.north = north
    self.timeCoverage = timeCoverage
  }

  public func sample(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>, time: Date,
    east: UnsafeMutableBufferPointer<Double>, north: UnsafeMutableBufferPointer<Double>,
    valid: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, east.count, north.count, valid.count)
    let ok = timeCoverage?.contains(time) ?? true
    for k in 0..<n {
      east[k] = ok ? self.east : 0
      north[k] = ok ? self.north : 0
      valid[k] = ok
    }
  }
}
