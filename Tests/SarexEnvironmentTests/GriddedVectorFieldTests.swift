import Foundation
import Testing

@testable import SarexEnvironment

/// Tests on the real NorKyst-800 current and AROME wind files.
@Suite struct GriddedVectorFieldTests {
  static let current = Result {
    try GriddedVectorField(url: ForcingTestData.url(ForcingTestData.norkyst), kind: .surfaceCurrent)
  }
  static let wind = Result {
    try GriddedVectorField(url: ForcingTestData.url(ForcingTestData.arome), kind: .wind10m)
  }

  @Test func opensNorKystCurrentAndAromeWindAsGridRelativeFields() throws {
    let current = try Self.current.get()
    #expect(current.componentNames == ("u", "v") as (String, String))
    #expect(current.isGridRelative && current.nx == 261 && current.ny == 142)
    let wind = try Self.wind.get()
    #expect(wind.componentNames == ("x_wind_10m", "y_wind_10m") as (String, String))
    let expected =
      ForcingTestData.date("2015-11-16T00:00:00Z")...ForcingTestData.date("2015-11-18T18:00:00Z")
    #expect(current.timeCoverage == expected)
    #expect(wind.timeCoverage == expected)
    #expect(wind.fileTimes.count == 67)
  }

  /// The fixture holds OpenDrift 1.14.12's own reader output (scripts/make_forcing_fixture.py):
  /// the same points have values, including the coast (gap fill) and outside the grid.
  ///
  /// Currents agree to float32 precision. Winds agree to 3e-5 m/s: AROME's x/y coordinates are
  /// stored as float32 and not exactly evenly spaced, and OpenDrift measures the fractional
  /// index from the ends of the data block it read around the particles, which shifts the
  /// index by up to 1e-5 cell depending on that block; Sarex measures it from the grid's ends.
  @Test func agreesWithOpenDriftReaderAtFixturePoints() throws {
    let url = Bundle.module.url(
      forResource: "Fixtures/opendrift_forcing_samples", withExtension: "csv")
    let text = try String(contentsOf: try #require(url), encoding: .utf8)
    var worst: [String: Double] = [:]
    var compared = 0
    for line in text.components(separatedBy: .newlines).dropFirst() where !line.isEmpty {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      let field = try (f[1] == "wind" ? Self.wind : Self.current).get()
      let lon = try #require(Double(f[3]))
      let lat = try #require(Double(f[4]))
      let value = field.sample(longitude: lon, latitude: lat, time: ForcingTestData.date(f[2]))
      if f[5].isEmpty {
        #expect(value == nil, "OpenDrift has no value at \(lon), \(lat), \(f[2]) in \(f[0])")
      } else {
        let v = try #require(value, "no value at \(lon), \(lat), \(f[2]) in \(f[0])")
        let expected = (try #require(Double(f[5])), try #require(Double(f[6])))
        let d = max(abs(v.east - expected.0), abs(v.north - expected.1))
        worst[f[1]] = max(worst[f[1]] ?? 0, d)
        compared += 1
      }
    }
    #expect(compared > 300)
    #expect((worst["current"] ?? 1) < 1e-6, "\(worst)")
    #expect((worst["wind"] ?? 1) < 3e-5, "\(worst)")
  }

  @Test func lookupTableMatchesDirectProjWithinAMillimetreAndTenthOfAMicroradian() throws {
    for (name, definition, spacing) in [
      (
        ForcingTestData.norkyst,
        "+proj=stere +lat_0=90 +lon_0=70 +k_0=0.933012701892219 +x_0=0 +y_0=0 +R=6371000.0 +units=m +no_defs",
        800.0
      ),
      (
        ForcingTestData.arome,
        "+proj=lcc +lat_0=63.0 +lon_0=15.0 +lat_1=63.0 +lat_2=63.0 +x_0=0 +y_0=0 +R=6371000.0 +units=m +no_defs",
        2500.0
      ),
    ] {
      let field = try (name == ForcingTestData.arome ? Self.wind : Self.current).get()
      guard case .table(let table) = field.locator else {
        Issue.record("\(name) should use a lookup table")
        continue
      }
      let file = try NetCDFFile(readingFrom: ForcingTestData.url(name))
      let xs = try file.readDoubles(file.variable(named: name == ForcingTestData.arome ? "x" : "X"))
      let ys = try file.readDoubles(file.variable(named: name == ForcingTestData.arome ? "y" : "Y"))
      let projection = try Projection(definition: definition, path: name)
      // Points spread over the grid, in projected coordinates, then to lon/lat.
      var generator = SplitMix(seed: 7)
      var px: [Double] = []
      var py: [Double] = []
      for _ in 0..<3000 {
        px.append(xs[0] + generator.unit() * (xs[xs.count - 1] - xs[0]))
        py.append(ys[0] + generator.unit() * (ys[ys.count - 1] - ys[0]))
      }
      var lon = px
      var lat = py
      projection.inverse(&lon, &lat)
      var fx = lon
      var fy = lat
      projection.forward(&fx, &fy)
      var lon2 = fx
      var lat2 = fy.map { $0 + 10 }
      var lon1 = fx
      var lat1 = fy
      projection.inverse(&lon1, &lat1)
      projection.inverse(&lon2, &lat2)
      var worstMetres = 0.0
      var worstRadians = 0.0
      for k in 0..<px.count {
        let p = table.locate(longitude: lon[k], latitude: lat[k])
        let i = (fx[k] - xs[0]) / (xs[xs.count - 1] - xs[0]) * Double(xs.count - 1)
        let j = (fy[k] - ys[0]) / (ys[ys.count - 1] - ys[0]) * Double(ys.count - 1)
        worstMetres = max(worstMetres, abs(p.i - i) * spacing, abs(p.j - j) * spacing)
        let azimuth =
          WGS84Geodesic.azimuthDegrees(lon1: lon1[k], lat1: lat1[k], lon2: lon2[k], lat2: lat2[k])
          * .pi / 180
        worstRadians = max(worstRadians, abs(atan2(p.sinAzimuth, p.cosAzimuth) - azimuth))
        #expect(p.inside)
      }
      #expect(worstMetres < 1e-3, "\(name): \(worstMetres) m")
      #expect(worstRadians < 1e-7, "\(name): \(worstRadians) rad")
    }
  }

  /// At a grid node and a file time the answer is the decoded file value, rotated.
  @Test func valuesAtGridNodesEqualDecodedFileValues() throws {
    let field = try Self.current.get()
    let file = try NetCDFFile(readingFrom: ForcingTestData.url(ForcingTestData.norkyst))
    let xs = try file.readDoubles(file.variable(named: "X"))
    let ys = try file.readDoubles(file.variable(named: "Y"))
    let t = 10
    let u = try file.readFloats(
      file.variable(named: "u"), start: [t, 0, 0, 0], count: [1, 1, ys.count, xs.count])
    let v = try file.readFloats(
      file.variable(named: "v"), start: [t, 0, 0, 0], count: [1, 1, ys.count, xs.count])
    let projection = try Projection(
      definition: "+proj=stere +lat_0=90 +lon_0=70 +lat_ts=60 +units=m +a=6.371e+06 +e=0 +no_defs",
      path: "test")
    var checked = 0
    let nx = xs.count
    let ny = ys.count
    let nodes = [(10, 10), (150, 100), (nx - 2, 1), (1, ny - 2), (77, 33), (200, 120), (120, 60)]
    for (i, j) in nodes where !u[j * nx + i].isNaN {
      var lon = [xs[i]]
      var lat = [ys[j]]
      projection.inverse(&lon, &lat)
      var lon2 = [xs[i]]
      var lat2 = [ys[j] + 10]
      projection.inverse(&lon2, &lat2)
      let az =
        WGS84Geodesic.azimuthDegrees(lon1: lon[0], lat1: lat[0], lon2: lon2[0], lat2: lat2[0]) * .pi
        / 180
      let ue = Double(u[j * nx + i])
      let ve = Double(v[j * nx + i])
      let answer = field.sample(longitude: lon[0], latitude: lat[0], time: field.fileTimes[t])
      let sample = try #require(answer, "no value at grid node \(i), \(j)")
      #expect(abs(sample.east - (ue * cos(az) + ve * sin(az))) < 1e-5)
      #expect(abs(sample.north - (ve * cos(az) - ue * sin(az))) < 1e-5)
      checked += 1
    }
    #expect(checked >= 4)
  }

  @Test func outsideTheGridOrTheTimeSpanIsMissingNotZero() throws {
    let field = try Self.wind.get()
    let inside = ForcingTestData.date("2015-11-17T00:00:00Z")
    #expect(field.sample(longitude: 4.5, latitude: 60.5, time: inside) != nil)
    #expect(field.sample(longitude: 0.0, latitude: 60.5, time: inside) == nil)
    #expect(field.sample(longitude: 4.5, latitude: 70.0, time: inside) == nil)
    #expect(field.sample(longitude: 4.5 + 360, latitude: 60.5, time: inside) != nil)
    #expect(
      field.sample(
        longitude: 4.5, latitude: 60.5, time: ForcingTestData.date("2015-11-15T23:59:00Z")) == nil)
    #expect(
      field.sample(
        longitude: 4.5, latitude: 60.5, time: ForcingTestData.date("2015-11-18T18:00:01Z")) == nil)
    // Batch form writes zero and false.
    let lons = [0.0, 4.5]
    let lats = [60.5, 60.5]
    var east = [9.0, 9.0]
    var north = [9.0, 9.0]
    var valid = [true, false]
    lons.withUnsafeBufferPointer { lo in
      lats.withUnsafeBufferPointer { la in
        field.sample(
          longitudes: lo, latitudes: la, time: inside,
          east: east.withUnsafeMutableBufferPointer { $0 },
          north: north.withUnsafeMutableBufferPointer { $0 },
          valid: valid.withUnsafeMutableBufferPointer { $0 })
      }
    }
    #expect(valid == [false, true])
    #expect(east[0] == 0 && north[0] == 0)
  }

