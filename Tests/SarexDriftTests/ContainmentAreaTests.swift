import Foundation
import SarexGeo
import Testing

@testable import SarexDrift

/// Even-odd point-in-ring test in degrees (rings are small, far from the poles and antimeridian).
private func ringContains(_ ring: [GeoPoint], _ longitude: Double, _ latitude: Double) -> Bool {
  var inside = false
  for index in ring.indices {
    let a = ring[index]
    let b = ring[(index + 1) % ring.count]
    if (a.latitudeDegrees > latitude) != (b.latitudeDegrees > latitude) {
      let t = (latitude - a.latitudeDegrees) / (b.latitudeDegrees - a.latitudeDegrees)
      if longitude < a.longitudeDegrees + t * (b.longitudeDegrees - a.longitudeDegrees) {
        inside.toggle()
      }
    }
  }
  return inside
}

private func areaContains(_ area: ContainmentArea, _ longitude: Double, _ latitude: Double) -> Bool
{
  area.polygons.contains { polygon in
    ringContains(polygon.exterior, longitude, latitude)
      && !polygon.holes.contains { ringContains($0, longitude, latitude) }
  }
}

/// Signed shoelace area of a ring in degrees squared (positive when counterclockwise).
private func signedArea(_ ring: [GeoPoint]) -> Double {
  var sum = 0.0
  for index in ring.indices {
    let a = ring[index]
    let b = ring[(index + 1) % ring.count]
    sum += a.longitudeDegrees * b.latitudeDegrees - b.longitudeDegrees * a.latitudeDegrees
  }
  return sum / 2
}

@Test func containmentOfGaussianCloudMatchesAnalyticEllipses() {
  // For a 2-D Gaussian the p-containment region is the ellipse of Mahalanobis radius r with
  // p = 1 - exp(-r^2/2), area pi r^2 sigma1 sigma2 = -2 ln(1 - p) pi sigma1 sigma2:
  // 2 ln 2 pi sigma1 sigma2 for 50 %, 2 ln 10 pi sigma1 sigma2 for 90 %.
  let count = 40_000
  let cloud = OutputTestCloud(
    count: count, centerLongitude: 4.2, centerLatitude: 60.3, sigmaMajor: 3000, sigmaMinor: 1200,
    azimuthDegrees: 35, seed: 11)
  let areas = ContainmentArea.areas(
    longitudesDegrees: cloud.longitudes, latitudesDegrees: cloud.latitudes,
    status: Array(repeating: .active, count: count))
  #expect(areas.map(\.fraction) == [0.5, 0.9])
  let product = Double.pi * 3000 * 1200
  #expect(abs(areas[0].areaSquareMeters / (2 * log(2.0) * product) - 1) < 0.04)
  #expect(abs(areas[1].areaSquareMeters / (2 * log(10.0) * product) - 1) < 0.04)
  // The traced polygons hold the particles the cells hold.
  for area in areas {
    let inside = zip(cloud.longitudes, cloud.latitudes).filter { areaContains(area, $0, $1) }.count
    let share = Double(inside) / Double(count)
    #expect(share >= area.fraction - 0.002 && share < area.fraction + 0.01)
    #expect(abs(share - area.containedFraction) < 0.002)
  }
  // One connected region, exterior counterclockwise as RFC 7946 asks.
  #expect(areas[0].polygons.count == 1)
  #expect(signedArea(areas[0].polygons[0].exterior) > 0)
}

@Test func containmentOfTwoSeparateCloudsGivesTwoPolygons() {
  let first = OutputTestCloud(
    count: 3000, centerLongitude: 4.0, centerLatitude: 60.0, sigmaMajor: 500, sigmaMinor: 500,
    azimuthDegrees: 0, seed: 1)
  let second = OutputTestCloud(
    count: 3000, centerLongitude: 4.5, centerLatitude: 60.0, sigmaMajor: 500, sigmaMinor: 500,
    azimuthDegrees: 0, seed: 2)
  let areas = ContainmentArea.areas(
    longitudesDegrees: first.longitudes + second.longitudes,
    latitudesDegrees: first.latitudes + second.latitudes,
    status: Array(repeating: .active, count: 6000), fractions: [0.9])
  #expect(areas[0].polygons.count == 2)
  #expect(!areaContains(areas[0], 4.25, 60.0))
  #expect(areaContains(areas[0], 4.0, 60.0) && areaContains(areas[0], 4.5, 60.0))
}

