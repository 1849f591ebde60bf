import SarexGeo

/// A seeding polygon on a local equirectangular plane (x = longitude x cos(mean latitude),
/// y = latitude): equal-area enough over the few tens of kilometres of a search area to seed
/// uniformly by rejection from the bounding box.
struct PlanarPolygon {
  let longitudes: [Double]
  let latitudes: [Double]
  let minLon: Double, maxLon: Double, minLat: Double, maxLat: Double
  let cosMeanLatitude: Double

  init(_ vertices: [GeoPoint]) {
    longitudes = vertices.map(\.longitudeDegrees)
    latitudes = vertices.map(\.latitudeDegrees)
    minLon = longitudes.min() ?? 0
    maxLon = longitudes.max() ?? 0
    minLat = latitudes.min() ?? 0
    maxLat = latitudes.max() ?? 0
    let mean = latitudes.isEmpty ? 0 : latitudes.reduce(0, +) / Double(latitudes.count)
    cosMeanLatitude = LocalGeodesic.sinCos(mean * LocalGeodesic.radiansPerDegree).cos
  }

  /// Area on the plane (degrees squared, scaled by cos(mean latitude)); 0 when degenerate.
  var area: Double {
    guard longitudes.count >= 3 else { return 0 }
    var twice = 0.0
    for i in 0..<longitudes.count {
      let j = (i + 1) % longitudes.count
      twice += longitudes[i] * latitudes[j] - longitudes[j] * latitudes[i]
    }
    return abs(twice) / 2 * cosMeanLatitude
  }

  /// The point at fractions (u, v) of the bounding box.
  func boundingBoxPoint(_ u: Double, _ v: Double) -> (Double, Double) {
    (minLon + (maxLon - minLon) * u, minLat + (maxLat - minLat) * v)
  }

  /// Even-odd rule.
  func contains(longitudeDegrees x: Double, latitudeDegrees y: Double) -> Bool {
    var inside = false
    var j = longitudes.count - 1
    for i in 0..<longitudes.count {
      let xi = longitudes[i]
      let yi = latitudes[i]
      let xj = longitudes[j]
      let yj = latitudes[j]
      if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
      j = i
    }
    return inside
  }
}
