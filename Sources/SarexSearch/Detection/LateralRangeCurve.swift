import Foundation

/// The probability of detecting an object that the searcher passes at lateral range x on a long
/// straight leg (Koopman 1946; Washburn, Search and Detection, 4th ed. 2002, ch. 2; IAMSAR Manual
/// Vol II, Appendix N). Every curve is scaled so that its integral over x equals the sweep width W,
/// which is the definition of W.
///
/// On a parallel sweep of spacing S with independent legs the mean POD is, per curve:
/// definite range: min(C, 1); inverse cube: erf(sqrt(pi)/2 C) ("ideal"); 1 - exp(-C) ("normal")
/// is the random-search limit, approached by any curve when the legs are placed at random.
public enum LateralRangeCurve: Sendable, Hashable {
  /// Certain detection within W/2 either side, none beyond ("cookie cutter").
  case definiteRange
  /// Koopman's inverse cube law: p(x) = 1 - exp(-W^2 / (4 pi x^2)). From a detection rate
  /// proportional to the solid angle of a wake (1/r^3); its integral is 2 sqrt(pi m) with
  /// m = W^2/(4 pi), which is W.
  case inverseCube
  /// A bell-shaped curve with a maximum POD below 1 at zero range, for sensors or search objects
  /// that can be missed even when overflown: p(x) = p0 exp(-pi p0^2 x^2 / W^2), integral W.
  case fitted(peakPOD: Double)

  /// POD at lateral range `x` metres for sweep width `w` metres.
  public func probability(lateralRangeMetres x: Double, sweepWidthMetres w: Double) -> Double {
    switch self {
    case .definiteRange: DefiniteRangeKernel().pod(squaredRange: x * x, sweepWidth: w)
    case .inverseCube: InverseCubeKernel().pod(squaredRange: x * x, sweepWidth: w)
    case .fitted(let p0): FittedKernel(peak: p0).pod(squaredRange: x * x, sweepWidth: w)
    }
  }

  /// Mean POD of an ideal parallel sweep at coverage C when a closed form exists (definite
  /// range and inverse cube); `nil` for the fitted curve.
  public func parallelSweepPOD(coverage c: Double) -> Double? {
    switch self {
    case .definiteRange: min(c, 1)
    case .inverseCube: SearchConditions.ideal.pod(coverage: c)
    case .fitted: nil
    }
  }

  func validate() throws(DetectionError) {
    if case .fitted(let p0) = self, !(p0 > 0 && p0 <= 1) {
      throw .invalidCurve("Fitted lateral range curve: peak POD \(p0) must be in (0, 1].")
    }
  }
}

/// A lateral range curve as a concrete type, so the detection loop is compiled once per curve
/// (no switch or existential per particle; see PLATFORM.md).
protocol LateralRangeKernel: Sendable {
  /// POD at squared lateral range (m^2) for sweep width (m).
  func pod(squaredRange: Double, sweepWidth: Double) -> Double
}

struct DefiniteRangeKernel: LateralRangeKernel {
  @inline(__always)
  func pod(squaredRange: Double, sweepWidth: Double) -> Double {
    squaredRange <= 0.25 * sweepWidth * sweepWidth ? 1 : 0
  }
}

struct InverseCubeKernel: LateralRangeKernel {
  @inline(__always)
  func pod(squaredRange: Double, sweepWidth: Double) -> Double {
    squaredRange > 0 ? 1 - exp(-sweepWidth * sweepWidth / (4 * .pi * squaredRange)) : 1
  }
}

struct FittedKernel: LateralRangeKernel {
  var peak: Double
  @inline(__always)
  func pod(squaredRange: Double, sweepWidth: Double) -> Double {
    peak * exp(-.pi * peak * peak * squaredRange / (sweepWidth * sweepWidth))
  }
}
