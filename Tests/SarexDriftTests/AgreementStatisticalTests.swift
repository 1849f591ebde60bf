import Foundation
import SarexDrift
import SarexEnvironment
import SarexGeo
import Testing

/// Issue 2, "Agreement, statistical": Sarex with its own random numbers (point seeding as in the
/// scenario JSON, jibing on at 0.04 per hour) against OpenDrift's 100,000-particle run
/// (Fixtures/opendrift_<case>_summary_100k.csv): at every hour the status fractions, the centroid
/// and the 1-sigma ellipse axes of the active particles agree within sampling noise.
///
/// How the tolerances are derived. Particles are independent and identically distributed in
/// both runs (independent seed offsets, perturbations and jibes; no interaction), so every
/// statistic below is an estimate from n_S Sarex and n_O OpenDrift independent draws of the same
/// distribution, and the difference of the two estimates has a standard error `se` that follows
/// from the sample sizes alone. Each check allows `k = 5` standard errors plus a small floor for
/// the rounding of the fixture and the spec-level differences the per-particle tests bound (1 m):
/// over the ~800 correlated comparisons of both cases a false alarm at 5 se has a probability
/// below 1e-3, while a real bias of a few se (e.g. a wrong coefficient or jibe rate) fails.
/// - Status fraction p (stranded, missing; active is the rest): a binomial proportion,
///   `se = sqrt(p (1 - p) (1/n_S + 1/n_O))` with p pooled over both runs; floor 0.002.
/// - Centroid: a mean of n active positions per run; along any axis its standard error is at most
///   `a / sqrt(n)` with `a` the 1-sigma semi-major axis, so the distance between the two
///   centroids has `se <= a sqrt(1/n_S + 1/n_O)` per axis; floor 1 m.
/// - Axis a (1-sigma along the ellipse axis): the standard deviation of the projections u on that
///   axis. `Var(s^2) = (mu4 - sigma^4)/n`, so `se(s)/s = sqrt((kappa - 1)/4 / n)` with the kurtosis
///   `kappa = mu4/sigma^4` (3 for a Gaussian; measured here on the Sarex cloud, because stranding
///   and jibing make it non-Gaussian); for the difference of two runs
///   `se = a sqrt((kappa - 1)/4 (1/n_S + 1/n_O))`; floor 1 m plus 0.5 % (the eigen-decomposition
///   of a nearly round cloud biases the larger axis up and the smaller down by ~ a/sqrt(n)).
/// - Azimuth of the major axis: in the ellipse's frame (u major, v minor) a sampling error e in
///   the covariance s_uv turns the axis by e / (l1 - l2) radians (l = a^2, b^2), and
///   `Var(s_uv) = E[u^2 v^2] / n` (measured on the Sarex cloud), so
///   `se = sqrt(E[u^2 v^2] (1/n_S + 1/n_O)) / (l1 - l2)`; compared (modulo 180 degrees) only where
///   5 se is below 20 degrees (a nearly round cloud has no defined axis); floor 0.5 degree.
///
/// The Sarex side runs 100,000 particles, as the issue asks: the drift modules are optimised in
/// debug builds too (Package.swift), so each case takes about a second. The tolerances use the
/// actual n_S. Switching jibing off on the Sarex side makes both cases fail (centroid; on real
/// forcing also fractions, axes, azimuth).
@Suite struct AgreementStatisticalTests {
  static let particles = 100_000
  static let standardErrors = 5.0

  /// One hour's Sarex summary with the higher moments of the active cloud in the ellipse's axes.
  struct SarexHour {
    var summary: EnsembleSummary
    var moments: AxisMoments
  }

  /// Moments of the active particles projected on the major (u) and minor (v) axes of the
  /// summary's ellipse, on the same WGS 84 tangent plane as the summary (doc section 7): the
  /// kurtosis `mu4 / sigma^4` along each axis and `E[u^2 v^2]` (m^4), which give the sampling
  /// errors of the axes and of the azimuth.
  struct AxisMoments {
    var kurtosisMajor = 3.0
    var kurtosisMinor = 3.0
    var meanU2V2 = 0.0

    init() {}

