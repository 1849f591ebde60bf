/// Why a particle view, a probability map or a Bayesian update could not be built.
public enum ProbabilityError: Error, Equatable, CustomStringConvertible {
  /// No particles at all, or none with positive weight.
  case emptyEnsemble
  /// An array of the particle view has the wrong number of elements.
  case countMismatch(field: String, expected: Int, actual: Int)
  /// A value is not finite or outside its range.
  case invalidValue(field: String, index: Int, value: Double, expected: String)
  /// A cell size or other parameter is not usable.
  case invalidParameter(name: String, value: Double, expected: String)

  public var description: String {
    switch self {
    case .emptyEnsemble:
      "The particle ensemble is empty (no particles, or all weights are zero): nothing to plan for."
    case .countMismatch(let field, let expected, let actual):
      "Particle field '\(field)' has \(actual) values; expected \(expected), one per particle."
    case .invalidValue(let field, let index, let value, let expected):
      "Particle field '\(field)' at index \(index) is \(value); expected \(expected)."
    case .invalidParameter(let name, let value, let expected):
      "Parameter '\(name)' is \(value); expected \(expected)."
    }
  }
}
