import Foundation
import Testing

/// `sarex plan` and `sarex drift --output-dir` fill the output folder only when the whole run
/// succeeds: a failure after the drift has written its products leaves the folder (and its
/// parent) exactly as they were.
@Suite struct PlanOutputStagingTests {
  let cases = PlanBadInputTests()

  /// Every file under `folder` with its contents.
  func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let fm = FileManager.default
    guard let walker = fm.enumerator(atPath: folder.path) else { return files }
    while let name = walker.nextObject() as? String {
      let url = folder.appendingPathComponent(name)
      var isFolder: ObjCBool = false
      if fm.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[name] = try Data(contentsOf: url)
      } else {
        files[name + "/"] = Data()
      }
    }
    return files
  }

  /// The Bergen city centre as the SMC's datum: the drift runs and writes its products, then
  /// the worksheet planner refuses the search area on land.
  let datumOnLand = ["mode: worksheet": "mode: worksheet\ndatum: {lon: 5.324, lat: 60.393}"]

  @Test func aFailureAfterTheDriftLeavesAnExistingOutputFolderUnchanged() throws {
    let folder = try SarexProcess.temporaryFolder()
    let file = try cases.writeCase(datumOnLand, in: folder)
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try "an earlier run's summary".write(
      to: out.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
    try "notes".write(
      to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
    let before = try snapshot(folder)

    let outcome = try SarexProcess.run(["plan", file.path, "--out", out.path])

    cases.expectOneSentence(outcome, mentions: ["on land"])
    #expect(try snapshot(folder) == before)
  }

  @Test func aFailureAfterTheDriftCreatesNoOutputFolder() throws {
    let folder = try SarexProcess.temporaryFolder()
    let file = try cases.writeCase(datumOnLand, in: folder)
    let out = folder.appendingPathComponent("runs/today/out")

    let outcome = try SarexProcess.run(["plan", file.path, "--out", out.path])

    cases.expectOneSentence(outcome, mentions: ["on land"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"])
  }

  @Test func aSuccessfulRunReplacesItsOwnFilesAndKeepsOthers() throws {
    let folder = try SarexProcess.temporaryFolder()
    let file = try cases.writeCase(in: folder)
    let out = folder.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let summary = out.appendingPathComponent("summary.csv")
    try "an earlier run's summary".write(to: summary, atomically: true, encoding: .utf8)
    try "notes".write(
      to: out.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)

    let outcome = try SarexProcess.run(["plan", file.path, "--out", out.path])

    #expect(outcome.status == 0, "\(outcome.standardError)")
    let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
    for name in ["notes.txt", "summary.csv", "plan.kml", "plan-1-search-action-message.txt"] {
      #expect(names.contains(name), "\(name) missing from \(names)")
    }
    #expect(!names.contains { $0.hasSuffix(".part") || $0.contains("sarex-partial") })
    #expect(try String(contentsOf: summary, encoding: .utf8).hasPrefix("hour,time"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
        "case.yaml", "out",
      ])
  }

  @Test func aFailedDriftLeavesNoOutputFolder() throws {
    let folder = try SarexProcess.temporaryFolder()
    let out = folder.appendingPathComponent("drift-out")
    let repo = SarexProcess.repository.path
    // The forcing starts at 2015-11-16T00:00Z and ends 66 h later: a 100 h run cannot finish.
    let outcome = try SarexProcess.run([
      "drift", "--lon", "4.0", "--lat", "60.2", "--start", "2015-11-16T00:00:00Z",
      "--duration", "100h", "--particles", "10", "--wind",
      "\(repo)/data/forcing/arome_subset_16Nov2015.nc", "--current",
      "\(repo)/data/forcing/norkyst800_subset_16Nov2015.nc", "--output-dir", out.path,
    ])

    #expect(outcome.status != 0)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
