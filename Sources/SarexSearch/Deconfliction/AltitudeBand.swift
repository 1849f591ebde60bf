import Foundation

/// A block of altitudes an area is assigned, metres above mean sea level; surface units use
/// `.surface`. Bands are closed intervals, so bands that touch (one's top is the other's bottom)
/// count as overlapping: the conservative reading.
public struct AltitudeBand: Hashable, Sendable, Codable {
  /// Lowest altitude, metres.
  public var lower: Double
  /// Highest altitude, metres.
  public var upper: Double

  public init(lower: Double, upper: Double) {
    self.lower = lower
    self.upper = upper
  }

  /// One altitude, metres.
  public init(altitude: Double) { self.init(lower: altitude, upper: altitude) }

  /// A band given in feet (0.3048 m each), as aviation assigns them.
  public init(lowerFeet: Double, upperFeet: Double) {
    self.init(lower: lowerFeet * 0.3048, upper: upperFeet * 0.3048)
  }

  /// Sea level: ships and boats.
  public static let surface = AltitudeBand(lower: 0, upper: 0)

  public var isValid: Bool { lower.isFinite && upper.isFinite && lower <= upper }

  public func overlaps(_ other: AltitudeBand) -> Bool {
    max(lower, other.lower) <= min(upper, other.upper)
  }
}

/// Vertical separation between aircraft searching adjacent areas: 500 ft (IAMSAR Manual Vol II,
/// chapter 5, aircraft safety in adjacent search areas), in metres.
public let adjacentAreaVerticalSeparation = 500 * 0.3048
