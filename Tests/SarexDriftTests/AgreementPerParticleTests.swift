import Foundation
import SarexDrift
import SarexEnvironment
import Testing

/// Issue 2, "Agreement, per particle": with jibing off and OpenDrift's seeded state (position,
/// orientation, perturbations of each of 500 PIW-1 particles), every particle's status equals
/// OpenDrift's at every hour 0...66, active (and missing-data) particles are within 1 m of
/// OpenDrift's position and stranded ones within 150 m of OpenDrift's stranding position
/// (OpenDrift places them with a 0.001 degree scan, docs/opendrift-leeway.md section 6).
/// References: Fixtures/opendrift_<case>_seed.csv and _tracks.csv (OpenDrift 1.14.12).
///
/// Each case runs on two coastlines. On OpenDrift's own (the exact GSHHG polygons of
/// roaring-landmask, `AgreementExactCoastline`) every particle must meet the thresholds: this is
/// the drift engine's agreement. On Sarex's product mask (`GSHHGLandMask`, Debian's GMT-binned
/// GSHHG, vertices rounded to about 1.7 m north-south and 0.9 m east-west) a particle whose
/// end-of-step position or first on-land scan candidate falls within that rounding of the shore
/// can strand differently; such particles are identified by comparing the two Sarex runs (the
/// coastline is their only difference), printed, and must stay rare (bound derived below); all
/// others must meet the thresholds.
@Suite struct AgreementPerParticleTests {
  /// The thresholds the issue gives; never loosen them.
  static let activeToleranceMetres = 1.0
  static let strandedToleranceMetres = 150.0

  typealias Track = [[AgreementFixtures.TrackPoint]]

  /// The worst deviations of one comparison.
  struct Deviations: CustomStringConvertible {
    var maxActive = (metres: 0.0, particle: -1, hour: -1)
    var maxStranded = (metres: 0.0, particle: -1, hour: -1)
    /// First failure of each failing particle, by kind.
    var statusMismatches: [String] = []
    var activeFailures: [String] = []
    var strandedFailures: [String] = []
    /// Particles beyond a tolerance or with another status: the largest distance of each, m.
    var failingParticles: [Int: Double] = [:]
    var finalCounts = (active: 0, stranded: 0, missing: 0)

    var description: String {
      String(
        format:
          "max active/missing error %.4f m (particle %d, hour %d), max stranded error %.3f m "
          + "(particle %d, hour %d); final a/s/m %d/%d/%d",
        maxActive.metres, maxActive.particle, maxActive.hour, maxStranded.metres,
        maxStranded.particle, maxStranded.hour, finalCounts.active, finalCounts.stranded,
        finalCounts.missing)
        + (failingParticles.isEmpty
          ? "; every particle within tolerance"
          : "; failing: "
            + failingParticles.sorted { $0.key < $1.key }.map {
              String(format: "particle %d (up to %.1f m)", $0.key, $0.value)
            }.joined(separator: ", "))
    }
  }

  /// The reference and what every run needs.
  struct Case {
    var name: String
    var scenario: AgreementFixtures.Scenario
    var start: Date
    var state: ExplicitParticleState
    var reference: Track

    init(_ name: String) throws {
      self.name = name
      scenario = try AgreementFixtures.scenario(name)
      start = try scenario.startDate
      state = try AgreementFixtures.seededState(
        name, start: start, objectClass: try LeewayCatalogue.standard().lookup("PIW-1"))
      reference = try AgreementFixtures.tracks(
        name, particles: state.longitudesDegrees.count, hours: Int(scenario.durationHours))
    }

