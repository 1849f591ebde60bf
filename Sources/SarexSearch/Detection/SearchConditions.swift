import Foundation

/// The closed forms of POD as a function of coverage C = W/S used in IAMSAR worksheets
/// (IAMSAR Manual Vol II, Appendix N, POD graphs for "ideal" and "normal" search conditions; US
/// National SAR Supplement (2000), section on POD; Koopman, Search and Screening, 1946/1980).
public enum SearchConditions: String, Sendable, Hashable, CaseIterable, Codable {
  /// POD = 1 - exp(-C): Koopman's random-search formula. It is what a parallel sweep gives when
  /// navigation and detection errors make the searcher's looks effectively independent.
  case normal
  /// POD = erf(sqrt(pi)/2 C): a parallel sweep with exact track keeping and the inverse cube
  /// lateral range curve (Koopman 1946).
  case ideal

  /// POD at coverage C (dimensionless, >= 0).
  public func pod(coverage c: Double) -> Double {
    switch self {
    case .normal: 1 - exp(-c)
    case .ideal: erf(0.5 * Double.pi.squareRoot() * c)
    }
  }
}
