import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Suite struct ProbabilityTests {
  /// IAMSAR Manual Vol II (updating POC after an unsuccessful search) and Stone, Theory of Optimal
  /// Search: POD 0.6 in the cell of POC 0.5, the others 0.3 and 0.2 unsearched, gives
  /// 0.2/0.7, 0.3/0.7, 0.2/0.7 = 0.2857, 0.4286, 0.2857.
  @Test func bayesUpdateOfCellsMatchesPublishedExample() throws {
    let posterior = try BayesUpdate.posteriorPOC(poc: [0.5, 0.3, 0.2], pod: [0.6, 0, 0])
    #expect(abs(posterior[0] - 0.2857) < 5e-5)
    #expect(abs(posterior[1] - 0.4286) < 5e-5)
    #expect(abs(posterior[2] - 0.2857) < 5e-5)
  }

  /// The same example on particles: three groups of particles in three grid cells carrying 0.5,
  /// 0.3 and 0.2 of the weight; the first group searched with POD 0.6; the posterior POC grid
  /// holds the published 0.2857/0.4286/0.2857.
  @Test func particleUpdateGivesTheSamePosteriorPOCGrid() throws {
    var xy: [(Double, Double)] = []
    var w: [Double] = []
    var pod: [Double] = []
    for (cell, share) in [(0, 0.5), (1, 0.3), (2, 0.2)] {
      for k in 0..<10 {  // ten particles per cell, unequal weights within the cell
        xy.append((Double(cell) * 1000 + 100 + Double(k) * 80, 500))
        w.append(share * Double(k + 1) / 55)
        pod.append(cell == 0 ? 0.6 : 0)
      }
    }
    var particles = try snapshot(plane: testPlane, xy: xy, weights: w)
    let prior = try POCGrid(
      particles: particles, geometry: .plane(testPlane, cellSizeMetres: 1000), weighting: .prior)
    #expect(prior.columns == 3 && prior.rows == 1)
    #expect(abs(prior[0, 0] - 0.5) < 1e-12)
    try particles.applyUnsuccessfulSearch(pod: pod)
    let grid = try POCGrid(
      particles: particles, geometry: .plane(testPlane, cellSizeMetres: 1000))
    #expect(abs(grid[0, 0] - 0.2857) < 5e-5)
    #expect(abs(grid[1, 0] - 0.4286) < 5e-5)
    #expect(abs(grid[2, 0] - 0.2857) < 5e-5)
    #expect(abs(particles.cumulativePOS - 0.3) < 1e-12)  // 0.5 x 0.6
  }

  @Test func geographicGridBinsByDegreesAndSumsToOne() throws {
    let particles = try ParticleSnapshot(
      longitudesDegrees: [4.05, 4.15, 4.25, 4.26], latitudesDegrees: [60.05, 60.05, 60.15, 60.19],
      weights: [1, 1, 1, 1], time: testEpoch)
    let grid = try POCGrid(particles: particles, geometry: .geographic(cellSizeDegrees: 0.1))
    #expect(grid.columns == 3 && grid.rows == 2)
    #expect(abs(grid.values.reduce(0, +) - 1) < 1e-12)
    let cell = try #require(
      grid.cell(containing: GeoPoint(longitudeDegrees: 4.27, latitudeDegrees: 60.11)))
    #expect(cell.column == 2 && cell.row == 1)
    #expect(abs(grid[2, 1] - 0.5) < 1e-12)
  }

  /// Cumulative POS over periods equals 1 - prod(1 - POS_k) of the conditional period POS
  /// (IAMSAR Manual Vol II, cumulative POS).
  @Test func cumulativePOSOverPeriodsComposesConditionalPOS() throws {
    var rng = SplitMix64(seed: 7)
    let xy = (0..<200).map { _ in (Double.random(in: 0...5000, using: &rng), 0.0) }
    var particles = try snapshot(
      plane: testPlane, xy: xy,
      weights: (0..<200).map { _ in Double.random(in: 0.1...1, using: &rng) })
    var history = SearchHistory()
    for period in 0..<3 {
      let pod = (0..<200).map { _ in Double.random(in: 0...0.8, using: &rng) }
      try history.recordUnsuccessfulSearch(name: "P\(period)", pod: pod, particles: &particles)
    }
    let composed = 1 - history.periods.reduce(1.0) { $0 * (1 - $1.conditionalPOS) }
    #expect(abs(history.cumulativePOS - composed) < 1e-12)
    #expect(abs(history.cumulativePOS - particles.cumulativePOS) < 1e-15)
    #expect(history.periods.map(\.cumulativePOS) == history.periods.map(\.cumulativePOS).sorted())
  }

  @Test func emptyOrMalformedEnsemblesAreRejectedWithTheField() {
    #expect(throws: ProbabilityError.emptyEnsemble) {
      try ParticleSnapshot(
        longitudesDegrees: [], latitudesDegrees: [], weights: [], time: testEpoch)
    }
    #expect(throws: ProbabilityError.emptyEnsemble) {
      try ParticleSnapshot(
        longitudesDegrees: [1], latitudesDegrees: [1], weights: [0], time: testEpoch)
    }
    do {
      _ = try ParticleSnapshot(
        longitudesDegrees: [1, 2], latitudesDegrees: [1, 2], weights: [1, 1], pFail: [1, 1.5],
        time: testEpoch)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("pFail") && error.description.contains("index 1"))
    }
  }
}

