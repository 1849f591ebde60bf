import Foundation

/// A colour with opacity, written in KML's aabbggrr hexadecimal order.
public struct KMLColor: Hashable, Sendable {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8
  /// Opacity, 255 opaque.
  public var alpha: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8 = 255) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// "aabbggrr", lower case, as KML's `<color>` wants it.
  public var kmlHex: String {
    String(format: "%02x%02x%02x%02x", alpha, blue, green, red)
  }

  /// The same colour with another opacity.
  public func withAlpha(_ alpha: UInt8) -> KMLColor {
    KMLColor(red: red, green: green, blue: blue, alpha: alpha)
  }
}

/// A shared style: line colour and width for tracks and area outlines, fill for areas, icon
/// colour for points. Placemarks refer to it by id ("#id").
public struct KMLStyle: Hashable, Sendable {
  public var id: String
  public var lineColor: KMLColor
  /// Line width, pixels.
  public var lineWidth: Double
  /// Area fill; nil for an unfilled outline.
  public var fillColor: KMLColor?
  public var iconColor: KMLColor?

  public init(
    id: String, lineColor: KMLColor, lineWidth: Double = 2, fillColor: KMLColor? = nil,
    iconColor: KMLColor? = nil
  ) {
    self.id = id
    self.lineColor = lineColor
    self.lineWidth = lineWidth
    self.fillColor = fillColor
    self.iconColor = iconColor
  }

  /// The style of one nation's areas and tracks: id "nation-<code>", opaque lines and icons, the
  /// same colour at 25 % opacity as area fill.
  public static func nation(_ code: String, color: KMLColor) -> KMLStyle {
    KMLStyle(
      id: "nation-\(code)", lineColor: color, lineWidth: 2, fillColor: color.withAlpha(64),
      iconColor: color)
  }
}
