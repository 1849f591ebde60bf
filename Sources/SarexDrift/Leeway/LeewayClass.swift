/// The drift properties of one search-object class: the linear leeway model of Allen and Plourde
/// (1999), as tabulated for operational use (Breivik and Allen 2008).
///
/// A leeway component is `L = slope * U10 + offset`, with `U10` the 10 m wind speed in m/s, plus a
/// per-object random perturbation whose standard deviation is `std`. Downwind leeway points along
/// the wind; crosswind leeway is split into objects that drift to one side (`crosswindPositive`)
/// and to the other (`crosswindNegative`) of downwind.
///
/// All stored values are SI: slopes are fractions (the table's percent / 100), offsets and
/// standard deviations are m/s (the table's cm/s / 100).
public struct LeewayClass: Hashable, Sendable, CustomStringConvertible {
  /// The table's short code, e.g. `PIW-1`; custom classes choose their own.
  public var code: String
  /// The table's 1-based class number (OpenDrift's `object_type`); 0 for custom classes.
  public var number: Int
  /// Human-readable description from the table.
  public var description: String
  /// Downwind leeway coefficients.
  public var downwind: LeewayCoefficients
  /// Crosswind leeway of objects with positive crosswind slope (OpenDrift's `CWR*`, orientation 0).
  public var crosswindPositive: LeewayCoefficients
  /// Crosswind leeway of objects with negative crosswind slope (OpenDrift's `CWL*`, orientation 1).
  public var crosswindNegative: LeewayCoefficients

  public init(
    code: String, number: Int = 0, description: String, downwind: LeewayCoefficients,
    crosswindPositive: LeewayCoefficients, crosswindNegative: LeewayCoefficients
  ) {
    self.code = code
    self.number = number
    self.description = description
    self.downwind = downwind
    self.crosswindPositive = crosswindPositive
    self.crosswindNegative = crosswindNegative
  }
}

/// One leeway component's linear model `L = slope * U10 + offset`, with residual standard
/// deviation `std`.
public struct LeewayCoefficients: Hashable, Sendable {
  /// Dimensionless slope (fraction of the 10 m wind speed; the table's percent / 100).
  public var slope: Double
  /// Offset in m/s (the table's cm/s / 100).
  public var offset: Double
  /// Standard deviation of the residual in m/s (the table's cm/s / 100).
  public var std: Double

  /// Coefficients in SI units.
  public init(slope: Double, offset: Double, std: Double) {
    self.slope = slope
    self.offset = offset
    self.std = std
  }

  /// Coefficients in the units of the published tables: percent and cm/s.
  public init(slopePercent: Double, offsetCmPerS: Double, stdCmPerS: Double) {
    self.init(slope: slopePercent / 100, offset: offsetCmPerS / 100, std: stdCmPerS / 100)
  }

  /// Slope in percent of the 10 m wind speed, as tabulated.
  public var slopePercent: Double { slope * 100 }
  /// Offset in cm/s, as tabulated.
  public var offsetCmPerS: Double { offset * 100 }
  /// Standard deviation in cm/s, as tabulated.
  public var stdCmPerS: Double { std * 100 }
}
