import Foundation

/// Optimal allocation of one searcher's effort over cells for a stationary object with
/// exponential detection, POD_i = 1 - exp(-z_i / A_i) (Charnes and Cooper 1958; Stone, Theory of
/// Optimal Search, 2nd ed. 1989, ch. 2; Koopman 1946).
///
/// The optimum equalises the marginal return p_i exp(-z_i/A_i) / A_i = lambda over the searched
/// cells and leaves cells with p_i / A_i <= lambda unsearched; lambda is found in closed form by
/// growing the searched set in decreasing order of p_i / A_i.
public struct EffortAllocation: Sendable, Hashable {
  /// Effort per cell, in the unit of the budget (NM^2 when areas are NM^2).
  public var efforts: [Double]
  /// POD reached in each cell.
  public var pods: [Double]
  /// POS = sum p_i POD_i.
  public var pos: Double
  /// The Lagrange multiplier: marginal POS per unit effort at the optimum.
  public var marginalReturn: Double

  /// - Parameters:
  ///   - pocs: probability of containment per cell (need not sum to 1).
  ///   - areas: cell areas (> 0), same unit as effort / (sweep width x distance).
  ///   - effort: Z = W V T available.
  public static func optimal(pocs: [Double], areas: [Double], effort: Double)
    throws(PlanningError) -> EffortAllocation
  {
    guard pocs.count == areas.count else {
      throw .countMismatch(field: "areas", expected: pocs.count, actual: areas.count)
    }
    guard !pocs.isEmpty else { throw .empty("cells") }
    for a in areas { try PlanningError.positive("cell area", a) }
    for p in pocs { try PlanningError.nonNegative("cell POC", p) }
    try PlanningError.nonNegative("effort", effort)
    let rates = areas.map { 1 / $0 }
    let (t, lambda) = stone(weights: pocs, rates: rates, budget: effort)
    let pods = zip(t, rates).map { 1 - exp(-$0 * $1) }
    let pos = zip(pocs, pods).reduce(0) { $0 + $1.0 * $1.1 }
    return EffortAllocation(efforts: t, pods: pods, pos: pos, marginalReturn: lambda)
  }

  /// POS of any allocation of effort over the cells (exponential detection).
  public static func pos(pocs: [Double], areas: [Double], efforts: [Double]) -> Double {
    var s = 0.0
    for i in pocs.indices { s += pocs[i] * (1 - exp(-efforts[i] / areas[i])) }
    return s
  }

  /// Charnes-Cooper / Stone: maximise sum w_i (1 - exp(-r_i t_i)) subject to sum t_i = budget,
  /// t_i >= 0. Returns t and the multiplier lambda (w_i r_i exp(-r_i t_i) = lambda where t_i > 0).
  static func stone(weights w: [Double], rates r: [Double], budget: Double) -> ([Double], Double) {
    var t = [Double](repeating: 0, count: w.count)
    let order = w.indices.filter { w[$0] > 0 && r[$0] > 0 }.sorted { w[$0] * r[$0] > w[$1] * r[$1] }
    guard let first = order.first else { return (t, 0) }
    guard budget > 0 else { return (t, w[first] * r[first]) }
    // For active set S: sum_{i in S} (ln(w_i r_i) - ln lambda) / r_i = budget.
    var sumLogOverRate = 0.0
    var sumInverseRate = 0.0
    var logLambda = 0.0
    var active = 0
    for (k, i) in order.enumerated() {
      sumLogOverRate += log(w[i] * r[i]) / r[i]
      sumInverseRate += 1 / r[i]
      logLambda = (sumLogOverRate - budget) / sumInverseRate
      active = k + 1
      if k + 1 < order.count {
        let next = order[k + 1]
        if logLambda >= log(w[next] * r[next]) { break }
      }
    }
    for i in order.prefix(active) {
      t[i] = max(0, (log(w[i] * r[i]) - logLambda) / r[i])
    }
    return (t, exp(logLambda))
  }
}
