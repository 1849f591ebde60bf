import Foundation

/// The POS bound of a period (see `PlanBound`): the particles' posterior binned into square POC
/// cells, the optimal allocation of every unit's effort over them with the parallel-sweep
/// detection function of the plans' lateral range curve (`SweepDetectionFunction`: for the
/// inverse cube erf(sqrt(pi)/2 C)), and the Lagrangian dual of that allocation as the bound.
///
/// Why it bounds a plan: a plan gives unit k a rectangle searched by a parallel sweep at coverage
/// C_k, so spreading its effort evenly over the cells of its rectangle is an allocation whose
/// value is the plan's expected POS (a cell cut by the rectangle's edge gets a fraction a of the
/// coverage and g(a C) >= a g(C), g concave). The allocation's effort is measured generously:
/// W V T with the whole on-scene time (turns and transit ignored) and V raised by the particles'
/// RMS speed relative to the datum, since a moving object can cross more of a unit's swath.
/// Categories of search object mix within a cell; g(W V t / A) is concave in W, so a mix
/// searched with effort t finds at most what one object with the cell's probability-weighted
/// mean sweep width would (Jensen): one sweep rate q_ik per unit per cell.
///
/// A plan never flies a unit's tracks closer than its minimum spacing S_min, so unit k's
/// coverage in a cell is at most W_ik / S_min,k (raised by the same speed factor): a cap on
/// each unit's coverage per cell, without which a unit that barely sees an object (an aircraft
/// over a person in the water) could be credited with any coverage of it.
///
/// The optimum of sum_i p_i g(sum_k y_ik), y_ik = q_ik t_ik / A_i <= u_ik, sum_i t_ik = T_k,
/// is approached by
/// coordinate ascent over the units (each unit's best response solved by bisection on its
/// multiplier, as Washburn's method does for exponential detection); its Lagrangian dual
/// sum_k lambda_k T_k + sum_i max_{0 <= y_ik <= u_ik} [p_i g(sum_k y_ik) - sum_k c_ik y_ik],
/// c_ik = lambda_k A_i / q_ik (each cell filled from its cheapest unit up), is an upper bound
/// for every lambda >= 0 and is minimised over lambda by coordinate descent (golden
/// section per multiplier; the dual is convex). The dual bounds the POS over the density the
/// particles sample. A plan evaluated on the particles themselves can be lucky (particles that
/// happen to lie on the tracks; with one particle left, POD near 1): `PlanBound.upperBound` adds
/// a three-sigma sampling margin, 1.5 / sqrt(effective particle count). The lateral range tails
/// reach a little outside each area; that is small next to the POS, and the planner tests check
/// POS <= bound on random cases.
enum PlanBoundCalculator {
  static func bound(_ c: PlanningContext) throws(PlannerError) -> PlanBound {
    try boundAndEffort(c).bound
  }