  @Test func validateNamesTheFileAndBothSpans() throws {
    let field = try Self.current.get()
    try field.validate(
      covering: ForcingTestData.date(
        "2015-11-16T00:00:00Z")...ForcingTestData.date("2015-11-18T18:00:00Z"))
    do {
      try field.validate(
        covering: ForcingTestData.date(
          "2015-11-16T00:00:00Z")...ForcingTestData.date("2015-11-19T00:00:00Z"))
      Issue.record("a span past the file's end was accepted")
    } catch {
      #expect(error.description.contains(ForcingTestData.norkyst))
      #expect(error.description.contains("2015-11-19T00:00:00Z"))
    }
  }

  @Test func currentFileOpenedAsWindSaysWhichNamesWereExpected() {
    do {
      _ = try GriddedVectorField(url: ForcingTestData.url(ForcingTestData.norkyst), kind: .wind10m)
      Issue.record("NorKyst opened as wind")
    } catch {
      guard case .noVectorComponents = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(error.description.contains("x_wind/y_wind"))
    }
  }

  @Test func missingAndCorruptFilesAreClearErrors() throws {
    #expect(throws: ForcingError.netCDF(.fileNotFound(path: "/nonexistent/arome.nc"))) {
      _ = try GriddedVectorField(url: URL(fileURLWithPath: "/nonexistent/arome.nc"), kind: .wind10m)
    }
    let dir = try ForcingTestData.temporaryDirectory()
    let url = dir.appendingPathComponent("wind.nc")
    try "x_wind,y_wind\n1,2\n".write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try GriddedVectorField(url: url, kind: .wind10m)
      Issue.record("a CSV named .nc was accepted")
    } catch {
      #expect(error.description.contains("wind.nc"))
    }
  }
}

/// A small deterministic generator for test points.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
