/// Why a Leeway class table could not be read or a class could not be found.
public enum LeewayCatalogueError: Error, Equatable, CustomStringConvertible {
  /// The table resource or file could not be read at all.
  case unreadable(source: String, reason: String)
  /// The header row is not the expected list of columns.
  case badHeader(source: String, line: Int, expected: String, found: String)
  /// A data row has the wrong number of fields.
  case wrongFieldCount(source: String, line: Int, expected: Int, found: Int)
  /// A field could not be parsed as what its column holds.
  case badField(source: String, line: Int, field: String, value: String, expected: String)
  /// A quoted field is not closed on its line.
  case unterminatedQuote(source: String, line: Int)
  /// Two rows share a code or a number.
  case duplicate(source: String, line: Int, field: String, value: String)
  /// No class has this code or number.
  case unknownClass(String)

  public var description: String {
    switch self {
    case .unreadable(let source, let reason):
      "Cannot read the Leeway class table \(source): \(reason)."
    case .badHeader(let source, let line, let expected, let found):
      "\(source) line \(line): expected the header '\(expected)', found '\(found)'."
    case .wrongFieldCount(let source, let line, let expected, let found):
      "\(source) line \(line): expected \(expected) comma-separated fields, found \(found)."
    case .badField(let source, let line, let field, let value, let expected):
      "\(source) line \(line), field '\(field)': expected \(expected), found '\(value)'."
    case .unterminatedQuote(let source, let line):
      "\(source) line \(line): a quoted field is not closed."
    case .duplicate(let source, let line, let field, let value):
      "\(source) line \(line): \(field) '\(value)' is used by an earlier class."
    case .unknownClass(let name):
      "Unknown search-object class '\(name)': give a Leeway code such as PIW-1 or a class number 1 to 85."
    }
  }
}
