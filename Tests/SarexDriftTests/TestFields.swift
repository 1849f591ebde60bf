import Foundation
import SarexEnvironment

/// A test-local vector field: a closure of (longitude, latitude, seconds since 1970), optional
/// spatial and time limits outside which it answers "no data".
struct TestField: VectorField {
  var timeCoverage: ClosedRange<Date>?
  var validLongitudes: ClosedRange<Double> = -180...180
  var validLatitudes: ClosedRange<Double> = -90...90
  var value: @Sendable (Double, Double, Double) -> (Double, Double)

  init(
    timeCoverage: ClosedRange<Date>? = nil, validLongitudes: ClosedRange<Double> = -180...180,
    validLatitudes: ClosedRange<Double> = -90...90,
    value: @escaping @Sendable (Double, Double, Double) -> (Double, Double)
  ) {
    self.timeCoverage = timeCoverage
    self.validLongitudes = validLongitudes
    self.validLatitudes = validLatitudes
    self.value = value
  }

  /// The same vector everywhere and always.
  static func constant(east: Double, north: Double) -> TestField {
    TestField { _, _, _ in (east, north) }
  }

  func sample(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>, time: Date,
    east: UnsafeMutableBufferPointer<Double>, north: UnsafeMutableBufferPointer<Double>,
    valid: UnsafeMutableBufferPointer<Bool>
  ) {
    let t = time.timeIntervalSince1970
    let inTime = timeCoverage.map { $0.contains(time) } ?? true
    for i in 0..<longitudes.count {
      if inTime && validLongitudes.contains(longitudes[i]) && validLatitudes.contains(latitudes[i])
      {
        let (e, n) = value(longitudes[i], latitudes[i], t)
        east[i] = e
        north[i] = n
        valid[i] = true
      } else {
        east[i] = 0
        north[i] = 0
        valid[i] = false
      }
    }
  }
}

/// Land north of a latitude.
struct LandNorthOf: LandMask {
  var latitudeDegrees: Double
  func isLand(longitude: Double, latitude: Double) -> Bool { latitude >= latitudeDegrees }
}

let testStart = Date(timeIntervalSince1970: 1_447_632_000)  // 2015-11-16T00:00:00Z