@Test func containmentOfRingShapedCloudHasAHole() {
  // Particles on a circle of radius 5 km with 300 m radial noise: the 90 % region is an annulus.
  var random = OutputTestRandom(seed: 5)
  let plane = FirstOrderTangentPlane(originLongitudeDegrees: 4, originLatitudeDegrees: 60)
  var longitudes: [Double] = []
  var latitudes: [Double] = []
  for _ in 0..<8000 {
    let angle = Double.random(in: 0..<(2 * .pi), using: &random)
    let radius = 5000 + 300 * random.normal()
    longitudes.append(plane.longitudeDegrees(east: radius * cos(angle)))
    latitudes.append(plane.latitudeDegrees(north: radius * sin(angle)))
  }
  let area = ContainmentArea.areas(
    longitudesDegrees: longitudes, latitudesDegrees: latitudes,
    status: Array(repeating: .active, count: 8000), fractions: [0.9])[0]
  #expect(area.polygons.count == 1)
  #expect(area.polygons.first?.holes.count == 1)
  #expect(area.polygons.first.map { signedArea($0.holes[0]) < 0 } == true)
  #expect(area.multiPolygonRings.first?.count == 2)
  #expect(!areaContains(area, 4, 60))
}

@Test func containmentWeightsAndStatusesSelectParticles() {
  // Two clusters; the far one is either missing data (excluded) or weighted almost to nothing.
  let near = OutputTestCloud(
    count: 2000, centerLongitude: 4.0, centerLatitude: 60.0, sigmaMajor: 400, sigmaMinor: 400,
    azimuthDegrees: 0, seed: 3)
  let far = OutputTestCloud(
    count: 2000, centerLongitude: 4.6, centerLatitude: 60.0, sigmaMajor: 400, sigmaMinor: 400,
    azimuthDegrees: 0, seed: 4)
  let longitudes = near.longitudes + far.longitudes
  let latitudes = near.latitudes + far.latitudes
  let byStatus = ContainmentArea.areas(
    longitudesDegrees: longitudes, latitudesDegrees: latitudes,
    status: Array(repeating: .active, count: 2000) + Array(repeating: .missingData, count: 2000),
    fractions: [0.9])[0]
  let byWeight = ContainmentArea.areas(
    longitudesDegrees: longitudes, latitudesDegrees: latitudes,
    status: Array(repeating: .stranded, count: 4000),
    weights: Array(repeating: 1, count: 2000) + Array(repeating: 0.001, count: 2000),
    fractions: [0.9])[0]
  for area in [byStatus, byWeight] {
    #expect(areaContains(area, 4.0, 60.0))
    #expect(!areaContains(area, 4.6, 60.0))
  }
}

@Test func containmentOfNoOrOneParticleIsEmptyOrSmall() {
  let none = ContainmentArea.areas(
    longitudesDegrees: [4.0], latitudesDegrees: [60.0], status: [.missingData])
  #expect(none.allSatisfy { $0.polygons.isEmpty && $0.areaSquareMeters == 0 })
  let one = ContainmentArea.areas(
    longitudesDegrees: [4.0], latitudesDegrees: [60.0], status: [.active])
  #expect(one.allSatisfy { $0.polygons.count == 1 && $0.containedFraction == 1 })
  #expect(one.allSatisfy { areaContains($0, 4.0, 60.0) && $0.areaSquareMeters < 1000 })
}

@Test func boundaryTracerSplitsCornerTouchingCells() {
  // Two cells touching at one corner: two squares, not one self-touching ring.
  let polygons = CellBoundaryTracer.polygons(
    selected: [true, false, false, true], columns: 2, rows: 2)
  #expect(polygons.count == 2)
  #expect(polygons.allSatisfy { $0.exterior.count == 4 && $0.holes.isEmpty })
  // A 3x3 block with its centre missing: one square with a square hole.
  var block = Array(repeating: true, count: 9)
  block[4] = false
  let framed = CellBoundaryTracer.polygons(selected: block, columns: 3, rows: 3)
  #expect(framed.count == 1)
  #expect(framed.first?.exterior.count == 4)
  #expect(framed.first?.holes.count == 1)
  #expect(framed.first.map { CellBoundaryTracer.twiceSignedArea($0.holes[0]) } == -2)
}

@Test func boundaryTracerSplitsHoleTouchingItselfAtACorner() {
  // 4x4 block with two holes touching at a corner (cells (1,1) and (2,2)): two simple holes.
  var block = Array(repeating: true, count: 16)
  block[1 * 4 + 1] = false
  block[2 * 4 + 2] = false
  let polygons = CellBoundaryTracer.polygons(selected: block, columns: 4, rows: 4)
  #expect(polygons.count == 1)
  #expect(polygons.first?.holes.count == 2)
  #expect(polygons.first?.holes.allSatisfy { $0.count == 4 } == true)
}
