import Foundation
import SarexGeo

/// A map as SVG: an equirectangular view of a ``MapBox`` (longitudes scaled by the cosine of the
/// middle latitude, so shapes are true near that parallel), with layers, a title, a legend, a
/// north arrow and a scale bar in nautical miles and kilometres.
public struct SVGMap: Sendable {
  public var box: MapBox
  public var title: String
  public var layers: [MapLayer]
  /// Width of the map area, pixels; its height follows from the box.
  public var widthPixels: Double

  public init(box: MapBox, title: String, layers: [MapLayer], widthPixels: Double = 900) {
    self.box = box
    self.title = title
    self.layers = layers
    self.widthPixels = widthPixels
  }

  /// Space above the map for the title, pixels.
  static let titleBand = 40.0
  /// Frame around the map, pixels.
  static let margin = 12.0

  /// Pixels per degree of latitude.
  var scale: Double {
    widthPixels / ((box.eastDegrees - box.westDegrees) * cos(box.middleLatitudeDegrees * .pi / 180))
  }
  var mapHeight: Double { (box.northDegrees - box.southDegrees) * scale }

  /// Page coordinates of a position.
  func page(_ longitude: Double, _ latitude: Double) -> (x: Double, y: Double) {
    let cosine = cos(box.middleLatitudeDegrees * .pi / 180)
    return (
      Self.margin + (longitude - box.westDegrees) * cosine * scale,
      Self.titleBand + (box.northDegrees - latitude) * scale
    )
  }

