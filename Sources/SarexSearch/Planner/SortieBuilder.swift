import Foundation
import SarexGeo

/// Turns areas chosen for units into sorties: parallel sweeps over the areas with their track
/// spacings, altitudes deconflicted (aircraft in adjacent areas 500 ft apart), sweep widths at the
/// assigned altitudes, patterns drift-compensated with the datum and cut at the end of endurance,
/// then the exact per-particle POD of every sortie (`DetectionEvaluator`).
struct SortieBuilder {
  let context: PlanningContext

  /// One unit's area and spacing, as a planner chose them.
  struct Choice {
    var unitIndex: Int
    var area: PlaneRectangle
    /// Track spacing, metres.
    var trackSpacing: Double
    /// Search altitude the planner foresaw for an aircraft, metres; nil lets the builder assign
    /// one (`Deconfliction.assignAltitudes`).
    var altitudeMetres: Double? = nil
  }

  struct Result {
    var sorties: [PlannedSortie]
    var pod: [Double]
    var evaluations: Int
    var seconds: Double
  }

  /// Sweep widths of unit k flown at an altitude (its own widths when not tabulated there).
  func widthsAt(_ k: Int, altitudeMetres: Double) -> [Double] {
    context.widths(k, altitudeMetres: altitudeMetres)
  }

  /// Altitudes for the aircraft (`Deconfliction.assignAltitudes`, 500 ft between adjacent
  /// areas). The aircraft served later is the one moved, so several priority orders are tried
  /// (as given, reversed, each aircraft last) and the one keeping the most sweep rate is kept:
  /// sum of W V T, W the probability-weighted sweep width at the assigned altitude.
  func assignAltitudes(_ requests: [AltitudeRequest], units: [Int], adjacency: Double = 1852)
    throws(PlannerError) -> [Double]
  {
    guard !requests.isEmpty else { return [] }
    var orders = [Array(requests.indices), Array(requests.indices.reversed())]
    for i in requests.indices { orders.append(requests.indices.filter { $0 != i } + [i]) }
    var best: (value: Double, altitudes: [Double])?
    for order in orders {
      let assigned = try PlannerError.wrap {
        try Deconfliction.assignAltitudes(
          order.map { requests[$0] }, adjacencyDistance: adjacency)
      }
      var altitudes = [Double](repeating: 0, count: requests.count)
      for (position, r) in order.enumerated() { altitudes[r] = assigned[position].altitude }
      var value = 0.0
      for r in requests.indices {
        let k = units[r]
        let w = widthsAt(k, altitudeMetres: altitudes[r])
        let mean = weightedMean(w)
        value += mean * context.units[k].speedMetresPerSecond * context.units[k].searchSeconds
      }
      if best.map({ value > $0.value + 1e-9 }) ?? true { best = (value, altitudes) }
    }
    return best?.altitudes ?? []
  }

  func weightedMean(_ perCategory: [Double]) -> Double { context.weightedMean(perCategory) }

  /// Altitudes of the aircraft choices (by choice index), aircraft within `adjacency` metres of
  /// each other with overlapping windows 500 ft apart.
  func assignedAltitudes(
    _ choices: [Choice], _ rectangles: [SearchRectangle], adjacency: Double
  ) throws(PlannerError) -> [Int: Double] {
    let c = context
    let t0 = c.periodStart
    var requests: [AltitudeRequest] = []
    var requestUnit: [Int] = []
    for (n, choice) in choices.enumerated() {
      let u = c.units[choice.unitIndex]
      guard u.unit.kind.isAircraft else { continue }
      let start = u.commenceTime(periodStart: t0)
      let window = DateInterval(start: start, duration: u.searchSeconds)
      let assigned = try PlannerError.wrap {
        try AssignedArea(
          id: "A-\(n + 1)", unit: u.callSign, rectangle: rectangles[n],
          altitudeBand: AltitudeBand(altitude: u.unit.searchAltitudeFeet * 0.3048),
          window: window)
      }
      requests.append(
        AltitudeRequest(area: assigned, preferredAltitude: u.unit.searchAltitudeFeet * 0.3048))
      requestUnit.append(n)
    }
    return try assignAltitudes(
      requests, units: requestUnit.map { choices[$0].unitIndex }, adjacency: adjacency
    )
    .enumerated().reduce(into: [Int: Double]()) { $0[requestUnit[$1.offset]] = $1.element }
  }

