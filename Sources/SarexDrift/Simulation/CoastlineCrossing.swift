import SarexEnvironment

/// Places a particle that moved onto land where OpenDrift places it: on the first land point of
/// a grid scanned between its previous (water) and present (land) positions, with a spacing of
/// `precisionDegrees` (OpenDrift's `general:coastline_approximation_precision`, 0.001 degree).
///
/// OpenDrift's scan: along each axis `floor(|delta| / precision)` points from the previous to the
/// present coordinate (end points included), or only the previous coordinate when
/// `|delta| <= precision`; rows of latitude outermost; the first land point wins; without one the
/// particle stays where it is.
struct CoastlineCrossing {
  var precisionDegrees: Double = 0.001

  func place<L: LandMask>(
    land: L, previousLongitude lon1: Double, previousLatitude lat1: Double,
    longitude lon2In: Double, latitude lat2: Double
  ) -> (longitude: Double, latitude: Double) {
    var lon2 = lon2In
    var dx = abs(lon2 - lon1)
    let dy = abs(lat2 - lat1)
    if dx == 0 && dy == 0 { return (lon2In, lat2) }
    if dx > 180 && lon1 < 0 {
      lon2 -= 360
      dx = abs(lon2 - lon1)
    }
    let nx = dx > precisionDegrees ? max(Int((dx / precisionDegrees).rounded(.down)), 1) : 1
    let ny = dy > precisionDegrees ? max(Int((dy / precisionDegrees).rounded(.down)), 1) : 1
    for iy in 0..<ny {
      let y = CoastlineCrossing.linspace(lat1, lat2, ny, iy)
      for ix in 0..<nx {
        let x = CoastlineCrossing.linspace(lon1, lon2, nx, ix)
        if land.isLand(longitude: x, latitude: y) { return (x, y) }
      }
    }
    return (lon2In, lat2)
  }

  /// numpy's `linspace(a, b, n)[i]`: `a + i * (b - a) / (n - 1)`, exactly `b` at the end, and
  /// `a` alone when n is 1.
  static func linspace(_ a: Double, _ b: Double, _ n: Int, _ i: Int) -> Double {
    if n == 1 { return a }
    if i == n - 1 { return b }
    return Double(i) * ((b - a) / Double(n - 1)) + a
  }
}
