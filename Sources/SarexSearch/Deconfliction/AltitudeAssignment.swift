import Foundation
import SarexGeo

/// An aircraft's area and the altitude it would like to search at.
public struct AltitudeRequest: Hashable, Sendable {
  public var area: AssignedArea
  /// Preferred search altitude, metres.
  public var preferredAltitude: Double

  public init(area: AssignedArea, preferredAltitude: Double) {
    self.area = area
    self.preferredAltitude = preferredAltitude
  }
}

/// The altitude given to the aircraft searching one area.
public struct AltitudeAssignment: Hashable, Sendable {
  public var areaID: String
  public var unit: String
  /// Assigned search altitude, metres.
  public var altitude: Double
}

extension Deconfliction {
  /// Search altitudes for aircraft such that aircraft in adjacent areas (overlapping, or
  /// boundaries within `adjacencyDistance` metres) with overlapping time windows are at least
  /// `separation` apart (default 500 ft). Requests are served in order (first = highest
  /// priority); each gets the altitude nearest its preference, among preference + k x separation
  /// (k = 0, +1, -1, +2, ...), not below `minimumAltitude`, that keeps the separation from every
  /// adjacent aircraft assigned before it.
  public static func assignAltitudes(
    _ requests: [AltitudeRequest], separation: Double = adjacentAreaVerticalSeparation,
    adjacencyDistance: Double = 1852, minimumAltitude: Double = 500 * 0.3048
  ) throws(DeconflictionError) -> [AltitudeAssignment] {
    for (name, value) in [
      ("separation", separation), ("adjacency distance", adjacencyDistance),
      ("minimum altitude", minimumAltitude),
    ] where !(value.isFinite && value >= 0) {
      throw .invalidParameter(name: name, value: value)
    }
    for r in requests where !r.preferredAltitude.isFinite {
      throw .invalidAltitudeBand(id: r.area.id, band: AltitudeBand(altitude: r.preferredAltitude))
    }
    let polygons = try planarPolygons(requests.map(\.area))
    var assigned: [AltitudeAssignment] = []
    for (i, request) in requests.enumerated() {
      var taken: [Double] = []
      for j in 0..<i {
        let other = requests[j].area
        guard let window = request.area.window.intersection(with: other.window),
          window.duration > 0
        else { continue }
        let adjacent =
          polygons[i].intersectionArea(with: polygons[j]) > 0
          || polygons[i].boundaryDistance(to: polygons[j]) <= adjacencyDistance + 1
        if adjacent { taken.append(assigned[j].altitude) }
      }
      let base = max(request.preferredAltitude, minimumAltitude)
      var altitude = base
      // Each taken altitude rules out at most two candidates (the step equals the separation), so
      // 2 x taken.count + 1 candidates above the floor always hold a free one.
      for k in 0...(4 * taken.count + 4) {
        let step = Double((k + 1) / 2) * (k.isMultiple(of: 2) ? -1 : 1)
        let candidate = base + step * separation
        guard candidate >= minimumAltitude - 1e-9 else { continue }
        if taken.allSatisfy({ abs($0 - candidate) >= separation - 1e-6 }) {
          altitude = candidate
          break
        }
      }
      assigned.append(
        AltitudeAssignment(areaID: request.area.id, unit: request.area.unit, altitude: altitude))
    }
    return assigned
  }
}
