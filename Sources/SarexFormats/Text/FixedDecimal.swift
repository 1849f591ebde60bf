/// Fast fixed-point formatting of coordinates: `String(format:)` is slow on Linux and a GeoJSON of
/// 100,000 particles has 200,000 numbers.
public enum FixedDecimal {
  /// `value` rounded to `decimals` places (0...12), trailing zeros and a bare point removed;
  /// non-finite values give "null" (GeoJSON has no NaN). Values beyond about 9e6 fall back to
  /// Swift's shortest form (no coordinate is that large).
  public static func text(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "null" }
    let places = min(max(decimals, 0), 12)
    var scale: Int64 = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * Double(scale)).rounded()
    guard scaled < 9e18 / 10 else { return "\(value)" }
    let units = Int64(scaled)
    let whole = units / scale
    var fraction = units % scale
    var digits = places
    while digits > 0, fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var out = (value < 0 && units != 0) ? "-" : ""
    out += String(whole)
    if digits > 0 {
      let text = String(fraction)
      out += "." + String(repeating: "0", count: digits - text.count) + text
    }
    return out
  }
}
