import Foundation
import SarexGeo

/// How a pattern is flown or steamed: speed, commence search time, turn allowance, and the
/// optional datum drift the pattern moves with.
public struct PatternTiming: Sendable, Hashable {
  /// Search speed through the (drifting) pattern frame, metres per second.
  public var speed: Double
  /// Time at the commence search point.
  public var commenceTime: Date
  public var turnAllowance: TurnAllowance
  /// Velocity of the datum, metres per second east and north. Non-zero makes the pattern
  /// drift-compensated: every point of the pattern reached `t` seconds after the commence time is
  /// displaced by `datumDrift * t`, so the pattern stays centred on the drifting datum.
  public var datumDrift: PlanePoint

  public init(
    speed: Double, commenceTime: Date, turnAllowance: TurnAllowance = .none,
    datumDrift: PlanePoint = .zero
  ) {
    self.speed = speed
    self.commenceTime = commenceTime
    self.turnAllowance = turnAllowance
    self.datumDrift = datumDrift
  }

  /// `speedKnots` converted at 1852 m per nautical mile.
  public init(
    speedKnots: Double, commenceTime: Date, turnAllowance: TurnAllowance = .none,
    datumDrift: PlanePoint = .zero
  ) {
    self.init(
      speed: speedKnots * 1852 / 3600, commenceTime: commenceTime, turnAllowance: turnAllowance,
      datumDrift: datumDrift)
  }
}
