import Foundation
import SarexGeo

/// One planning period: the ensemble at its reference time (its pFail is replaced by the result
/// of the earlier periods), the units available and the conditions.
public struct PlanningPeriod: Sendable {
  public var name: String
  public var particles: ParticleSnapshot
  public var units: [AvailableUnit]
  public var conditions: PlanningConditions
  /// An SMC's datum for the worksheet, instead of the particles' centre.
  public var worksheetDatum: GeoPoint?

  public init(
    name: String, particles: ParticleSnapshot, units: [AvailableUnit],
    conditions: PlanningConditions, worksheetDatum: GeoPoint? = nil
  ) {
    self.name = name
    self.particles = particles
    self.units = units
    self.conditions = conditions
    self.worksheetDatum = worksheetDatum
  }
}

/// What one period produced: both plans, the one searched, and the history after it failed.
public struct PeriodResult: Sendable {
  public var name: String
  public var worksheet: SearchPlan
  /// Nil in worksheet mode.
  public var optimal: SearchPlan?
  /// The plan assumed searched (the mode asked for).
  public var executed: SearchPlan
  /// The period's conditional and cumulative POS once searched without success.
  public var record: SearchHistory.Period
  /// The particles planned on (pFail from the earlier periods).
  public var particlesBefore: ParticleSnapshot
  /// The particles after the unsuccessful search (pFail updated).
  public var particlesAfter: ParticleSnapshot
}

/// Several periods: plan, assume the search fails (Bayes update of pFail), carry pFail to the
/// next period's ensemble (the drift continues with the same particles), plan again.
public enum MultiPeriodPlanner {
  /// - Parameter computeOptimal: also compute the optimal plan in worksheet mode, to compare.
  /// - Throws: `PlannerError`; the ensembles of all periods must have the same particles.
  public static func run(
    _ periods: [PlanningPeriod], mode: PlanningMode, tables: SweepWidthTables,
    isLand: (@Sendable (GeoPoint) -> Bool)? = nil, computeOptimal: Bool = true
  ) throws(PlannerError) -> [PeriodResult] {
    var results: [PeriodResult] = []
    var history = SearchHistory()
    var pFail: [Double]?
    for period in periods {
      var particles = period.particles
      if let pFail {
        guard pFail.count == particles.count else {
          throw .invalid(
            "Period \(period.name) has \(particles.count) particles, the one before "
              + "\(pFail.count); every period must use the same ensemble.")
        }
        particles.pFail = pFail
      }
      let planner = try SearchPlanner(
        particles: particles, units: period.units, conditions: period.conditions,
        tables: tables, isLand: isLand)
      // In optimal mode the worksheet plan is only the comparison: not refused near a coast.
      let sheet = try planner.worksheetPlan(
        datum: period.worksheetDatum, checkLand: mode == .worksheet)
      let optimal =
        (mode == .optimal || computeOptimal) ? try planner.optimalPlan(worksheet: sheet) : nil
      let executed = mode == .optimal ? (optimal ?? sheet) : sheet
      let before = particles
      let record = try PlannerError.wrap {
        try history.recordUnsuccessfulSearch(
          name: period.name, pod: executed.pod, particles: &particles)
      }
      pFail = particles.pFail
      results.append(
        PeriodResult(
          name: period.name, worksheet: sheet, optimal: optimal, executed: executed,
          record: record, particlesBefore: before, particlesAfter: particles))
    }
    return results
  }
}
