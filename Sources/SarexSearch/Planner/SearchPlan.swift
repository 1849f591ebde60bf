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
/// allocation of effort it comes from.
public struct PlanBound: Sendable, Hashable {
  /// POS of the optimal allocation of effort over POC cells with exponential (random search)
  /// detection: Washburn's method for several searchers (`MultipleSearcherAllocation`).
  public var allocationPOS: Double
  /// Its Lagrangian dual bound (>= `allocationPOS`) under exponential detection.
  public var allocationDualBound: Double
  /// The coverage bound, valid for any lateral range curve: no cell can be searched with POD
  /// above min(1, effort / area) (see `PlanBoundCalculator`).
  public var coverageBound: Double
  /// POC cell size used, metres.
  public var cellSizeMetres: Double

  /// The bound reported against plans. (The allocation's dual bound holds for exponential
  /// detection only; a parallel sweep with exact track keeping does better than that.)
  public var upperBound: Double { coverageBound }
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
  /// Improvement passes and candidate areas scored (optimal mode).
  public var passes: Int
  public var candidatesScored: Int
}
