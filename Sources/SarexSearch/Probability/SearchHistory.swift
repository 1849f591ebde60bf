/// The probability of success of each planning period and the cumulative POS over all of them.
///
/// A period's POS is conditional on the previous periods having failed,
/// POS_k = sum w pFail_before POD / sum w pFail_before; the cumulative POS after k periods is
/// 1 - sum w pFail / sum w = 1 - prod (1 - POS_j) (IAMSAR Manual Vol II, cumulative POS).
public struct SearchHistory: Sendable {
  /// One searched period.
  public struct Period: Sendable, Hashable {
    public var name: String
    /// POS of this period's search, given the earlier ones failed.
    public var conditionalPOS: Double
    /// POS of all searches up to and including this period.
    public var cumulativePOS: Double
  }

  public private(set) var periods: [Period] = []

  public init() {}

  /// Records a period searched with the given per-particle POD and applies the Bayesian update
  /// (nothing was found) to the particles.
  @discardableResult
  public mutating func recordUnsuccessfulSearch(
    name: String, pod: [Double], particles: inout ParticleSnapshot
  ) throws(ProbabilityError) -> Period {
    let conditional = try particles.conditionalPOS(pod: pod)
    try particles.applyUnsuccessfulSearch(pod: pod)
    let period = Period(
      name: name, conditionalPOS: conditional, cumulativePOS: particles.cumulativePOS)
    periods.append(period)
    return period
  }

  /// Cumulative POS after the last recorded period (0 before any).
  public var cumulativePOS: Double { periods.last?.cumulativePOS ?? 0 }
}
