/// Why a worksheet or an allocation could not be computed.
public enum PlanningError: Error, Equatable, CustomStringConvertible {
  /// A number is missing its meaning: not finite, negative, or zero where it must be positive.
  case invalidValue(field: String, value: Double, expected: String)
  /// Arrays that go together differ in length.
  case countMismatch(field: String, expected: Int, actual: Int)
  /// Nothing to plan with or for.
  case empty(String)

  public var description: String {
    switch self {
    case .invalidValue(let field, let value, let expected):
      "'\(field)' is \(value); expected \(expected)."
    case .countMismatch(let field, let expected, let actual):
      "'\(field)' has \(actual) values; expected \(expected)."
    case .empty(let what): "No \(what) to plan with."
    }
  }

  static func positive(_ field: String, _ v: Double) throws(PlanningError) {
    guard v > 0, v.isFinite else {
      throw .invalidValue(field: field, value: v, expected: "a positive number")
    }
  }
  static func nonNegative(_ field: String, _ v: Double) throws(PlanningError) {
    guard v >= 0, v.isFinite else {
      throw .invalidValue(field: field, value: v, expected: "a number >= 0")
    }
  }
}
