import Foundation

/// One row of the drift summary: status counts, the centroid of the active particles and their
/// 1-sigma covariance ellipse on the local tangent plane at that centroid.
///
/// Centroid: the (weighted) arithmetic mean of longitude and latitude (longitudes unwrapped around
/// the first active particle). Ellipse: the population covariance (divided by the total weight, or
/// by n when unweighted) of east and north metres on ``FirstOrderTangentPlane`` at the centroid; the
/// semi-axes are the square roots of its eigenvalues and the azimuth is that of the major axis,
/// clockwise from north, in [0, 180) (0 when the spread is isotropic). This is the definition of
/// section 7 of docs/opendrift-leeway.md, which the OpenDrift comparison scripts compute too.
/// Without active particles the centroid and ellipse are nil (empty CSV fields); one active
/// particle has the ellipse 0, 0, 0.
public struct EnsembleSummary: Sendable, Equatable {
  /// Output time.
  public var time: Date
  /// Hours from the start of the run to `time` (negative for backward runs).
  public var hour: Double
  public var activeCount: Int
  public var strandedCount: Int
  public var missingDataCount: Int
  /// Centroid of the active particles, degrees.
  public var meanLongitudeActiveDegrees: Double?
  public var meanLatitudeActiveDegrees: Double?
  /// 1-sigma semi-axes of the covariance ellipse, metres.
  public var semiMajor1SigmaMeters: Double?
  public var semiMinor1SigmaMeters: Double?
  /// Azimuth of the major axis, degrees clockwise from north in [0, 180).
  public var majorAxisAzimuthDegrees: Double?

  /// The summary of an ensemble at `time`. `statusCodes` are ``ParticleStatus`` raw values; codes
  /// that are not a status count as nothing. `weights`, when given, weight the centroid and the
  /// covariance (counts stay counts). All buffers must have the same length.
  public init(
    time: Date, startTime: Date, longitudesDegrees: UnsafeBufferPointer<Double>,
    latitudesDegrees: UnsafeBufferPointer<Double>, statusCodes: UnsafeBufferPointer<UInt8>,
    weights: UnsafeBufferPointer<Double>? = nil
  ) {
    precondition(
      longitudesDegrees.count == latitudesDegrees.count
        && statusCodes.count == longitudesDegrees.count
        && (weights?.count ?? statusCodes.count) == statusCodes.count,
      "EnsembleSummary: longitude, latitude, status and weight buffers differ in length")
    self.time = time
    hour = time.timeIntervalSince(startTime) / 3600
    var counts = (active: 0, stranded: 0, missing: 0)
    for code in statusCodes {
      switch code {
      case ParticleStatus.active.rawValue: counts.active += 1
      case ParticleStatus.stranded.rawValue: counts.stranded += 1
      case ParticleStatus.missingData.rawValue: counts.missing += 1
      default: break
      }
    }
    activeCount = counts.active
    strandedCount = counts.stranded
    missingDataCount = counts.missing
    let moments = CloudMoments(
      longitudesDegrees: longitudesDegrees, latitudesDegrees: latitudesDegrees,
      statusCodes: statusCodes, weights: weights,
      include: { $0 == ParticleStatus.active.rawValue })
    guard let moments else { return }
    meanLongitudeActiveDegrees = moments.plane.originLongitudeDegrees
    meanLatitudeActiveDegrees = moments.plane.originLatitudeDegrees
    let ellipse = moments.ellipse
    semiMajor1SigmaMeters = ellipse.semiMajor
    semiMinor1SigmaMeters = ellipse.semiMinor
    majorAxisAzimuthDegrees = ellipse.azimuthDegrees
  }

  /// The summary from arrays (copies nothing but the status codes).
  public init(
    time: Date, startTime: Date, longitudesDegrees: [Double], latitudesDegrees: [Double],
    status: [ParticleStatus], weights: [Double]? = nil
  ) {
    let codes = status.map(\.rawValue)
    self = longitudesDegrees.withUnsafeBufferPointer { longitudes in
      latitudesDegrees.withUnsafeBufferPointer { latitudes in
        codes.withUnsafeBufferPointer { codes in
          if let weights {
            return weights.withUnsafeBufferPointer { weights in
              EnsembleSummary(
                time: time, startTime: startTime, longitudesDegrees: longitudes,
                latitudesDegrees: latitudes, statusCodes: codes, weights: weights)
            }
          }
          return EnsembleSummary(
            time: time, startTime: startTime, longitudesDegrees: longitudes,
            latitudesDegrees: latitudes, statusCodes: codes, weights: nil)
        }
      }
    }
  }

  /// The CSV header, exactly the columns the issue fixes.
  public static let csvHeader =
    "hour,time,n_active,n_stranded,n_missing,mean_lon_active,mean_lat_active,"
    + "semi_major_1sigma_m,semi_minor_1sigma_m,major_axis_azimuth_deg"

  /// This row as CSV (no line terminator): hour (an integer for whole hours, else up to 6
  /// decimals), time in ISO 8601 UTC, degrees with 8 decimals, metres with 3, the azimuth with 4,
  /// trailing zeros dropped; nil as an empty field.
  public var csvLine: String {
    func number(_ value: Double?, _ decimals: Int) -> String {
      guard let value, value.isFinite else { return "" }
      return Self.fixed(value, decimals)
    }
    let fields: [String] = [
      number(hour, 6), time.formatted(.iso8601), String(activeCount), String(strandedCount),
      String(missingDataCount), number(meanLongitudeActiveDegrees, 8),
      number(meanLatitudeActiveDegrees, 8), number(semiMajor1SigmaMeters, 3),
      number(semiMinor1SigmaMeters, 3), number(majorAxisAzimuthDegrees, 4),
    ]
    return fields.joined(separator: ",")
  }

  /// `value` with at most `decimals` decimals, trailing zeros dropped ("1", "1.5", "-0.25").
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }
}
