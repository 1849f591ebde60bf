import Foundation

/// A position on the WGS 84 ellipsoid.
///
/// Degrees are the interchange unit of positions (NetCDF, PROJ, GeoJSON, GPX all use them), so the
/// stored values carry the unit in their names; trigonometry converts to radians at the point of use.
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
  /// Longitude east of Greenwich, degrees.
  public var longitudeDegrees: Double
  /// Geodetic latitude, degrees north.
  public var latitudeDegrees: Double

  public init(longitudeDegrees: Double, latitudeDegrees: Double) {
    self.longitudeDegrees = longitudeDegrees
    self.latitudeDegrees = latitudeDegrees
  }

  /// Longitude in radians.
  public var longitude: Double { longitudeDegrees * .pi / 180 }
  /// Latitude in radians.
  public var latitude: Double { latitudeDegrees * .pi / 180 }

  public var description: String {
    String(
      format: "%.5f°%@ %.5f°%@", abs(latitudeDegrees), latitudeDegrees >= 0 ? "N" : "S",
      abs(longitudeDegrees), longitudeDegrees >= 0 ? "E" : "W")
  }
}
