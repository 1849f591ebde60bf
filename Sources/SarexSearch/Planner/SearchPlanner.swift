import Foundation
import SarexGeo

/// Plans one period's search from the drifted particles and the available units, in IAMSAR
/// worksheet mode or optimal mode, with each plan's POS evaluated on the particles and the POS
/// bound of the period.
public struct SearchPlanner: Sendable {
  let context: PlanningContext
  /// The POS bound of this period (computed once).
  public let bound: PlanBound
  /// Where the bound's optimal allocation puts each unit's effort.
  let effort: EffortMap

  /// - Parameters:
  ///   - particles: the ensemble at the period's reference time, with pFail from earlier periods.
  ///   - isLand: optional land test; areas (or the datum) on land are refused.
  /// - Throws: `PlannerError` for no units, a unit without endurance, conditions outside the
  ///   sweep width tables, or no probability left in the particles.
  public init(
    particles: ParticleSnapshot, units: [AvailableUnit], conditions: PlanningConditions,
    tables: SweepWidthTables, isLand: (@Sendable (GeoPoint) -> Bool)? = nil
  ) throws(PlannerError) {
    context = try PlanningContext(
      particles: particles, units: units, conditions: conditions, tables: tables, isLand: isLand)
    (bound, effort) = try PlanBoundCalculator.boundAndEffort(context)
  }

  /// The datum: the probability-weighted centre of the particles not yet detected.
  public var datum: GeoPoint { context.datum }

  /// The IAMSAR worksheet plan; `datum` overrides the particles' centre (an SMC's choice).
  /// With `checkLand` (the default) a subarea centred on land is an error, since the plan is to
  /// be executed; without it the plan is only evaluated, as the comparison for an optimal plan
  /// near a coast, where the worksheet's squares around the datum often reach ashore.
  public func worksheetPlan(datum: GeoPoint? = nil, checkLand: Bool = true) throws(PlannerError)
    -> SearchPlan
  {
    let (choices, sheet) = try WorksheetPlanner.choices(context, datum: datum)
    var plan = try evaluate(choices, mode: .worksheet, checkLand: checkLand)
    plan.worksheet = sheet
    if let datum { plan.datum = datum }
    return plan
  }

  /// The optimal-mode plan within `conditions.timeBudgetSeconds`. The worksheet plan is a
  /// starting point too: if its exact POS is higher, it is returned (so an optimal plan is never
  /// worse than the worksheet for the same units).
  public func optimalPlan(worksheet: SearchPlan? = nil) throws(PlannerError) -> SearchPlan {
    let start = Date()
    let deadline = start.addingTimeInterval(max(0, context.conditions.timeBudgetSeconds))
    let outcome = OptimalPlanner.choices(context, effort: effort, deadline: deadline)
    guard !outcome.choices.isEmpty else {
      throw .invalid("No search area could be placed at sea for any unit.")
    }
    var plan = try evaluate(outcome.choices, mode: .optimal)
    plan.passes = outcome.passes
    plan.candidatesScored = outcome.scored
    let sheet: SearchPlan
    if let worksheet { sheet = worksheet } else { sheet = try worksheetPlan(checkLand: false) }
    let sheetAtSea = sheet.sorties.allSatisfy { !context.onLand($0.area.centre) }
    if sheet.pos > plan.pos, sheet.sorties.count >= plan.sorties.count, sheetAtSea {
      let passes = plan.passes
      let scored = plan.candidatesScored
      plan = sheet
      plan.mode = .optimal
      plan.worksheet = nil
      plan.passes = passes
      plan.candidatesScored = scored
    }
    return plan
  }

  /// The plan of `mode`.
  public func plan(_ mode: PlanningMode) throws(PlannerError) -> SearchPlan {
    switch mode {
    case .worksheet: try worksheetPlan()
    case .optimal: try optimalPlan()
    }
  }

  func evaluate(_ choices: [SortieBuilder.Choice], mode: PlanningMode, checkLand: Bool = true)
    throws(PlannerError) -> SearchPlan
  {
    let built = try SortieBuilder(context: context).build(choices, checkLand: checkLand)
    let particles = context.particles
    let pos = try PlannerError.wrap { try particles.conditionalPOS(pod: built.pod) }
    let cumulative = try PlannerError.wrap { try particles.cumulativePOS(adding: built.pod) }
    return SearchPlan(
      mode: mode, referenceTime: particles.time, datum: context.datum, sorties: built.sorties,
      pod: built.pod, pos: pos, cumulativePOS: cumulative, bound: bound, worksheet: nil,
      particleLegEvaluations: built.evaluations, evaluationSeconds: built.seconds,
      separationConflicts: Self.separationConflicts(built.sorties), passes: 0,
      candidatesScored: 0)
  }

  /// Units closer than one track spacing to another at the same time: vessels among
  /// themselves, aircraft among themselves unless 500 ft apart. An aircraft and a vessel are
  /// not compared: aircraft search at 300 ft or more, above any vessel.
  public static func separationConflicts(_ sorties: [PlannedSortie]) -> [SeparationConflict] {
    let tracks = sorties.map {
      PlannedUnitTrack(unit: $0.unit.callSign, track: $0.track, altitude: $0.altitudeMetres)
    }
    let air = sorties.indices.filter { sorties[$0].unit.unit.kind.isAircraft }
    let surface = sorties.indices.filter { !sorties[$0].unit.unit.kind.isAircraft }
    return Deconfliction.separationConflicts(surface.map { tracks[$0] })
      + Deconfliction.separationConflicts(
        air.map { tracks[$0] }, verticalSeparation: adjacentAreaVerticalSeparation)
  }
}
