import Foundation

/// The local tangent plane at a point of the WGS 84 ellipsoid, to the first order: east and north
/// metres from degrees through the meridional radius M and the prime-vertical radius N at the
/// origin's latitude,
///
///     x = (lon - lon0) * cos(lat0) * N(lat0) * pi / 180,  y = (lat - lat0) * M(lat0) * pi / 180.
///
/// This is the plane the summary ellipse and the containment areas live on. Longitude differences
/// are wrapped into [-180, 180) so clouds across the antimeridian stay in one piece.
public struct FirstOrderTangentPlane: Sendable, Equatable {
  /// WGS 84 semi-major axis, metres.
  public static let semiMajorAxisMeters = 6_378_137.0
  /// WGS 84 first eccentricity squared, e^2 = f (2 - f) with f = 1 / 298.257223563.
  public static let eccentricitySquared: Double = {
    let flattening = 1 / 298.257_223_563
    return flattening * (2 - flattening)
  }()

  /// Origin longitude, degrees east.
  public let originLongitudeDegrees: Double
  /// Origin latitude, degrees north.
  public let originLatitudeDegrees: Double
  /// Metres east per degree of longitude at the origin.
  public let metersPerDegreeEast: Double
  /// Metres north per degree of latitude at the origin.
  public let metersPerDegreeNorth: Double

  public init(originLongitudeDegrees: Double, originLatitudeDegrees: Double) {
    self.originLongitudeDegrees = originLongitudeDegrees
    self.originLatitudeDegrees = originLatitudeDegrees
    let latitude = originLatitudeDegrees * .pi / 180
    let sine = sin(latitude)
    let w2 = 1 - Self.eccentricitySquared * sine * sine
    let primeVertical = Self.semiMajorAxisMeters / w2.squareRoot()
    let meridional =
      Self.semiMajorAxisMeters * (1 - Self.eccentricitySquared) / (w2 * w2.squareRoot())
    metersPerDegreeEast = cos(latitude) * primeVertical * .pi / 180
    metersPerDegreeNorth = meridional * .pi / 180
  }

  /// Longitude difference from the origin wrapped into [-180, 180), degrees.
  @inline(__always)
  public func longitudeOffsetDegrees(_ longitudeDegrees: Double) -> Double {
    Self.wrapped(longitudeDegrees - originLongitudeDegrees)
  }

  /// `degrees` wrapped into [-180, 180). Differences already in that range (nearly all: a cloud
  /// is far smaller than a hemisphere) come back unchanged without the division, which is what
  /// the general formula gives them too (its whole turns are then 0).
  @inline(__always)
  static func wrapped(_ degrees: Double) -> Double {
    if degrees >= -180 && degrees < 180 { return degrees }
    return degrees - 360 * ((degrees + 180) / 360).rounded(.down)
  }

  /// East metres of a longitude.
  @inline(__always)
  public func east(_ longitudeDegrees: Double) -> Double {
    longitudeOffsetDegrees(longitudeDegrees) * metersPerDegreeEast
  }

  /// North metres of a latitude.
  @inline(__always)
  public func north(_ latitudeDegrees: Double) -> Double {
    (latitudeDegrees - originLatitudeDegrees) * metersPerDegreeNorth
  }

  /// Longitude of an east offset in metres, degrees in [-180, 180).
  public func longitudeDegrees(east: Double) -> Double {
    let longitude = originLongitudeDegrees + east / metersPerDegreeEast
    return longitude - 360 * ((longitude + 180) / 360).rounded(.down)
  }

  /// Latitude of a north offset in metres, degrees.
  public func latitudeDegrees(north: Double) -> Double {
    originLatitudeDegrees + north / metersPerDegreeNorth
  }
}
