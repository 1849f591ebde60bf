import Foundation

/// The comma-separated files shipped with SarexSearch: '#' comment lines, one header row, fields
/// optionally in double quotes. Strict: every row must have the header's number of fields.
struct SimpleCSV {
  let file: String
  let header: [String]
  /// Data rows with their line numbers (1-based).
  let rows: [(line: Int, fields: [String])]

  init(text: String, file: String) throws(SweepWidthError) {
    var header: [String]?
    var rows: [(Int, [String])] = []
    for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    {
      let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = try Self.fields(of: line, file: file, line: i + 1)
      if let h = header {
        guard fields.count == h.count else {
          throw .badFile(
            file: file, line: i + 1, reason: "\(fields.count) fields; the header has \(h.count)")
        }
        rows.append((i + 1, fields))
      } else {
        header = fields
      }
    }
    guard let header else { throw .badFile(file: file, line: 1, reason: "no header row") }
    self.file = file
    self.header = header
    self.rows = rows
  }

  static func fields(of line: String, file: String, line number: Int) throws(SweepWidthError)
    -> [String]
  {
    var out: [String] = []
    var current = ""
    var quoted = false
    var wasQuoted = false
    for ch in line {
      if quoted {
        if ch == "\"" { quoted = false } else { current.append(ch) }
      } else if ch == "\"" {
        quoted = true
        wasQuoted = true
      } else if ch == "," {
        out.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
        current = ""
        wasQuoted = false
      } else {
        current.append(ch)
      }
    }
    guard !quoted else { throw .badFile(file: file, line: number, reason: "unclosed quote") }
    out.append(wasQuoted ? current : current.trimmingCharacters(in: .whitespaces))
    return out
  }

  /// A numeric field; `nil` for an empty one.
  func number(_ row: (line: Int, fields: [String]), _ column: Int) throws(SweepWidthError)
    -> Double?
  {
    let text = row.fields[column]
    if text.isEmpty { return nil }
    guard let v = Double(text), v.isFinite else {
      throw .badFile(
        file: file, line: row.line, reason: "'\(header[column])' is '\(text)', not a number")
    }
    return v
  }

  /// Reads a resource shipped in the module's Resources folder.
  static func resource(_ name: String) throws(SweepWidthError) -> SimpleCSV {
    let text: String
    do {
      text = try SearchResources.text(named: name)
    } catch {
      throw .badFile(file: name, line: 0, reason: "cannot be read (\(error))")
    }
    return try SimpleCSV(text: text, file: name)
  }
}

/// Access to the files in SarexSearch's Resources folder.
enum SearchResources {
  static func url(named name: String) -> URL? {
    Bundle.module.url(forResource: "Resources", withExtension: nil)?.appendingPathComponent(name)
  }

  static func text(named name: String) throws -> String {
    guard let url = url(named: name) else {
      throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: name])
    }
    return try String(contentsOf: url, encoding: .utf8)
  }
}
