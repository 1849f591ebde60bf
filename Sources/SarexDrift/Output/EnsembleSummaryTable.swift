import Foundation

/// The summary CSV: one ``EnsembleSummary`` row per output time under
/// ``EnsembleSummary/csvHeader``, written atomically.
public struct EnsembleSummaryTable: Sendable, Equatable {
  public private(set) var rows: [EnsembleSummary] = []

  public init(rows: [EnsembleSummary] = []) { self.rows = rows }

  public mutating func append(_ row: EnsembleSummary) { rows.append(row) }

  /// The whole CSV text, header first, "\n" line ends.
  public var csvText: String {
    var text = EnsembleSummary.csvHeader + "\n"
    for row in rows { text += row.csvLine + "\n" }
    return text
  }

  /// Writes the CSV to `path` through a temporary file in the same directory and a rename.
  public func write(to path: String) throws(OutputFileError) {
    try OutputFile.replace(path: path, with: Data(csvText.utf8))
  }
}
