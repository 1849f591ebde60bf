import Foundation
import SarexGeo

/// Optimal mode: an anytime search over candidate rectangles for each unit, maximising the POS
/// scored on the particles.
///
/// All areas share one orientation, the cloud's major axis, so in the frame (u along it, v across)
/// they are boxes and overlap is an interval test. Candidates for a unit are sized
/// from its effort Z = W V T at coverages 0.5 to 2.6 (area Z / C), square or shaped like the
/// cloud, centred on the densest cells of the probability it would still find (the posterior
/// times what the other units miss), or set flush against the other units' areas. A candidate is
/// scored by the closed-form POD of a parallel sweep at its coverage (`LateralRangeCurve`) for
/// each particle inside it (the spacing that fills the unit's time, turns included), with the
/// particles moved to the middle of the unit's sortie relative to
/// the drifting datum. Units are placed greedily by marginal POS, largest effort first; then
/// improvement passes re-place each unit given the others (new candidates and local moves:
/// shifts of a quarter or half side, 20 % smaller or larger) until nothing improves or the time
/// budget ends. The exact POS of the result is then evaluated leg by leg (`SortieBuilder`).
enum OptimalPlanner {
  /// A box in the major-axis frame, metres from the datum: centre and half-sides.
  struct Box: Hashable {
    var cu: Double
    var cv: Double
    var hu: Double
    var hv: Double

    func overlaps(_ o: Box) -> Bool {
      abs(cu - o.cu) < hu + o.hu - 1 && abs(cv - o.cv) < hv + o.hv - 1
    }
  }

  struct Outcome {
    var choices: [SortieBuilder.Choice]
    var passes: Int
    var scored: Int
  }

  static func choices(_ c: PlanningContext, deadline: Date) -> Outcome {
    var search = Search(c)
    let order = c.units.indices.sorted { c.effort($0) > c.effort($1) }
    for k in order { search.place(k, keepingIfBetterThan: nil) }
    var passes = 0
    while Date() < deadline {
      passes += 1
      var improved = false
      for k in order {
        if search.place(k, keepingIfBetterThan: search.boxes[k]) { improved = true }
        if Date() >= deadline { break }
      }
      if !improved { break }
    }
    let along = PlanePoint.unit(bearing: search.bearing)
    let across = PlanePoint.unit(bearing: search.bearing + .pi / 2)
    var choices: [SortieBuilder.Choice] = []
    for k in c.units.indices {
      guard let b = search.boxes[k] else { continue }
      let centre = PlanePoint(east: c.meanX, north: c.meanY) + b.cu * along + b.cv * across
      choices.append(
        SortieBuilder.Choice(
          unitIndex: k,
          area: PlaneRectangle(
            centreX: centre.east, centreY: centre.north, bearing: search.bearing,
            length: 2 * b.hu, width: 2 * b.hv),
          trackSpacing: c.trackSpacing(k, length: 2 * b.hu, width: 2 * b.hv)))
    }
    return Outcome(choices: choices, passes: passes, scored: search.scored)
  }

  /// The state of the search: each unit's box and the per-particle POD it gives.
  struct Search {
    let c: PlanningContext
    let bearing: Double
    let aspect: Double
    /// Particle coordinates in the frame at the middle of each unit's sortie.
    var us: [[Double]] = []
    var vs: [[Double]] = []
    var boxes: [Box?]
    var pods: [[Double]]
    var scored = 0

    init(_ c: PlanningContext) {
      self.c = c
      let axes = c.principalAxes
      bearing = axes.bearing
      aspect = min(4, max(1, axes.sigmaMajor / max(axes.sigmaMinor, 1)))
      let along = PlanePoint.unit(bearing: axes.bearing)
      let across = PlanePoint.unit(bearing: axes.bearing + .pi / 2)
      let n = c.xs.count
      for u in c.units {
        let tau =
          u.commenceTime(periodStart: c.periodStart).timeIntervalSince(c.periodStart)
          + u.searchSeconds / 2
        var uu = [Double](repeating: 0, count: n)
        var vv = uu
        for i in 0..<n {
          let px = c.xs[i] + c.relativeVX[i] * tau - c.meanX
          let py = c.ys[i] + c.relativeVY[i] * tau - c.meanY
          uu[i] = px * along.east + py * along.north
          vv[i] = px * across.east + py * across.north
        }
        us.append(uu)
        vs.append(vv)
      }
      boxes = [Box?](repeating: nil, count: c.units.count)
      pods = [[Double]](repeating: [], count: c.units.count)
    }

