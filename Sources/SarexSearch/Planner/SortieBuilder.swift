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
  }

  struct Result {
    var sorties: [PlannedSortie]
    var pod: [Double]
    var evaluations: Int
    var seconds: Double
  }

  func build(_ choices: [Choice], checkLand: Bool = true) throws(PlannerError) -> Result {
    let c = context
    let t0 = c.periodStart
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
    // Altitudes: aircraft in the order given (first = priority), vessels on the surface.
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
    let altitudes = try PlannerError.wrap { try Deconfliction.assignAltitudes(requests) }
    var altitudeOf = [Int: Double]()
    for (r, n) in requestUnit.enumerated() { altitudeOf[n] = altitudes[r].altitude }

    var sorties: [PlannedSortie] = []
    for (n, choice) in choices.enumerated() {
      let k = choice.unitIndex
      let u = c.units[k]
      let altitude = altitudeOf[n]
      var widths = c.widths[k]
      if let altitude, abs(altitude - u.unit.searchAltitudeFeet * 0.3048) > 1 {
        var flown = u.unit
        flown.searchAltitudeFeet = altitude / 0.3048
        if let w = try? c.tables.sweepWidthsMetres(
          leewayClasses: c.conditions.leewayClasses, unit: flown,
          visibilityNM: c.conditions.visibilityNM, windKnots: c.conditions.windKnots,
          seaHeightMetres: c.conditions.seaHeightMetres, fatigued: c.conditions.fatigued)
        {
          widths = w
        }
      }
      let start = u.commenceTime(periodStart: t0)
      // The area at the commence time: moved with the datum since the reference time.
      let moved = areas[n].shifted(by: start.timeIntervalSince(t0) * c.drift)
      let spacing = min(max(choice.trackSpacing, 1), 0.999 * moved.length)
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