    init(_ c: ParticleEnsemble.Columns, _ summary: EnsembleSummary) {
      guard let lon0 = summary.meanLongitudeActiveDegrees,
        let lat0 = summary.meanLatitudeActiveDegrees,
        let azimuth = summary.majorAxisAzimuthDegrees, summary.activeCount > 0
      else { return }
      let a = 6_378_137.0
      let f = 1 / 298.257_223_563
      let e2 = f * (2 - f)
      let phi = lat0 * .pi / 180
      let w = 1 - e2 * sin(phi) * sin(phi)
      let kx = .pi / 180 * a / w.squareRoot() * cos(phi)
      let ky = .pi / 180 * a * (1 - e2) / (w * w.squareRoot())
      let (sa, ca) = (sin(azimuth * .pi / 180), cos(azimuth * .pi / 180))
      var (u2, v2, u4, v4, u2v2) = (0.0, 0.0, 0.0, 0.0, 0.0)
      for i in 0..<c.status.count where c.status[i] == ParticleStatus.active.rawValue {
        let x = (c.longitudeDegrees[i] - lon0) * kx
        let y = (c.latitudeDegrees[i] - lat0) * ky
        let u = x * sa + y * ca
        let v = x * ca - y * sa
        u2 += u * u
        v2 += v * v
        u4 += u * u * u * u
        v4 += v * v * v * v
        u2v2 += u * u * v * v
      }
      let n = Double(summary.activeCount)
      if u2 > 0 { kurtosisMajor = n * u4 / (u2 * u2) }
      if v2 > 0 { kurtosisMinor = n * v4 / (v2 * v2) }
      meanU2V2 = u2v2 / n
    }
  }

  static func runSarex(_ scenario: AgreementFixtures.Scenario) throws -> [SarexHour] {
    let start = try scenario.startDate
    let seeding = Seeding(
      SeedScenario(
        name: "opendrift scenario",
        geometry: .point(
          GeoPoint(
            longitudeDegrees: scenario.releaseLongitude,
            latitudeDegrees: scenario.releaseLatitude),
          radiusMetres: scenario.radiusMetres, distribution: .gaussian),
        releaseStart: start, particleCount: particles,
        objectClass: try LeewayCatalogue.standard().lookup("PIW-1")),
      randomSeed: 20_151_116)
    var ensemble = try seeding.makeEnsemble()
    let forcing = try scenario.forcing()
    let simulation = DriftSimulation(
      wind: forcing.wind, current: forcing.current, land: try scenario.landMask(),
      configuration: DriftConfiguration(
        start: start, duration: scenario.durationHours * 3600, timeStep: scenario.stepSeconds,
        outputStep: scenario.outputStepSeconds,
        jibeProbabilityPerHour: scenario.jibeProbabilityStatistical, randomSeed: 7))
    var hours: [SarexHour] = []
    try simulation.run(&ensemble) { output in
      output.ensemble.withColumns { c in
        let s = EnsembleSummary(
          time: output.time, startTime: start, longitudesDegrees: c.longitudeDegrees,
          latitudesDegrees: c.latitudeDegrees, statusCodes: c.status)
        hours.append(SarexHour(summary: s, moments: AxisMoments(c, s)))
      }
    }
    return hours
  }

  /// The largest deviation of each statistic, in units of its tolerance (<= 1 passes).
  struct Worst: CustomStringConvertible {
    var fraction = (ratio: 0.0, hour: 0, text: "")
    var centroid = (ratio: 0.0, hour: 0, text: "")
    var axes = (ratio: 0.0, hour: 0, text: "")
    var azimuth = (ratio: 0.0, hour: 0, text: "")

    var description: String {
      "fractions \(fraction.text) at hour \(fraction.hour); centroid \(centroid.text) at hour "
        + "\(centroid.hour); axes \(axes.text) at hour \(axes.hour); azimuth \(azimuth.text) at "
        + "hour \(azimuth.hour)"
    }
  }

