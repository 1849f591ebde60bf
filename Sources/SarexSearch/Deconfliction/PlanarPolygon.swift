import Foundation
import SarexGeo

/// A simple polygon in a local plane, anticlockwise, with the few operations deconfliction
/// needs: area of intersection (ear-clipping triangulation, then convex clipping of triangle
/// pairs) and the distance between boundaries.
struct PlanarPolygon: Sendable {
  /// Anticlockwise vertices, not closed.
  let vertices: [PlanePoint]
  /// Anticlockwise triangles covering the polygon.
  let triangles: [[PlanePoint]]

  /// Nil when the points do not make a simple polygon with positive area.
  init?(_ points: [PlanePoint]) {
    var pts: [PlanePoint] = []
    for p in points where pts.last.map({ (p - $0).length > 1e-6 }) ?? true { pts.append(p) }
    if pts.count > 1, let first = pts.first, let last = pts.last, (first - last).length <= 1e-6 {
      pts.removeLast()
    }
    guard pts.count >= 3 else { return nil }
    if PlanarPolygon.signedArea(pts) < 0 { pts.reverse() }
    guard PlanarPolygon.signedArea(pts) > 1e-6,
      let triangles = PlanarPolygon.earClip(pts)
    else { return nil }
    vertices = pts
    self.triangles = triangles
  }

  var area: Double { PlanarPolygon.signedArea(vertices) }

  /// Shoelace area, positive for anticlockwise, square metres.
  static func signedArea(_ p: [PlanePoint]) -> Double {
    var sum = 0.0
    for i in p.indices { sum += p[i].cross(p[(i + 1) % p.count]) }
    return sum / 2
  }

  /// Ear clipping (O(n^3) worst case; search areas have a handful of corners). Nil if no ear can
  /// be found (a self-crossing boundary).
  static func earClip(_ polygon: [PlanePoint]) -> [[PlanePoint]]? {
    var remaining = polygon
    var result: [[PlanePoint]] = []
    while remaining.count > 3 {
      var clipped = false
      for i in remaining.indices {
        let a = remaining[(i + remaining.count - 1) % remaining.count]
        let b = remaining[i]
        let c = remaining[(i + 1) % remaining.count]
        guard (b - a).cross(c - b) > 1e-9 else { continue }
        let others = remaining.enumerated().filter {
          $0.offset != i && $0.offset != (i + 1) % remaining.count
            && $0.offset != (i + remaining.count - 1) % remaining.count
        }
        if others.contains(where: { contains(triangle: [a, b, c], point: $0.element) }) {
          continue
        }
        result.append([a, b, c])
        remaining.remove(at: i)
        clipped = true
        break
      }
      if !clipped { return nil }
    }
    guard signedArea(remaining) > 0 else { return nil }
    result.append(remaining)
    return result
  }

  static func contains(triangle t: [PlanePoint], point p: PlanePoint) -> Bool {
    let d1 = (t[1] - t[0]).cross(p - t[0])
    let d2 = (t[2] - t[1]).cross(p - t[1])
    let d3 = (t[0] - t[2]).cross(p - t[2])
    return d1 >= 0 && d2 >= 0 && d3 >= 0
  }

  /// Sutherland-Hodgman: `subject` clipped by the convex anticlockwise polygon `clip`.
  static func clip(_ subject: [PlanePoint], by clip: [PlanePoint]) -> [PlanePoint] {
    var output = subject
    for i in clip.indices {
      guard !output.isEmpty else { break }
      let a = clip[i]
      let b = clip[(i + 1) % clip.count]
      let edge = b - a
      let input = output
      output = []
      for j in input.indices {
        let p = input[j]
        let q = input[(j + 1) % input.count]
        let pIn = edge.cross(p - a) >= 0
        let qIn = edge.cross(q - a) >= 0
        if pIn { output.append(p) }
        if pIn != qIn {
          let dp = edge.cross(p - a)
          let dq = edge.cross(q - a)
          output.append(p + (dp / (dp - dq)) * (q - p))
        }
      }
    }
    return output
  }

  /// Area common to both polygons, square metres.
  func intersectionArea(with other: PlanarPolygon) -> Double {
    var total = 0.0
    for t in triangles {
      for u in other.triangles {
        let piece = PlanarPolygon.clip(t, by: u)
        if piece.count >= 3 { total += abs(PlanarPolygon.signedArea(piece)) }
      }
    }
    return total
  }

  /// Least distance between the two boundaries, metres (0 if they touch or cross).
  func boundaryDistance(to other: PlanarPolygon) -> Double {
    var best = Double.infinity
    for i in vertices.indices {
      let a = vertices[i]
      let b = vertices[(i + 1) % vertices.count]
      for j in other.vertices.indices {
        let c = other.vertices[j]
        let d = other.vertices[(j + 1) % other.vertices.count]
        best = min(best, PlanarPolygon.segmentDistance(a, b, c, d))
        if best == 0 { return 0 }
      }
    }
    return best
  }

  static func pointSegmentDistance(_ p: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> Double {
    let d = b - a
    let lengthSquared = d.dot(d)
    guard lengthSquared > 0 else { return (p - a).length }
    let t = max(0, min(1, (p - a).dot(d) / lengthSquared))
    return (p - (a + t * d)).length
  }

  static func segmentDistance(
    _ a: PlanePoint, _ b: PlanePoint, _ c: PlanePoint, _ d: PlanePoint
  ) -> Double {
    let d1 = (b - a).cross(c - a)
    let d2 = (b - a).cross(d - a)
    let d3 = (d - c).cross(a - c)
    let d4 = (d - c).cross(b - c)
    if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
      return 0
    }
    return min(
      pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d), pointSegmentDistance(c, a, b),
      pointSegmentDistance(d, a, b))
  }
}
