import Foundation
import SarexGeo

/// How positions, times and quantities are written in SAR messages (the maritime/IAMSAR style):
/// degrees and minutes to a tenth, UTC date-time groups, nautical miles, feet, true bearings.
/// This is the edge where SI values become message units.
public enum MessageFormat {
  /// Latitude as "60-12.0N": two-digit degrees, minutes to 0.1'.
  public static func latitude(_ degrees: Double) -> String {
    let (d, m, t) = degreesMinutesTenths(degrees)
    return "\(pad(d, 2))-\(pad(m, 2)).\(t)\(degrees < 0 && (d, m, t) != (0, 0, 0) ? "S" : "N")"
  }

  /// Longitude as "004-00.0E": three-digit degrees, minutes to 0.1'.
  public static func longitude(_ degrees: Double) -> String {
    var lon = degrees.truncatingRemainder(dividingBy: 360)
    if lon >= 180 { lon -= 360 }
    if lon < -180 { lon += 360 }
    let (d, m, t) = degreesMinutesTenths(lon)
    let west = lon < 0 && (d, m, t) != (0, 0, 0) && d != 180
    return "\(pad(d, 3))-\(pad(m, 2)).\(t)\(west ? "W" : "E")"
  }

  /// A position as "60-12.0N 004-00.0E".
  public static func position(_ point: GeoPoint) -> String {
    "\(latitude(point.latitudeDegrees)) \(longitude(point.longitudeDegrees))"
  }

  /// A UTC date-time group "DDHHMMZ MON YY", e.g. "251630Z NOV 26" (seconds truncated).
  public static func dateTimeGroup(_ date: Date) -> String {
    let c = utcComponents(date)
    let months = [
      "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ]
    let month = months[max(0, min(11, (c.month ?? 1) - 1))]
    return "\(dayTime(date)) \(month) \(pad((c.year ?? 0) % 100, 2))"
  }

  /// Day, hour and minute in UTC, "DDHHMMZ", e.g. "251630Z".
  public static func dayTime(_ date: Date) -> String {
    let c = utcComponents(date)
    return "\(pad(c.day ?? 0, 2))\(pad(c.hour ?? 0, 2))\(pad(c.minute ?? 0, 2))Z"
  }

  /// A time window "251700Z-252100Z".
  public static func window(from start: Date, to end: Date) -> String {
    "\(dayTime(start))-\(dayTime(end))"
  }

  /// A true bearing in three digits, "045T" (radians in, rounded to the degree; 360 reads 000).
  public static func bearingTrue(_ radians: Double) -> String {
    guard radians.isFinite else { return "---T" }
    let rounded = (Geodesy.normalizedBearing(radians) * 180 / .pi).rounded()
    let degrees = Int(truncatingIfNeeded: Int64(min(max(rounded, 0), 360)))
    return "\(pad(degrees % 360, 3))T"
  }

  /// Metres as nautical miles (1852 m) with two decimals, "0.87".
  public static func nauticalMiles(_ metres: Double) -> String {
    String(format: "%.2f", metres / 1852)
  }

  /// Square metres as square nautical miles with one decimal, "309.4".
  public static func squareNauticalMiles(_ squareMetres: Double) -> String {
    String(format: "%.1f", squareMetres / (1852 * 1852))
  }

  /// Metres as whole feet (0.3048 m), "1500".
  public static func feet(_ metres: Double) -> String {
    String(format: "%.0f", metres / 0.3048)
  }

  private static func degreesMinutesTenths(_ value: Double) -> (Int, Int, Int) {
    guard value.isFinite else { return (0, 0, 0) }
    // Round once, to tenths of a minute, so 59.96' carries into the next degree.
    // Values far out of range (never a position) are clamped so that formatting cannot trap.
    let tenths = Int(truncatingIfNeeded: Int64((min(abs(value), 1e6) * 600).rounded()))
    return (tenths / 600, (tenths % 600) / 10, tenths % 10)
  }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return String(repeating: "0", count: max(0, width - s.count)) + s
  }

  private static func utcComponents(_ date: Date) -> DateComponents {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    return calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
  }
}

/// Fixed-width columns for the column-format parts of a message.
struct TextTable {
  var header: [String]
  var rows: [[String]]

  /// Lines indented by `indent`, columns two spaces apart, trailing spaces trimmed.
  func lines(indent: String) -> [String] {
    let all = [header] + rows
    let count = all.map(\.count).max() ?? 0
    var widths = Array(repeating: 0, count: count)
    for row in all { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    return all.map { row in
      var line = indent
      for (i, cell) in row.enumerated() {
        line += cell
        if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      return line
    }
  }
}
