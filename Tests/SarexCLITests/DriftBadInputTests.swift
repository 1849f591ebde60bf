import Foundation
import Testing

/// Bad input gets one clear sentence naming what to change, a non-zero exit, and no output file.
@Suite struct DriftBadInputTests {
  static let wind = "data/forcing/arome_subset_16Nov2015.nc"
  static let current = "data/forcing/norkyst800_subset_16Nov2015.nc"

  func drift(_ overrides: [String: String], out: URL) throws -> SarexProcess.Outcome {
    var options = [
      "--object": "PIW-1", "--lon": "4.0", "--lat": "60.2", "--radius": "500",
      "--start": "2015-11-16T00:00:00Z", "--duration": "2h", "--particles": "100",
      "--wind": Self.wind, "--current": Self.current,
      "--summary": out.appendingPathComponent("summary.csv").path,
      "--out": out.appendingPathComponent("trajectories.nc").path,
    ]
    for (k, v) in overrides { options[k] = v }
    return try SarexProcess.run(
      ["drift"] + options.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] })
  }

  /// The error is one line on standard error and nothing was written to the output folder.
  func expectClearFailure(_ outcome: SarexProcess.Outcome, mentions words: [String], out: URL) {
    #expect(outcome.status != 0)
    let message = outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(message.split(separator: "\n").count == 1, "expected one line, got: \(message)")
    for word in words { #expect(message.contains(word), "'\(word)' not in: \(message)") }
    let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
    #expect(left.isEmpty, "files left behind: \(left)")
  }

  @Test func aMissingForcingFileIsNamed() throws {
    let out = try SarexProcess.temporaryFolder()
    let outcome = try drift(["--wind": "no/such/wind.nc"], out: out)
    expectClearFailure(outcome, mentions: ["no/such/wind.nc"], out: out)
  }

  @Test func aCorruptNetCDFFileIsNamed() throws {
    let out = try SarexProcess.temporaryFolder()
    let bad = out.deletingLastPathComponent().appendingPathComponent("corrupt-\(UUID()).nc")
    try Data("this is not a netCDF file\n".utf8).write(to: bad)
    let outcome = try drift(["--current": bad.path], out: out)
    expectClearFailure(outcome, mentions: [bad.lastPathComponent], out: out)
  }

  @Test func anUnknownObjectClassIsRejected() throws {
    let out = try SarexProcess.temporaryFolder()
    let outcome = try drift(["--object": "SUBMARINE-9"], out: out)
    expectClearFailure(outcome, mentions: ["SUBMARINE-9"], out: out)
  }

  @Test func aStartOutsideTheForcingIsRejected() throws {
    let out = try SarexProcess.temporaryFolder()
    let outcome = try drift(["--start": "2020-01-01T00:00:00Z"], out: out)
    expectClearFailure(outcome, mentions: ["2020"], out: out)
  }

  @Test func aPositionOnLandIsRejected() throws {
    let out = try SarexProcess.temporaryFolder()
    // Bergen city centre.
    let outcome = try drift(["--lon": "5.3240", "--lat": "60.3930", "--radius": "0"], out: out)
    expectClearFailure(outcome, mentions: ["on land"], out: out)
  }

  @Test func aVelocityWithoutUnitsIsNamed() throws {
    let out = try SarexProcess.temporaryFolder()
    let cdl = out.deletingLastPathComponent().appendingPathComponent("nounits-\(UUID()).cdl")
    let nc = cdl.deletingPathExtension().appendingPathExtension("nc")
    try """
    netcdf nounits {
    dimensions: time = 2 ; lat = 3 ; lon = 3 ;
    variables:
      double time(time) ; time:units = "hours since 2015-11-16 00:00:00" ;
      double lat(lat) ; lat:units = "degrees_north" ; lat:standard_name = "latitude" ;
      double lon(lon) ; lon:units = "degrees_east" ; lon:standard_name = "longitude" ;
      float u(time, lat, lon) ; u:standard_name = "eastward_sea_water_velocity" ;
      float v(time, lat, lon) ; v:standard_name = "northward_sea_water_velocity" ; v:units = "m s-1" ;
    data:
      time = 0, 100 ; lat = 59, 60, 61 ; lon = 3, 4, 5 ;
      u = 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 ;
      v = 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1 ;
    }
    """.write(to: cdl, atomically: true, encoding: .utf8)
    let ncgen = Process()
    ncgen.executableURL = URL(fileURLWithPath: "/usr/bin/ncgen")
    ncgen.arguments = ["-4", "-o", nc.path, cdl.path]
    try ncgen.run()
    ncgen.waitUntilExit()
    #expect(ncgen.terminationStatus == 0)
    let outcome = try drift(["--current": nc.path], out: out)
    expectClearFailure(outcome, mentions: ["units", "u"], out: out)
  }

  @Test func aScenarioFileWithAMissingFieldNamesIt() throws {
    let out = try SarexProcess.temporaryFolder()
    let yaml = out.deletingLastPathComponent().appendingPathComponent("scenario-\(UUID()).yaml")
    try """
    object: PIW-1
    start: 2015-11-16T00:00:00Z
    wind: \(SarexProcess.repository.path)/\(Self.wind)
    current: \(SarexProcess.repository.path)/\(Self.current)
    seeding:
      - point: {lon: 4.0, lat: 60.2}
    """.write(to: yaml, atomically: true, encoding: .utf8)
    let outcome = try SarexProcess.run([
      "drift", "--scenario", yaml.path, "--summary", out.appendingPathComponent("s.csv").path,
    ])
    expectClearFailure(outcome, mentions: ["duration"], out: out)
  }
}