@Suite struct PlanPOSTests {
  /// POS of a plan over periods, sum w (1 - pFail (1 - POD)) / sum w, equals the cumulative POS
  /// after the search is applied; a geographic grid's cells add up to the area they cover.
  @Test func planPOSMatchesTheUpdateAndGeographicCellsHaveTheirArea() throws {
    var particles = try snapshot(
      plane: testPlane, xy: [(0, 0), (2000, 0), (4000, 0)], weights: [0.5, 0.3, 0.2])
    try particles.applyUnsuccessfulSearch(pod: [0.6, 0, 0])
    let planned = try particles.cumulativePOS(adding: [0.2, 0.5, 0])
    try particles.applyUnsuccessfulSearch(pod: [0.2, 0.5, 0])
    #expect(abs(planned - particles.cumulativePOS) < 1e-15)
    #expect(abs(planned - (0.5 * (1 - 0.4 * 0.8) + 0.3 * 0.5)) < 1e-15)
    let grid = try POCGrid(particles: particles, geometry: .geographic(cellSizeDegrees: 1))
    // One degree by one degree at 60.5 N: about 111.2 km x 54.8 km.
    let area = grid.cellAreaSquareMetres(row: 0)
    #expect(abs(area / 1e6 - 111.19 * 111.19 * cos(60.5 * .pi / 180)) / (area / 1e6) < 0.005)
  }
}

@Suite struct ZeroSweepWidthTests {
  /// A sweep width of 0 (a PIW from 3000 ft in the tables) detects nothing, on every curve.
  @Test func zeroSweepWidthDetectsNothing() throws {
    let particles = try snapshot(plane: testPlane, xy: [(0, 0), (10, 0)])
    let leg = SweepLeg(
      start: testPlane.unproject(x: 0, y: -1000), end: testPlane.unproject(x: 0, y: 1000),
      startTime: testEpoch, endTime: testEpoch.addingTimeInterval(100))
    for curve in [LateralRangeCurve.definiteRange, .inverseCube, .fitted(peakPOD: 0.9)] {
      let track = try DetectionTrack(name: "z", legs: [leg], sweepWidthsMetres: [0], curve: curve)
      #expect(
        try DetectionEvaluator(particles: particles, plane: testPlane)
          .probabilityOfDetection(track: track) == [0, 0])
    }
  }
}
