import Foundation

/// The table `sarex bench` prints: OpenDrift against Sarex on the whole drift, then the Swift
/// kernel against the C kernel on one thread, with ratios and the targets.
struct BenchReport {
  var particles: Int
  var hours: Double
  var wind: String
  var current: String
  var openDrift: OpenDriftTiming?
  /// The whole Sarex drift, each run (at least one).
  var sarexRuns: [SarexRun]
  var sarexActive: Int
  var sarexPeakMB: Double
  var kernels: KernelComparison
  var workers: Int

  var text: String {
    var lines: [String] = []
    func row(_ name: String, _ a: String, _ b: String, _ c: String) {
      lines.append(
        name.padding(toLength: 40, withPad: " ", startingAt: 0)
          + a.leftPadded(10) + b.leftPadded(12) + c.leftPadded(18))
    }
    func f(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }
    let steps = Int((hours * 6).rounded())
    let median = SarexRun.median(of: sarexRuns)
    let sarexSeconds = median.wallSeconds
    let sarexCPUSeconds = median.cpuSeconds
    lines.append(
      "Sarex benchmark: PIW-1 at 4.0 E 60.2 N (500 m), \(particles) particles, "
        + "\(f(hours, 0)) h in 10 min steps (\(steps) steps), GSHHG full coastline")
    lines.append("wind:    \(wind)")
    lines.append("current: \(current)")
    lines.append("machine: \(workers) processors, \(Self.cpuModel())")
    lines.append("")
    row("whole drift", "wall s", "peak MB", "active at end")
    if let o = openDrift {
      row(
        "OpenDrift \(o.version) (Python, 1 thread)", f(o.runSeconds, 1), f(o.peakMB, 0),
        "\(o.activeAtEnd)")
    } else {
      row("OpenDrift (skipped)", "-", "-", "-")
    }
    row(
      "Sarex (\(workers) workers, loading included)", f(sarexSeconds), f(sarexPeakMB, 0),
      "\(sarexActive)")
    if sarexRuns.count > 1 {
      lines.append(
        "Sarex runs: \(sarexRuns.map { f($0.wallSeconds) }.joined(separator: ", ")) s wall "
          + "(the median counts)")
    }
    lines.append(
      "Sarex CPU time \(f(sarexCPUSeconds)) s (all threads): \(f(sarexCPUSeconds / sarexSeconds))"
        + " processors busy on average")
    if let o = openDrift {
      let ratio = o.runSeconds / sarexSeconds
      lines.append(
        "ratio OpenDrift / Sarex: \(f(ratio, 1))x (target >= 100x: \(ratio >= 100 ? "met" : "NOT met"))"
      )
    }
    lines.append(
      "Sarex peak memory: \(f(sarexPeakMB, 0)) MB (target < 300 MB: \(sarexPeakMB < 300 ? "met" : "NOT met"))"
    )
    lines.append("")
    let k = kernels
    lines.append(
      "kernel, 1 thread: \(k.particles) particles x \(k.steps) steps; sample wind and current, "
        + "Leeway velocity, move (no release, land, jibing)")
    row("", "best s", "M steps/s", "ns/particle-step")
    row("Swift kernel", f(k.swiftSeconds, 3), f(k.swiftRate, 1), f(1e3 / k.swiftRate, 1))
    row("C kernel (clang -O3 -march=haswell)", f(k.cSeconds, 3), f(k.cRate, 1), f(1e3 / k.cRate, 1))
    let ratio = k.swiftSeconds / k.cSeconds
    lines.append(
      "ratio Swift / C: \(f(ratio))x (target <= 1.25x: \(ratio <= 1.25 ? "met" : "NOT met")); "
        + "largest Swift-C position difference: \(String(format: "%.3g", k.maxDifferenceMetres)) m"
    )
    return lines.joined(separator: "\n")
  }

  /// The processor's model name from /proc/cpuinfo, or "unknown processor".
  static func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
      let colon = line.firstIndex(of: ":")
    else { return "unknown processor" }
    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
  }
}

/// One timed run of the whole Sarex drift.
struct SarexRun {
  var wallSeconds: Double
  /// User plus system time of all threads, seconds.
  var cpuSeconds: Double

  /// The run with the median wall time (the lower middle one of an even count).
  static func median(of runs: [SarexRun]) -> SarexRun {
    let sorted = runs.sorted { $0.wallSeconds < $1.wallSeconds }
    return sorted[(sorted.count - 1) / 2]
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    count >= width ? " " + self : String(repeating: " ", count: width - count) + self
  }
}
