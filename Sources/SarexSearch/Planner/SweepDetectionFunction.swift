import Foundation

/// The POD a unit reaches in a cell when its effort there is spread as a parallel sweep, as a
/// function of the coverage y = W x (track length in the cell) / (cell area): the detection
/// function of the POS bound (`PlanBoundCalculator`). Both cases are concave, increasing and
/// zero at zero, which is what makes the optimal allocation over cells a bound on every plan.
enum SweepDetectionFunction: Sendable, Hashable {
  /// Inverse cube lateral range curve: erf(sqrt(pi)/2 y), the "ideal" IAMSAR curve (Koopman
  /// 1946; IAMSAR Manual Vol II, Appendix N).
  case inverseCube
  /// Any lateral range curve: the mean POD over one track spacing is at most the sum of the
  /// legs' POD, whose mean is W/S = y, and at most 1, so min(y, 1).
  case coverageLimit

  init(curve: LateralRangeCurve) {
    switch curve {
    case .inverseCube: self = .inverseCube
    case .definiteRange, .fitted: self = .coverageLimit
    }
  }

  /// What a report prints for the function.
  var formula: String {
    switch self {
    case .inverseCube: "erf(sqrt(pi)/2 C)"
    case .coverageLimit: "min(C, 1)"
    }
  }

  /// POD at coverage y.
  func pod(_ y: Double) -> Double {
    switch self {
    case .inverseCube: erf(0.5 * Double.pi.squareRoot() * y)
    case .coverageLimit: min(max(y, 0), 1)
    }
  }

  /// The coverage at which the marginal POD g'(y) falls to `slope` (g'(0) = 1 for both
  /// functions): the least-effort coverage when each further unit of coverage is worth less than
  /// `slope`. For the inverse cube, g'(y) = exp(-pi y^2 / 4).
  func coverage(atSlope slope: Double) -> Double {
    guard slope < 1 else { return 0 }
    switch self {
    case .inverseCube: return (-4 / Double.pi * log(max(slope, 1e-300))).squareRoot()
    case .coverageLimit: return 1
    }
  }
}
