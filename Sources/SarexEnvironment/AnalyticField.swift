import Foundation

/// A field given by a formula: for tests with known answers (a particle in a solid-body eddy
/// stays on its circle; in a uniform shear it moves by an exactly integrable amount).
///
/// The closure receives longitude and latitude in degrees and time, and returns east and north
/// in m/s, or `nil` where the field has no value.
public struct AnalyticField: VectorField {
  public typealias Formula = @Sendable (Double, Double, Date) -> (east: Double, north: Double)?

  public let timeCoverage: ClosedRange<Date>?
  let formula: Formula

  public init(timeCoverage: ClosedRange<Date>? = nil, formula: @escaping Formula) {
    self.timeCoverage = timeCoverage
    self.formula = formula
  }

  public func sample(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>, time: Date,
    east: UnsafeMutableBufferPointer<Double>, north: UnsafeMutableBufferPointer<Double>,
    valid: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, east.count, north.count, valid.count)
    let inTime = timeCoverage?.contains(time) ?? true
    for k in 0..<n {
      let value = inTime ? formula(longitudes[k], latitudes[k], time) : nil
      east[k] = value?.east ?? 0
      north[k] = value?.north ?? 0
      valid[k] = value != nil
    }
  }

  /// Metres per degree of latitude on the sphere of radius 6,371 km used by these formulas.
  static let metresPerDegree = 6_371_000.0 * .pi / 180

  /// Solid-body rotation about a centre (degrees): speed = `angularSpeed` (rad/s, positive
  /// counter-clockwise) times the distance on the local tangent plane of the centre.
  public static func rotatingEddy(
    centreLongitude: Double, centreLatitude: Double, angularSpeed: Double
  ) -> AnalyticField {
    let cosLat = cos(centreLatitude * .pi / 180)
    return AnalyticField { lon, lat, _ in
      let x = (lon - centreLongitude) * metresPerDegree * cosLat
      let y = (lat - centreLatitude) * metresPerDegree
      return (-angularSpeed * y, angularSpeed * x)
    }
  }

  /// Eastward flow growing linearly northwards: east = `eastAtReference` + `shear` (1/s) times
  /// the northward distance (m) from `referenceLatitude`; north = 0.
  public static func uniformShear(
    eastAtReference: Double, shear: Double, referenceLatitude: Double
  ) -> AnalyticField {
    AnalyticField { _, lat, _ in
      (eastAtReference + shear * (lat - referenceLatitude) * metresPerDegree, 0)
    }
  }
}
