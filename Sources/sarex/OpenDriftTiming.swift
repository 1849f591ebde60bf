import Foundation

/// One OpenDrift run of the benchmark scenario, timed by scripts/opendrift/bench_opendrift.py in
/// a child process: its JSON line's numbers.
struct OpenDriftTiming {
  /// OpenDrift's version.
  var version: String
  /// Seconds from after the imports to the end of the run (readers, seeding, simulation).
  var runSeconds: Double
  /// Seconds including Python start-up and imports.
  var totalSeconds: Double
  /// Peak resident set size, MB (2^20 bytes).
  var peakMB: Double
  /// Particles still active at the end.
  var activeAtEnd: Int

  /// Runs the script with `python3` and parses its last output line; `CLIError` with the
  /// script's own message when it fails.
  static func run(
    particles: Int, hours: Double, wind: String, current: String, status: BenchStatus
  ) throws -> OpenDriftTiming {
    let script = try ShippedData.url("scripts/opendrift/bench_opendrift.py")
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("sarex-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let outURL = folder.appendingPathComponent("stdout")
    let errURL = folder.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", script.path, "--wind", wind, "--current", current, "--particles", "\(particles)",
      "--hours", "\(Int(hours.rounded()))", "--step-minutes", "10",
    ]
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    let started = Date()
    do { try process.run() } catch {
      throw CLIError("Cannot start python3 for OpenDrift (\(error)); or use --skip-opendrift.")
    }
    while process.isRunning {
      status.show(
        String(
          format: "opendrift: running, %.0f s (about 130 s for 100,000 particles)",
          Date().timeIntervalSince(started)))
      Thread.sleep(forTimeInterval: 0.5)
    }
    process.waitUntilExit()
    let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    let lastLine = out.split(separator: "\n").last(where: { $0.hasPrefix("{") })
    guard process.terminationStatus == 0, let lastLine,
      let object = try? JSONSerialization.jsonObject(with: Data(lastLine.utf8)) as? [String: Any],
      let run = object["wall_s_run"] as? Double, let total = object["wall_s_total"] as? Double,
      let peak = object["peak_rss_mb"] as? Double
    else {
      let tail = err.split(separator: "\n").suffix(3).joined(separator: " | ")
      throw CLIError(
        "OpenDrift benchmark (\(script.path)) failed with status \(process.terminationStatus): "
          + "\(tail.isEmpty ? "no output" : tail). Install it with `make bench-deps` or use "
          + "--skip-opendrift.")
    }
    return OpenDriftTiming(
      version: object["opendrift_version"] as? String ?? "?", runSeconds: run,
      totalSeconds: total, peakMB: peak, activeAtEnd: object["n_active_end"] as? Int ?? -1)
  }
}
