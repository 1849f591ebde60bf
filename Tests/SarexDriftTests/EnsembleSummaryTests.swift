import Foundation
import Testing

@testable import SarexDrift

private let start = Date(timeIntervalSince1970: 1_447_632_000)  // 2015-11-16T00:00:00Z

private func summary(
  _ longitudes: [Double], _ latitudes: [Double], _ status: [ParticleStatus],
  weights: [Double]? = nil, hours: Double = 1
) -> EnsembleSummary {
  EnsembleSummary(
    time: start.addingTimeInterval(hours * 3600), startTime: start, longitudesDegrees: longitudes,
    latitudesDegrees: latitudes, status: status, weights: weights)
}

@Test func summaryRecoversAxesOfSymmetricCrossExactly() {
  // Four points at +-a along the major axis and +-b along the minor one have population
  // variances a^2/2 and b^2/2 along those axes, so the 1-sigma semi-axes are a/sqrt2 and b/sqrt2.
  for azimuth in [0.0, 30.0, 95.0, 170.0] {
    let plane = FirstOrderTangentPlane(originLongitudeDegrees: 4, originLatitudeDegrees: 60)
    let s = sin(azimuth * .pi / 180)
    let c = cos(azimuth * .pi / 180)
    let offsets = [
      (3000 * s, 3000 * c), (-3000 * s, -3000 * c), (1000 * c, -1000 * s), (-1000 * c, 1000 * s),
    ]
    let row = summary(
      offsets.map { plane.longitudeDegrees(east: $0.0) },
      offsets.map { plane.latitudeDegrees(north: $0.1) }, Array(repeating: .active, count: 4))
    #expect(abs(row.meanLongitudeActiveDegrees! - 4) < 1e-12)
    #expect(abs(row.meanLatitudeActiveDegrees! - 60) < 1e-12)
    #expect(abs(row.semiMajor1SigmaMeters! - 3000 / 2.0.squareRoot()) < 1e-6)
    #expect(abs(row.semiMinor1SigmaMeters! - 1000 / 2.0.squareRoot()) < 1e-6)
    #expect(abs(row.majorAxisAzimuthDegrees! - azimuth) < 1e-9)
  }
}

@Test func summaryRecoversGaussianCloudAxesAndAzimuth() {
  // 20,000 samples: the standard error of a sigma estimate is sigma / sqrt(2n), about 0.5 %.
  let cloud = OutputTestCloud(
    count: 20_000, centerLongitude: 4.2, centerLatitude: 60.3, sigmaMajor: 2500, sigmaMinor: 900,
    azimuthDegrees: 57, seed: 7)
  let row = summary(
    cloud.longitudes, cloud.latitudes, Array(repeating: .active, count: 20_000))
  #expect(abs(row.semiMajor1SigmaMeters! / 2500 - 1) < 0.02)
  #expect(abs(row.semiMinor1SigmaMeters! / 900 - 1) < 0.02)
  #expect(abs(row.majorAxisAzimuthDegrees! - 57) < 1)
  let plane = FirstOrderTangentPlane(originLongitudeDegrees: 4.2, originLatitudeDegrees: 60.3)
  // Standard error of the centroid: sigma / sqrt(n), below 20 m; allow 60 m.
  #expect(abs(plane.east(row.meanLongitudeActiveDegrees!)) < 60)
  #expect(abs(plane.north(row.meanLatitudeActiveDegrees!)) < 60)
}

@Test func summaryCountsStatusesAndUsesActiveOnly() {
  let row = summary(
    [4.0, 4.1, 50, 4.2, .nan], [60.0, 60.0, 10, 60.0, .nan],
    [.active, .active, .stranded, .missingData, .notSeeded])
  #expect(row.activeCount == 2)
  #expect(row.strandedCount == 1)
  #expect(row.missingDataCount == 1)
  #expect(abs(row.meanLongitudeActiveDegrees! - 4.05) < 1e-12)
  // Two points 0.1 degree apart east-west: major axis east-west, semi-major half the distance.
  #expect(row.majorAxisAzimuthDegrees == 90)
  let plane = FirstOrderTangentPlane(originLongitudeDegrees: 4.05, originLatitudeDegrees: 60)
  #expect(abs(row.semiMajor1SigmaMeters! - 0.05 * plane.metersPerDegreeEast) < 1e-6)
  #expect(row.semiMinor1SigmaMeters == 0)
}

