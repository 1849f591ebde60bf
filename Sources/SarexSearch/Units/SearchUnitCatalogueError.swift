/// Why a search unit catalogue could not be read. The text names the file, line, unit and field.
public enum SearchUnitCatalogueError: Error, Equatable, CustomStringConvertible {
  /// The file is not valid YAML or not the expected shape.
  case malformed(file: String, line: Int, reason: String)
  /// A unit's field is missing, unknown or has a bad value.
  case field(file: String, line: Int, unit: String, field: String, reason: String)
  /// The default catalogue is missing from the module's resources.
  case missingResource(String)

  public var description: String {
    switch self {
    case .malformed(let file, let line, let reason): "\(file), line \(line): \(reason)"
    case .field(let file, let line, let unit, let field, let reason):
      "\(file), line \(line): search unit '\(unit)', field '\(field)': \(reason)"
    case .missingResource(let name): "The default search unit catalogue \(name) is missing."
    }
  }
}
