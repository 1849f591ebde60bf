import ArgumentParser
import Foundation
import SarexDrift

/// `sarex demo`: the embedded default case on the shipped real forcing, every product written.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run the demo case (person in water off western Norway, real MET Norway forcing).")

  @Option(help: "Output folder.")
  var out: String = "out/demo"
  @Option(help: "Number of particles.")
  var particles: Int = 20_000

  /// The demo case: a person in water (PIW-1) off Fedje, western Norway, 16 November 2015, on
  /// the NorKyst-800 current and AROME wind shipped in data/forcing.
  static let scenarioYAML = """
    name: Person in water off western Norway (demo)
    object: PIW-1
    start: 2015-11-16T00:00:00Z
    duration: 66h
    step: 10m
    output_step: 1h
    seed: 1
    wind: arome_subset_16Nov2015.nc
    current: norkyst800_subset_16Nov2015.nc
    land: full
    seeding:
      - name: LKP
        point: {lon: 4.0, lat: 60.2}
        radius: 500
    """

  func run() throws {
    do {
      let wind = try ShippedData.url("data/forcing/arome_subset_16Nov2015.nc")
      var file = try describe {
        try ScenarioFileDecoding.decode(Self.scenarioYAML, source: "the demo scenario")
      }
      file.particles = particles
      let catalogue = try describe { try LeewayCatalogue.standard() }
      // Forcing paths in the embedded scenario are relative to the shipped forcing folder.
      let spec = try DriftRunSpec(
        file: file, at: wind.deletingLastPathComponent().appendingPathComponent("demo.yaml"),
        catalogue: catalogue)
      let outputs = try DriftOutputPaths.standard(in: out)
      let result = try DriftRunner(spec: spec, outputs: outputs).run()
      print(DriftReport.text(spec: spec, result: result, outputs: outputs))
    } catch let error as CLIError {
      throw ValidationFailure(error)
    }
  }
}
