import Foundation

/// First and second moments of a (weighted) particle cloud: the centroid in degrees and the
/// population covariance of east and north metres on the tangent plane at the centroid.
struct CloudMoments {
  /// Tangent plane whose origin is the centroid.
  let plane: FirstOrderTangentPlane
  /// Number of particles included.
  let count: Int
  /// Population covariance, square metres.
  let varianceEast: Double
  let varianceNorth: Double
  let covarianceEastNorth: Double

  /// Moments of the particles whose status code passes `include` and whose position and weight
  /// are finite (weights must be positive to count); nil when none has positive total weight.
  init?(
    longitudesDegrees: UnsafeBufferPointer<Double>, latitudesDegrees: UnsafeBufferPointer<Double>,
    statusCodes: UnsafeBufferPointer<UInt8>, weights: UnsafeBufferPointer<Double>?,
    include: (UInt8) -> Bool
  ) {
    // First pass: the centroid, longitudes unwrapped around the first included particle.
    var reference: Double?
    var sumWeight = 0.0
    var sumLongitude = 0.0
    var sumLatitude = 0.0
    var count = 0
    for index in 0..<statusCodes.count where include(statusCodes[index]) {
      let longitude = longitudesDegrees[index]
      let latitude = latitudesDegrees[index]
      let weight = weights?[index] ?? 1
      guard longitude.isFinite, latitude.isFinite, weight.isFinite, weight > 0 else { continue }
      let origin = reference ?? longitude
      reference = origin
      let offset = FirstOrderTangentPlane.wrapped(longitude - origin)
      sumWeight += weight
      sumLongitude += weight * offset
      sumLatitude += weight * latitude
      count += 1
    }
    guard let reference, sumWeight > 0 else { return nil }
    var meanLongitude = reference + sumLongitude / sumWeight
    meanLongitude -= 360 * ((meanLongitude + 180) / 360).rounded(.down)
    let plane = FirstOrderTangentPlane(
      originLongitudeDegrees: meanLongitude, originLatitudeDegrees: sumLatitude / sumWeight)
    // Second pass: central second moments in metres.
    var sxx = 0.0
    var syy = 0.0
    var sxy = 0.0
    for index in 0..<statusCodes.count where include(statusCodes[index]) {
      let longitude = longitudesDegrees[index]
      let latitude = latitudesDegrees[index]
      let weight = weights?[index] ?? 1
      guard longitude.isFinite, latitude.isFinite, weight.isFinite, weight > 0 else { continue }
      let x = plane.east(longitude)
      let y = plane.north(latitude)
      sxx += weight * x * x
      syy += weight * y * y
      sxy += weight * x * y
    }
    self.plane = plane
    self.count = count
    varianceEast = sxx / sumWeight
    varianceNorth = syy / sumWeight
    covarianceEastNorth = sxy / sumWeight
  }

  /// The 1-sigma ellipse of the covariance: semi-axes in metres and the major axis' azimuth in
  /// degrees clockwise from north in [0, 180), 0 for an isotropic (or single-point) cloud, as
  /// ../docs/opendrift-leeway.md section 7 defines them.
  var ellipse: (semiMajor: Double, semiMinor: Double, azimuthDegrees: Double) {
    let halfTrace = (varianceEast + varianceNorth) / 2
    let halfDifference = (varianceEast - varianceNorth) / 2
    let radius = (halfDifference * halfDifference + covarianceEastNorth * covarianceEastNorth)
      .squareRoot()
    let major = max(halfTrace + radius, 0).squareRoot()
    let minor = max(halfTrace - radius, 0).squareRoot()
    // The major eigenvector (u east, v north) has azimuth atan2(u, v); doubling the angle gives
    // atan2(2 sxy, syy - sxx) (atan2(0, 0) = 0 for an isotropic cloud).
    var azimuth = 0.5 * atan2(2 * covarianceEastNorth, varianceNorth - varianceEast) * 180 / .pi
    if azimuth < 0 { azimuth += 180 }
    if azimuth >= 180 { azimuth -= 180 }
    return (major, minor, azimuth)
  }
}
