import Foundation
import SarexGeo

/// How a plan was made.
public enum PlanningMode: String, Sendable, Hashable, CaseIterable, Codable {
  /// The IAMSAR worksheet: a square about the datum split among the units.
  case worksheet
  /// The anytime search over candidate areas, maximising POS on the particles.
  case optimal
}

/// One unit's sortie: its area, pattern, altitude and detection.
public struct PlannedSortie: Sendable, Hashable {
  /// Area designation, "A-1", "A-2", ...
  public var areaID: String
  public var unit: AvailableUnit
  /// The area at the period's reference time (the datum time); with drift compensation the
  /// pattern moves with the datum from there.
  public var area: SearchRectangle
  /// The timed pattern over the ground, cut at the end of on-scene endurance.
  public var track: PatternTrack
  /// Assigned search altitude, metres; nil for surface units.
  public var altitudeMetres: Double?
  /// Corrected sweep width per particle category at the assigned altitude, metres.
  public var sweepWidthsMetres: [Double]
  /// What detection evaluates.
  public var detectionTrack: DetectionTrack
  /// POS this sortie alone would give (conditional on earlier periods failing).
  public var pos: Double
}

/// A bound on the POS any plan with these units can reach this period, and the optimal
/// allocation of effort it comes from (`PlanBoundCalculator`).
public struct PlanBound: Sendable, Hashable {
  /// POS of the optimal allocation of the units' effort over POC cells with the parallel-sweep
  /// detection function (Washburn's method for several heterogeneous units; Charnes-Cooper /
  /// Stone for one): the best any split of effort over the cells reaches.
  public var allocationPOS: Double
  /// The Lagrangian dual of that allocation (>= `allocationPOS`): a bound on the POS of any
  /// plan over the probability density the particles sample; the gap to `allocationPOS` shows
  /// how tightly the optimum was found.
  public var densityBound: Double
  /// What a plan's POS, estimated on the particles, can gain by luck over the density's POS:
  /// three standard errors of a weighted mean of per-particle PODs in [0, 1], at most
  /// 3 x 0.5 / sqrt(effective particle count). Small with many particles (0.005 at 100,000),
  /// everything with one (a single particle on a track is found with POD near 1, which no
  /// bound on the density rules out).
  public var samplingMargin: Double
  /// Kish's effective number of particles, (sum p)^2 / sum p^2, of the posterior.
  public var effectiveParticleCount: Double
  /// The bound plans are compared against: `densityBound + samplingMargin`, at most 1. A plan's
  /// POS evaluated on the particles never exceeds it except by a more than three-sigma fluke.
  public var upperBound: Double { min(1, densityBound + samplingMargin) }
  /// The coverage-to-POD function the allocation used, e.g. "erf(sqrt(pi)/2 C)".
  public var detectionFormula: String
  /// POC cell side, metres, and the number of cells holding probability.
  public var cellSizeMetres: Double
  public var cellCount: Int
}

/// A plan for one period.
public struct SearchPlan: Sendable {
  public var mode: PlanningMode
  /// Time the areas refer to (the snapshot's time).
  public var referenceTime: Date
  /// The datum: the probability-weighted centre of the particles not yet detected.
  public var datum: GeoPoint
  public var sorties: [PlannedSortie]
  /// Per-particle POD of all sorties together.
  public var pod: [Double]
  /// POS of this period given the earlier periods failed.
  public var pos: Double
  /// Cumulative POS over all periods up to and including this one.
  public var cumulativePOS: Double
  public var bound: PlanBound
  /// The worksheet the plan was drawn from (worksheet mode).
  public var worksheet: IAMSARWorksheet?
  /// Particle-leg closest-approach evaluations made, and the seconds they took.
  public var particleLegEvaluations: Int
  public var evaluationSeconds: Double
  /// Pairs of units planned closer than one track spacing to each other at the same time (the
  /// planners keep this empty; see `SearchPlanner.separationConflicts`).
  public var separationConflicts: [SeparationConflict]
  /// Improvement passes and candidate areas scored (optimal mode).
  public var passes: Int
  public var candidatesScored: Int
}
