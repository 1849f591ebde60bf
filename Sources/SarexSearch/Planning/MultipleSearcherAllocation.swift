import Foundation

/// One search unit's budget and capability for the optimal allocation.
public struct AllocationSearcher: Sendable, Hashable {
  public var name: String
  /// Search hours available on scene.
  public var hours: Double
  /// Sweep rate W V in each cell, area per hour (NM^2/h when areas are NM^2); 0 where the unit
  /// cannot search (out of range, wrong altitude band). Sweep width may differ per cell.
  public var sweepRates: [Double]

  public init(name: String, hours: Double, sweepRates: [Double]) {
    self.name = name
    self.hours = hours
    self.sweepRates = sweepRates
  }
}

/// The optimal allocation of several heterogeneous searchers' time over cells, with an upper
/// bound on the POS any plan with these units can reach.
///
/// POD_i = 1 - exp(-sum_k q_ik t_ik / A_i) for sweep rates q_ik and hours t_ik, sum_i t_ik = T_k.
/// Method (Washburn, Search and Detection, 4th ed. 2002, multiple search resources): the POS is
/// concave in the hours and the constraints are separate per searcher, so the searchers are
/// allocated in turn, each optimally by the Charnes-Cooper / Stone rule (`EffortAllocation`)
/// against the probability the others leave undetected, p_i exp(-sum_{j != k} q_ij t_ij / A_i),
/// cycling until the POS stops improving; this coordinate ascent converges to the optimum.
/// The bound is the Lagrangian dual with each searcher's multiplier lambda_k:
/// POS* <= sum_k lambda_k T_k + sum_i max_y [p_i (1 - e^-y) - c_i y], c_i = min_k lambda_k A_i / q_ik,
/// which meets the POS at the optimum; `upperBound - pos` certifies how close the plan is.
public struct MultipleSearcherAllocation: Sendable, Hashable {
  /// Hours per searcher per cell: `hours[k][i]`.
  public var hours: [[Double]]
  /// POD per cell.
  public var pods: [Double]
  public var pos: Double
  /// An upper bound on the POS of every feasible allocation (>= pos).
  public var upperBound: Double
  /// Passes over the searchers made.
  public var iterations: Int

  /// - Throws: `PlanningError` for mismatched arrays, negative values or no cells or searchers.
  public static func optimal(
    pocs: [Double], areas: [Double], searchers: [AllocationSearcher],
    tolerance: Double = 1e-12, maximumIterations: Int = 10_000
  ) throws(PlanningError) -> MultipleSearcherAllocation {
    let n = pocs.count
    guard n > 0 else { throw .empty("cells") }
    guard !searchers.isEmpty else { throw .empty("searchers") }
    guard areas.count == n else {
      throw .countMismatch(field: "areas", expected: n, actual: areas.count)
    }
    for a in areas { try PlanningError.positive("cell area", a) }
    for p in pocs { try PlanningError.nonNegative("cell POC", p) }
    for s in searchers {
      try PlanningError.nonNegative("\(s.name): hours", s.hours)
      guard s.sweepRates.count == n else {
        throw .countMismatch(
          field: "\(s.name): sweepRates", expected: n, actual: s.sweepRates.count)
      }
      for q in s.sweepRates { try PlanningError.nonNegative("\(s.name): sweep rate", q) }
    }
    let rates = searchers.map { s in (0..<n).map { s.sweepRates[$0] / areas[$0] } }
    var hours = [[Double]](repeating: [Double](repeating: 0, count: n), count: searchers.count)
    var lambdas = [Double](repeating: 0, count: searchers.count)
    // exponent[i] = sum_k rate_ik t_ik, the "coverage" reached in cell i.
    var exponent = [Double](repeating: 0, count: n)
    var pos = 0.0
    var iterations = 0
    while iterations < maximumIterations {
      iterations += 1
      for k in searchers.indices {
        for i in 0..<n { exponent[i] -= rates[k][i] * hours[k][i] }
        let residual = (0..<n).map { pocs[$0] * exp(-exponent[$0]) }
        let (t, lambda) = EffortAllocation.stone(
          weights: residual, rates: rates[k], budget: searchers[k].hours)
        hours[k] = t
        lambdas[k] = lambda
        for i in 0..<n { exponent[i] += rates[k][i] * t[i] }
      }
      let newPOS = (0..<n).reduce(0.0) { $0 + pocs[$1] * (1 - exp(-exponent[$1])) }
      let improvement = newPOS - pos
      pos = newPOS
      if improvement <= tolerance { break }
    }
    var bound = 0.0
    for k in searchers.indices { bound += lambdas[k] * searchers[k].hours }
    for i in 0..<n {
      var c = Double.infinity
      for k in searchers.indices where rates[k][i] > 0 { c = min(c, lambdas[k] / rates[k][i]) }
      guard pocs[i] > 0, c.isFinite else { continue }
      if c <= 0 {
        bound += pocs[i]
        continue
      }
      let y = max(0, log(pocs[i] / c))
      bound += pocs[i] * (1 - exp(-y)) - c * y
    }
    return MultipleSearcherAllocation(
      hours: hours, pods: exponent.map { 1 - exp(-$0) }, pos: pos, upperBound: bound,
      iterations: iterations)
  }

  /// POS of any allocation of hours (`hours[k][i]`) with the same searchers and cells.
  public static func pos(
    pocs: [Double], areas: [Double], searchers: [AllocationSearcher], hours: [[Double]]
  ) -> Double {
    var s = 0.0
    for i in pocs.indices {
      var y = 0.0
      for k in searchers.indices { y += searchers[k].sweepRates[i] * hours[k][i] / areas[i] }
      s += pocs[i] * (1 - exp(-y))
    }
    return s
  }
}
