import Foundation

/// Why a CSV table could not be built.
public enum CSVError: Error, CustomStringConvertible, Equatable {
  /// A row has a different number of fields from the header.
  case wrongFieldCount(row: Int, expected: Int, found: Int)

  public var description: String {
    switch self {
    case .wrongFieldCount(let row, let expected, let found):
      "CSV row \(row) has \(found) fields; the header has \(expected)"
    }
  }
}

/// A CSV table built row by row and rendered as RFC 4180 text.
///
/// A field is quoted when it contains the separator, a double quote, a carriage return or a line
/// feed, or starts or ends with a space (spreadsheets trim those); quotes inside are doubled. Empty
/// strings stay empty (an absent value), which is how missing numbers are written.
public struct CSVTable: Sendable, Equatable {
  /// The column names, in order.
  public let header: [String]
  /// The rows, each with exactly `header.count` fields.
  public private(set) var rows: [[String]] = []
  /// The line terminator: "\n" by default; RFC 4180 strictly asks for "\r\n".
  public var lineTerminator: String
  /// The field separator (a comma unless a locale needs a semicolon).
  public var separator: Character

  public init(header: [String], separator: Character = ",", lineTerminator: String = "\n") {
    self.header = header
    self.separator = separator
    self.lineTerminator = lineTerminator
  }

  /// Appends one row; rows are numbered from 1 in errors (the header is row 0).
  public mutating func append(_ row: [String]) throws(CSVError) {
    guard row.count == header.count else {
      throw .wrongFieldCount(row: rows.count + 1, expected: header.count, found: row.count)
    }
    rows.append(row)
  }

  /// The table as text, header first, each line terminated.
  public var text: String {
    var out = ""
    appendLine(header, to: &out)
    for row in rows { appendLine(row, to: &out) }
    return out
  }

  /// Writes the table atomically to `path` (see ``AtomicFileWriter``).
  public func write(to path: String) throws(AtomicFileError) {
    try AtomicFileWriter.write(text, to: path)
  }

  /// One field as it appears in the file: quoted only when needed.
  public func quoted(_ field: String) -> String {
    let separatorScalars = Set(separator.unicodeScalars)
    let needsQuotes =
      field.unicodeScalars.contains { scalar in
        scalar == "\"" || scalar == "\n" || scalar == "\r" || separatorScalars.contains(scalar)
      } || field.hasPrefix(" ") || field.hasSuffix(" ")
    guard needsQuotes else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  private func appendLine(_ fields: [String], to out: inout String) {
    for (index, field) in fields.enumerated() {
      if index > 0 { out.append(separator) }
      out += quoted(field)
    }
    out += lineTerminator
  }
}