  static func compare(_ caseName: String) throws {
    let scenario = try AgreementFixtures.scenario(caseName)
    let reference = try AgreementFixtures.summary("opendrift_\(caseName)_summary_100k.csv")
    let sarex = try runSarex(scenario)
    try #require(
      sarex.count == reference.count, "Sarex \(sarex.count) hours, OpenDrift \(reference.count)")
    let k = standardErrors
    var worst = Worst()
    for (r, h) in zip(reference, sarex) {
      let s = h.summary
      #expect(s.hour == Double(r.hour))
      let nO = Double(r.total)
      let nS = Double(s.activeCount + s.strandedCount + s.missingDataCount)
      // Status fractions.
      for (name, o, x) in [
        ("stranded", r.stranded, s.strandedCount), ("missing", r.missing, s.missingDataCount),
      ] {
        let pO = Double(o) / nO
        let pS = Double(x) / nS
        let p = (Double(o) + Double(x)) / (nO + nS)
        let tolerance = k * (p * (1 - p) * (1 / nS + 1 / nO)).squareRoot() + 0.002
        let ratio = abs(pS - pO) / tolerance
        let text = String(
          format: "%@ %.5f vs OpenDrift %.5f (tolerance %.5f)", name, pS, pO, tolerance)
        #expect(ratio <= 1, "hour \(r.hour): \(text)")
        if ratio > worst.fraction.ratio { worst.fraction = (ratio, r.hour, text) }
      }
      #expect((r.active == 0) == (s.activeCount == 0), "hour \(r.hour): active particles left")
      guard r.active > 1, s.activeCount > 1, let lonO = r.meanLongitude,
        let latO = r.meanLatitude, let aO = r.semiMajor, let bO = r.semiMinor,
        let lonS = s.meanLongitudeActiveDegrees, let latS = s.meanLatitudeActiveDegrees,
        let aS = s.semiMajor1SigmaMeters, let bS = s.semiMinor1SigmaMeters
      else { continue }
      let nAO = Double(r.active)
      let nAS = Double(s.activeCount)
      let inverseCounts = 1 / nAS + 1 / nAO
      // Centroid.
      let distance = AgreementFixtures.metres(lonS, latS, lonO, latO)
      let centroidTolerance = k * max(aO, aS) * inverseCounts.squareRoot() + 1
      let centroidRatio = distance / centroidTolerance
      let centroidText = String(
        format: "%.1f m apart (tolerance %.1f m, semi-major %.0f m, n %d/%d)", distance,
        centroidTolerance, aO, s.activeCount, r.active)
      #expect(centroidRatio <= 1, "hour \(r.hour): centroid \(centroidText)")
      if centroidRatio > worst.centroid.ratio {
        worst.centroid = (centroidRatio, r.hour, centroidText)
      }
      // Ellipse axes.
      for (name, o, x, kappa) in [
        ("semi-major", aO, aS, h.moments.kurtosisMajor),
        ("semi-minor", bO, bS, h.moments.kurtosisMinor),
      ] {
        let relative = k * ((max(kappa, 1) - 1) / 4 * inverseCounts).squareRoot() + 0.005
        let tolerance = relative * o + 1
        let ratio = abs(x - o) / tolerance
        let text = String(
          format: "%@ %.1f m vs OpenDrift %.1f m (tolerance %.1f m, kurtosis %.2f)", name, x, o,
          tolerance, kappa)
        #expect(ratio <= 1, "hour \(r.hour): \(text)")
        if ratio > worst.axes.ratio { worst.axes = (ratio, r.hour, text) }
      }
      // Azimuth of the major axis, where the cloud is elongated enough for it to be defined.
      guard let thetaO = r.azimuthDegrees, let thetaS = s.majorAxisAzimuthDegrees else { continue }
      let split = aS * aS - bS * bS
      let se = (h.moments.meanU2V2 * inverseCounts).squareRoot() / split * 180 / .pi
      guard split > 0, k * se < 20 else { continue }
      let tolerance = k * se + 0.5
      let difference = abs(thetaS - thetaO).truncatingRemainder(dividingBy: 180)
      let angle = min(difference, 180 - difference)
      let text = String(
        format: "%.2f deg vs OpenDrift %.2f deg (tolerance %.2f deg)", thetaS, thetaO, tolerance)
      #expect(angle <= tolerance, "hour \(r.hour): azimuth \(text)")
      if angle / tolerance > worst.azimuth.ratio {
        worst.azimuth = (angle / tolerance, r.hour, text)
      }
    }
    print("Agreement statistical, \(caseName) forcing, \(particles) Sarex particles: \(worst)")
  }

  @Test func constantForcingAgreesWithOpenDriftWithinSamplingNoise() throws {
    try Self.compare("constant")
  }

  @Test func realForcingAgreesWithOpenDriftWithinSamplingNoise() throws {
    try Self.compare("real")
  }
}
