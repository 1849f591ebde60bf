/// Recognises the spellings of speed units found in CF files and gives the factor to m/s.
public enum CFSpeedUnits {
  /// Factor converting values in `units` to m/s, or `nil` when `units` is not a known speed.
  /// Accepts m/s, m s-1, m.s-1, m s^-1, m s**-1, meter second-1, metres per second, cm/s, knots.
  public static func factorToMetresPerSecond(_ units: String) -> Double? {
    var u = units.lowercased().trimmingCharacters(in: .whitespaces)
    for (long, short) in [
      ("meters", "m"), ("metres", "m"), ("meter", "m"), ("metre", "m"), ("centim", "cm"),
      ("seconds", "s"), ("second", "s"), ("secs", "s"), ("sec", "s"),
    ] {
      u = u.replacingOccurrences(of: long, with: short)
    }
    u = u.replacingOccurrences(of: " per ", with: "/")
    for pattern in ["**-1", "^-1", "-1"] { u = u.replacingOccurrences(of: pattern, with: "⁻") }
    u = u.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "*", with: " ")
    let compact = u.split(separator: " ").joined(separator: " ")
    switch compact {
    case "m/s", "m s⁻", "m/ s", "m /s": return 1
    case "cm/s", "cm s⁻": return 0.01
    case "kt", "kts", "knot", "knots": return 1852.0 / 3600.0
    default: return nil
    }
  }
}
