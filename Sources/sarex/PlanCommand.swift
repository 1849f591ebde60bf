import ArgumentParser
import Foundation
import SarexDrift
import SarexSearch

/// `sarex plan`: drift, then plan the search period by period from a case file.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Plan the search for a drifting object: areas, patterns and POS per unit and period.",
    discussion: """
      The case file (YAML) names the drift scenario, the on-scene time of each period, the units
      (catalogue ids with call sign, nation and base, or full definitions), visibility, wind, sea,
      the planning mode (worksheet or optimal) and a time budget. Writes the search action message
      and a SITREP per period, GPX per sortie, KML and GeoJSON of areas and tracks, and maps.
      """)

  @Argument(help: "Case file (YAML).")
  var caseFile: String
  @Option(help: "Output folder.")
  var out: String = "out/plan"

  func run() throws {
    do {
      let url = URL(fileURLWithPath: caseFile)
      let catalogue = try describe { try LeewayCatalogue.standard() }
      let planCase = try PlanCase(
        file: try PlanCaseFile.load(url), at: url, driftCatalogue: catalogue)
      let result = try PlanRunner(planCase: planCase, folder: out).run()
      print(PlanReport.text(planCase: planCase, result: result))
    } catch let error as CLIError {
      throw ValidationFailure(error)
    }
  }
}

/// The summary printed after planning.
enum PlanReport {
  static func text(planCase: PlanCase, result: PlanRunner.Result) -> String {
    var lines = ["Search plan: \(planCase.name) (\(planCase.mode.rawValue) mode)"]
    var evaluations = 0
    var seconds = 0.0
    for r in result.periods {
      let o = r.optimal
      lines.append(
        String(
          format:
            "Period %@ at %@: worksheet POS %.3f, optimal POS %@, bound %.3f (density %.3f + sampling margin %.3f; optimal allocation %.3f with POD %@ on %d cells of %.2f NM); cumulative POS %.3f",
          r.name, UTCDateParser.string(r.executed.referenceTime), r.worksheet.pos,
          o.map { String(format: "%.3f", $0.pos) } ?? "-", r.executed.bound.upperBound,
          r.executed.bound.densityBound, r.executed.bound.samplingMargin,
          r.executed.bound.allocationPOS, r.executed.bound.detectionFormula,
          r.executed.bound.cellCount, r.executed.bound.cellSizeMetres / 1852,
          r.record.cumulativePOS))
      if r.executed.bound.effectiveParticleCount < 100 {
        lines.append(
          String(
            format:
              "  Warning: the probability rests on about %.0f particles (effective count): POS figures are coarse; run more particles.",
            r.executed.bound.effectiveParticleCount))
      }
      for s in r.executed.sorties {
        lines.append(
          String(
            format: "  %@ %@ (%@): %@ %.1f x %.1f NM, S %.2f NM, %@, POS %.3f", s.areaID,
            s.unit.callSign, s.unit.nation, s.track.kind.code, s.area.length / 1852,
            s.area.width / 1852, s.track.trackSpacing / 1852,
            s.altitudeMetres.map { String(format: "%.0f ft", $0 / 0.3048) } ?? "surface", s.pos))
      }
      let conflicts = r.executed.separationConflicts
      lines.append(
        conflicts.isEmpty
          ? "  Separation: no unit within one track spacing of another at the same time"
          : "  SEPARATION CONFLICTS: "
            + conflicts.map {
              String(
                format: "%@ and %@ %.2f NM apart (need %.2f)", $0.firstUnit, $0.secondUnit,
                $0.closestApproach.distance / 1852, $0.requiredSeparation / 1852)
            }.joined(separator: "; "))
      for plan in [r.worksheet] + (o.map { [$0] } ?? []) {
        evaluations += plan.particleLegEvaluations
        seconds += plan.evaluationSeconds
      }
    }
    lines.append(
      String(
        format: "Planning %.1f s; %.2g particle-leg evaluations per second", result.planningSeconds,
        seconds > 0 ? Double(evaluations) / seconds : 0))
    lines.append("Wrote \(result.files.count) files to the output folder.")
    return lines.joined(separator: "\n")
  }
}