  /// The bound and the optimal allocation's effort map (where each unit's effort goes), which
  /// the optimal planner fits its candidate areas to.
  static func boundAndEffort(_ c: PlanningContext) throws(PlannerError) -> (
    bound: PlanBound, effort: EffortMap
  ) {
    let cell = cellSize(c)
    // Bin probability and probability x category per cell.
    var cellIndex: [Int64: Int] = [:]
    var pocs: [Double] = []
    var categoryMass: [[Double]] = []
    var map = EffortMap(cellSize: cell)
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
        map.cellX.append(Int(truncatingIfNeeded: cx))
        map.cellY.append(Int(truncatingIfNeeded: cy))
        map.x.append(0)
        map.y.append(0)
        map.vx.append(0)
        map.vy.append(0)
      }
      let p = c.probabilities[i]
      pocs[k] += p
      categoryMass[k][c.categories[i]] += p
      map.x[k] += p * c.xs[i]
      map.y[k] += p * c.ys[i]
      map.vx[k] += p * c.relativeVX[i]
      map.vy[k] += p * c.relativeVY[i]
    }
    for k in pocs.indices where pocs[k] > 0 {
      map.x[k] /= pocs[k]
      map.y[k] /= pocs[k]
      map.vx[k] /= pocs[k]
      map.vy[k] /= pocs[k]
    }
    guard !pocs.isEmpty else {
      throw .emptyEnsemble("no particle keeps any probability (all weights or pFail are zero)")
    }
    let area = cell * cell
    let relative = c.relativeSpeed
    // Coverage per hour of unit k in cell i: mean W x (V + relative speed) x 3600 / A.
    let rates: [[Double]] = c.units.indices.map { k in
      let speed = c.units[k].speedMetresPerSecond + relative
      return pocs.indices.map { i in
        var w = 0.0
        for cat in 0..<categoryCount { w += categoryMass[i][cat] * c.widths[k][cat] }
        return w / pocs[i] * speed * 3600 / area
      }
    }
    // Coverage cap of unit k in cell i: mean W / S_min, times the same speed factor.
    let caps: [[Double]] = c.units.indices.map { k in
      let factor = (c.units[k].speedMetresPerSecond + relative) / c.units[k].speedMetresPerSecond
      return pocs.indices.map { i in
        var w = 0.0
        for cat in 0..<categoryCount { w += categoryMass[i][cat] * c.widths[k][cat] }
        return w / pocs[i] / c.minimumTrackSpacing(k) * factor
      }
    }
    let hours = c.units.map(\.unit.onSceneEnduranceHours)
    let g = SweepDetectionFunction(curve: c.conditions.curve)
    var allocation = Allocation(pocs: pocs, rates: rates, caps: caps, hours: hours, g: g)
    allocation.ascend(passes: 30, tolerance: 1e-7)
    let dual = allocation.minimiseDual(start: allocation.multipliers, rounds: 6)
    map.hours = allocation.time
    let effective = effectiveParticleCount(c.probabilities)
    let bound = PlanBound(
      allocationPOS: allocation.pos, densityBound: min(1, max(dual, allocation.pos)),
      samplingMargin: 1.5 / max(effective, 1).squareRoot(), effectiveParticleCount: effective,
      detectionFormula: g.formula, cellSizeMetres: cell, cellCount: pocs.count)
    return (bound, map)
  }

  /// Kish's effective sample size of the particles' probabilities: (sum p)^2 / sum p^2.
  static func effectiveParticleCount(_ p: [Double]) -> Double {
    var sum = 0.0
    var squares = 0.0
    for x in p {
      sum += x
      squares += x * x
    }
    return squares > 0 ? sum * sum / squares : 0
  }

  /// POC cell side, metres: half the smallest practical track spacing of the units (finer cells
  /// only raise the bound, so the cells need not be coarser than any plan's pattern), at least
  /// 1/150 of the cloud's extent (8 standard deviations) to keep the cell count in thousands.
  static func cellSize(_ c: PlanningContext) -> Double {
    let axes = c.principalAxes
    let narrowest =
      c.units.map { c.conditions.minimumTrackSpacingNM(for: $0.unit.kind) * 1852 }.min() ?? 1852
    return max(narrowest / 2, 8 * axes.sigmaMajor / 150, 1)
  }

  /// The allocation problem and its state.
  struct Allocation {
    let pocs: [Double]
    /// rates[k][i]: coverage per hour of unit k in cell i.
    let rates: [[Double]]
    /// caps[k][i]: the most coverage unit k can give cell i.
    let caps: [[Double]]
    let hours: [Double]
    let g: SweepDetectionFunction
    var time: [[Double]]
    var coverage: [Double]
    var multipliers: [Double]

    init(
      pocs: [Double], rates: [[Double]], caps: [[Double]], hours: [Double],
      g: SweepDetectionFunction
    ) {
      self.pocs = pocs
      self.rates = rates
      self.caps = caps
      self.hours = hours
      self.g = g
      time = rates.map { [Double](repeating: 0, count: $0.count) }
      coverage = [Double](repeating: 0, count: pocs.count)
      multipliers = [Double](repeating: 0, count: rates.count)
    }

    var pos: Double {
      var s = 0.0
      for i in pocs.indices { s += pocs[i] * g.pod(coverage[i]) }
      return s
    }

    /// Hours of unit k per cell at multiplier lambda given the others' coverage `base`:
    /// p_i q_ik g'(y_i) = lambda where searched.
    func response(_ k: Int, lambda: Double, base: [Double]) -> (times: [Double], total: Double) {
      var t = [Double](repeating: 0, count: pocs.count)
      var total = 0.0
      let r = rates[k]
      for i in pocs.indices where pocs[i] > 0 && r[i] > 0 {
        let y = g.coverage(atSlope: lambda / (pocs[i] * r[i]))
        let ti = max(0, (min(y, base[i] + caps[k][i]) - base[i]) / r[i])
        t[i] = ti
        total += ti
      }
      return (t, total)
    }

    /// Each unit in turn takes its best response to the others until the POS stops growing.
    mutating func ascend(passes: Int, tolerance: Double) {
      var last = -1.0
      for _ in 0..<passes {
        for k in rates.indices {
          var base = coverage
          for i in base.indices { base[i] -= rates[k][i] * time[k][i] }
          var hi = 0.0
          for i in pocs.indices { hi = max(hi, pocs[i] * rates[k][i]) }
          guard hi > 0, hours[k] > 0 else { continue }
          var lo = hi * 1e-12
          // Spent hours fall as lambda rises; keep the feasible end (spent <= hours).
          // 48 halvings of the log range leave lambda within a factor 1 + 1e-12.
          for _ in 0..<48 {
            let mid = (lo * hi).squareRoot()
            if response(k, lambda: mid, base: base).total > hours[k] { lo = mid } else { hi = mid }
          }
          let (t, spent) = response(k, lambda: hi, base: base)
          // Hours left at a kink of g go to the cell with the best marginal return.
          var best = -1
          var bestReturn = 0.0
          for i in pocs.indices where rates[k][i] > 0 && rates[k][i] * t[i] < caps[k][i] {
            let y = base[i] + rates[k][i] * t[i]
            let marginal = pocs[i] * rates[k][i] * slope(y)
            if marginal > bestReturn {
              bestReturn = marginal
              best = i
            }
          }
          time[k] = t
          if best >= 0 {
            let room = caps[k][best] / rates[k][best] - t[best]
            time[k][best] += min(room, max(0, hours[k] - spent))
          }
          multipliers[k] = hi
          for i in base.indices { coverage[i] = base[i] + rates[k][i] * time[k][i] }
        }
        let now = pos
        if now - last <= tolerance { break }
        last = now
      }
    }

    /// g'(y).
    func slope(_ y: Double) -> Double {
      switch g {
      case .inverseCube: exp(-Double.pi * y * y / 4)
      case .coverageLimit: y < 1 ? 1 : 0
      }
    }

    /// The Lagrangian dual at multipliers lambda (per hour of each unit): an upper bound on the
    /// POS of every allocation.
    func dual(_ lambda: [Double]) -> Double {
      var total = 0.0
      for k in lambda.indices { total += lambda[k] * hours[k] }
      var steps: [(cost: Double, cap: Double)] = []
      steps.reserveCapacity(lambda.count)
      for i in pocs.indices where pocs[i] > 0 {
        steps.removeAll(keepingCapacity: true)
        for k in lambda.indices where rates[k][i] > 0 && caps[k][i] > 0 {
          steps.append((lambda[k] / rates[k][i], caps[k][i]))
        }
        steps.sort { $0.cost < $1.cost }
        total += cellReturn(probability: pocs[i], steps: steps)
      }
      return total
    }

    /// max over y_k in [0, cap_k] of p g(sum y_k) - sum cost_k y_k, steps sorted by cost: the
    /// cheapest coverage is bought first, each step up to where p g'(Y) falls to its cost.
    func cellReturn(probability p: Double, steps: [(cost: Double, cap: Double)]) -> Double {
      var y = 0.0
      var spent = 0.0
      for step in steps {
        let target = g.coverage(atSlope: step.cost / p)
        if target <= y { break }
        let reached = target < y + step.cap
        let next = reached ? target : y + step.cap
        spent += step.cost * (next - y)
        y = next
        if reached { break }
      }
      return max(0, p * g.pod(y) - spent)
    }

    /// Coordinate descent on the convex dual, golden section on each multiplier over
    /// [0, max_i p_i q_ik] (beyond that unit k's hours only add to the dual).
    func minimiseDual(start: [Double], rounds: Int) -> Double {
      var lambda = start
      var best = dual(lambda)
      let ratio = (5.0.squareRoot() - 1) / 2
      for _ in 0..<rounds {
        let before = best
        for k in lambda.indices {
          var top = 0.0
          for i in pocs.indices { top = max(top, pocs[i] * rates[k][i]) }
          var a = 0.0
          var b = top
          func value(_ x: Double) -> Double {
            var trial = lambda
            trial[k] = x
            return dual(trial)
          }
          var x1 = b - ratio * (b - a)
          var x2 = a + ratio * (b - a)
          var f1 = value(x1)
          var f2 = value(x2)
          for _ in 0..<36 {
            if f1 <= f2 {
              b = x2
              x2 = x1
              f2 = f1
              x1 = b - ratio * (b - a)
              f1 = value(x1)
            } else {
              a = x1
              x1 = x2
              f1 = f2
              x2 = a + ratio * (b - a)
              f2 = value(x2)
            }
          }
          let (x, f) = f1 <= f2 ? (x1, f1) : (x2, f2)
          if f < best {
            best = f
            lambda[k] = x
          }
        }
        if before - best < 1e-7 { break }
      }
      return best
    }
  }
}
