import Foundation

/// The optimal search factor fs of the IAMSAR worksheet: the radius R = fs E of the square search
/// area, centred on a point datum, that maximises the POS of a given effort (IAMSAR Manual Vol II,
/// Appendix N, "optimal search factor" graphs for ideal and normal conditions; US National SAR
/// Supplement (2000), ch. 4).
///
/// Derivation. The position is circular normal about the datum with standard deviation sigma
/// per axis; E is the probable error, the radius of the circle holding half the probability, so
/// E = sigma sqrt(2 ln 2). A square of half-side R = fs E then contains
/// POC = erf(R / (sigma sqrt 2))^2 = erf(fs sqrt(ln 2))^2. Effort Z spread evenly over its area
/// A = 4 R^2 gives coverage C = Z / A = Zr / (4 fs^2) with relative effort Zr = Z / E^2, and
/// POS = POC x POD(C) with the "normal" or "ideal" POD (`SearchConditions`). fs maximises it.
///
/// Checked against the IAMSAR worked example (E = 5 NM, Zr = 32.69): this gives fs = 1.7572
/// (normal) and 2.0566 (ideal), POS 0.859 and 0.954. The published factors, read from the
/// manual's graphs, are 1.759 and 2.056: the same optimum within the precision of a graph
/// (the POS curve is flat there: POS differs by 2e-6 between 1.757 and 1.759).
public enum OptimalSearchFactor {
  /// POC of the square of half-side fs E about a circular normal datum of probable error E.
  public static func containment(searchFactor fs: Double) -> Double {
    let e = erf(fs * log(2.0).squareRoot())
    return e * e
  }

  /// POS of effort of relative size `relativeEffort` (Z / E^2) spread over the square fs E.
  public static func pos(
    searchFactor fs: Double, relativeEffort zr: Double, conditions: SearchConditions
  )
    -> Double
  {
    containment(searchFactor: fs) * conditions.pod(coverage: zr / (4 * fs * fs))
  }

  /// The factor fs that maximises POS for the relative effort Zr = Z / E^2 (> 0).
  public static func value(relativeEffort zr: Double, conditions: SearchConditions) -> Double {
    // Coarse scan, then golden-section refinement around the best point; POS(fs) is unimodal.
    var best = 0.05
    var bestPOS = -1.0
    var f = 0.05
    while f <= 20 {
      let p = pos(searchFactor: f, relativeEffort: zr, conditions: conditions)
      if p > bestPOS { (best, bestPOS) = (f, p) }
      f += 0.05
    }
    var a = max(0.001, best - 0.05)
    var b = best + 0.05
    let g = (5.0.squareRoot() - 1) / 2
    while b - a > 1e-10 {
      let c = b - g * (b - a)
      let d = a + g * (b - a)
      if pos(searchFactor: c, relativeEffort: zr, conditions: conditions)
        >= pos(searchFactor: d, relativeEffort: zr, conditions: conditions)
      {
        b = d
      } else {
        a = c
      }
    }
    return (a + b) / 2
  }
}
