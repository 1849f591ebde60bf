import Foundation

/// Parses UTC times given on the command line or in scenario files: ISO 8601 with a `Z` or an
/// offset (`2015-11-16T00:00:00Z`), with or without seconds, or a date and time separated by a
/// space. A time without a zone is taken as UTC, as SAR messages are.
struct UTCDateParser {
  static func date(_ text: String) -> Date? {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let candidates = [trimmed, trimmed.replacingOccurrences(of: " ", with: "T")]
    for candidate in candidates {
      for withZone in [candidate, candidate + "Z"] {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        if let d = iso.date(from: withZone) { return d }
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = iso.date(from: withZone) { return d }
      }
      let formatter = DateFormatter()
      formatter.locale = Locale(identifier: "en_US_POSIX")
      formatter.timeZone = TimeZone(identifier: "UTC")
      let zoneless = candidate.hasSuffix("Z") ? String(candidate.dropLast()) : candidate
      for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH", "yyyy-MM-dd"] {
        formatter.dateFormat = format
        if let d = formatter.date(from: zoneless) { return d }
      }
    }
    return nil
  }

  /// `2015-11-16T00:00:00Z`: the form written to every output.
  static func string(_ date: Date) -> String {
    let iso = ISO8601DateFormatter()
    iso.formatOptions = [.withInternetDateTime]
    return iso.string(from: date)
  }
}
