import Foundation

/// The table of Leeway search-object classes, looked up by code or number.
///
/// The shipped table (`Resources/leeway-classes.csv`, 85 classes) is the one OpenDrift uses
/// operationally; its header comments give sources and units. Parsing is strict: any malformed
/// row is an error naming the line and field, never a silently skipped class.
public struct LeewayCatalogue: Sendable {
  /// The classes in table order.
  public let classes: [LeewayClass]
  private let indexByCode: [String: Int]
  private let indexByNumber: [Int: Int]

  /// The column names the table must have, in this order.
  public static let header = [
    "number", "code", "description", "dwl_slope_pct", "dwl_offset_cms", "dwl_std_cms",
    "cwl_pos_slope_pct", "cwl_pos_offset_cms", "cwl_pos_std_cms", "cwl_neg_slope_pct",
    "cwl_neg_offset_cms", "cwl_neg_std_cms",
  ]

  /// The shipped table of 85 classes.
  public static func standard() throws(LeewayCatalogueError) -> LeewayCatalogue {
    guard let url = Bundle.module.url(forResource: "leeway-classes", withExtension: "csv") else {
      throw .unreadable(
        source: "leeway-classes.csv", reason: "the resource is missing from the bundle")
    }
    return try load(contentsOf: url)
  }

  /// Reads a table file in the shipped format.
  public static func load(contentsOf url: URL) throws(LeewayCatalogueError) -> LeewayCatalogue {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .unreadable(source: url.path, reason: error.localizedDescription)
    }
    return try parse(text, source: url.lastPathComponent)
  }

  /// Parses table text; `source` names it in errors.
  public static func parse(_ text: String, source: String) throws(LeewayCatalogueError)
    -> LeewayCatalogue
  {
    var classes: [LeewayClass] = []
    var sawHeader = false
    var lineNumber = 0
    // "\r\n" is one Character in Swift, and a newline: CRLF and LF files both split here.
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      lineNumber += 1
      if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
      let fields = try splitFields(line, source: source, line: lineNumber)
      if !sawHeader {
        let found = fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard found == header else {
          throw .badHeader(
            source: source, line: lineNumber, expected: header.joined(separator: ","),
            found: String(line))
        }
        sawHeader = true
        continue
      }
      guard fields.count == header.count else {
        throw .wrongFieldCount(
          source: source, line: lineNumber, expected: header.count, found: fields.count)
      }
      classes.append(try parseRow(fields, source: source, line: lineNumber))
    }
    guard sawHeader else {
      throw .badHeader(
        source: source, line: lineNumber, expected: header.joined(separator: ","),
        found: "no header")
    }
    return try LeewayCatalogue(classes: classes, source: source)
  }

  /// A catalogue of the given classes (for custom tables); codes and numbers must be unique.
  public init(classes: [LeewayClass]) throws(LeewayCatalogueError) {
    try self.init(classes: classes, source: "custom classes")
  }

  private init(classes: [LeewayClass], source: String) throws(LeewayCatalogueError) {
    var byCode: [String: Int] = [:]
    var byNumber: [Int: Int] = [:]
    for (i, c) in classes.enumerated() {
      let key = c.code.uppercased()
      if byCode[key] != nil {
        throw .duplicate(source: source, line: i + 1, field: "code", value: c.code)
      }
      byCode[key] = i
      if c.number != 0 {
        if byNumber[c.number] != nil {
          throw .duplicate(source: source, line: i + 1, field: "number", value: String(c.number))
        }
        byNumber[c.number] = i
      }
    }
    self.classes = classes
    self.indexByCode = byCode
    self.indexByNumber = byNumber
  }

  /// The class with this code (case-insensitive, e.g. `piw-1`) or number (e.g. `1`).
  public func lookup(_ codeOrNumber: String) throws(LeewayCatalogueError) -> LeewayClass {
    let trimmed = codeOrNumber.trimmingCharacters(in: .whitespaces)
    if let i = indexByCode[trimmed.uppercased()] { return classes[i] }
    if let n = Int(trimmed), let i = indexByNumber[n] { return classes[i] }
    throw .unknownClass(codeOrNumber)
  }

  /// The class with this table number (1-based).
  public func lookup(number: Int) throws(LeewayCatalogueError) -> LeewayClass {
    guard let i = indexByNumber[number] else { throw .unknownClass(String(number)) }
    return classes[i]
  }

  /// Splits one CSV line into fields: commas separate, double quotes enclose fields that contain
  /// commas, and a doubled quote inside quotes is a literal quote.
  static func splitFields(_ line: Substring, source: String, line lineNumber: Int)
    throws(LeewayCatalogueError) -> [String]
  {
    var fields: [String] = []
    var current = ""
    var inQuotes = false
    var chars = line.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? chars.next() {
      pending = nil
      if inQuotes {
        if c == "\"" {
          let next = chars.next()
          if next == "\"" {
            current.append("\"")
          } else {
            inQuotes = false
            pending = next
          }
        } else {
          current.append(c)
        }
      } else if c == "\"" && current.isEmpty {
        inQuotes = true
      } else if c == "," {
        fields.append(current)
        current = ""
      } else {
        current.append(c)
      }
    }
    if inQuotes { throw .unterminatedQuote(source: source, line: lineNumber) }
    fields.append(current)
    return fields
  }

  private static func parseRow(_ f: [String], source: String, line: Int)
    throws(LeewayCatalogueError) -> LeewayClass
  {
    func number(_ column: Int, _ what: String) throws(LeewayCatalogueError) -> Double {
      let text = f[column].trimmingCharacters(in: .whitespaces)
      guard let v = Double(text), v.isFinite else {
        throw .badField(
          source: source, line: line, field: header[column], value: f[column], expected: what)
      }
      return v
    }
    func std(_ column: Int) throws(LeewayCatalogueError) -> Double {
      let v = try number(column, "a standard deviation in cm/s")
      guard v >= 0 else {
        throw .badField(
          source: source, line: line, field: header[column], value: f[column],
          expected: "a non-negative standard deviation in cm/s")
      }
      return v
    }
    let numberText = f[0].trimmingCharacters(in: .whitespaces)
    guard let classNumber = Int(numberText), classNumber > 0 else {
      throw .badField(
        source: source, line: line, field: header[0], value: f[0],
        expected: "a positive class number")
    }
    let code = f[1].trimmingCharacters(in: .whitespaces)
    guard !code.isEmpty, !code.contains(where: \.isWhitespace) else {
      throw .badField(
        source: source, line: line, field: header[1], value: f[1],
        expected: "a class code without spaces, such as PIW-1")
    }
    let description = f[2].trimmingCharacters(in: .whitespaces)
    guard !description.isEmpty else {
      throw .badField(
        source: source, line: line, field: header[2], value: f[2], expected: "a description")
    }
    return LeewayClass(
      code: code, number: classNumber, description: description,
      downwind: LeewayCoefficients(
        slopePercent: try number(3, "a slope in percent"),
        offsetCmPerS: try number(4, "an offset in cm/s"), stdCmPerS: try std(5)),
      crosswindPositive: LeewayCoefficients(
        slopePercent: try number(6, "a slope in percent"),
        offsetCmPerS: try number(7, "an offset in cm/s"), stdCmPerS: try std(8)),
      crosswindNegative: LeewayCoefficients(
        slopePercent: try number(9, "a slope in percent"),
        offsetCmPerS: try number(10, "an offset in cm/s"), stdCmPerS: try std(11)))
  }
}
