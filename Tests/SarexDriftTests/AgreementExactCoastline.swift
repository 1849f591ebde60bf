import Foundation
import SarexEnvironment

/// OpenDrift's coastline over the area of the reference runs: GSHHG full-resolution level-1
/// polygons with their native micro-degree vertices, as roaring-landmask holds them
/// (Fixtures/opendrift_coastline.csv, written by scripts/opendrift/export_coastline.py).
///
/// Sarex's product mask reads GMT's binned GSHHG, whose vertices are rounded to 1/65535 of a
/// 1-degree bin (about 1.7 m north-south, 0.9 m east-west at 60 N); with this mask the agreement
/// tests compare the drift engine alone, on exactly OpenDrift's land.
///
/// Land is inside an odd number of rings (crossing parity of a ray to the east), found among the
/// edges of one latitude band. Outside the fixture's box everything is sea.
struct AgreementExactCoastline: LandMask {
  struct Edge: Sendable {
    var x1, y1, x2, y2: Double
  }

  let south: Double
  let north: Double
  let west: Double
  let east: Double
  let bandHeight = 0.002
  /// Edges crossing band k: `edges[bandStart[k]..<bandStart[k + 1]]`.
  let bandStart: [Int]
  let edges: [Edge]

  init() throws {
    let name = "opendrift_coastline.csv"
    var rings: [[(Double, Double)]] = []
    var current = -1
    for r in try AgreementFixtures.rows(name, header: "ring,lon,lat") {
      guard let ring = Int(r[0]) else {
        throw AgreementFixtures.Malformed(description: "\(name): bad ring number '\(r[0])'")
      }
      if ring != current {
        rings.append([])
        current = ring
      }
      rings[rings.count - 1].append(
        (try AgreementFixtures.number(r[1], name), try AgreementFixtures.number(r[2], name)))
    }
    let all = rings.flatMap { $0 }
    guard let first = all.first else {
      throw AgreementFixtures.Malformed(description: "\(name) has no vertices")
    }
    var box = (west: first.0, east: first.0, south: first.1, north: first.1)
    for (x, y) in all {
      box = (min(box.west, x), max(box.east, x), min(box.south, y), max(box.north, y))
    }
    (west, east, south, north) = box
    let bandCount = Int(((box.north - box.south) / bandHeight).rounded(.up)) + 1
    var perBand = [[Edge]](repeating: [], count: bandCount)
    for ring in rings {
      for k in 1..<max(ring.count, 1) {
        let e = Edge(x1: ring[k - 1].0, y1: ring[k - 1].1, x2: ring[k].0, y2: ring[k].1)
        guard e.y1 != e.y2 else { continue }  // never crossed by a horizontal ray
        let lo = Int(((min(e.y1, e.y2) - box.south) / bandHeight).rounded(.down))
        let hi = Int(((max(e.y1, e.y2) - box.south) / bandHeight).rounded(.down))
        for b in max(lo, 0)...min(hi, bandCount - 1) { perBand[b].append(e) }
      }
    }
    var start = [0]
    for band in perBand { start.append(start[start.count - 1] + band.count) }
    bandStart = start
    edges = perBand.flatMap { $0 }
  }

  func isLand(longitude: Double, latitude: Double) -> Bool {
    guard latitude >= south, latitude <= north, longitude >= west, longitude <= east else {
      return false
    }
    let band = Int(((latitude - south) / bandHeight).rounded(.down))
    var inside = false
    for k in bandStart[band]..<bandStart[band + 1] {
      let e = edges[k]
      // Half-open in y so that a vertex on the ray counts once.
      guard (e.y1 > latitude) != (e.y2 > latitude) else { continue }
      let x = e.x1 + (latitude - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1)
      if longitude < x { inside.toggle() }
    }
    return inside
  }
}
