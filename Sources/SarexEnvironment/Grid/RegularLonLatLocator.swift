/// Locates positions on a regular longitude/latitude grid: index = (coordinate - first) /
/// (last - first) * (count - 1), OpenDrift's formula. Longitudes are first brought into the
/// 360-degree window that holds the grid. Components are east/north: no rotation.
struct RegularLonLatLocator: GridLocator {
  let firstLongitude: Double
  let longitudeScale: Double
  let firstLatitude: Double
  let latitudeScale: Double
  /// West edge of the 360-degree window that holds the grid's longitudes.
  let windowWest: Double

  init(longitudes: [Double], latitudes: [Double]) {
    firstLongitude = longitudes[0]
    longitudeScale =
      Double(longitudes.count - 1) / (longitudes[longitudes.count - 1] - longitudes[0])
    firstLatitude = latitudes[0]
    latitudeScale = Double(latitudes.count - 1) / (latitudes[latitudes.count - 1] - latitudes[0])
    let lo = min(longitudes[0], longitudes[longitudes.count - 1])
    let hi = max(longitudes[0], longitudes[longitudes.count - 1])
    windowWest = (lo + hi) / 2 - 180
  }

  @inline(__always)
  func locate(longitude: Double, latitude: Double) -> GridPosition {
    let wrapped = longitude - 360 * ((longitude - windowWest) * (1.0 / 360)).rounded(.down)
    return GridPosition(
      i: (wrapped - firstLongitude) * longitudeScale, j: (latitude - firstLatitude) * latitudeScale,
      cosAzimuth: 1, sinAzimuth: 0, inside: true)
  }
}
