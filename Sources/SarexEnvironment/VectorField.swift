import Foundation

/// Which physical field a `VectorField` answers for.
public enum VectorFieldKind: String, Sendable, CaseIterable {
  /// Wind at 10 m above the sea surface.
  case wind10m = "wind"
  /// Ocean surface current.
  case surfaceCurrent = "current"
}

/// The seam between forcing sources and the drift models: anything that can answer
/// "what is the wind (or current) here, now?".
///
/// Components are east and north in m/s on WGS 84. Sampling works on batches of positions so
/// that gridded implementations can keep their lookups in tight loops; a drift step calls it once
/// per chunk of particles, never once per particle.
public protocol VectorField: Sendable {
  /// The time span the field can answer for; `nil` when it answers for all times.
  var timeCoverage: ClosedRange<Date>? { get }

  /// Samples the field at `longitudes[i]`, `latitudes[i]` (degrees) at `time`.
  ///
  /// Writes east and north components (m/s) into `east` and `north`. Where the field has no
  /// answer (outside the grid or its time span) it writes 0 to both and `false` to `valid[i]`;
  /// otherwise `true`. All buffers have the same count.
  func sample(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>, time: Date,
    east: UnsafeMutableBufferPointer<Double>, north: UnsafeMutableBufferPointer<Double>,
    valid: UnsafeMutableBufferPointer<Bool>)
}

extension VectorField {
  /// Samples one position; a convenience for tests and reports, not for hot loops.
  public func sample(longitude: Double, latitude: Double, time: Date) -> (
    east: Double, north: Double
  )? {
    var lon = longitude
    var lat = latitude
    var e = 0.0
    var n = 0.0
    var ok = false
    withUnsafePointer(to: &lon) { lonP in
      withUnsafePointer(to: &lat) { latP in
        withUnsafeMutablePointer(to: &e) { eP in
          withUnsafeMutablePointer(to: &n) { nP in
            withUnsafeMutablePointer(to: &ok) { okP in
              sample(
                longitudes: UnsafeBufferPointer(start: lonP, count: 1),
                latitudes: UnsafeBufferPointer(start: latP, count: 1), time: time,
                east: UnsafeMutableBufferPointer(start: eP, count: 1),
                north: UnsafeMutableBufferPointer(start: nP, count: 1),
                valid: UnsafeMutableBufferPointer(start: okP, count: 1))
            }
          }
        }
      }
    }
    return ok ? (e, n) : nil
  }
}