    /// POD of a parallel sweep by unit k at coverage W_c / S, per category.
    func categoryPOD(_ k: Int, _ box: Box) -> [Double] {
      let spacing = c.trackSpacing(k, length: 2 * box.hu, width: 2 * box.hv)
      return c.widths[k].map { w in
        let coverage = w / spacing
        return c.conditions.curve.parallelSweepPOD(coverage: coverage)
          ?? SearchConditions.normal.pod(coverage: coverage)
      }
    }

    /// Probability unit k would find in `box`, given the survival of the particles.
    mutating func score(_ k: Int, _ box: Box, _ residual: [Double]) -> Double {
      scored += 1
      let pod = categoryPOD(k, box)
      let uu = us[k]
      let vv = vs[k]
      var s = 0.0
      for i in residual.indices
      where abs(uu[i] - box.cu) <= box.hu && abs(vv[i] - box.cv) <= box.hv {
        s += residual[i] * pod[c.categories[i]]
      }
      return s
    }

    /// Posterior probability times what every unit but k misses.
    func residual(excluding k: Int) -> [Double] {
      var r = c.probabilities
      for j in pods.indices where j != k && !pods[j].isEmpty {
        let p = pods[j]
        for i in r.indices { r[i] *= 1 - p[i] }
      }
      return r
    }

    func candidates(_ k: Int, _ residual: [Double], around current: Box?) -> [Box] {
      // Efforts with the mean sweep width and with each category's: a unit may do best on the
      // object it sees well or on the one most likely to be found.
      let u = c.units[k]
      let sweep = u.speedMetresPerSecond * u.searchSeconds
      let widths = Set(([c.meanWidths[k]] + c.widths[k]).filter { $0 > 0 })
      let minimum = c.minimumTrackSpacing(k)
      var boxes: [Box] = []
      let uu = us[k]
      let vv = vs[k]
      guard let uMin = uu.min(), let uMax = uu.max(), let vMin = vv.min(), let vMax = vv.max()
      else { return [] }
      // Area V T S at spacing S = W / C, or at the unit's minimum spacing when W / C is closer.
      let areas = Set(
        widths.flatMap { w in [0.5, 0.8, 1.2, 1.8, 2.6].map { sweep * max(w / $0, minimum) } })
      for area in areas {
        for a in Set([1.0, aspect]) {
          let hu = (area * a).squareRoot() / 2
          let hv = (area / a).squareRoot() / 2
          // The densest cells of the residual, cell = the smaller half-side.
          let g = max(min(hu, hv), max(uMax - uMin, vMax - vMin) / 150, 1)
          let nu = Int(((uMax - uMin) / g).rounded(.down)) + 1
          let nv = Int(((vMax - vMin) / g).rounded(.down)) + 1
          var mass = [Double](repeating: 0, count: nu * nv)
          var su = mass
          var sv = mass
          for i in residual.indices where residual[i] > 0 {
            let iu = min(nu - 1, Int(((uu[i] - uMin) / g).rounded(.down)))
            let iv = min(nv - 1, Int(((vv[i] - vMin) / g).rounded(.down)))
            let cell = iv * nu + iu
            mass[cell] += residual[i]
            su[cell] += residual[i] * uu[i]
            sv[cell] += residual[i] * vv[i]
          }
          let top = mass.indices.filter { mass[$0] > 0 }.sorted { mass[$0] > mass[$1] }.prefix(8)
          for cell in top {
            boxes.append(Box(cu: su[cell] / mass[cell], cv: sv[cell] / mass[cell], hu: hu, hv: hv))
          }
          // Flush against the other units' areas, on each side.
          for j in self.boxes.indices
          where j != k && c.units[j].unit.kind.isAircraft == c.units[k].unit.kind.isAircraft {
            guard let o = self.boxes[j] else { continue }
            let probe = Box(cu: 0, cv: 0, hu: hu, hv: hv)
            let gap = requiredGap(k, probe, j, o) + 1
            boxes.append(Box(cu: o.cu + o.hu + hu + gap, cv: o.cv, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu - o.hu - hu - gap, cv: o.cv, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu, cv: o.cv + o.hv + hv + gap, hu: hu, hv: hv))
            boxes.append(Box(cu: o.cu, cv: o.cv - o.hv - hv - gap, hu: hu, hv: hv))
          }
        }
      }
      if let b = current {
        for (du, dv) in [(0.5, 0.0), (-0.5, 0), (0, 0.5), (0, -0.5), (0.25, 0), (-0.25, 0)]
          + [(0, 0.25), (0, -0.25)]
        {
          boxes.append(Box(cu: b.cu + du * b.hu, cv: b.cv + dv * b.hv, hu: b.hu, hv: b.hv))
        }
        for f in [0.8, 1.25] {
          let s = f.squareRoot()
          boxes.append(Box(cu: b.cu, cv: b.cv, hu: b.hu * s, hv: b.hv * s))
        }
      }
      return boxes
    }

