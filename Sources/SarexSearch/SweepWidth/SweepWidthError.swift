/// Why a sweep width could not be looked up or a table could not be read.
public enum SweepWidthError: Error, Equatable, CustomStringConvertible {
  /// A data file is missing or malformed.
  case badFile(file: String, line: Int, reason: String)
  /// The search object is not a row of the tables.
  case unknownObject(String)
  /// A Leeway class has no visual sweep width row.
  case unmappedLeewayClass(String)
  /// A value falls outside the tabulated range (no extrapolation).
  case outsideTable(quantity: String, value: Double, range: ClosedRange<Double>, table: String)
  /// A value is not usable at all (negative, not finite).
  case invalidValue(quantity: String, value: Double)

  public var description: String {
    switch self {
    case .badFile(let file, let line, let reason): "\(file), line \(line): \(reason)"
    case .unknownObject(let code):
      "Search object '\(code)' is not in the sweep width tables (see search-objects.csv)."
    case .unmappedLeewayClass(let code):
      "Leeway class '\(code)' has no visual sweep width category; map it to a table object (leeway-sweep-width-objects.csv)."
    case .outsideTable(let quantity, let value, let range, let table):
      "\(quantity) \(value) is outside the \(table) table, which covers \(range.lowerBound) to \(range.upperBound); no sweep width is published there."
    case .invalidValue(let quantity, let value): "\(quantity) \(value) is not a valid value."
    }
  }
}
