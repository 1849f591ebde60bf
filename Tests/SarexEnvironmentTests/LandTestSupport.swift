import Foundation
import SarexGeo

@testable import SarexEnvironment

/// Shared fixtures of the land mask tests: the mask over the western Norway forcing area is read
/// once (about a second) and shared by the tests that need it.
enum LandTestSupport {
  /// The forcing area of the shipped NorKyst-800 + AROME data, where the fixture points lie.
  static let westernNorway = LonLatBox(
    westDegrees: 3, eastDegrees: 6, southDegrees: 59, northDegrees: 61.5)

  static let mask: GSHHGLandMask? = try? GSHHGLandMask(region: westernNorway)

  /// Metres per degree of latitude (mean, WGS 84); good to a fraction of a percent, enough for
  /// tolerances of metres.
  static let metresPerDegree = 111_195.0

  /// Distance (m) from a position to the nearest shoreline of the mask, looked up within about
  /// 200 m; `.infinity` when none is that close.
  static func distanceToShore(_ mask: GSHHGLandMask, longitude: Double, latitude: Double) -> Double
  {
    let d = 0.002
    let box = LonLatBox(
      westDegrees: longitude - 2 * d, eastDegrees: longitude + 2 * d,
      southDegrees: latitude - d, northDegrees: latitude + d)
    let kx = metresPerDegree * cos(latitude * .pi / 180)
    let ky = metresPerDegree
    var best = Double.infinity
    for line in mask.shorelines(in: box) {
      for k in 1..<line.count {
        let ax = (line[k - 1].longitudeDegrees - longitude) * kx
        let ay = (line[k - 1].latitudeDegrees - latitude) * ky
        let bx = (line[k].longitudeDegrees - longitude) * kx
        let by = (line[k].latitudeDegrees - latitude) * ky
        let dx = bx - ax
        let dy = by - ay
        let length2 = dx * dx + dy * dy
        let t = length2 > 0 ? max(0, min(1, -(ax * dx + ay * dy) / length2)) : 0
        best = min(
          best, ((ax + t * dx) * (ax + t * dx) + (ay + t * dy) * (ay + t * dy)).squareRoot())
      }
    }
    return best
  }

  /// An independent reference for the raster and its per-cell test: crossing parity against all
  /// level-1 edges of the bin, from next to the bin's south-west corner (whose node level is
  /// known) north along `x = 0.5` and then east or west along the point's latitude.
  static func referenceIsLand(_ mask: GSHHGLandMask, longitude: Double, latitude: Double) -> Bool? {
    guard let (bin, u, v) = mask.cells.locate(longitude: longitude, latitude: latitude) else {
      return nil
    }
    return referenceIsLand(mask.shores.bins[bin], x: u * 65535, y: v * 65535)
  }

  /// The same parity test at a point of the bin's lattice (0...65535 on each axis).
  static func referenceIsLand(_ bin: GSHHGBin, x px: Double, y py: Double) -> Bool {
    var land = bin.southWestLand
    for segment in bin.segments {
      for k in 1..<segment.count {
        let x0 = Double(segment[k - 1].x)
        let y0 = Double(segment[k - 1].y)
        let x1 = Double(segment[k].x)
        let y1 = Double(segment[k].y)
        if (x0 > 0.5) != (x1 > 0.5) {
          let yc = y0 + (0.5 - x0) * (y1 - y0) / (x1 - x0)
          if (yc > 0.5) != (yc > py) { land.toggle() }
        }
        if (y0 > py) != (y1 > py) {
          let xc = x0 + (py - y0) * (x1 - x0) / (y1 - y0)
          if (xc > 0.5) != (xc > px) { land.toggle() }
        }
      }
    }
    return land
  }

  /// The fixture points with roaring_landmask's answers
  /// (made by scripts/land/make_roaring_fixture.py).
  static func roaringFixture() throws -> [(
    longitude: Double, latitude: Double, land: Bool, coast: Bool
  )] {
    guard
      let url = Bundle.module.url(
        forResource: "land-roaring-western-norway", withExtension: "csv",
        subdirectory: "Fixtures")
    else { throw FixtureMissing() }
    let text = try String(contentsOf: url, encoding: .utf8)
    var rows: [(Double, Double, Bool, Bool)] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("lon") {
      let f = line.split(separator: ",")
      guard f.count == 4, let lon = Double(f[0]), let lat = Double(f[1]) else {
        throw FixtureMissing()
      }
      rows.append((lon, lat, f[2] == "1", f[3] == "coast"))
    }
    return rows
  }

  struct FixtureMissing: Error {}
}
