import SarexGeo

/// A category of points on a map (e.g. a particle status) with its legend label and colour.
public struct MapPointCategory: Sendable, Equatable {
  /// The code points carry (for particles: the `ParticleStatus` raw value).
  public var code: UInt8
  public var label: String
  /// An SVG colour ("#1f77b4", "red").
  public var color: String

  public init(code: UInt8, label: String, color: String) {
    self.code = code
    self.label = label
    self.color = color
  }
}

/// One layer of a map, drawn in the order given (first at the bottom).
public enum MapLayer: Sendable {
  /// Coastline (or any) polylines, e.g. GSHHG segments.
  case coastline(
    lines: [[GeoPoint]], color: String = "#4d4d4d", widthPixels: Double = 0.8,
    label: String? = "coastline")
  /// Filled polygons, each as rings (exterior then holes, open or closed), e.g. containment areas.
  case polygons(
    [[[GeoPoint]]], fill: String, fillOpacity: Double = 0.35, stroke: String,
    label: String?)
  /// Points coloured by category; points whose code has no category are not drawn. At most
  /// `maximumPoints` are drawn (an even subsample; the legend counts all), which keeps files small
  /// and PNG rendering quick (ImageMagick takes about 0.4 s per 1,000 points).
  case points(
    longitudesDegrees: [Double], latitudesDegrees: [Double], codes: [UInt8],
    categories: [MapPointCategory], radiusPixels: Double = 1.2, maximumPoints: Int = 5_000)
  /// A track (e.g. the centroid's path), with a dot at its start.
  case track([GeoPoint], color: String = "#000000", widthPixels: Double = 1.5, label: String?)
}