@Test func summaryWeightsMoveTheCentroid() {
  let row = summary([4.0, 5.0], [60.0, 60.0], [.active, .active], weights: [3, 1])
  #expect(abs(row.meanLongitudeActiveDegrees! - 4.25) < 1e-12)
}

@Test func summaryCentroidOfCloudAcrossAntimeridian() {
  let row = summary([179.9, -179.9], [0, 0], [.active, .active])
  #expect(abs(abs(row.meanLongitudeActiveDegrees!) - 180) < 1e-9)
  #expect(row.semiMajor1SigmaMeters! < 20_000)
}

@Test func summaryOfNoActiveParticleHasEmptyFieldsAndOfOneAZeroEllipse() {
  // docs/opendrift-leeway.md section 7: n = 0 empty fields, n = 1 ellipse 0, 0, 0.
  let none = summary([4.0, 4.1], [60, 60], [.stranded, .missingData], hours: 2)
  #expect(none.csvLine == "2,2015-11-16T02:00:00Z,0,1,1,,,,,")
  let one = summary([4.0, 4.1], [60, 60.5], [.stranded, .active], hours: 1.5)
  #expect(one.csvLine == "1.5,2015-11-16T01:30:00Z,1,1,0,4.1,60.5,0,0,0")
  let empty = summary([], [], [], hours: 0)
  #expect(empty.csvLine == "0,2015-11-16T00:00:00Z,0,0,0,,,,,")
}

@Test func summaryIsotropicSpreadHasEqualAxes() {
  let plane = FirstOrderTangentPlane(originLongitudeDegrees: 4, originLatitudeDegrees: 60)
  let offsets = [(1000.0, 0.0), (-1000.0, 0.0), (0.0, 1000.0), (0.0, -1000.0)]
  let row = summary(
    offsets.map { plane.longitudeDegrees(east: $0.0) },
    offsets.map { plane.latitudeDegrees(north: $0.1) }, Array(repeating: .active, count: 4))
  // The azimuth of an isotropic cloud is rounding noise (exactly isotropic: 0, as above).
  #expect(row.csvLine.contains(",707.107,707.107,"))
  #expect((0..<180).contains(row.majorAxisAzimuthDegrees!))
}

@Test func summaryTableWritesHeaderAndRowsAtomically() throws {
  var table = EnsembleSummaryTable()
  table.append(summary([4.0], [60], [.active], hours: 0))
  let path = NSTemporaryDirectory() + "sarex-summary-\(UUID().uuidString).csv"
  try table.write(to: path)
  let text = try String(contentsOfFile: path, encoding: .utf8)
  #expect(
    text == "hour,time,n_active,n_stranded,n_missing,mean_lon_active,mean_lat_active,"
      + "semi_major_1sigma_m,semi_minor_1sigma_m,major_axis_azimuth_deg\n"
      + "0,2015-11-16T00:00:00Z,1,0,0,4,60,0,0,0\n")
  #expect {
    try table.write(to: "/no/such/dir/summary.csv")
  } throws: { String(describing: $0).contains("/no/such/dir/summary.csv") }
}

@Test func tangentPlaneScalesMatchWGS84Radii() {
  // On WGS 84 at 60 N one degree of latitude is 111,412 m and one of longitude 55,800 m
  // (table "Length of a degree" in Wikipedia's "Latitude" and "Longitude" articles).
  let plane = FirstOrderTangentPlane(originLongitudeDegrees: 0, originLatitudeDegrees: 60)
  #expect(abs(plane.metersPerDegreeNorth - 111_412) < 1)
  #expect(abs(plane.metersPerDegreeEast - 55_800) < 1)
}
