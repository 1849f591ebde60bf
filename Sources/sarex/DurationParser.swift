import Foundation

/// Parses durations written the way planners write them: `66h`, `10m`, `90s`, `1h30m`, `2d`, or a
/// bare number of seconds. Returns seconds; negative values (`-6h`) mean backwards in time.
struct DurationParser {
  /// Seconds in a duration text, or `nil` when the text is not a duration.
  static func seconds(_ text: String) -> Double? {
    var rest = Substring(text.trimmingCharacters(in: .whitespaces).lowercased())
    guard !rest.isEmpty else { return nil }
    var sign = 1.0
    if rest.first == "-" {
      sign = -1
      rest = rest.dropFirst()
    }
    if let plain = Double(rest), plain.isFinite { return sign * plain }
    var total = 0.0
    var sawUnit = false
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unit = rest.prefix { $0.isLetter }
      rest = rest.dropFirst(unit.count)
      let scale: Double
      switch unit {
      case "d", "day", "days": scale = 86_400
      case "h", "hr", "hrs", "hour", "hours": scale = 3_600
      case "m", "min", "mins", "minute", "minutes": scale = 60
      case "s", "sec", "secs", "second", "seconds": scale = 1
      default: return nil
      }
      total += value * scale
      sawUnit = true
    }
    return sawUnit ? sign * total : nil
  }
}
