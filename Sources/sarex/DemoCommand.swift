import ArgumentParser
import Foundation
import SarexDrift

/// `sarex demo`: the embedded default case on the shipped real forcing, every product written.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract:
      "Run the demo case (person in water off western Norway, real MET Norway forcing), then plan a two-period search with Japanese and Korean units."
  )

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

  /// The demo's search: two periods, a Japanese and a Korean patrol ship, a patrol aircraft and
  /// a helicopter of each nation (catalogue types; call signs illustrative), planned in optimal
  /// mode with the IAMSAR worksheet plan's POS printed beside it.
  static let planYAML = """
    name: Person in water off western Norway (demo)
    rcc: JRCC SOUTHERN NORWAY
    periods:
      - {name: "1", on_scene: 2015-11-16T12:00:00Z}
      - {name: "2", on_scene: 2015-11-16T18:00:00Z}
    units:
      - {id: large-vessel, call_sign: JCG AKITSUSHIMA, nation: JPN, base: JCG, endurance_hours: 6}
      - {id: large-vessel, call_sign: KCG SAMBONG, nation: KOR, base: KCG, endurance_hours: 6}
      - {id: fixed-wing-patrol, call_sign: JA722A, nation: JPN, base: JCG, on_scene_delay: 1h,
         endurance_hours: 3}
      - {id: fixed-wing-patrol, call_sign: KCG 703, nation: KOR, base: KCG, on_scene_delay: 1h,
         endurance_hours: 3}
      - {id: helicopter, call_sign: JA688A, nation: JPN, base: JCG}
      - {id: helicopter, call_sign: KCG 515, nation: KOR, base: KCG, on_scene_delay: 30m}
    visibility_nm: 10
    wind_knots: 15
    sea_height_m: 1.0
    mode: optimal
    time_budget_seconds: 3
    """

  func run() throws {
    do {
      let wind = try ShippedData.url("data/forcing/arome_subset_16Nov2015.nc")
      var file = try describe {
        try ScenarioFile.decode(Self.scenarioYAML, source: "the demo scenario")
      }
      file.particles = particles
      let catalogue = try describe { try LeewayCatalogue.standard() }
      // Forcing paths in the embedded scenario are relative to the shipped forcing folder.
      let at = wind.deletingLastPathComponent().appendingPathComponent("demo.yaml")
      var planFile = try PlanCaseFile.decode(Self.planYAML, source: "the demo case")
      planFile.drift = file
      let planCase = try PlanCase(file: planFile, at: at, driftCatalogue: catalogue)
      var runner = PlanRunner(planCase: planCase, folder: out)
      runner.writesTrajectories = true
      let result = try runner.run()
      let outputs = DriftOutputPaths.named(in: out)
      print(DriftReport.text(spec: planCase.drift, result: result.drift, outputs: outputs))
      print(PlanReport.text(planCase: planCase, result: result))
    } catch let error as CLIError {
      throw ValidationFailure(error)
    }
  }
}
