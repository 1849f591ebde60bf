import Foundation
import SarexGeo

/// One polygon of a containment area: rings in degrees, open (the first position is not
/// repeated at the end), exterior counterclockwise and holes clockwise as RFC 7946 asks.
public struct ContainmentPolygon: Sendable, Equatable {
  public var exterior: [GeoPoint]
  public var holes: [[GeoPoint]]

  public init(exterior: [GeoPoint], holes: [[GeoPoint]] = []) {
    self.exterior = exterior
    self.holes = holes
  }
}

/// The smallest region holding a given fraction of the particle cloud's weight (a highest-density
/// region), e.g. the 50 % and 90 % containment areas a search planner draws.
public struct ContainmentArea: Sendable, Equatable {
  /// The fraction asked for (0.5 for the 50 % area).
  public var fraction: Double
  /// The region as polygons (a MultiPolygon): several when the cloud has separate modes.
  public var polygons: [ContainmentPolygon]
  /// Area of the region on the tangent plane at the cloud's centroid, square metres.
  public var areaSquareMeters: Double
  /// Fraction of the included weight inside the region: at least `fraction`, above it by at most
  /// the weight of one grid cell.
  public var containedFraction: Double

  /// The polygons as rings (exterior first, then holes), the shape of a GeoJSON MultiPolygon's
  /// coordinates: `GeoJSONGeometry.multiPolygon(area.multiPolygonRings)`.
  public var multiPolygonRings: [[[GeoPoint]]] {
    polygons.map { [$0.exterior] + $0.holes }
  }

  /// The 50 % and 90 % (or other) containment areas of the particles whose status is in
  /// `included` (active and stranded by default: a stranded person is still somewhere to search;
  /// particles outside the forcing have no predicted position). Particles with non-finite
  /// positions or non-positive weights are left out. Empty polygons when no particle counts.
  ///
  /// Method: particles on the tangent plane at their centroid (``FirstOrderTangentPlane``), weight
  /// binned on a grid and smoothed (see `DensityGrid`: Scott's-rule Gaussian kernel, cells half a
  /// bandwidth), cells sorted by smoothed density and taken until their raw weight reaches the
  /// fraction, the cells' outline traced into polygons (holes allowed).
  public static func areas(
    longitudesDegrees: UnsafeBufferPointer<Double>, latitudesDegrees: UnsafeBufferPointer<Double>,
    statusCodes: UnsafeBufferPointer<UInt8>, weights: UnsafeBufferPointer<Double>? = nil,
    fractions: [Double] = [0.5, 0.9],
    included: Set<ParticleStatus> = [.active, .stranded]
  ) -> [ContainmentArea] {
    let includedCodes = Set(included.map(\.rawValue))
    let empty = fractions.map {
      ContainmentArea(fraction: $0, polygons: [], areaSquareMeters: 0, containedFraction: 0)
    }
    guard
      let moments = CloudMoments(
        longitudesDegrees: longitudesDegrees, latitudesDegrees: latitudesDegrees,
        statusCodes: statusCodes, weights: weights, include: { includedCodes.contains($0) })
    else { return empty }
    let plane = moments.plane
    var east: [Double] = []
    var north: [Double] = []
    var mass: [Double] = []
    east.reserveCapacity(moments.count)
    north.reserveCapacity(moments.count)
    mass.reserveCapacity(moments.count)
    for index in 0..<statusCodes.count where includedCodes.contains(statusCodes[index]) {
      let longitude = longitudesDegrees[index]
      let latitude = latitudesDegrees[index]
      let weight = weights?[index] ?? 1
      guard longitude.isFinite, latitude.isFinite, weight.isFinite, weight > 0 else { continue }
      east.append(plane.east(longitude))
      north.append(plane.north(latitude))
      mass.append(weight)
    }
    let grid = DensityGrid(east: east, north: north, weights: mass)
    let total = mass.reduce(0, +)
    let order = grid.density.indices.filter { grid.density[$0] > 0 }
      .sorted { grid.density[$0] > grid.density[$1] }
    let cellArea = grid.cellEast * grid.cellNorth

    return fractions.map { fraction in
      var selected = Array(repeating: false, count: grid.density.count)
      var accumulated = 0.0
      var cells = 0
      for cell in order {
        if accumulated >= fraction * total { break }
        selected[cell] = true
        accumulated += grid.weight[cell]
        cells += 1
      }
      let traced = CellBoundaryTracer.polygons(
        selected: selected, columns: grid.columns, rows: grid.rows)
      func geo(_ ring: [(x: Int, y: Int)]) -> [GeoPoint] {
        ring.map { vertex in
          GeoPoint(
            longitudeDegrees: plane.longitudeDegrees(
              east: grid.originEast + Double(vertex.x) * grid.cellEast),
            latitudeDegrees: plane.latitudeDegrees(
              north: grid.originNorth + Double(vertex.y) * grid.cellNorth))
        }
      }
      return ContainmentArea(
        fraction: fraction,
        polygons: traced.map {
          ContainmentPolygon(exterior: geo($0.exterior), holes: $0.holes.map(geo))
        },
        areaSquareMeters: Double(cells) * cellArea, containedFraction: accumulated / total)
    }
  }

  /// The containment areas from arrays.
  public static func areas(
    longitudesDegrees: [Double], latitudesDegrees: [Double], status: [ParticleStatus],
    weights: [Double]? = nil, fractions: [Double] = [0.5, 0.9],
    included: Set<ParticleStatus> = [.active, .stranded]
  ) -> [ContainmentArea] {
    precondition(
      longitudesDegrees.count == latitudesDegrees.count && status.count == latitudesDegrees.count
        && (weights?.count ?? status.count) == status.count,
      "ContainmentArea: longitude, latitude, status and weight arrays differ in length")
    let codes = status.map(\.rawValue)
    return longitudesDegrees.withUnsafeBufferPointer { longitudes in
      latitudesDegrees.withUnsafeBufferPointer { latitudes in
        codes.withUnsafeBufferPointer { codes in
          guard let weights else {
            return areas(
              longitudesDegrees: longitudes, latitudesDegrees: latitudes, statusCodes: codes,
              fractions: fractions, included: included)
          }
          return weights.withUnsafeBufferPointer { weights in
            areas(
              longitudesDegrees: longitudes, latitudesDegrees: latitudes, statusCodes: codes,
              weights: weights, fractions: fractions, included: included)
          }
        }
      }
    }
  }
}
