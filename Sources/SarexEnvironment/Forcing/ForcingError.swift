import Foundation

/// Why a forcing file cannot serve as wind or current. Raised when the field is opened or
/// validated, before any drift runs; each message names the file and variable and says what
/// was expected.
public enum ForcingError: Error, CustomStringConvertible, Equatable {
  /// The file could not be read at all.
  case netCDF(NetCDFError)
  /// No pair of variables with the expected `standard_name`s.
  case noVectorComponents(path: String, kind: VectorFieldKind, expected: [String])
  /// A component variable has no `units` attribute.
  case missingUnits(path: String, variable: String)
  /// A component variable's units are not a speed Sarex understands.
  case unsupportedUnits(path: String, variable: String, units: String)
  /// No time coordinate for the variable.
  case noTimeCoordinate(path: String, variable: String)
  /// Time units that are not "<unit> since <date>".
  case badTimeUnits(path: String, variable: String, units: String)
  /// A calendar other than standard, gregorian or proleptic_gregorian.
  case unsupportedCalendar(path: String, variable: String, calendar: String)
  /// The file does not cover the requested time span.
  case timeNotCovered(path: String, requested: ClosedRange<Date>, available: ClosedRange<Date>)
  /// The horizontal grid could not be understood.
  case unsupportedGrid(path: String, variable: String, reason: String)
  /// The vertical level (10 m wind, surface current) could not be selected.
  case unsupportedLevel(path: String, variable: String, reason: String)
  /// PROJ rejected the grid mapping or failed to transform.
  case projection(path: String, definition: String, reason: String)

  public var description: String {
    switch self {
    case .netCDF(let error):
      return error.description
    case .noVectorComponents(let path, let kind, let expected):
      return
        "\(path) has no \(kind.rawValue) components: expected variables with standard_name "
        + expected.joined(separator: " or ") + "."
    case .missingUnits(let path, let variable):
      return
        "Variable '\(variable)' of \(path) has no units attribute; expected a speed such as m/s."
    case .unsupportedUnits(let path, let variable, let units):
      return "Variable '\(variable)' of \(path) has units '\(units)'; expected a speed such as m/s."
    case .noTimeCoordinate(let path, let variable):
      return "Variable '\(variable)' of \(path) has no time coordinate."
    case .badTimeUnits(let path, let variable, let units):
      return
        "Time variable '\(variable)' of \(path) has units '\(units)'; expected '<seconds|minutes|hours|days> since <date>'."
    case .unsupportedCalendar(let path, let variable, let calendar):
      return
        "Time variable '\(variable)' of \(path) uses calendar '\(calendar)'; expected standard, gregorian or proleptic_gregorian."
    case .timeNotCovered(let path, let requested, let available):
      let f = ISO8601DateFormatter()
      return
        "\(path) covers \(f.string(from: available.lowerBound)) to \(f.string(from: available.upperBound)), "
        + "not the requested \(f.string(from: requested.lowerBound)) to \(f.string(from: requested.upperBound))."
    case .unsupportedGrid(let path, let variable, let reason):
      return "Cannot use the grid of variable '\(variable)' of \(path): \(reason)."
    case .unsupportedLevel(let path, let variable, let reason):
      return "Cannot select the level of variable '\(variable)' of \(path): \(reason)."
    case .projection(let path, let definition, let reason):
      return "Cannot use the map projection '\(definition)' of \(path): \(reason)."
    }
  }
}
