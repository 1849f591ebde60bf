import Foundation

/// A search and rescue unit offered for one planning period: its type (speed, endurance, altitude,
/// sensors), who it is and when it can be on scene.
public struct AvailableUnit: Sendable, Hashable {
  public var unit: SearchUnit
  /// Radio call sign, as the search action message addresses it.
  public var callSign: String
  /// Nation (e.g. "JPN", "KOR").
  public var nation: String
  /// Base or parent agency the unit comes from, for the message.
  public var base: String?
  /// Earliest time on scene; nil means the start of the period.
  public var onSceneTime: Date?

  public init(
    unit: SearchUnit, callSign: String, nation: String, base: String? = nil,
    onSceneTime: Date? = nil
  ) {
    self.unit = unit
    self.callSign = callSign
    self.nation = nation
    self.base = base
    self.onSceneTime = onSceneTime
  }

  /// Search speed, metres per second.
  var speedMetresPerSecond: Double { unit.searchSpeedKnots * 1852 / 3600 }
  /// On-scene search time, seconds.
  var searchSeconds: Double { unit.onSceneEnduranceHours * 3600 }
  /// Seconds lost turning per parallel-sweep leg: two 90 degree turns at standard rate for
  /// aircraft (`TurnAllowance.standardRate`), none for vessels (as patterns are timed).
  var turnSecondsPerLeg: Double {
    unit.kind.isAircraft ? TurnAllowance.standardRate.duration(turningThrough: .pi) : 0
  }

  /// The track spacing (metres) at which a parallel sweep of a `length` x `width` rectangle
  /// (legs along the longer side) fills the unit's search time, turns included: with n = w / S
  /// legs, n L / V + n t_turn = T gives S = w (L + V t_turn) / (V T).
  func fillingTrackSpacing(length: Double, width: Double) -> Double {
    let long = max(length, width)
    let short = min(length, width)
    let v = speedMetresPerSecond
    return short * (long + v * turnSecondsPerLeg) / (v * searchSeconds)
  }

  /// When the unit starts searching in a period beginning at `start`.
  func commenceTime(periodStart start: Date) -> Date { max(start, onSceneTime ?? start) }
}
