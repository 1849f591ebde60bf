import Foundation

/// Why a search pattern could not be laid out; the text names the field and what was expected.
public enum SearchPatternError: Error, CustomStringConvertible, Equatable, Sendable {
  /// A length, speed or count that must be positive and finite was not.
  case notPositive(field: String, value: Double)
  /// An angle or velocity that must be a finite number was not.
  case notFinite(field: String)
  /// The rectangle is no longer than one track spacing in the direction of the legs.
  case areaTooSmall(field: String, size: Double, trackSpacing: Double)
  /// A track line needs at least two distinct points.
  case trackTooShort(points: Int)
  /// A pattern point fell so far from its local plane's origin that it has no surface position.
  case tooLarge(pattern: PatternKind)

  public var description: String {
    switch self {
    case .notPositive(let field, let value):
      "search pattern: \(field) must be a positive finite number, got \(value)"
    case .notFinite(let field):
      "search pattern: \(field) must be a finite number"
    case .areaTooSmall(let field, let size, let trackSpacing):
      "search pattern: the area's \(field) (\(size) m) must exceed one track spacing "
        + "(\(trackSpacing) m) for the legs to fit half a spacing inside each side"
    case .trackTooShort(let points):
      "track line search: the intended track needs at least two distinct points, got \(points)"
    case .tooLarge(let pattern):
      "search pattern \(pattern.code): a waypoint lies thousands of kilometres from the area's "
        + "centre; split the area"
    }
  }

  static func requireFinite(_ value: Double, _ field: String) throws(SearchPatternError) {
    guard value.isFinite else { throw .notFinite(field: field) }
  }

  static func requirePositive(_ value: Double, _ field: String) throws(SearchPatternError) {
    guard value.isFinite, value > 0 else { throw .notPositive(field: field, value: value) }
  }
}
