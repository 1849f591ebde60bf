import Foundation

/// A longitude/latitude box in degrees (WGS 84): the region a land mask covers, or the extent of a
/// map.
///
/// Longitudes may be given in any 360-degree frame (`-10...20`, `350...380`); `eastDegrees` is
/// greater than `westDegrees`, at most 360 degrees further east.
public struct LonLatBox: Hashable, Sendable, CustomStringConvertible {
  public var westDegrees: Double
  public var eastDegrees: Double
  public var southDegrees: Double
  public var northDegrees: Double

  public init(westDegrees: Double, eastDegrees: Double, southDegrees: Double, northDegrees: Double)
  {
    self.westDegrees = westDegrees
    self.eastDegrees = eastDegrees
    self.southDegrees = southDegrees
    self.northDegrees = northDegrees
  }

  /// The box grown by `degrees` on every side, with latitudes kept within the poles.
  public func expanded(byDegrees degrees: Double) -> LonLatBox {
    LonLatBox(
      westDegrees: westDegrees - degrees, eastDegrees: eastDegrees + degrees,
      southDegrees: max(-90, southDegrees - degrees), northDegrees: min(90, northDegrees + degrees))
  }

  /// The part of the box that is also in `other` (whose longitudes may use another 360-degree
  /// frame), in this box's frame; nil when they do not overlap.
  public func intersection(_ other: LonLatBox) -> LonLatBox? {
    let south = max(southDegrees, other.southDegrees)
    let north = min(northDegrees, other.northDegrees)
    guard south < north else { return nil }
    // `other` moved so that its west edge is in [westDegrees, westDegrees + 360), and one turn
    // further west: one of the two holds the overlap (both when either box spans > 180 degrees).
    let turn = 360 * ((other.westDegrees - westDegrees) / 360).rounded(.down)
    var best: LonLatBox?
    for shift in [turn, turn + 360] {
      let west = max(westDegrees, other.westDegrees - shift)
      let east = min(eastDegrees, other.eastDegrees - shift)
      if west < east, east - west > (best.map { $0.eastDegrees - $0.westDegrees } ?? 0) {
        best = LonLatBox(
          westDegrees: west, eastDegrees: east, southDegrees: south, northDegrees: north)
      }
    }
    return best
  }

  /// The smallest box holding this box and `other`, when both use the same longitude frame.
  public func union(sameFrame other: LonLatBox) -> LonLatBox {
    LonLatBox(
      westDegrees: min(westDegrees, other.westDegrees),
      eastDegrees: max(eastDegrees, other.eastDegrees),
      southDegrees: min(southDegrees, other.southDegrees),
      northDegrees: max(northDegrees, other.northDegrees))
  }

  /// True when the position lies in the box (edges included), whatever frame its longitude uses.
  public func contains(longitudeDegrees: Double, latitudeDegrees: Double) -> Bool {
    guard latitudeDegrees >= southDegrees, latitudeDegrees <= northDegrees else { return false }
    let lon = longitudeDegrees - 360 * ((longitudeDegrees - westDegrees) / 360).rounded(.down)
    return lon <= eastDegrees
  }

  /// A sentence naming what is wrong with the box, or `nil` when it is usable.
  var problem: String? {
    let all = [westDegrees, eastDegrees, southDegrees, northDegrees]
    if !all.allSatisfy(\.isFinite) { return "\(self) has a non-finite bound" }
    if southDegrees < -90 || northDegrees > 90 { return "\(self) has a latitude beyond a pole" }
    if !(southDegrees < northDegrees) { return "\(self) has south not below north" }
    if !(westDegrees < eastDegrees) { return "\(self) has west not before east" }
    if eastDegrees - westDegrees > 360 { return "\(self) spans more than 360 degrees of longitude" }
    return nil
  }

  public var description: String {
    "lon \(westDegrees)...\(eastDegrees), lat \(southDegrees)...\(northDegrees)"
  }
}
