import ArgumentParser
import CLeewayReference
import Foundation
import SarexDrift
import SarexEnvironment

/// `sarex bench`: OpenDrift and Sarex on the same scenario (PIW-1 at 4.0 E 60.2 N, 500 m radius,
/// 2015-11-16T00:00Z, 10 min steps, real NorKyst-800 current and AROME wind, GSHHG full land),
/// then the Swift drift kernel against a plain C version of the same step, both on one thread.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time OpenDrift and Sarex on the same drift, and the Swift kernel against C.",
    discussion: """
      Runs (a) OpenDrift's Leeway through scripts/opendrift/bench_opendrift.py (Python with
      opendrift and bottleneck installed; `make bench-deps`), (b) the whole Sarex drift in this
      process without outputs (forcing and coastline loading included), --drift-runs times, the
      median counting (the machine's speed varies from run to run), (c) the Swift drift
      kernel and a plain C version of the same step (sample wind and current, Leeway velocity,
      move; no release, land check or jibing) on the same particles, single-threaded, best of
      --repeats, (d) one search planning period on the demo drift (`PlanBench`: eight units,
      the bound, the worksheet plan and the optimal plan, with particle-leg evaluations per
      second). Prints a table with the ratios and peak memory. `--plan` runs (d) alone. See
      BENCHMARKS.md.
      """)

  @Option(help: "Number of particles.")
  var particles: Int = 100_000
  @Option(help: "Duration of the drift (66h).")
  var duration: String = "66h"
  @Option(help: "Wind file (default: ../shared/data/forcing if present, else data/forcing).")
  var wind: String?
  @Option(help: "Current file (default: as --wind).")
  var current: String?
  @Flag(help: "Do not run OpenDrift (about 2 minutes and 2 GB).")
  var skipOpendrift = false
  @Option(help: "Calculation steps of the single-threaded kernel comparison.")
  var kernelSteps: Int = 36
  @Option(help: "Repeats of each kernel timing (the best counts).")
  var repeats: Int = 3
  @Option(help: "Runs of the whole Sarex drift (the median counts).")
  var driftRuns: Int = 3
  @Flag(help: "Run only the search planning benchmark.")
  var plan = false
  @Flag(help: "Do not run the search planning benchmark.")
  var skipPlan = false
  @Option(help: "Particles of the planning benchmark.")
  var planParticles: Int = 100_000
  @Option(help: "Time budget of the optimal planner in the planning benchmark, seconds.")
  var planBudget: Double = 0.5

  func run() throws {
    do {
      try runBench()
    } catch let error as CLIError {
      throw ValidationFailure(error)
    }
  }

  private func runBench() throws {
    guard planParticles > 0, planBudget >= 0 else {
      throw CLIError("Options --plan-particles must be at least 1 and --plan-budget not negative.")
    }
    if plan {
      let status = BenchStatus()
      let result = try PlanBench(particles: planParticles, budgetSeconds: planBudget)
        .run(status: status)
      status.clear()
      print(result.text)
      return
    }
    let windPath = try wind ?? Self.defaultForcing("arome_subset_16Nov2015.nc")
    let currentPath = try current ?? Self.defaultForcing("norkyst800_subset_16Nov2015.nc")
    guard particles > 0, kernelSteps > 0, repeats > 0, driftRuns > 0 else {
      throw CLIError(
        "Options --particles, --kernel-steps, --repeats and --drift-runs must be at least 1.")
    }
    let catalogue = try describe { try LeewayCatalogue.standard() }
    let spec = try DriftRunSpec(
      object: "PIW-1", longitude: 4.0, latitude: 60.2, radiusMetres: 500,
      start: "2015-11-16T00:00:00Z", duration: duration, step: "10m", outputStep: "1h",
      particles: particles, seed: 1, jibing: true, wind: windPath, current: currentPath,
      land: "full", catalogue: catalogue)
    let hours = spec.configuration.duration / 3600
    let status = BenchStatus()

    var openDrift: OpenDriftTiming?
    if !skipOpendrift {
      openDrift = try OpenDriftTiming.run(
        particles: particles, hours: hours, wind: windPath, current: currentPath, status: status)
    }

    var runs: [SarexRun] = []
    var active = 0
    // The peak of one drift: measured after the first run (getrusage's peak is the process's,
    // and later runs may reuse or add to what the first one left mapped).
    var peakMB = 0.0
    for r in 1...driftRuns {
      status.show("sarex drift: run \(r) of \(driftRuns)")
      let cpuBefore = Self.cpuSeconds()
      let result = try DriftRunner(spec: spec, outputs: DriftOutputPaths(), showsProgress: true)
        .run()
      runs.append(
        SarexRun(wallSeconds: result.wallSeconds, cpuSeconds: Self.cpuSeconds() - cpuBefore))
      active = result.ensemble.count(of: .active)
      if r == 1 { peakMB = Self.peakResidentMB() }
    }

    let kernels = try KernelComparison.run(
      spec: spec, steps: kernelSteps, repeats: repeats, status: status)
    let planning =
      skipPlan
      ? nil
      : try PlanBench(particles: planParticles, budgetSeconds: planBudget).run(status: status)
    status.clear()

    print(
      BenchReport(
        particles: particles, hours: hours, wind: windPath, current: currentPath,
        openDrift: openDrift, sarexRuns: runs, sarexActive: active,
        sarexPeakMB: peakMB, kernels: kernels, workers: ProcessInfo.processInfo.activeProcessorCount
      ).text)
    if let planning {
      print("")
      print(planning.text)
    }
  }

  /// The full forcing in ../shared/data/forcing next to the repository if present, else the
  /// shipped crop in data/forcing.
  static func defaultForcing(_ name: String) throws -> String {
    let shipped = try ShippedData.url("data/forcing/\(name)")
    let root = shipped.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let full = root.deletingLastPathComponent().appendingPathComponent(
      "shared/data/forcing/\(name)")
    return FileManager.default.fileExists(atPath: full.path) ? full.standardized.path : shipped.path
  }

  /// User plus system CPU time of this process so far, seconds.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
  }

  /// Peak resident set size of this process so far, MB (2^20 bytes; Linux reports KiB).
  static func peakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }
}
