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
