import Foundation
import SarexGeo

/// Optimal mode: an anytime search over candidate rectangles for each unit, maximising the POS
/// scored on the particles, under the hard constraints.
///
/// All areas share one orientation, the cloud's major axis, so in the frame (u along it, v across)
/// they are boxes and overlap is an interval test. Candidates for a unit come from three
/// sources: the optimal allocation of effort (`EffortMap`: a box fitted to the moments of each
/// connected group of cells where the allocation sends the unit, at three sizes); boxes sized
/// from its effort Z = W V T at coverages 0.5 to 2.6 (area Z / C), square or shaped like the
/// cloud, centred on the densest cells of the probability it would still find (the posterior
/// times what the other units miss), or set against the other units' areas; and local moves of
/// its current box (shifts, scaling, aspect changes: coordinate descent on position and shape).
/// A candidate is scored by the closed-form POD of a parallel sweep at its coverage
/// (`LateralRangeCurve`) for each particle inside it (the spacing that fills the unit's time,
/// turns included), with the particles moved to the middle of the unit's sortie relative to the
/// drifting datum; candidates are screened on a subsample of the particles and the best few
/// scored on all of them.
///
/// Constraints: vessels' areas never overlap and keep the gap that holds them a track spacing
/// apart (`PlanningContext.separationGap`); aircraft may search over vessels and over each
/// other's areas, but an aircraft whose area overlaps or adjoins another aircraft's
/// (`PlanningContext.adjacencyDistance`) while both are on scene is given an altitude 500 ft
/// from it, and the planner scores it with the sweep width at that altitude (foreseen, not
/// discovered after planning): so an aircraft stacked above another, where it sees less, is
/// weighed against an area of its own at its best altitude.
///
/// Units are placed greedily by marginal POS in a few orders (the best kept); then improvement
/// passes re-place each unit given the others, try swapping the areas of pairs of units, and
/// re-place pairs of units of one kind together, until a pass gains less than 1e-5 of POS or
/// the time budget ends. The exact POS of the result is then evaluated leg
/// by leg (`SortieBuilder`).
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

    /// Least distance between the two boxes, metres (0 when they touch or overlap).
    func distance(to o: Box) -> Double {
      let du = max(0, abs(cu - o.cu) - hu - o.hu)
      let dv = max(0, abs(cv - o.cv) - hv - o.hv)
      return (du * du + dv * dv).squareRoot()
    }
  }

  /// An altitude a unit may search at and its sweep widths there.
  struct AltitudeOption {
    /// Metres; nil for surface units.
    var altitude: Double?
    /// Sweep width per category, metres.
    var widths: [Double]
  }

  struct Outcome {
    var choices: [SortieBuilder.Choice]
    var passes: Int
    var scored: Int
  }

  static func choices(_ c: PlanningContext, effort: EffortMap?, deadline: Date) -> Outcome {
    let start = Search(c, effort: effort)
    // Greedy placements in several orders while time allows (largest effort first; the
    // units that can give the highest coverage, W / S_min, first; smallest effort first), the
    // best kept: which unit takes the densest water first decides much of the rest.
    let byEffort = c.units.indices.sorted { c.effort($0) > c.effort($1) }
    let byCoverage = c.units.indices.sorted {
      c.meanWidths[$0] / c.minimumTrackSpacing($0) > c.meanWidths[$1] / c.minimumTrackSpacing($1)
    }
    var search = start
    var order = byEffort
    for k in order { search.place(k, keepingIfBetterThan: nil) }
    var best = search.objective()
    for other in [byCoverage, byEffort.reversed()] where other != order && Date() < deadline {
      var trial = start
      trial.scored = search.scored
      for k in other { trial.place(k, keepingIfBetterThan: nil) }
      let value = trial.objective()
      if value > best {
        best = value
        search = trial
        order = other
      } else {
        search.scored = trial.scored
      }
    }
    var passes = 0
    while Date() < deadline {
      passes += 1
      let before = search.objective()
      var improved = false
      for k in order {
        if search.place(k, keepingIfBetterThan: search.boxes[k]) { improved = true }
        if Date() >= deadline { break }
      }
      if Date() < deadline, search.trySwaps(deadline: deadline) { improved = true }
      if Date() < deadline, search.tryPairs(deadline: deadline) { improved = true }
      if !improved || search.objective() < before + 1e-5 { break }
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
          trackSpacing: c.trackSpacing(k, length: 2 * b.hu, width: 2 * b.hv),
          altitudeMetres: search.options[k][search.altitudes[k]].altitude))
    }
    return Outcome(choices: choices, passes: passes, scored: search.scored)
  }
}
