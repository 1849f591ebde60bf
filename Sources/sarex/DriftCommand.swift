import ArgumentParser
import Foundation
import SarexDrift

/// `sarex drift`: a Leeway Monte Carlo drift from a scenario file or from flags.
struct DriftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "drift",
    abstract: "Predict where a search object drifts (Leeway Monte Carlo on real wind and current).",
    discussion: """
      Give a scenario file (YAML) or the flags of one point seed. Times are UTC, durations like
      66h or 10m, radius in metres (1-sigma). Example:
        sarex drift --object PIW-1 --lon 4.0 --lat 60.2 --radius 500 \\
          --start 2015-11-16T00:00:00Z --duration 66h --step 10m --output-step 1h \\
          --particles 100000 --seed 1 --wind data/forcing/arome_subset_16Nov2015.nc \\
          --current data/forcing/norkyst800_subset_16Nov2015.nc --summary out/summary.csv \\
          --out out/trajectories.nc
      """)

  @Option(help: "Scenario file (YAML); flags below are then ignored except outputs.")
  var scenario: String?
  @Option(help: "Search-object class, by code (PIW-1) or number (see `sarex classes`).")
  var object: String = "PIW-1"
  @Option(help: "Longitude of the last known position, degrees east.")
  var lon: Double?
  @Option(help: "Latitude of the last known position, degrees north.")
  var lat: Double?
  @Option(help: "Seeding radius around the position, metres (1-sigma of each component).")
  var radius: Double = 0
  @Option(help: "Release time, UTC (2015-11-16T00:00:00Z).")
  var start: String?
  @Option(help: "Duration of the run (66h); negative runs backward in time.")
  var duration: String = "24h"
  @Option(help: "Model time step (10m).")
  var step: String = "10m"
  @Option(help: "Output time step (1h).")
  var outputStep: String = "1h"
  @Option(help: "Number of particles.")
  var particles: Int = 10_000
  @Option(help: "Random seed; the same seed gives the same run.")
  var seed: UInt64 = 1
  @Flag(inversion: .prefixedNo, help: "Jibing (random change of crosswind side, 4 % per hour).")
  var jibing = true
  @Option(help: "Wind file (CF NetCDF with 10 m wind).")
  var wind: String?
  @Option(help: "Current file (CF NetCDF with surface current).")
  var current: String?
  @Option(help: "Coastline resolution: full, high, intermediate, low, crude or none.")
  var land: String = "full"
  @Option(help: "Summary CSV, one row per output time.")
  var summary: String?
  @Option(help: "Trajectory NetCDF (CF discrete sampling geometry).")
  var out: String?
  @Option(help: "Final positions, GeoJSON.")
  var geojson: String?
  @Option(help: "50 % and 90 % containment areas at the end, GeoJSON.")
  var containment: String?
  @Option(help: "Map of the final cloud (.svg or .png).")
  var map: String?
  @Option(help: "Write every product into this folder (standard names).")
  var outputDir: String?

  func run() throws {
    do {
      let catalogue = try describe { try LeewayCatalogue.standard() }
      let spec: DriftRunSpec
      if let scenario {
        let url = URL(fileURLWithPath: scenario)
        spec = try DriftRunSpec(file: try ScenarioFile.load(url), at: url, catalogue: catalogue)
      } else {
        guard let lon, let lat else {
          throw CLIError("Give --lon and --lat of the last known position, or --scenario FILE.")
        }
        guard let start else { throw CLIError("Give --start, the UTC release time.") }
        guard let wind, let current else {
          throw CLIError("Give --wind and --current forcing files (CF NetCDF).")
        }
        spec = try DriftRunSpec(
          object: object, longitude: lon, latitude: lat, radiusMetres: radius, start: start,
          duration: duration, step: step, outputStep: outputStep, particles: particles, seed: seed,
          jibing: jibing, wind: wind, current: current, land: land, catalogue: catalogue)
      }
      // With --output-dir the products are staged beside it and moved in only on success.
      let staged = try outputDir.map { try StagedOutputFolder(destination: $0) }
      var outputs = staged.map { DriftOutputPaths.named(in: $0.staging.path) } ?? DriftOutputPaths()
      if let summary { outputs.summary = summary }
      if let out { outputs.trajectories = out }
      if let geojson { outputs.finalPositions = geojson }
      if let containment { outputs.containment = containment }
      if let map { outputs.maps = [map] }
      let result: DriftRunner.Result
      if let staged {
        result = try staged.run { _ in try DriftRunner(spec: spec, outputs: outputs).run() }
        outputs.trajectories = outputs.trajectories.map(staged.finalPath(of:))
        outputs.summary = outputs.summary.map(staged.finalPath(of:))
        outputs.finalPositions = outputs.finalPositions.map(staged.finalPath(of:))
        outputs.containment = outputs.containment.map(staged.finalPath(of:))
        outputs.maps = outputs.maps.map(staged.finalPath(of:))
      } else {
        result = try DriftRunner(spec: spec, outputs: outputs).run()
      }
      print(DriftReport.text(spec: spec, result: result, outputs: outputs))
    } catch let error as CLIError {
      throw ValidationFailure(error)
    }
  }
}

/// Prints a ``CLIError`` as its sentence alone (no usage text) and exits with status 1.
struct ValidationFailure: Error, CustomStringConvertible {
  let error: CLIError
  init(_ error: CLIError) { self.error = error }
  var description: String { error.description }
}
