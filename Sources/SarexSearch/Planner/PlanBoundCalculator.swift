import Foundation

/// The POS bound of a period (see `PlanBound`): the particles' posterior binned into square POC
/// cells about one (mean) sweep width across, the optimal allocation of the units' hours over
/// them (Washburn, exponential detection), and the coverage bound for any lateral range curve.
///
/// Categories of search object mix within a cell; since 1 - exp(-x) and min(1, x) are concave,
/// the POD of a mix searched with effort z is at most that of one object with the cell's
/// probability-weighted mean sweep width (Jensen), so each unit gets one sweep rate per cell,
/// q_ik = mean W_ik x speed, which keeps both numbers upper estimates.
///
/// Coverage bound (a linear programme): no cell can reach POD above min(1, sum_k q_ik t_ik / A_i)
/// with t_ik the hours unit k spends in cell i. Its Lagrangian dual, for any multipliers
/// lambda_k >= 0 (POS per hour of unit k), is sum_k lambda_k T_k + sum_i max(0, p_i - min_k
/// lambda_k A_i / q_ik), an upper bound on every plan; it is minimised over lambda by coordinate
/// search from the allocation's multipliers. Speeds are raised by the particles' RMS speed
/// relative to the datum, since a moving object can cross more of a unit's swath.
enum PlanBoundCalculator {
  static func bound(_ c: PlanningContext) throws(PlannerError) -> PlanBound {
    let axes = c.principalAxes
    let narrowest = c.meanWidths.filter { $0 > 0 }.min() ?? 1852
    let cell = max(narrowest, 8 * axes.sigmaMajor / 250, 1)
    let plane = c.plane
    // Bin probability and probability x category per cell.
    var cellIndex: [Int64: Int] = [:]
    var pocs: [Double] = []
    var categoryMass: [[Double]] = []
    let categoryCount = c.conditions.leewayClasses.count
    for i in c.xs.indices where c.probabilities[i] > 0 {
      let cx = Int64((c.xs[i] / cell).rounded(.down))
      let cy = Int64((c.ys[i] / cell).rounded(.down))
      let key = cx &* 1_000_003 &+ cy
      let k: Int
      if let found = cellIndex[key] {
        k = found
      } else {
        k = pocs.count
        cellIndex[key] = k
        pocs.append(0)
        categoryMass.append([Double](repeating: 0, count: categoryCount))
      }
      pocs[k] += c.probabilities[i]
      categoryMass[k][c.categories[i]] += c.probabilities[i]
    }
    _ = plane
    let nm2 = 1852.0 * 1852.0
    let cellArea = cell * cell / nm2
    let areas = [Double](repeating: cellArea, count: pocs.count)
    // Mean sweep width (NM) of unit k in each cell.
    func widthsNM(_ k: Int) -> [Double] {
      pocs.indices.map { i in
        var w = 0.0
        for cat in 0..<categoryCount { w += categoryMass[i][cat] * c.widths[k][cat] }
        return w / pocs[i] / 1852
      }
    }
    let cellWidths = c.units.indices.map(widthsNM)
    let searchers = c.units.indices.map { k in
      AllocationSearcher(
        name: c.units[k].callSign, hours: c.units[k].unit.onSceneEnduranceHours,
        sweepRates: cellWidths[k].map { $0 * c.units[k].unit.searchSpeedKnots })
    }
    let allocation = try PlannerError.wrap {
      try MultipleSearcherAllocation.optimal(
        pocs: pocs, areas: areas, searchers: searchers, tolerance: 1e-9, maximumIterations: 200)
    }
    let relativeKnots = c.relativeSpeed * 3600 / 1852
    let rates = c.units.indices.map { k in
      cellWidths[k].map { $0 * (c.units[k].unit.searchSpeedKnots + relativeKnots) }
    }
    let hours = c.units.map(\.unit.onSceneEnduranceHours)
    func dual(_ lambda: [Double]) -> Double {
      var total = 0.0
      for k in lambda.indices { total += lambda[k] * hours[k] }
      for i in pocs.indices {
        var cost = Double.infinity
        for k in lambda.indices where rates[k][i] > 0 {
          cost = min(cost, lambda[k] * cellArea / rates[k][i])
        }
        if cost.isFinite { total += max(0, pocs[i] - cost) } else { total += 0 }
      }
      return total
    }
    // Coordinate descent: each multiplier in turn set to the best of a logarithmic grid
    // from 1e-5 to 3 times the unit's best marginal return (any lambda gives a valid bound).
    let peaks = c.units.indices.map { k in
      max(pocs.indices.map { rates[k][$0] * pocs[$0] / cellArea }.max() ?? 1, 1e-12)
    }
    var lambda = peaks.map { $0 / 10 }
    var best = dual(lambda)
    for _ in 0..<3 {
      for k in lambda.indices {
        for j in 0...40 {
          var trial = lambda
          trial[k] = peaks[k] * pow(10, -5 + 5.5 * Double(j) / 40)
          let value = dual(trial)
          if value < best {
            best = value
            lambda = trial
          }
        }
      }
    }
    return PlanBound(
      allocationPOS: allocation.pos, allocationDualBound: allocation.upperBound,
      coverageBound: min(1, best), cellSizeMetres: cell)
  }
}
