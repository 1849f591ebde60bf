import Foundation

/// Why a drift could not be seeded or run.
public enum DriftError: Error, Equatable, CustomStringConvertible {
  /// A configuration value is out of range; `field` names it.
  case invalidConfiguration(field: String, value: String, expected: String)
  /// A seeding scenario is invalid; `scenario` names it.
  case invalidScenario(scenario: String, field: String, expected: String)
  /// An explicit particle state has columns of different lengths or bad values.
  case invalidState(field: String, expected: String)
  /// A forcing field does not cover the simulated time span.
  case forcingTimeCoverage(field: String, needed: String, available: String)

  public var description: String {
    switch self {
    case .invalidConfiguration(let field, let value, let expected):
      "Drift setting \(field) = \(value) is invalid: expected \(expected)."
    case .invalidScenario(let scenario, let field, let expected):
      "Seeding scenario '\(scenario)': \(field) must be \(expected)."
    case .invalidState(let field, let expected):
      "Particle state \(field): expected \(expected)."
    case .forcingTimeCoverage(let field, let needed, let available):
      "The \(field) forcing covers \(available) but the drift needs \(needed): choose a start time and duration inside the forcing, or other forcing files."
    }
  }
}
