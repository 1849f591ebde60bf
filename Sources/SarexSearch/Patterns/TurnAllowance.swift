import Foundation

/// Time added at each turn between legs: a fixed part plus the time to turn through the angle at
/// a given rate. A straight pass (VS through the datum) takes no turn time.
public struct TurnAllowance: Sendable, Hashable, Codable {
  /// Fixed time added at every turn, seconds.
  public var secondsPerTurn: Double
  /// Rate of turn, radians per second; nil for none (only the fixed part counts).
  public var turnRate: Double?

  public init(secondsPerTurn: Double = 0, turnRate: Double? = nil) {
    self.secondsPerTurn = secondsPerTurn
    self.turnRate = turnRate
  }

  /// No time for turns: legs follow each other directly (the IAMSAR worksheet convention).
  public static let none = TurnAllowance()

  /// A standard rate (rate one) turn, 3 degrees per second, as flown by aircraft (ICAO);
  /// a 180 degree turn takes one minute.
  public static let standardRate = TurnAllowance(turnRate: 3 * .pi / 180)

  /// Seconds spent turning through `angle` radians (either sign).
  public func duration(turningThrough angle: Double) -> TimeInterval {
    let magnitude = abs(angle)
    guard magnitude > 1e-9 else { return 0 }
    var seconds = max(0, secondsPerTurn)
    if let rate = turnRate, rate > 0, rate.isFinite { seconds += magnitude / rate }
    return seconds
  }
}
