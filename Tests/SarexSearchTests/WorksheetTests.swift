import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Suite struct WorksheetTests {
  /// IAMSAR Manual Vol II worksheet example (the issue's golden numbers): E = 5 NM; a helicopter
  /// W = 2.3 NM, 90 kt, 2 h and a merchant ship W = 4.2 NM, 12 kt, 8 h.
  private func worksheet(_ conditions: SearchConditions) throws -> IAMSARWorksheet {
    try IAMSARWorksheet(
      datum: GeoPoint(longitudeDegrees: 4.5, latitudeDegrees: 60.5), positionErrorNM: 3,
      navigationErrorNM: 0, driftErrorNM: 4,
      units: [
        WorksheetUnit(name: "helicopter", sweepWidthNM: 2.3, speedKnots: 90, searchHours: 2),
        WorksheetUnit(name: "merchant ship", sweepWidthNM: 4.2, speedKnots: 12, searchHours: 8),
      ], conditions: conditions)
  }

  @Test func normalConditionsReproduceTheIAMSARWorksheet() throws {
    let w = try worksheet(.normal)
    #expect(abs(w.totalProbableErrorNM - 5) < 1e-12)  // sqrt(3^2 + 0^2 + 4^2)
    #expect(abs(w.effortNM2 - 817.2) < 1e-9)
    #expect(abs(w.relativeEffort - 32.69) < 0.005)
    // IAMSAR: fs 1.759 read from the graph; the derived optimum is 1.7572 (see OptimalSearchFactor).
    #expect(abs(w.optimalSearchFactor - 1.759) < 0.0025)
    #expect(abs(w.radiusNM - 8.79) < 0.01)
    #expect(abs(w.areaNM2 - 309.4) / 309.4 < 0.003)
    #expect(abs(w.coverage - 2.641) / 2.641 < 0.003)
    #expect(abs(w.pos - 0.859) < 0.0005)
    #expect(abs(w.trackSpacingsNM[0] - 0.87) < 0.005)
    #expect(abs(w.trackSpacingsNM[1] - 1.59) < 0.005)
    #expect(abs(w.pos - w.poc * w.pod) < 1e-15)
  }

  @Test func idealConditionsReproduceTheIAMSARWorksheet() throws {
    let w = try worksheet(.ideal)
    #expect(abs(w.optimalSearchFactor - 2.056) < 0.001)
    #expect(abs(w.pos - 0.954) < 0.0005)
  }

  /// The factor is the optimum: nearby factors give no higher POS.
  @Test(arguments: [1.0, 10.0, 32.69, 100.0])
  func optimalSearchFactorMaximisesPOS(zr: Double) {
    for conditions in SearchConditions.allCases {
      let fs = OptimalSearchFactor.value(relativeEffort: zr, conditions: conditions)
      let best = OptimalSearchFactor.pos(
        searchFactor: fs, relativeEffort: zr, conditions: conditions)
      for delta in [-0.1, -0.01, 0.01, 0.1] {
        #expect(
          OptimalSearchFactor.pos(
            searchFactor: fs + delta, relativeEffort: zr, conditions: conditions)
            <= best)
      }
    }
  }

  @Test func negativeErrorsAndUnitsWithoutTimeAreRejected() {
    #expect(throws: PlanningError.self) {
      try IAMSARWorksheet(
        datum: GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0), positionErrorNM: -1,
        navigationErrorNM: 1, driftErrorNM: 1,
        units: [WorksheetUnit(name: "a", sweepWidthNM: 1, speedKnots: 10, searchHours: 1)],
        conditions: .normal)
    }
    do {
      _ = try IAMSARWorksheet(
        datum: GeoPoint(longitudeDegrees: 0, latitudeDegrees: 0), positionErrorNM: 1,
        navigationErrorNM: 1, driftErrorNM: 1,
        units: [WorksheetUnit(name: "JCG-1", sweepWidthNM: 1, speedKnots: 10, searchHours: 0)],
        conditions: .normal)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("JCG-1: searchHours"))
    }
  }

  @Test func areaCornersAreRadiusFromTheDatum() throws {
    let w = try worksheet(.normal)
    let plane = SearchPlane(origin: w.datum)
    let ne = plane.project(w.areaCorners[2])
    #expect(abs(ne.x - w.radiusNM * 1852) < 1e-6 && abs(ne.y - w.radiusNM * 1852) < 1e-6)
  }
}
