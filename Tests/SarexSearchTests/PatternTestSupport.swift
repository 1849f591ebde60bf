import Foundation
import SarexGeo

@testable import SarexSearch

/// One nautical mile, metres.
let metresPerNM = 1852.0

/// 60-12.0N 004-00.0E, the datum of the pattern tests (North Sea, off Bergen).
let testDatum = GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2)

let testCommence = Date(timeIntervalSince1970: 1_790_000_000)

func degrees(_ radians: Double) -> Double { radians * 180 / .pi }

/// Signed difference of two bearings, radians in (-pi, pi].
func bearingDifference(_ a: Double, _ b: Double) -> Double {
  Geodesy.normalizedLongitude(a - b)
}

/// Signed turn from one leg to the next, radians (positive to the right), from the plane vertices.
func turns(_ g: PatternGeometry) -> [Double] {
  var result: [Double] = []
  for i in 1..<(g.vertices.count - 1) {
    let d1 = g.vertices[i] - g.vertices[i - 1]
    let d2 = g.vertices[i + 1] - g.vertices[i]
    result.append(-atan2(d1.cross(d2), d1.dot(d2)))
  }
  return result
}
