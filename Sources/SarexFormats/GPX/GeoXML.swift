import Foundation
import SarexGeo

/// XML text helpers shared by the GPX and KML writers: escaping, coordinates, times, and the
/// write-to-temporary-then-rename file output.
enum GeoXML {
  /// Text or attribute content with &, <, >, " and ' escaped; characters XML 1.0 cannot carry
  /// (C0 controls other than tab, line feed and carriage return) dropped.
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Degrees with 7 decimals (about 1 cm), no exponent.
  static func degrees(_ value: Double) -> String { String(format: "%.7f", value) }

  /// ISO 8601 UTC with whole seconds, "2026-11-25T17:00:00Z".
  static func time(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
      c.minute ?? 0, c.second ?? 0)
  }

  /// Whether the position is finite with latitude in [-90, 90] and longitude in [-180, 180].
  static func isValid(_ p: GeoPoint) -> Bool {
    p.latitudeDegrees.isFinite && p.longitudeDegrees.isFinite && abs(p.latitudeDegrees) <= 90
      && abs(p.longitudeDegrees) <= 180
  }

  /// Writes `text` as UTF-8 to a hidden temporary file beside `url`, then renames it over `url`,
  /// so readers never see a half-written file. Returns the error text on failure.
  static func writeAtomically(_ text: String, to url: URL) -> String? {
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try Data(text.utf8).write(to: temporary)
    } catch {
      return "cannot write \(temporary.path): \(error.localizedDescription)"
    }
    if rename(temporary.path, url.path) != 0 {
      let reason = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      return "cannot rename \(temporary.path) to \(url.path): \(reason)"
    }
    return nil
  }
}
