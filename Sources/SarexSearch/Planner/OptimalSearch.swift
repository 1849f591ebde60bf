import Foundation
import SarexGeo

extension OptimalPlanner {
  /// The state of the optimal search: each unit's box, altitude and the per-particle POD they
  /// give, with what scoring needs (particles in the box frame at the middle of each sortie).
  struct Search {
    let c: PlanningContext
    let effort: EffortMap?
    let bearing: Double
    let aspect: Double
    /// Particle coordinates in the frame at the middle of each unit's sortie, metres.
    var us: [[Double]] = []
    var vs: [[Double]] = []
    /// Seconds from the period start to the middle of each unit's sortie.
    var taus: [Double] = []
    /// The particles candidates are screened on (every m-th one when there are many).
    let sample: [Int]
    var sampleUs: [[Double]] = []
    var sampleVs: [[Double]] = []
    let sampleCategories: [Int]
    /// Each unit's altitudes, best sweep width first (one surface option for vessels).
    let options: [[AltitudeOption]]
    /// Each unit's time on scene, seconds from the period start.
    let windows: [(start: Double, end: Double)]
    var boxes: [Box?]
    /// Index into `options` of each unit's altitude.
    var altitudes: [Int]
    var pods: [[Double]]
    var scored = 0

    /// Particles scored exactly above this count are screened on a subsample of about
    /// `screeningSample` first.
    static let screeningThreshold = 30_000
    static let screeningSample = 20_000

    init(_ c: PlanningContext, effort: EffortMap?) {
      self.c = c
      self.effort = effort
      let axes = c.principalAxes
      bearing = axes.bearing
      aspect = min(4, max(1, axes.sigmaMajor / max(axes.sigmaMinor, 1)))
      let along = PlanePoint.unit(bearing: axes.bearing)
      let across = PlanePoint.unit(bearing: axes.bearing + .pi / 2)
      let n = c.xs.count
      let stride =
        n > Self.screeningThreshold ? (n + Self.screeningSample - 1) / Self.screeningSample : 1
      sample = Array(Swift.stride(from: 0, to: n, by: stride))
      sampleCategories = sample.map { c.categories[$0] }
      var windows: [(start: Double, end: Double)] = []
      for u in c.units {
        let start = u.commenceTime(periodStart: c.periodStart).timeIntervalSince(c.periodStart)
        windows.append((start, start + u.searchSeconds))
        let tau = start + u.searchSeconds / 2
        taus.append(tau)
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
        sampleUs.append(sample.map { uu[$0] })
        sampleVs.append(sample.map { vv[$0] })
      }
      self.windows = windows
      options = c.units.indices.map { Self.altitudeOptions(c, $0) }
      boxes = [Box?](repeating: nil, count: c.units.count)
      altitudes = [Int](repeating: 0, count: c.units.count)
      pods = [[Double]](repeating: [], count: c.units.count)
    }

    /// A vessel's one surface option; an aircraft's tabulated altitudes 500 ft apart about its
    /// search altitude (not below 500 ft, as `Deconfliction.assignAltitudes`), the largest
    /// probability-weighted sweep width first, then the nearest to its own altitude.
    static func altitudeOptions(_ c: PlanningContext, _ k: Int) -> [AltitudeOption] {
      let u = c.units[k]
      guard u.unit.kind.isAircraft else {
        return [AltitudeOption(altitude: nil, widths: c.widths[k])]
      }
      let floor = 500 * 0.3048
      let own = u.unit.searchAltitudeFeet * 0.3048
      let base = max(own, floor)
      var found: [(option: AltitudeOption, mean: Double, step: Int)] = []
      for m in -3...8 {
        let altitude = base + Double(m) * adjacentAreaVerticalSeparation
        guard altitude >= floor - 1e-6 else { continue }
        let widths: [Double]
        if abs(altitude - own) <= 1 {
          widths = c.widths[k]
        } else if let w = c.tabulatedWidths(k, altitudeMetres: altitude) {
          widths = w
        } else {
          continue
        }
        found.append(
          (AltitudeOption(altitude: altitude, widths: widths), c.weightedMean(widths), abs(m)))
      }
      found.sort { a, b in
        abs(a.mean - b.mean) > 1e-9 * max(a.mean, b.mean, 1) ? a.mean > b.mean : a.step < b.step
      }
      let result = found.map(\.option)
      return result.isEmpty ? [AltitudeOption(altitude: base, widths: c.widths[k])] : result
    }

    func isAircraft(_ k: Int) -> Bool { c.units[k].unit.kind.isAircraft }

    func spacing(_ k: Int, _ box: Box) -> Double {
      c.trackSpacing(k, length: 2 * box.hu, width: 2 * box.hv)
    }

    /// POD of a parallel sweep by unit k over `box` at altitude option `a`, per category.
    func categoryPOD(_ k: Int, _ box: Box, _ a: Int) -> [Double] {
      let s = spacing(k, box)
      return options[k][a].widths.map { w in
        let coverage = w / s
        return c.conditions.curve.parallelSweepPOD(coverage: coverage)
          ?? SearchConditions.normal.pod(coverage: coverage)
      }
    }