    /// Sarex's positions and statuses at every output hour on `land`.
    func run(land: any LandMask) throws -> Track {
      let forcing = try scenario.forcing()
      let simulation = DriftSimulation(
        wind: forcing.wind, current: forcing.current, land: land,
        configuration: DriftConfiguration(
          start: start, duration: scenario.durationHours * 3600, timeStep: scenario.stepSeconds,
          outputStep: scenario.outputStepSeconds, jibeProbabilityPerHour: 0))
      var ensemble = try ParticleEnsemble(state: state)
      var track: Track = []
      try simulation.run(&ensemble) { output in
        let statuses = output.ensemble.statuses
        let lons = output.ensemble.longitudesDegrees
        let lats = output.ensemble.latitudesDegrees
        track.append(
          statuses.indices.map {
            AgreementFixtures.TrackPoint(
              longitude: lons[$0], latitude: lats[$0], status: statuses[$0])
          })
      }
      #expect(
        track.count == reference.count, "Sarex \(track.count) outputs, OpenDrift \(reference.count)"
      )
      return track
    }
  }

  /// Compares Sarex's track with OpenDrift's, hour by hour, leaving out `excluded` particles.
  static func deviations(_ sarex: Track, _ reference: Track, excluding excluded: Set<Int> = [])
    -> Deviations
  {
    var d = Deviations()
    for (hour, (got, expected)) in zip(sarex, reference).enumerated() {
      for i in expected.indices where !excluded.contains(i) {
        let s = got[i]
        let r = expected[i]
        let metres = AgreementFixtures.metres(s.longitude, s.latitude, r.longitude, r.latitude)
        let text = String(
          format: "particle %d hour %d: Sarex %@ (%.8f, %.8f), OpenDrift %@ (%.8f, %.8f), %.3f m",
          i, hour, s.status.description, s.longitude, s.latitude, r.status.description,
          r.longitude, r.latitude, metres)
        let firstFailure = d.failingParticles[i] == nil
        if s.status != r.status {
          if firstFailure { d.statusMismatches.append(text) }
          d.failingParticles[i] = max(d.failingParticles[i] ?? 0, metres)
        } else if r.status == .stranded {
          if metres > d.maxStranded.metres { d.maxStranded = (metres, i, hour) }
          if metres > strandedToleranceMetres {
            if firstFailure { d.strandedFailures.append(text) }
            d.failingParticles[i] = max(d.failingParticles[i] ?? 0, metres)
          }
        } else {
          if metres > d.maxActive.metres { d.maxActive = (metres, i, hour) }
          if metres > activeToleranceMetres {
            if firstFailure { d.activeFailures.append(text) }
            d.failingParticles[i] = max(d.failingParticles[i] ?? 0, metres)
          }
        }
      }
    }
    if let last = sarex.last {
      d.finalCounts = (
        last.count { $0.status == .active }, last.count { $0.status == .stranded },
        last.count { $0.status == .missingData }
      )
    }
    return d
  }

  static func expectWithinTolerances(_ d: Deviations) {
    #expect(
      d.statusMismatches.isEmpty,
      "\(d.statusMismatches.count) particles with a status mismatch, first: \(d.statusMismatches.prefix(5))"
    )
    #expect(
      d.maxActive.metres <= activeToleranceMetres,
      "\(d.activeFailures.count) particles beyond 1 m while active, first: \(d.activeFailures.prefix(5))"
    )
    #expect(
      d.maxStranded.metres <= strandedToleranceMetres,
      "\(d.strandedFailures.count) particles stranded beyond 150 m, first: \(d.strandedFailures.prefix(5))"
    )
  }

  /// Particles whose Sarex track differs (in status, or by more than a millimetre) between two
  /// runs that differ only in the coastline.
  static func coastlineAffected(_ a: Track, _ b: Track) -> Set<Int> {
    var affected = Set<Int>()
    for (x, y) in zip(a, b) {
      for i in x.indices
      where x[i].status != y[i].status
        || AgreementFixtures.metres(x[i].longitude, x[i].latitude, y[i].longitude, y[i].latitude)
          > 0.001
      {
        affected.insert(i)
      }
    }
    return affected
  }

  static let exactCoastline = Result { try AgreementExactCoastline() }

  /// The drift engine on OpenDrift's own coastline: every particle, strict thresholds.
  static func checkOnOpenDriftCoastline(_ name: String) throws {
    let c = try Case(name)
    let d = deviations(try c.run(land: exactCoastline.get()), c.reference)
    print("Agreement per particle, \(name) forcing, OpenDrift's coastline: \(d)")
    expectWithinTolerances(d)
    #expect(d.maxActive.particle >= 0, "no active particle was compared")
  }

  /// The product: Sarex's GSHHG land mask.
  ///
  /// Bound on the particles the coastline rounding may affect: a particle's fate changes only
  /// when the point that decides it (its end-of-step position when it first reaches land, or the
  /// first on-land candidate of the 0.001-degree scan) lies within the rounding delta <= 1 m
  /// (half the 1.7 m quantum) of the shore. Those points lie at least a scan spacing apart
  /// (0.001 degree: >= 55 m east-west here) and are spread over it, so each stranding in the
  /// reference flips with probability <= 2 delta / 55 m ~ 4 %; the test allows that share of the
  /// reference's stranded particles, rounded up, plus one.
  static func checkOnSarexCoastline(_ name: String) throws {
    let c = try Case(name)
    let debian = try c.run(land: c.scenario.landMask())
    let exact = try c.run(land: exactCoastline.get())
    let affected = coastlineAffected(debian, exact)
    let all = deviations(debian, c.reference)
    let others = deviations(debian, c.reference, excluding: affected)
    let strandedInReference = c.reference.last?.count { $0.status == .stranded } ?? 0
    let bound = Int((0.04 * Double(strandedInReference)).rounded(.up)) + 1
    print(
      "Agreement per particle, \(name) forcing, Sarex's GSHHG land mask: \(all); "
        + "particles whose track the coastline rounding changes: \(affected.sorted()) "
        + "(allowed \(bound))")
    expectWithinTolerances(others)
    #expect(affected.count <= bound, "coastline rounding changed \(affected.count) particles")
  }

  @Test func constantForcingMatchesOpenDriftEveryParticleEveryHourOnItsCoastline() throws {
    try Self.checkOnOpenDriftCoastline("constant")
  }

  @Test func realForcingMatchesOpenDriftEveryParticleEveryHourOnItsCoastline() throws {
    try Self.checkOnOpenDriftCoastline("real")
  }

  @Test func constantForcingOnSarexGSHHGDiffersOnlyWhereTheCoastlineRoundingDecides() throws {
    try Self.checkOnSarexCoastline("constant")
  }

  @Test func realForcingOnSarexGSHHGDiffersOnlyWhereTheCoastlineRoundingDecides() throws {
    try Self.checkOnSarexCoastline("real")
  }
}
