import Foundation

/// Decodes CF time coordinates ("<unit> since <reference date>") to seconds since 1970 UTC.
///
/// Supports the calendars in which one day is always 86,400 s and dates follow the proleptic
/// Gregorian rules: standard, gregorian (for dates after 1582-10-15) and proleptic_gregorian.
public enum CFTime {
  /// Seconds since 1970-01-01T00:00:00Z of each value; `unitsText` is the `units` attribute.
  public static func decode(
    _ values: [Double], units unitsText: String, calendar: String?, path: String, variable: String
  ) throws(ForcingError) -> [Double] {
    if let calendar {
      let c = calendar.lowercased().trimmingCharacters(in: .whitespaces)
      guard ["standard", "gregorian", "proleptic_gregorian", ""].contains(c) else {
        throw .unsupportedCalendar(path: path, variable: variable, calendar: calendar)
      }
    }
    guard let (unitSeconds, reference) = parseUnits(unitsText) else {
      throw .badTimeUnits(path: path, variable: variable, units: unitsText)
    }
    return values.map { reference + $0 * unitSeconds }
  }

  /// Parses "<unit> since <date>" into seconds per unit and the reference in seconds since 1970.
  static func parseUnits(_ text: String) -> (Double, Double)? {
    let parts = text.trimmingCharacters(in: .whitespaces).components(separatedBy: " since ")
    guard parts.count == 2 else { return nil }
    let unit: Double
    switch parts[0].trimmingCharacters(in: .whitespaces).lowercased() {
    case "seconds", "second", "secs", "sec", "s": unit = 1
    case "minutes", "minute", "mins", "min": unit = 60
    case "hours", "hour", "hrs", "hr", "h": unit = 3600
    case "days", "day", "d": unit = 86_400
    default: return nil
    }
    guard let reference = parseDate(parts[1]) else { return nil }
    return (unit, reference)
  }

  /// Parses "YYYY-M-D[ T]h:m:s[.f][ zone]" with zone Z, UTC, GMT, ±hh, ±hhmm or ±hh:mm.
  static func parseDate(_ text: String) -> Double? {
    var s = text.trimmingCharacters(in: .whitespaces)
    var zoneSeconds = 0.0
    for suffix in ["UTC", "GMT", "Z"] where s.uppercased().hasSuffix(suffix) {
      s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
      break
    }
    // A numeric zone is a sign after the time part (the date's own '-' come before any ':').
    let fields = s.replacingOccurrences(of: "T", with: " ").split(separator: " ").map(String.init)
    guard let datePart = fields.first else { return nil }
    var timePart = fields.count > 1 ? fields[1] : "0:0:0"
    var zonePart = fields.count > 2 ? fields[2] : ""
    if zonePart.isEmpty, let signIndex = timePart.firstIndex(where: { $0 == "+" || $0 == "-" }) {
      zonePart = String(timePart[signIndex...])
      timePart = String(timePart[..<signIndex])
    }
    if !zonePart.isEmpty {
      guard let z = parseZone(zonePart) else { return nil }
      zoneSeconds = z
    }
    let ymd = datePart.split(separator: "-").map { Int($0) }
    guard ymd.count == 3, let y = ymd[0], let m = ymd[1], let d = ymd[2],
      (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    let hms = timePart.split(separator: ":").map { Double($0) }
    guard (1...3).contains(hms.count), hms.allSatisfy({ $0 != nil }) else { return nil }
    let h = hms[0] ?? 0
    let mi = hms.count > 1 ? hms[1] ?? 0 : 0
    let sec = hms.count > 2 ? hms[2] ?? 0 : 0
    let days = Double(daysFromCivil(year: y, month: m, day: d))
    return days * 86_400 + h * 3600 + mi * 60 + sec - zoneSeconds
  }

  private static func parseZone(_ text: String) -> Double? {
    guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
    let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
    guard digits.allSatisfy(\.isNumber), [1, 2, 4].contains(digits.count), let v = Int(digits)
    else {
      return nil
    }
    let (h, m) = digits.count == 4 ? (v / 100, v % 100) : (v, 0)
    return (sign == "-" ? -1 : 1) * Double(h * 3600 + m * 60)
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-date algorithm).
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
