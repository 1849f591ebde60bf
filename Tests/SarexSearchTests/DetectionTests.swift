import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Suite struct DetectionTests {
  /// Each lateral range curve integrates to the sweep width (the definition of W; Koopman 1946).
  @Test(arguments: [LateralRangeCurve.definiteRange, .inverseCube, .fitted(peakPOD: 0.8)])
  func lateralRangeCurveIntegratesToSweepWidth(curve: LateralRangeCurve) {
    let w = 1000.0
    let step = 0.5
    var integral = 0.0
    var x = -400_000.0
    while x < 400_000 {
      integral += curve.probability(lateralRangeMetres: x + step / 2, sweepWidthMetres: w) * step
      x += step
    }
    #expect(abs(integral - w) / w < 2e-3)
  }

  /// A unit heading east at 10 m/s and a particle drifting west at 5 m/s, 1 km north of the track:
  /// they are abeam after 5000 m / 15 m/s = 333.3 s, 1000 m apart.
  @Test func closestApproachOfAMovingParticle() throws {
    let particles = try snapshot(plane: testPlane, xy: [(5000, 1000)], velocities: [(-5, 0)])
    let evaluator = DetectionEvaluator(particles: particles, plane: testPlane)
    let leg = SweepLeg(
      start: testPlane.unproject(x: 0, y: 0), end: testPlane.unproject(x: 10_000, y: 0),
      startTime: testEpoch, endTime: testEpoch.addingTimeInterval(1000))
    let cpa = evaluator.closestApproach(leg: leg, particle: 0)
    #expect(abs(cpa.time.timeIntervalSince(testEpoch) - 1000.0 / 3) < 0.5)
    #expect(abs(cpa.distanceMetres - 1000) < 1)
    // Definite range: detected with W = 2100 m (1050 m either side), missed with W = 1900 m.
    for (w, expected) in [(2100.0, 1.0), (1900.0, 0.0)] {
      let track = try DetectionTrack(
        name: "T", legs: [leg], sweepWidthsMetres: [w], curve: .definiteRange)
      #expect(try evaluator.probabilityOfDetection(track: track) == [expected])
    }
  }

  /// Parallel legs of spacing S over a uniform band of particles, joined by cross legs.
  private func parallelSweep(spacing: Double, legs: Int, length: Double, speed: Double = 10)
    -> [SweepLeg]
  {
    var out: [SweepLeg] = []
    var t = testEpoch
    var previous: (Double, Double)?
    for k in 0..<legs {
      let x = Double(k) * spacing
      let (y0, y1) = k % 2 == 0 ? (0.0, length) : (length, 0.0)
      if let p = previous {
        let dt = hypot(x - p.0, y0 - p.1) / speed
        out.append(
          SweepLeg(
            start: testPlane.unproject(x: p.0, y: p.1), end: testPlane.unproject(x: x, y: y0),
            startTime: t, endTime: t.addingTimeInterval(dt)))
        t = t.addingTimeInterval(dt)
      }
      let dt = length / speed
      out.append(
        SweepLeg(
          start: testPlane.unproject(x: x, y: y0), end: testPlane.unproject(x: x, y: y1),
          startTime: t, endTime: t.addingTimeInterval(dt)))
      t = t.addingTimeInterval(dt)
      previous = (x, y1)
    }
    return out
  }

  /// Mean POD of a parallel sweep over a uniform field converges to the closed forms: min(C, 1)
  /// for the definite range curve and erf(sqrt(pi)/2 C) for the inverse cube curve (Koopman 1946;
  /// IAMSAR Manual Vol II, "ideal" POD curve; Washburn, Search and Detection, ch. 2).
  @Test(arguments: [0.5, 1.0, 2.0])
  func parallelSweepPODConvergesToClosedForms(coverage: Double) throws {
    let w = 1000.0
    let s = w / coverage
    let legCount = 41
    let length = 200_000.0
    // Particles across four spacings in the middle of the sweep, away from the leg ends.
    let n = 4000
    let xMid = Double(legCount / 2 - 2) * s
    let xy = (0..<n).map { i in (xMid + (Double(i) + 0.5) / Double(n) * 4 * s, 100_000.0) }
    let particles = try snapshot(plane: testPlane, xy: xy)
    let evaluator = DetectionEvaluator(particles: particles, plane: testPlane)
    let legs = parallelSweep(spacing: s, legs: legCount, length: length)
    for curve in [LateralRangeCurve.definiteRange, .inverseCube] {
      let track = try DetectionTrack(
        name: "PS", legs: legs, sweepWidthsMetres: [w], curve: curve)
      let pod = try evaluator.probabilityOfDetection(track: track)
      let mean = pod.reduce(0, +) / Double(n)
      let expected = try #require(curve.parallelSweepPOD(coverage: coverage))
      #expect(abs(mean - expected) < 3e-3, "\(curve) C=\(coverage): \(mean) vs \(expected)")
    }
  }

  /// Legs placed at random (independent looks) give the random-search POD 1 - exp(-C), the
  /// "normal" curve (Koopman 1946; IAMSAR Manual Vol II).
  @Test func randomlyPlacedLegsGiveTheNormalPOD() throws {
    let w = 1000.0
    let band = 40_000.0
    let legCount = 80  // coverage C = 80 x 1000 / 40000 = 2
    var rng = SplitMix64(seed: 11)
    var legs: [SweepLeg] = []
    for k in 0..<legCount {
      let x = Double.random(in: 0..<band, using: &rng)
      let t = testEpoch.addingTimeInterval(Double(k) * 30_000)
      legs.append(
        SweepLeg(
          start: testPlane.unproject(x: x, y: -100_000), end: testPlane.unproject(x: x, y: 100_000),
          startTime: t, endTime: t.addingTimeInterval(20_000)))
    }
    let n = 2000
    // Particles on a circle of the band (periodic in x): replicate legs one band either side.
    let shifted = legs.flatMap { leg -> [SweepLeg] in
      [-band, 0, band].map { dx in
        let a = testPlane.project(leg.start)
        let b = testPlane.project(leg.end)
        return SweepLeg(
          start: testPlane.unproject(x: a.x + dx, y: a.y),
          end: testPlane.unproject(x: b.x + dx, y: b.y), startTime: leg.startTime,
          endTime: leg.endTime)
      }
    }
    let xy = (0..<n).map { i in ((Double(i) + 0.5) / Double(n) * band, 0.0) }
    let evaluator = DetectionEvaluator(
      particles: try snapshot(plane: testPlane, xy: xy), plane: testPlane)
    let track = try DetectionTrack(
      name: "random", legs: shifted, sweepWidthsMetres: [w], curve: .definiteRange)
    let mean = try evaluator.probabilityOfDetection(track: track).reduce(0, +) / Double(n)
    let expected = SearchConditions.normal.pod(coverage: 2)
    #expect(abs(mean - expected) < 0.03, "\(mean) vs \(expected)")
  }

  /// A particle just inside the corner of a turn is seen at the end of one leg and the start of
  /// the next: one look, not two.
  @Test func cornerOfATrackIsOneLook() throws {
    let particles = try snapshot(plane: testPlane, xy: [(9800, 200)])
    let evaluator = DetectionEvaluator(particles: particles, plane: testPlane)
    let t0 = testEpoch
    let legs = [
      SweepLeg(
        start: testPlane.unproject(x: 0, y: 0), end: testPlane.unproject(x: 10_000, y: 0),
        startTime: t0, endTime: t0.addingTimeInterval(1000)),
      SweepLeg(
        start: testPlane.unproject(x: 10_000, y: 0), end: testPlane.unproject(x: 10_000, y: 10_000),
        startTime: t0.addingTimeInterval(1000), endTime: t0.addingTimeInterval(2000)),
    ]
    let curve = LateralRangeCurve.fitted(peakPOD: 0.8)
    let both = try evaluator.probabilityOfDetection(
      track: DetectionTrack(name: "corner", legs: legs, sweepWidthsMetres: [1000], curve: curve))
    let single = curve.probability(lateralRangeMetres: 200, sweepWidthMetres: 1000)
    #expect(abs(both[0] - single) < 1e-12)
    // Two separate tracks (independent units) over the same point do count twice.
    let twoUnits = try evaluator.probabilityOfDetection(tracks: [
      DetectionTrack(name: "a", legs: [legs[0]], sweepWidthsMetres: [1000], curve: curve),
      DetectionTrack(name: "b", legs: [legs[1]], sweepWidthsMetres: [1000], curve: curve),
    ])
    #expect(abs(twoUnits[0] - (1 - (1 - single) * (1 - single))) < 1e-12)
  }

  @Test func aParticleCategoryWithoutASweepWidthIsAnError() throws {
    let particles = try ParticleSnapshot(
      longitudesDegrees: [4.5, 4.5], latitudesDegrees: [60.5, 60.5], weights: [1, 1],
      categoryIndices: [0, 2], time: testEpoch)
    let leg = SweepLeg(
      start: testPlane.unproject(x: 0, y: 0), end: testPlane.unproject(x: 1000, y: 0),
      startTime: testEpoch, endTime: testEpoch.addingTimeInterval(100))
    let track = try DetectionTrack(
      name: "CG-1", legs: [leg], sweepWidthsMetres: [500, 800], curve: .inverseCube)
    #expect(throws: DetectionError.missingCategory(track: "CG-1", category: 2, available: 2)) {
      try DetectionEvaluator(particles: particles).probabilityOfDetection(track: track)
    }
  }
}