    /// Per-particle POD of unit k over `box` at altitude option `a`.
    func podVector(_ k: Int, _ box: Box, _ a: Int) -> [Double] {
      let pod = categoryPOD(k, box, a)
      let uu = us[k]
      let vv = vs[k]
      var p = [Double](repeating: 0, count: uu.count)
      for i in p.indices where abs(uu[i] - box.cu) <= box.hu && abs(vv[i] - box.cv) <= box.hv {
        p[i] = pod[c.categories[i]]
      }
      return p
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

    /// The POS all placed units give together, on the particles.
    func objective() -> Double {
      var s = 0.0
      var r = c.probabilities
      for p in pods where !p.isEmpty {
        for i in r.indices { r[i] *= 1 - p[i] }
      }
      for i in r.indices { s += c.probabilities[i] - r[i] }
      return s
    }

    func windowsOverlap(_ k: Int, _ j: Int) -> Bool {
      min(windows[k].end, windows[j].end) > max(windows[k].start, windows[j].start)
    }

    /// The altitude option unit k would search `box` at: its best one that keeps 500 ft from
    /// every aircraft on scene with it whose area overlaps or adjoins `box`
    /// (`PlanningContext.adjacencyDistance`, with a margin for the rectangles' projection);
    /// nil when none is free. Always 0 for vessels.
    func altitudeIndex(_ k: Int, _ box: Box) -> Int? {
      guard isAircraft(k) else { return 0 }
      let sk = spacing(k, box)
      var taken: [Double] = []
      for j in boxes.indices where j != k && isAircraft(j) && windowsOverlap(k, j) {
        guard let o = boxes[j], let a = options[j][altitudes[j]].altitude else { continue }
        if box.distance(to: o) <= PlanningContext.adjacencyDistance(sk, spacing(j, o)) + 30 {
          taken.append(a)
        }
      }
      return options[k].indices.first { i in
        guard let a = options[k][i].altitude else { return true }
        return taken.allSatisfy { abs($0 - a) >= adjacentAreaVerticalSeparation - 1e-6 }
      }
    }

    /// The gap (metres) kept between vessel k's `box` and vessel j's `other`, so that neither
    /// comes closer than one track spacing to the other (`PlanningContext.separationGap`).
    func requiredGap(_ k: Int, _ box: Box, _ j: Int, _ other: Box) -> Double {
      PlanningContext.separationGap(spacing(k, box), spacing(j, other))
    }

    /// Vessels: no overlap with another vessel's area, and the gaps of `requiredGap` kept.
    /// Aircraft: free to search over vessels' areas and over each other's; their separation is
    /// vertical (`altitudeIndex`), and the sweep width lost by an aircraft moved off its best
    /// altitude is in its score, so it is stacked over another only where that still finds more
    /// than an area of its own. (Giving every aircraft an area of its own was tried: on the
    /// planning benchmark, where aircraft see a person in the water only 0.05 NM either side
    /// and cannot fly tracks closer than 1 NM, it lost 0.06 of POS.)
    func separated(_ k: Int, _ box: Box) -> Bool {
      guard !isAircraft(k) else { return true }
      for j in boxes.indices where j != k && !isAircraft(j) {
        guard let o = boxes[j] else { continue }
        let half = requiredGap(k, box, j, o) / 2
        let wide = Box(cu: box.cu, cv: box.cv, hu: box.hu + half, hv: box.hv + half)
        if wide.overlaps(Box(cu: o.cu, cv: o.cv, hu: o.hu + half, hv: o.hv + half)) {
          return false
        }
      }
      return navigable(box)
    }

    /// Whether a vessel can sail the box: its corners, edge points and inner points (a 5 x 5
    /// grid) are all at sea. A ship cannot cross an island the way an aircraft overflies it;
    /// islands smaller than a fifth of the box between the points are not seen, and the
    /// tracks there are for the unit to adjust.
    func navigable(_ box: Box) -> Bool {
      guard c.isLand != nil else { return true }
      let along = PlanePoint.unit(bearing: bearing)
      let across = PlanePoint.unit(bearing: bearing + .pi / 2)
      let centre = PlanePoint(east: c.meanX, north: c.meanY)
      for a in stride(from: -1.0, through: 1.0, by: 0.5) {
        for b in stride(from: -1.0, through: 1.0, by: 0.5) {
          let p = centre + (box.cu + a * box.hu) * along + (box.cv + b * box.hv) * across
          if c.onLand(c.plane.unproject(x: p.east, y: p.north)) { return false }
        }
      }
      return true
    }

    /// Whether the box's centre is at sea.
    func atSea(_ box: Box) -> Bool {
      guard c.isLand != nil else { return true }
      let along = PlanePoint.unit(bearing: bearing)
      let across = PlanePoint.unit(bearing: bearing + .pi / 2)
      let p = PlanePoint(east: c.meanX, north: c.meanY) + box.cu * along + box.cv * across
      return !c.onLand(c.plane.unproject(x: p.east, y: p.north))
    }

    /// Places unit k on its best feasible candidate; with a current box, only if strictly
    /// better. Returns whether the unit's box or altitude changed.
    @discardableResult
    mutating func place(_ k: Int, keepingIfBetterThan current: Box?) -> Bool {
      let r = residual(excluding: k)
      var found: [Box] = []
      var levels: [Int] = []
      for b in candidates(k, r, around: current) where separated(k, b) {
        guard let a = altitudeIndex(k, b) else { continue }
        found.append(b)
        levels.append(a)
      }
      guard !found.isEmpty else { return false }
      let categoryCount = c.widths[k].count
      let podTable = found.indices.flatMap { categoryPOD(k, found[$0], levels[$0]) }
      // Screen on the subsample, then score the best few on every particle.
      var ranked = Array(found.indices)
      if sample.count < r.count {
        let sr = sample.map { r[$0] }
        let screen = CandidateScoring.scores(
          us: sampleUs[k], vs: sampleVs[k], residual: sr, categories: sampleCategories,
          boxes: found, pods: podTable, categoryCount: categoryCount)
        ranked.sort { screen[$0] > screen[$1] }
        ranked = Array(ranked.prefix(8))
      }
      scored += found.count
      var finalists: [Int] = []
      for i in ranked where atSea(found[i]) {
        finalists.append(i)
        if sample.count < r.count, finalists.count >= 4 { break }
      }
      guard !finalists.isEmpty else { return false }
      let exact = CandidateScoring.scores(
        us: us[k], vs: vs[k], residual: r, categories: c.categories,
        boxes: finalists.map { found[$0] },
        pods: finalists.flatMap { i in
          Array(podTable[(i * categoryCount)..<((i + 1) * categoryCount)])
        }, categoryCount: categoryCount)
      guard let bestAt = exact.indices.max(by: { exact[$0] < exact[$1] }) else { return false }
      let best = finalists[bestAt]
      var currentScore = -1.0
      if let current, let a = altitudeIndex(k, current) {
        currentScore =
          CandidateScoring.scores(
            us: us[k], vs: vs[k], residual: r, categories: c.categories, boxes: [current],
            pods: categoryPOD(k, current, a), categoryCount: categoryCount
          ).first ?? -1
        if a != altitudes[k], currentScore >= exact[bestAt] - 1e-12 {
          // The same box, now at a better altitude.
          altitudes[k] = a
          pods[k] = podVector(k, current, a)
          return true
        }
      }
      guard exact[bestAt] > currentScore + 1e-12 else { return false }
      boxes[k] = found[best]
      altitudes[k] = levels[best]
      pods[k] = podVector(k, found[best], levels[best])
      return true
    }

    /// Tries exchanging the areas of every pair of placed units (each at its best free
    /// altitude there), keeping an exchange that raises the POS. Returns whether any did.
    mutating func trySwaps(deadline: Date) -> Bool {
      var improved = false
      var total = objective()
      for k in boxes.indices {
        for j in boxes.indices where j > k {
          if Date() >= deadline { return improved }
          guard let bk = boxes[k], let bj = boxes[j], bk != bj else { continue }
          var trial = self
          trial.boxes[k] = bj
          trial.boxes[j] = nil
          guard trial.separated(k, bj), let ak = trial.altitudeIndex(k, bj) else { continue }
          trial.altitudes[k] = ak
          trial.boxes[j] = bk
          guard trial.separated(j, bk), let aj = trial.altitudeIndex(j, bk) else { continue }
          trial.altitudes[j] = aj
          trial.pods[k] = trial.podVector(k, bj, ak)
          trial.pods[j] = trial.podVector(j, bk, aj)
          let value = trial.objective()
          if value > total + 1e-9 {
            trial.scored += 2
            self = trial
            total = value
            improved = true
          }
        }
      }
      return improved
    }

    /// Re-places pairs of units of one kind on scene together (aircraft pairs first), both
    /// removed and placed again one after the other in either order, keeping a result that
    /// raises the POS. One aircraft holding the altitudes over the densest water, or one
    /// vessel's area, can keep another unit from all but a poor area, which moving one unit at
    /// a time never undoes.
    mutating func tryPairs(deadline: Date) -> Bool {
      var improved = false
      var total = objective()
      var pairs: [(Int, Int)] = []
      for air in [true, false] {
        let units = boxes.indices.filter { isAircraft($0) == air && boxes[$0] != nil }
        for k in units {
          for j in units where j > k && windowsOverlap(k, j) { pairs.append((k, j)) }
        }
      }
      for (k, j) in pairs {
        do {
          for (first, second) in [(k, j), (j, k)] {
            if Date() >= deadline { return improved }
            var trial = self
            trial.boxes[first] = nil
            trial.boxes[second] = nil
            trial.pods[first] = []
            trial.pods[second] = []
            trial.place(first, keepingIfBetterThan: nil)
            trial.place(second, keepingIfBetterThan: nil)
            guard trial.boxes[first] != nil, trial.boxes[second] != nil else { continue }
            let value = trial.objective()
            if value > total + 1e-9 {
              self = trial
              total = value
              improved = true
            } else {
              scored = trial.scored
            }
          }
        }
      }
      return improved
    }
  }
}
