import Foundation
import Testing

/// `sarex plan` refuses bad cases with one sentence naming what to change and a non-zero exit.
@Suite struct PlanBadInputTests {
  /// A small valid case (200 particles, 3 h of drift); `replacing` edits its text.
  func writeCase(_ replacing: [String: String] = [:], in folder: URL) throws -> URL {
    let repo = SarexProcess.repository.path
    var text = """
      name: CLI test case
      drift:
        object: PIW-1
        start: 2015-11-16T00:00:00Z
        duration: 3h
        particles: 200
        wind: \(repo)/data/forcing/arome_subset_16Nov2015.nc
        current: \(repo)/data/forcing/norkyst800_subset_16Nov2015.nc
        seeding:
          - name: LKP
            point: {lon: 4.0, lat: 60.2}
            radius: 500
            particles: 200
      periods:
        - {on_scene: 2015-11-16T02:00:00Z}
      units:
        - {id: large-vessel, call_sign: JCG TEST, nation: JPN, endurance_hours: 4}
        - {id: helicopter, call_sign: KCG TEST, nation: KOR}
      visibility_nm: 10
      wind_knots: 12
      sea_height_m: 0.8
      mode: worksheet
      time_budget_seconds: 0.5
      """
    for (old, new) in replacing {
      #expect(text.contains(old), "the template has no '\(old)'")
      text = text.replacingOccurrences(of: old, with: new)
    }
    let url = folder.appendingPathComponent("case.yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url
  }

  func plan(_ replacing: [String: String]) throws -> (SarexProcess.Outcome, URL) {
    let folder = try SarexProcess.temporaryFolder()
    let file = try writeCase(replacing, in: folder)
    let out = folder.appendingPathComponent("out")
    return (try SarexProcess.run(["plan", file.path, "--out", out.path]), out)
  }

  func expectOneSentence(_ outcome: SarexProcess.Outcome, mentions words: [String]) {
    #expect(outcome.status != 0)
    let message = outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(message.split(separator: "\n").count == 1, "expected one line, got: \(message)")
    for word in words { #expect(message.contains(word), "'\(word)' not in: \(message)") }
  }

  @Test func aUnitWithoutEnduranceIsNamedBeforeAnythingRuns() throws {
    let (outcome, out) = try plan(["endurance_hours: 4": "endurance_hours: 0"])
    expectOneSentence(outcome, mentions: ["JCG TEST", "endurance_hours"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aCustomUnitWithoutEnduranceIsNamed() throws {
    let (outcome, out) = try plan([
      "{id: large-vessel, call_sign: JCG TEST, nation: JPN, endurance_hours: 4}":
        "{id: my-boat, call_sign: JCG TEST, nation: JPN, kind: largeVessel, speed_knots: 10, "
        + "altitude_feet: 14}"
    ])
    expectOneSentence(outcome, mentions: ["case.yaml", "units[0]", "my-boat", "endurance_hours"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aVisibilityOutsideTheTablesIsRefused() throws {
    let (outcome, out) = try plan(["visibility_nm: 10": "visibility_nm: 45"])
    expectOneSentence(outcome, mentions: ["case.yaml", "Visibility", "45", "1.0 to 20.0"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aDatumOnLandIsRefused() throws {
    // Bergen city centre as the SMC's datum: refused after the drift, which leaves nothing.
    let (outcome, out) = try plan([
      "mode: worksheet": "mode: worksheet\ndatum: {lon: 5.324, lat: 60.393}"
    ])
    expectOneSentence(outcome, mentions: ["case.yaml", "datum", "on land"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anEmptyEnsembleIsRefused() throws {
    let (outcome, out) = try plan(["      particles: 200": "      particles: 0"])
    expectOneSentence(outcome, mentions: ["case.yaml", "seeding[0]", "'particles' is 0"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anEnsembleEmptiedByTheDriftIsRefused() throws {
    // Five particles released together just inside the north-west edge of the NorKyst-800 grid
    // in the south-easterly gale of 16 November 2015 (seed 1): by 02:00 UTC all five have been
    // carried out of the current, so at 04:00 nothing is left adrift. Refused after the drift.
    let (outcome, out) = try plan([
      "point: {lon: 4.0, lat: 60.2}": "point: {lon: 3.45, lat: 60.95}",
      "radius: 500": "radius: 0",
      "duration: 3h": "duration: 6h",
      "  particles: 200": "  particles: 5",
      "on_scene: 2015-11-16T02:00:00Z": "on_scene: 2015-11-16T04:00:00Z",
    ])
    expectOneSentence(outcome, mentions: ["case.yaml", "period 1", "empty", "on_scene"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aSearchAreaOnLandIsRefused() throws {
    // A person in the water 300 m off the west coast of Sotra at 11:00 UTC: the worksheet's
    // square around the particles two hours later reaches ashore. Refused after the drift.
    let (outcome, out) = try plan([
      "start: 2015-11-16T00:00:00Z": "start: 2015-11-16T11:00:00Z",
      "point: {lon: 4.0, lat: 60.2}": "point: {lon: 4.84, lat: 60.5}",
      "radius: 500": "radius: 50",
      "on_scene: 2015-11-16T02:00:00Z": "on_scene: 2015-11-16T13:00:00Z",
    ])
    expectOneSentence(outcome, mentions: ["case.yaml", "Search area A-", "on land"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func seedsOutsideTheForcingAreRefusedBeforeTheDrift() throws {
    // 60.5 N 2.9 E lies west of the AROME grid shipped in data/forcing.
    let (outcome, out) = try plan(["point: {lon: 4.0, lat: 60.2}": "point: {lon: 2.9, lat: 60.5}"])
    expectOneSentence(outcome, mentions: ["outside the wind file", "arome_subset_16Nov2015.nc"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aPeriodOutsideTheDriftIsRefused() throws {
    let (outcome, out) = try plan([
      "on_scene: 2015-11-16T02:00:00Z": "on_scene: 2015-11-17T02:00:00Z"
    ])
    expectOneSentence(outcome, mentions: ["outside the drift"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func anUnknownKindOfMinimumTrackSpacingIsRefused() throws {
    let (outcome, out) = try plan([
      "mode: worksheet": "mode: worksheet\nminimum_track_spacing_nm: {jet: 0.5}"
    ])
    expectOneSentence(outcome, mentions: ["minimum_track_spacing_nm", "jet", "helicopter"])
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  @Test func aGivenMinimumTrackSpacingIsNeverUndercut() throws {
    // A helicopter over a person in the water would fly tracks closer than 2 NM; it is held there.
    let (outcome, _) = try plan([
      "mode: worksheet": "mode: worksheet\nminimum_track_spacing_nm: {helicopter: 2.0}"
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let line = outcome.standardOutput.split(separator: "\n").first { $0.contains("KCG TEST") }
    #expect(line?.contains("S 2.00 NM") == true, "\(line ?? "no KCG TEST line")")
  }

  @Test func aGoodCaseWritesTheMessagesAndFiles() throws {
    let (outcome, out) = try plan([:])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let files = try FileManager.default.contentsOfDirectory(atPath: out.path)
    for name in [
      "plan-1-search-action-message.txt", "plan-1-sitrep.txt", "plan-1-JCG-TEST.gpx",
      "plan-1-KCG-TEST.gpx", "plan.kml", "plan.geojson", "plan-1-map.svg",
    ] {
      #expect(files.contains(name), "\(name) missing from \(files)")
    }
    let sap = try String(
      contentsOf: out.appendingPathComponent("plan-1-search-action-message.txt"), encoding: .utf8)
    #expect(sap.contains("3. EXECUTION:") && sap.contains("KCG TEST"))
    #expect(outcome.standardOutput.contains("worksheet POS"))
  }
}