  /// The SVG document.
  public var svgText: String {
    let width = widthPixels + 2 * Self.margin
    let height = mapHeight + Self.titleBand + Self.margin
    var out = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
      viewBox="0 0 \(n(width)) \(n(height))" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
      <rect x="0" y="0" width="\(n(width))" height="\(n(height))" fill="#ffffff"/>
      <rect x="\(n(Self.margin))" y="\(n(Self.titleBand))" width="\(n(widthPixels))" \
      height="\(n(mapHeight))" fill="#eef5fb"/>

      """
    var legend: [(swatch: String, label: String)] = []
    for layer in layers {
      draw(layer, into: &out, legend: &legend)
    }
    // Mask whatever spilled outside the map area, then frame it.
    out += """
      <path d="M0 0H\(n(width))V\(n(height))H0Z M\(n(Self.margin)) \(n(Self.titleBand))v\(n(mapHeight))\
      h\(n(widthPixels))v\(n(-mapHeight))Z" fill="#ffffff" fill-rule="evenodd"/>
      <rect x="\(n(Self.margin))" y="\(n(Self.titleBand))" width="\(n(widthPixels))" \
      height="\(n(mapHeight))" fill="none" stroke="#333333" stroke-width="1"/>
      <text x="\(n(Self.margin))" y="26" font-size="17" font-weight="bold">\(escape(title))</text>

      """
    drawGraticuleLabels(into: &out)
    drawNorthArrow(into: &out)
    drawScaleBar(into: &out)
    drawLegend(legend, into: &out)
    out += "</svg>\n"
    return out
  }

  /// Writes the SVG atomically to `path`.
  public func writeSVG(to path: String) throws(AtomicFileError) {
    try AtomicFileWriter.write(svgText, to: path)
  }

  // MARK: layers

  private func draw(
    _ layer: MapLayer, into out: inout String, legend: inout [(swatch: String, label: String)]
  ) {
    switch layer {
    case .coastline(let lines, let color, let width, let label):
      out +=
        "<g fill=\"none\" stroke=\"\(escape(color))\" stroke-width=\"\(n(width))\" "
        + "stroke-linejoin=\"round\">\n"
      for line in lines where line.count >= 2 {
        out += "<path d=\"\(pathData(line, closed: false))\"/>\n"
      }
      out += "</g>\n"
      if let label {
        legend.append((lineSwatch(color, width: max(width, 1.5)), label))
      }
    case .polygons(let polygons, let fill, let opacity, let stroke, let label):
      let paint = translucent(fill, opacity)
      out +=
        "<g \(paint) stroke=\"\(escape(stroke))\" stroke-width=\"1.2\" fill-rule=\"evenodd\">\n"
      for rings in polygons {
        let data = rings.filter { $0.count >= 3 }.map { pathData($0, closed: true) }
          .joined(separator: " ")
        if !data.isEmpty { out += "<path d=\"\(data)\"/>\n" }
      }
      out += "</g>\n"
      if let label {
        legend.append(
          (
            "<rect x=\"0\" y=\"-6\" width=\"18\" height=\"12\" \(paint) "
              + "stroke=\"\(escape(stroke))\"/>", label
          ))
      }
    case .points(let longitudes, let latitudes, let codes, let categories, let radius, let maximum):
      let count = min(longitudes.count, latitudes.count, codes.count)
      let stride = max(1, Int((Double(count) / Double(max(maximum, 1))).rounded(.up)))
      for category in categories {
        var drawn = 0
        var body = ""
        var total = 0
        for index in 0..<count where codes[index] == category.code {
          total += 1
          guard index % stride == 0, longitudes[index].isFinite, latitudes[index].isFinite
          else { continue }
          let p = page(longitudes[index], latitudes[index])
          body += "<circle cx=\"\(n(p.x))\" cy=\"\(n(p.y))\" r=\"\(n(radius))\"/>\n"
          drawn += 1
        }
        guard total > 0 else { continue }
        out += "<g fill=\"\(escape(category.color))\" stroke=\"none\">\n" + body + "</g>\n"
        legend.append(
          (
            "<circle cx=\"9\" cy=\"0\" r=\"4\" fill=\"\(escape(category.color))\"/>",
            "\(category.label) (\(total))"
          ))
      }
    case .track(let points, let color, let width, let label):
      guard let first = points.first else { return }
      let start = page(first.longitudeDegrees, first.latitudeDegrees)
      out +=
        "<path d=\"\(pathData(points, closed: false))\" fill=\"none\" "
        + "stroke=\"\(escape(color))\" stroke-width=\"\(n(width))\"/>\n"
      out +=
        "<circle cx=\"\(n(start.x))\" cy=\"\(n(start.y))\" r=\"\(n(width + 2))\" "
        + "fill=\"\(escape(color))\"/>\n"
      if let label { legend.append((lineSwatch(color, width: width), label)) }
    }
  }

  /// Fill attributes for a colour at some opacity: `#rrggbb` becomes an `rgba()` fill, which
  /// browsers and ImageMagick's own SVG renderer both honour (the latter ignores `fill-opacity`);
  /// other colour names keep `fill-opacity`.
  func translucent(_ color: String, _ opacity: Double) -> String {
    let hex = color.hasPrefix("#") ? String(color.dropFirst()) : ""
    if hex.count == 6, let value = UInt32(hex, radix: 16) {
      let red = (value >> 16) & 0xFF
      let green = (value >> 8) & 0xFF
      let blue = value & 0xFF
      return "fill=\"rgba(\(red),\(green),\(blue),\(n(min(max(opacity, 0), 1), 3)))\""
    }
    return "fill=\"\(escape(color))\" fill-opacity=\"\(n(opacity, 3))\""
  }

  private func lineSwatch(_ color: String, width: Double) -> String {
    "<line x1=\"0\" y1=\"0\" x2=\"18\" y2=\"0\" stroke=\"\(escape(color))\" "
      + "stroke-width=\"\(n(width))\"/>"
  }

  private func pathData(_ points: [GeoPoint], closed: Bool) -> String {
    var data = ""
    for (index, point) in points.enumerated()
    where point.longitudeDegrees.isFinite && point.latitudeDegrees.isFinite {
      let p = page(point.longitudeDegrees, point.latitudeDegrees)
      data += (data.isEmpty ? "M" : "L") + n(p.x) + " " + n(p.y)
      _ = index
    }
    return closed && !data.isEmpty ? data + "Z" : data
  }

  // MARK: furniture

  /// Degree labels at the corners so the reader can place the map.
  private func drawGraticuleLabels(into out: inout String) {
    let bottom = Self.titleBand + mapHeight
    let right = Self.margin + widthPixels
    out += "<g font-size=\"10\" fill=\"#333333\">\n"
    out +=
      "<text x=\"\(n(right))\" y=\"\(n(Self.titleBand - 4))\" text-anchor=\"end\">"
      + "\(escape(degrees(box.northDegrees, "N", "S"))) \(escape(degrees(box.eastDegrees, "E", "W")))</text>\n"
    out +=
      "<text x=\"\(n(right - 4))\" y=\"\(n(bottom - 4))\" text-anchor=\"end\">"
      + "\(escape(degrees(box.southDegrees, "N", "S"))) \(escape(degrees(box.westDegrees, "E", "W")))"
      + " (lower left)</text>\n"
    out += "</g>\n"
  }

  private func degrees(_ value: Double, _ positive: String, _ negative: String) -> String {
    let whole = abs(value).rounded(.down)
    let minutes = (abs(value) - whole) * 60
    return "\(Int(whole))°" + String(format: "%04.1f′", minutes)
      + (value >= 0 ? positive : negative)
  }

  private func drawNorthArrow(into out: inout String) {
    let x = Self.margin + widthPixels - 28
    let y = Self.titleBand + 18
    out += """
      <g transform="translate(\(n(x)) \(n(y)))">
      <circle cx="0" cy="18" r="17" fill="#ffffff" fill-opacity="0.8" stroke="#333333" stroke-width="0.8"/>
      <path d="M0 4L7 28L0 22L-7 28Z" fill="#222222"/>
      <text x="0" y="16" font-size="9" font-weight="bold" text-anchor="middle" fill="#ffffff">N</text>
      </g>

      """
  }

  /// Metres per pixel at the middle latitude (Gaussian radius of curvature sqrt(M N) of WGS 84).
  var metersPerPixel: Double {
    let a = 6_378_137.0
    let f = 1 / 298.257_223_563
    let e2 = f * (2 - f)
    let sine = sin(box.middleLatitudeDegrees * .pi / 180)
    let w2 = 1 - e2 * sine * sine
    let radius = a * (1 - e2).squareRoot() / w2
    return radius * .pi / 180 / scale
  }

  /// A round length (1, 2 or 5 times a power of ten) near a quarter of the map width.
  static func niceLength(upTo maximum: Double) -> Double {
    guard maximum > 0, maximum.isFinite else { return 1 }
    let power = pow(10, log10(maximum).rounded(.down))
    for step in [5.0, 2.0, 1.0] where step * power <= maximum { return step * power }
    return power
  }

  private func drawScaleBar(into out: inout String) {
    let x = Self.margin + 14
    let bottom = Self.titleBand + mapHeight - 14
    let target = widthPixels / 4 * metersPerPixel
    let nauticalMiles = Self.niceLength(upTo: target / 1852)
    let kilometres = Self.niceLength(upTo: target / 1000)
    let nmPixels = nauticalMiles * 1852 / metersPerPixel
    let kmPixels = kilometres * 1000 / metersPerPixel
    let boxWidth = max(nmPixels, kmPixels) + 70
    out += """
      <g font-size="10" fill="#222222">
      <rect x="\(n(x - 6))" y="\(n(bottom - 40))" width="\(n(boxWidth))" height="46" fill="#ffffff" fill-opacity="0.8"/>
      <rect x="\(n(x))" y="\(n(bottom - 30))" width="\(n(nmPixels))" height="5" fill="#222222"/>
      <text x="\(n(x + nmPixels + 6))" y="\(n(bottom - 24))">\(n(nauticalMiles, 3)) NM</text>
      <rect x="\(n(x))" y="\(n(bottom - 12))" width="\(n(kmPixels))" height="5" fill="#222222"/>
      <text x="\(n(x + kmPixels + 6))" y="\(n(bottom - 6))">\(n(kilometres, 3)) km</text>
      </g>

      """
  }

  private func drawLegend(_ entries: [(swatch: String, label: String)], into out: inout String) {
    guard !entries.isEmpty else { return }
    let lineHeight = 17.0
    let longest = entries.map(\.label.count).max() ?? 0
    let width = 36 + Double(longest) * 6.6
    let height = Double(entries.count) * lineHeight + 10
    let x = Self.margin + 10
    let y = Self.titleBand + 10
    out += "<g font-size=\"11\" fill=\"#222222\">\n"
    out +=
      "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\" "
      + "fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"#999999\" stroke-width=\"0.6\"/>\n"
    for (index, entry) in entries.enumerated() {
      let rowY = y + 5 + lineHeight * (Double(index) + 0.5)
      out += "<g transform=\"translate(\(n(x + 8)) \(n(rowY)))\">\(entry.swatch)</g>\n"
      out += "<text x=\"\(n(x + 32))\" y=\"\(n(rowY + 4))\">\(escape(entry.label))</text>\n"
    }
    out += "</g>\n"
  }

  // MARK: text

  private func n(_ value: Double, _ decimals: Int = 1) -> String {
    FixedDecimal.text(value, decimals: decimals)
  }

  func escape(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      default: out.append(character)
      }
    }
    return out
  }
}
