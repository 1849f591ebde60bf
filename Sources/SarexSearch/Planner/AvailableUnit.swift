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
  /// When the unit starts searching in a period beginning at `start`.
  func commenceTime(periodStart start: Date) -> Date { max(start, onSceneTime ?? start) }
}