  /// The sorties of the choices at the given aircraft altitudes (by choice index), POS not yet
  /// evaluated.
  func makeSorties(
    _ choices: [Choice], _ areas: [PlaneRectangle], _ rectangles: [SearchRectangle],
    _ altitudeOf: [Int: Double]
  ) throws(PlannerError) -> [PlannedSortie] {
    let c = context
    let t0 = c.periodStart
    var sorties: [PlannedSortie] = []
    for (n, choice) in choices.enumerated() {
      let k = choice.unitIndex
      let u = c.units[k]
      let altitude = altitudeOf[n]
      let widths = altitude.map { widthsAt(k, altitudeMetres: $0) } ?? c.widths[k]
      let start = u.commenceTime(periodStart: t0)
      // The area at the commence time: moved with the datum since the reference time.
      let moved = areas[n].shifted(by: start.timeIntervalSince(t0) * c.drift)
      let spacing = min(max(choice.trackSpacing, c.minimumTrackSpacing(k)), 0.999 * moved.length)
      let timing = PatternTiming(
        speed: u.speedMetresPerSecond, commenceTime: start,
        turnAllowance: u.unit.kind.isAircraft ? .standardRate : .none, datumDrift: c.drift)
      let full = try PlannerError.wrap {
        try ParallelSweep(
          area: moved.searchRectangle(on: c.plane), trackSpacing: spacing, startCorner: .backLeft
        ).track(timing)
      }
      guard let track = full.truncated(at: start.addingTimeInterval(u.searchSeconds)) else {
        throw .noEndurance(unit: u.callSign, hours: u.unit.onSceneEnduranceHours)
      }
      let legs = track.legs.map {
        SweepLeg(start: $0.start, end: $0.end, startTime: $0.startTime, endTime: $0.endTime)
      }
      let detection = try PlannerError.wrap {
        try DetectionTrack(
          name: u.callSign, legs: legs, sweepWidthsMetres: widths, curve: c.conditions.curve)
      }
      sorties.append(
        PlannedSortie(
          areaID: "A-\(n + 1)", unit: u, area: rectangles[n], track: track,
          altitudeMetres: altitude, sweepWidthsMetres: widths, detectionTrack: detection, pos: 0))
    }
    return sorties
  }

  func build(_ choices: [Choice], checkLand: Bool = true) throws(PlannerError) -> Result {
    let c = context
    var areas: [PlaneRectangle] = []
    var rectangles: [SearchRectangle] = []
    for (n, choice) in choices.enumerated() {
      let area = choice.area.legsAlongLongerSide
      let rectangle = area.searchRectangle(on: c.plane)
      if checkLand, c.onLand(rectangle.centre) {
        throw .areaOnLand(area: "A-\(n + 1)", position: rectangle.centre)
      }
      areas.append(area)
      rectangles.append(rectangle)
    }
    // Altitudes: the planner's when it foresaw them all, else assigned (aircraft in the order
    // given, first = priority; vessels on the surface). Aircraft whose tracks still come within
    // a track spacing of each other at one altitude are then treated as adjacent too (the
    // adjacency distance widened) and the altitudes assigned again.
    let aircraft = choices.indices.filter { c.units[choices[$0].unitIndex].unit.kind.isAircraft }
    var planned: [Int: Double]? = [:]
    for n in aircraft {
      guard let a = choices[n].altitudeMetres else {
        planned = nil
        break
      }
      planned?[n] = a
    }
    var adjacency = 1852.0
    for i in aircraft {
      for j in aircraft where j > i {
        adjacency = max(
          adjacency,
          PlanningContext.adjacencyDistance(choices[i].trackSpacing, choices[j].trackSpacing))
      }
    }
    var sorties: [PlannedSortie] = []
    for attempt in 0..<6 {
      let altitudeOf: [Int: Double]
      if let planned {
        altitudeOf = planned
      } else {
        altitudeOf = try assignedAltitudes(choices, rectangles, adjacency: adjacency)
      }
      sorties = try makeSorties(choices, areas, rectangles, altitudeOf)
      let airConflicts = SearchPlanner.separationConflicts(sorties).contains { conflict in
        sorties.contains { $0.unit.callSign == conflict.firstUnit && $0.unit.unit.kind.isAircraft }
      }
      if !airConflicts || attempt == 5 { break }
      if planned != nil { planned = nil } else { adjacency *= 2 }
    }
    // Exact evaluation, one sortie at a time (its own POS), combined as independent looks.
    let clock = Date()
    var survival = [Double](repeating: 1, count: c.particles.count)
    var evaluations = 0
    for s in sorties.indices {
      let pod = try PlannerError.wrap {
        try c.evaluator.probabilityOfDetection(track: sorties[s].detectionTrack)
      }
      evaluations += c.particles.count * sorties[s].detectionTrack.legs.count
      sorties[s].pos = try PlannerError.wrap { try c.particles.conditionalPOS(pod: pod) }
      for i in survival.indices { survival[i] *= 1 - pod[i] }
    }
    return Result(
      sorties: sorties, pod: survival.map { 1 - $0 }, evaluations: evaluations,
      seconds: Date().timeIntervalSince(clock))
  }
}
