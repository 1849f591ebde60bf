import Testing

@testable import SarexSearch

@Suite struct SearchUnitCatalogueTests {
  @Test func defaultsCoverEveryKindAndCiteEveryValue() throws {
    let catalogue = try SearchUnitCatalogue.defaults()
    #expect(Set(catalogue.units.map(\.kind)) == Set(SearchUnitKind.allCases))
    for unit in catalogue.units {
      for field in ["searchSpeedKnots", "onSceneEnduranceHours", "searchAltitudeFeet", "sensors"] {
        let source = try #require(unit.sources[field], "\(unit.id).\(field) has no source")
        #expect(
          source.hasPrefix("estimate:") || source.contains("NSS") || source.contains("table"),
          "\(unit.id).\(field): '\(source)'")
        #expect(source.count > 20, "\(unit.id).\(field): '\(source)'")
      }
    }
    let helicopter = try #require(catalogue.unit("helicopter"))
    #expect(helicopter.searchSpeedKnots == 90 && helicopter.onSceneEnduranceHours == 2)
    #expect(helicopter.kind.isAircraft && helicopter.sensors.contains(.infrared))
  }

  /// Every default unit has a sweep width in the shipped tables at its altitude.
  @Test func defaultUnitsHaveSweepWidths() throws {
    let tables = try SweepWidthTables.bundled()
    for unit in try SearchUnitCatalogue.defaults().units {
      let w = try tables.correctedSweepWidth(
        object: "RAFT-4", platform: unit.kind.sweepWidthPlatform,
        heightFeet: unit.searchAltitudeFeet, speedKnots: unit.searchSpeedKnots, visibilityNM: 10,
        windKnots: 10, seaHeightMetres: 0.5, fatigued: false)
      #expect(w.sweepWidthNM > 0)
    }
  }

  @Test func userFileOverridesFieldsAndAddsUnits() throws {
    let user = """
      units:
        - id: helicopter
          onSceneEnduranceHours: 3.5
          nation: JP
          callSign: MH-691
        - id: kcg-3000
          name: KCG 3000-ton patrol ship
          kind: largeVessel
          nation: KR
          searchSpeedKnots: {value: 14, source: "operator data"}
          onSceneEnduranceHours: 36
          searchAltitudeFeet: 40
          sensors: [visual, radar]
      """
    let catalogue = try SearchUnitCatalogue.defaults().overridden(byYAML: user, file: "case.yaml")
    let helicopter = try #require(catalogue.unit("helicopter"))
    #expect(helicopter.onSceneEnduranceHours == 3.5 && helicopter.searchSpeedKnots == 90)
    #expect(helicopter.nation == "JP" && helicopter.callSign == "MH-691")
    #expect(helicopter.sources["onSceneEnduranceHours"] == "as given in case.yaml")
    #expect(helicopter.sources["searchSpeedKnots"]?.contains("speed correction") == true)
    let ship = try #require(catalogue.unit("kcg-3000"))
    #expect(ship.kind == .largeVessel && ship.sources["searchSpeedKnots"] == "operator data")
    #expect(catalogue.units.count == 6)
  }

  @Test func aNewUnitWithoutEnduranceIsAnErrorNamingUnitAndField() {
    let user = """
      units:
        - id: rescue-boat
          kind: smallVessel
          searchSpeedKnots: 20
          searchAltitudeFeet: 8
          sensors: [visual]
      """
    do {
      _ = try SearchUnitCatalogue.defaults().overridden(byYAML: user, file: "units.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("units.yaml"))
      #expect(error.description.contains("'rescue-boat'"))
      #expect(error.description.contains("'onSceneEnduranceHours'"))
    }
  }

  @Test(arguments: [
    ("  - id: helicopter\n    speedKnots: 90\n", "speedKnots", "unknown field"),
    ("  - id: helicopter\n    sensors: [visual, sonar]\n", "sensors", "'sonar'"),
    ("  - id: helicopter\n    searchSpeedKnots: -5\n", "searchSpeedKnots", "'-5'"),
    ("  - id: helicopter\n    kind: blimp\n", "kind", "'blimp'"),
    ("  - id: helicopter\n    searchSpeedKnots: {value: 80}\n", "searchSpeedKnots", "source"),
  ])
  func badFieldsAreErrorsWithUnitFieldAndLine(body: String, field: String, fragment: String) {
    do {
      _ = try SearchUnitCatalogue.defaults().overridden(byYAML: "units:\n" + body, file: "u.yaml")
      Issue.record("expected an error for \(field)")
    } catch {
      #expect(error.description.contains("u.yaml, line"))
      #expect(error.description.contains("'helicopter'"))
      #expect(error.description.contains("'\(field)'"))
      #expect(error.description.contains(fragment), "\(error.description)")
    }
  }

  @Test func nullNationClearsNothingAndIsAccepted() throws {
    let c = try SearchUnitCatalogue(
      yaml: """
        units:
          - id: a
            kind: helicopter
            searchSpeedKnots: 90
            onSceneEnduranceHours: 2
            searchAltitudeFeet: 500
            sensors: [visual]
            nation: null
        """, file: "a.yaml")
    #expect(c.unit("a")?.nation == nil)
  }
}
