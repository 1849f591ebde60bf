import Foundation
import SarexDrift
import SarexSearch

/// The planning benchmark of `sarex bench`: the demo drift with many particles, then one period
/// planned for eight units (a patrol ship, a rescue boat, a patrol aircraft and a helicopter of
/// each nation), timed in its parts: the context and POS bound, the IAMSAR worksheet plan, and
/// the optimal plan within its time budget; with the particle-leg closest-approach evaluations
/// per second of the exact POS evaluations.
struct PlanBench {
  var particles: Int
  /// The optimal planner's anytime budget, seconds.
  var budgetSeconds: Double

  struct Result {
    var particles: Int
    var units: Int
    var driftSeconds: Double
    var boundSeconds: Double
    var worksheetSeconds: Double
    var optimalSeconds: Double
    var worksheetPOS: Double
    var optimalPOS: Double
    var bound: PlanBound
    var evaluations: Int
    var evaluationSeconds: Double
    var passes: Int
    var candidates: Int
    var workers: Int
    var budgetSeconds: Double
    var optimalEvaluationSeconds: Double

    var planningSeconds: Double { boundSeconds + worksheetSeconds + optimalSeconds }

    var text: String {
      let rate = evaluationSeconds > 0 ? Double(evaluations) / evaluationSeconds : 0
      return [
        "Planning benchmark: \(particles) particles, \(units) SRUs, one period, \(workers) workers",
        String(format: "  drift to the period (not timed below)   %7.2f s", driftSeconds),
        String(
          format: "  context and POS bound                   %7.2f s  (bound %.3f, %d cells)",
          boundSeconds, bound.upperBound, bound.cellCount),
        String(
          format: "  IAMSAR worksheet plan                   %7.2f s  (POS %.3f)",
          worksheetSeconds, worksheetPOS),
        String(
          format:
            "  optimal plan (budget %.1f s)            %7.2f s  (POS %.3f, %d passes, %d candidates; exact evaluation %.2f s)",
          budgetSeconds, optimalSeconds, optimalPOS, passes, candidates, optimalEvaluationSeconds),
        String(format: "  one period planned                      %7.2f s", planningSeconds),
        String(
          format:
            "  exact POS evaluation: %.3g particle-leg evaluations in %.2f s = %.3g per second",
          Double(evaluations), evaluationSeconds, rate),
      ].joined(separator: "\n")
    }
  }

  static let planYAML = """
    name: Planning benchmark
    periods:
      - {name: "1", on_scene: 2015-11-16T12:00:00Z}
    units:
      - {id: large-vessel, call_sign: JCG1, nation: JPN, endurance_hours: 6}
      - {id: large-vessel, call_sign: KCG1, nation: KOR, endurance_hours: 6}
      - {id: small-vessel, call_sign: JCG2, nation: JPN, endurance_hours: 4}
      - {id: small-vessel, call_sign: KCG2, nation: KOR, endurance_hours: 4}
      - {id: fixed-wing-patrol, call_sign: JA01, nation: JPN, on_scene_delay: 1h,
         endurance_hours: 3}
      - {id: fixed-wing-patrol, call_sign: KA01, nation: KOR, on_scene_delay: 1h,
         endurance_hours: 3}
      - {id: helicopter, call_sign: JH01, nation: JPN}
      - {id: helicopter, call_sign: KH01, nation: KOR, on_scene_delay: 30m}
    visibility_nm: 10
    wind_knots: 15
    sea_height_m: 1.0
    mode: optimal
    """

  func run(status: BenchStatus) throws -> Result {
    let wind = try ShippedData.url("data/forcing/arome_subset_16Nov2015.nc")
    var file = try describe {
      try ScenarioFile.decode(DemoCommand.scenarioYAML, source: "the demo scenario")
    }
    file.particles = particles
    file.duration = "13h"
    let catalogue = try describe { try LeewayCatalogue.standard() }
    let at = wind.deletingLastPathComponent().appendingPathComponent("demo.yaml")
    var planFile = try PlanCaseFile.decode(Self.planYAML, source: "the planning benchmark")
    planFile.drift = file
    planFile.timeBudgetSeconds = budgetSeconds
    let planCase = try PlanCase(file: planFile, at: at, driftCatalogue: catalogue)
    var runner = PlanRunner(planCase: planCase, folder: FileManager.default.temporaryDirectory.path)
    runner.showsProgress = false
    runner.writesDriftOutputs = false
    status.show("planning benchmark: drift of \(particles) particles")
    let prepared = try runner.prepare()
    guard let period = prepared.periods.first else {
      throw CLIError("The planning benchmark has no period.")
    }
    status.show("planning benchmark: planning")
    var clock = Date()
    let planner = try describe {
      try SearchPlanner(
        particles: period.particles, units: period.units, conditions: period.conditions,
        tables: prepared.tables, isLand: prepared.isLand)
    }
    let boundSeconds = Date().timeIntervalSince(clock)
    clock = Date()
    let sheet = try describe { try planner.worksheetPlan() }
    let worksheetSeconds = Date().timeIntervalSince(clock)
    clock = Date()
    let optimal = try describe { try planner.optimalPlan(worksheet: sheet) }
    let optimalSeconds = Date().timeIntervalSince(clock)
    return Result(
      particles: period.particles.count, units: period.units.count,
      driftSeconds: prepared.drift.wallSeconds, boundSeconds: boundSeconds,
      worksheetSeconds: worksheetSeconds, optimalSeconds: optimalSeconds,
      worksheetPOS: sheet.pos, optimalPOS: optimal.pos, bound: planner.bound,
      evaluations: sheet.particleLegEvaluations + optimal.particleLegEvaluations,
      evaluationSeconds: sheet.evaluationSeconds + optimal.evaluationSeconds,
      passes: optimal.passes, candidates: optimal.candidatesScored,
      workers: ProcessInfo.processInfo.activeProcessorCount, budgetSeconds: budgetSeconds,
      optimalEvaluationSeconds: optimal.evaluationSeconds)
  }
}
