/// Why a detection evaluation could not run.
public enum DetectionError: Error, Equatable, CustomStringConvertible {
  /// A track has no legs.
  case noLegs(track: String)
  /// A leg ends before it starts.
  case legTimeReversed(track: String, leg: Int)
  /// A sweep width is not a positive finite number of metres.
  case invalidSweepWidth(track: String, index: Int, value: Double)
  /// A particle's category has no sweep width in the track.
  case missingCategory(track: String, category: Int, available: Int)
  /// A lateral range curve parameter is outside its range.
  case invalidCurve(String)

  public var description: String {
    switch self {
    case .noLegs(let t): "Track '\(t)' has no legs to search."
    case .legTimeReversed(let t, let leg):
      "Track '\(t)', leg \(leg): the end time is before the start time."
    case .invalidSweepWidth(let t, let i, let v):
      "Track '\(t)': sweep width \(i) is \(v) m; expected a finite number of metres >= 0."
    case .missingCategory(let t, let c, let n):
      "Track '\(t)' gives \(n) sweep width(s) but a particle has search-object category \(c)."
    case .invalidCurve(let text): text
    }
  }
}