    /// The gap (metres) kept between unit k's `box` and unit j's `other` (used for the flush
    /// candidates, and enforced between vessels): aircraft areas 1 NM apart, so that an
    /// aircraft placed beside another need not leave its best altitude; vessels far enough apart that neither comes closer than one track
    /// spacing to the other (`PlanningContext.separationGap`); none between a vessel and an
    /// aircraft, which fly at different heights.
    func requiredGap(_ k: Int, _ box: Box, _ j: Int, _ other: Box) -> Double {
      let airK = c.units[k].unit.kind.isAircraft
      if airK != c.units[j].unit.kind.isAircraft { return 0 }
      let gap = PlanningContext.separationGap(
        c.trackSpacing(k, length: 2 * box.hu, width: 2 * box.hv),
        c.trackSpacing(j, length: 2 * other.hu, width: 2 * other.hv))
      return airK ? max(1852, gap) : gap
    }

    /// Vessels: no overlap with another vessel's area, and the gaps of `requiredGap` kept.
    /// Aircraft: free to search over vessels' areas and over each other's, since no two areas
    /// may overlap in the same altitude band and the altitude assignment (`SortieBuilder`) puts
    /// aircraft in overlapping or adjoining areas 500 ft apart. (Stacking aircraft 500 ft apart
    /// costs the higher ones sweep width, which the exact evaluation counts but this search
    /// does not foresee.)
    func feasible(_ k: Int, _ box: Box) -> Bool {
      let air = c.units[k].unit.kind.isAircraft
      for j in boxes.indices where j != k && !air && !c.units[j].unit.kind.isAircraft {
        guard let o = boxes[j] else { continue }
        let half = requiredGap(k, box, j, o) / 2
        let wide = Box(cu: box.cu, cv: box.cv, hu: box.hu + half, hv: box.hv + half)
        if wide.overlaps(Box(cu: o.cu, cv: o.cv, hu: o.hu + half, hv: o.hv + half)) {
          return false
        }
      }
      guard c.isLand != nil else { return true }
      let along = PlanePoint.unit(bearing: bearing)
      let across = PlanePoint.unit(bearing: bearing + .pi / 2)
      let p = PlanePoint(east: c.meanX, north: c.meanY) + box.cu * along + box.cv * across
      return !c.onLand(c.plane.unproject(x: p.east, y: p.north))
    }

    /// Places unit k on its best feasible candidate; with a current box, only if strictly
    /// better. Returns whether the unit's box changed.
    @discardableResult
    mutating func place(_ k: Int, keepingIfBetterThan current: Box?) -> Bool {
      let r = residual(excluding: k)
      let found = candidates(k, r, around: current)
      let categoryCount = c.widths[k].count
      let values = CandidateScoring.scores(
        us: us[k], vs: vs[k], residual: r, categories: c.categories, boxes: found,
        pods: found.flatMap { categoryPOD(k, $0) }, categoryCount: categoryCount)
      scored += found.count
      var scoredBoxes = Array(zip(found, values))
      scoredBoxes.sort { $0.1 > $1.1 }
      let currentScore = current.map { score(k, $0, r) } ?? -1
      guard let best = scoredBoxes.first(where: { feasible(k, $0.0) }),
        best.1 > currentScore + 1e-12
      else { return false }
      boxes[k] = best.0
      let pod = categoryPOD(k, best.0)
      let uu = us[k]
      let vv = vs[k]
      var p = [Double](repeating: 0, count: uu.count)
      for i in p.indices
      where abs(uu[i] - best.0.cu) <= best.0.hu && abs(vv[i] - best.0.cv) <= best.0.hv {
        p[i] = pod[c.categories[i]]
      }
      pods[k] = p
      return true
    }
  }
}
