import Foundation
import Testing

@testable import SarexEnvironment

/// Grid kinds and input errors on small files written by the tests themselves.
@Suite struct SyntheticGridTests {
  static let start = ForcingTestData.date("2020-01-01T00:00:00Z")

  /// Bilinear interpolation in space and linear in time reproduce a field linear in longitude,
  /// latitude and time (up to float32 storage), on a regular grid with a height dimension of
  /// which the 10 m level must be chosen.
  @Test func regularGridReproducesLinearFieldAndPicksTenMetreLevel() throws {
    let url = try ForcingTestData.temporaryDirectory().appendingPathComponent("regular.nc")
    func east(_ h: Double, _ lon: Double, _ lat: Double) -> Double {
      1 + 0.5 * lon + 0.25 * (lat - 60) + 0.1 * h
    }
    func north(_ h: Double, _ lon: Double, _ lat: Double) -> Double {
      -2 + 0.3 * lon - 0.2 * (lat - 60) - 0.05 * h
    }
    try SyntheticForcingFile.write(
      to: url, nx: 10, ny: 17, hours: [0, 1, 3],
      longitude: { i, _ in 3 + 0.5 * Double(i) }, latitude: { _, j in 58 + 0.25 * Double(j) },
      curvilinear: false, levels: ("height", "height", [2, 10]),
      components: [
        .init(name: "u10", standardName: "eastward_wind", units: "m s-1") { h, i, j, l in
          l == 0 ? 7 : east(h, 3 + 0.5 * Double(i), 58 + 0.25 * Double(j))
        },
        .init(name: "v10", standardName: "northward_wind", units: "m/s") { h, i, j, l in
          l == 0 ? 7 : north(h, 3 + 0.5 * Double(i), 58 + 0.25 * Double(j))
        },
      ])
    let boxes = BoxRecorder()
    let field = try GriddedVectorField(url: url, kind: .wind10m, whenBoxKnown: boxes.record)
    #expect(!field.isGridRelative)
    #expect(boxes.boxes.count == 1 && boxes.boxes.first == field.geographicBox)
    #expect(field.geographicBox != nil)
    var g = SplitMix(seed: 3)
    for _ in 0..<200 {
      let lon = 3 + g.unit() * 4.5
      let lat = 58 + g.unit() * 4
      let h = g.unit() * 3
      let v = try #require(
        field.sample(longitude: lon, latitude: lat, time: Self.start.addingTimeInterval(h * 3600)))
      #expect(abs(v.east - east(h, lon, lat)) < 2e-5)
      #expect(abs(v.north - north(h, lon, lat)) < 2e-5)
    }
    #expect(field.sample(longitude: 2.9, latitude: 60, time: Self.start) == nil)
    #expect(field.sample(longitude: 5, latitude: 62.1, time: Self.start) == nil)
  }

  /// A curvilinear grid (2-D longitude/latitude, sheared and rotated) is located by inverting
  /// its cells: a field equal to the grid index comes back as the fractional index.
  @Test func curvilinearGridIsLocatedByInvertingItsCells() throws {
    let url = try ForcingTestData.temporaryDirectory().appendingPathComponent("curvilinear.nc")
    func lon(_ i: Double, _ j: Double) -> Double { 4 + 0.02 * i + 0.005 * j }
    func lat(_ i: Double, _ j: Double) -> Double { 60 + 0.01 * j - 0.003 * i }
    try SyntheticForcingFile.write(
      to: url, nx: 15, ny: 12, hours: [0, 6],
      longitude: { i, j in lon(Double(i), Double(j)) },
      latitude: { i, j in lat(Double(i), Double(j)) },
      curvilinear: true,
      components: [
        .init(name: "ue", standardName: "eastward_sea_water_velocity", units: "m/s") { _, i, _, _ in
          Double(i) / 10
        },
        .init(name: "vn", standardName: "northward_sea_water_velocity", units: "m/s") {
          _, _, j, _ in Double(j) / 10
        },
      ])
    let boxes = BoxRecorder()
    let field = try GriddedVectorField(url: url, kind: .surfaceCurrent, whenBoxKnown: boxes.record)
    #expect(boxes.boxes.count == 1 && boxes.boxes.first == field.geographicBox)
    #expect(field.geographicBox != nil)
    var g = SplitMix(seed: 11)
    for _ in 0..<200 {
      let fi = g.unit() * 14
      let fj = g.unit() * 11
      let v = try #require(
        field.sample(longitude: lon(fi, fj), latitude: lat(fi, fj), time: Self.start))
      #expect(abs(v.east - fi / 10) < 1e-6)
      #expect(abs(v.north - fj / 10) < 1e-6)
    }
    #expect(field.sample(longitude: lon(-0.5, 5), latitude: lat(-0.5, 5), time: Self.start) == nil)
  }

  @Test func variableWithoutUnitsIsAnErrorNamingIt() throws {
    let url = try ForcingTestData.temporaryDirectory().appendingPathComponent("nounits.nc")
    try SyntheticForcingFile.write(
      to: url, nx: 3, ny: 3, hours: [0, 1], longitude: { i, _ in Double(i) },
      latitude: { _, j in Double(j) },
      curvilinear: false,
      components: [
        .init(name: "u10", standardName: "eastward_wind", units: nil) { _, _, _, _ in 1 },
        .init(name: "v10", standardName: "northward_wind", units: "m/s") { _, _, _, _ in 1 },
      ])
    #expect(throws: ForcingError.missingUnits(path: url.path, variable: "u10")) {
      _ = try GriddedVectorField(url: url, kind: .wind10m)
    }
    #expect(
      ForcingError.missingUnits(path: url.path, variable: "u10").description.contains("'u10'"))
  }

  @Test func nonSpeedUnitsAreRejected() throws {
    let url = try ForcingTestData.temporaryDirectory().appendingPathComponent("kelvin.nc")
    try SyntheticForcingFile.write(
      to: url, nx: 3, ny: 3, hours: [0], longitude: { i, _ in Double(i) },
      latitude: { _, j in Double(j) },
      curvilinear: false,
      components: [
        .init(name: "u", standardName: "eastward_sea_water_velocity", units: "K") { _, _, _, _ in 1
        },
        .init(name: "v", standardName: "northward_sea_water_velocity", units: "K") { _, _, _, _ in 1
        },
      ])
    #expect(throws: ForcingError.unsupportedUnits(path: url.path, variable: "u", units: "K")) {
      _ = try GriddedVectorField(url: url, kind: .surfaceCurrent)
    }
  }
}
