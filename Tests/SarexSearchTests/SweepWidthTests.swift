import Foundation
import Testing

@testable import SarexSearch

@Suite struct SweepWidthTests {
  let tables: SweepWidthTables

  init() throws { tables = try SweepWidthTables.bundled() }

  /// Published table values (US National SAR Supplement visual sweep width tables, as shipped):
  /// vessel eye height 14 ft, 4-person raft, 10 NM visibility: 4.0 NM; helicopter at 500 ft,
  /// 4-person raft, 5 NM: 1.6 NM; fixed wing at 1000 ft, 78 ft power boat, 20 NM: 16.7 NM.
  @Test func tableValuesAreReadAsPublished() throws {
    #expect(
      try tables.uncorrectedSweepWidthNM(
        object: "RAFT-4", platform: .vessel, heightFeet: 14, visibilityNM: 10) == 4.0)
    #expect(
      try tables.uncorrectedSweepWidthNM(
        object: "RAFT-4", platform: .helicopter, heightFeet: 500, visibilityNM: 5) == 1.6)
    #expect(
      try tables.uncorrectedSweepWidthNM(
        object: "POWER-78FT", platform: .fixedWing, heightFeet: 1000, visibilityNM: 20) == 16.7)
  }

  @Test func valuesBetweenColumnsAreInterpolatedLinearly() throws {
    // Vessel 14 ft, PIW: 0.4 NM at 3 NM and 0.5 NM at 5 NM visibility.
    let w = try tables.uncorrectedSweepWidthNM(
      object: "PIW", platform: .vessel, heightFeet: 14, visibilityNM: 4)
    #expect(abs(w - 0.45) < 1e-12)
    // Helicopter RAFT-1 at 5 NM: 1.2 at 500 ft and 1.2 at 750 ft; at 10 NM 1.6 and 1.6.
    let h = try tables.uncorrectedSweepWidthNM(
      object: "RAFT-1", platform: .helicopter, heightFeet: 600, visibilityNM: 7.5)
    #expect(abs(h - 1.4) < 1e-12)
  }

  /// IAMSAR Manual Vol II, Appendix N: W = W_u x f_w x f_v x f_f. Helicopter at 500 ft, PIW,
  /// 10 NM: W_u 0.1; 20 kt wind (moderate) f_w 0.5; 60 kt f_v 1.5; fatigue 0.9.
  @Test func correctionsMultiply() throws {
    let w = try tables.correctedSweepWidth(
      object: "PIW", platform: .helicopter, heightFeet: 500, speedKnots: 60, visibilityNM: 10,
      windKnots: 20, seaHeightMetres: 0.5, fatigued: true)
    #expect(w.weatherFactor == 0.5 && w.speedFactor == 1.5 && w.fatigueFactor == 0.9)
    #expect(abs(w.sweepWidthNM - 0.1 * 0.5 * 1.5 * 0.9) < 1e-12)
    // Large objects lose only 10 % in rough weather; vessels have no speed correction.
    let ship = try tables.correctedSweepWidth(
      object: "SHIP-300FT", platform: .vessel, heightFeet: 40, speedKnots: 12, visibilityNM: 10,
      windKnots: 30, seaHeightMetres: 2, fatigued: false)
    #expect(ship.weatherFactor == 0.9 && ship.speedFactor == 1 && ship.uncorrectedNM == 14.1)
    // Fixed wing at 195 kt, halfway between 180 (1.0) and 210 (0.9) for a 4-person raft.
    let f = try tables.speedFactor(object: "RAFT-4", platform: .fixedWing, speedKnots: 195)
    #expect(abs(f - 0.95) < 1e-12)
  }

  @Test func weatherBandsFollowTheWorseOfWindAndSea() {
    #expect(WeatherBand(windKnots: 10, seaHeightMetres: 0.5) == .calm)
    #expect(WeatherBand(windKnots: 10, seaHeightMetres: 1.2) == .moderate)
    #expect(WeatherBand(windKnots: 30, seaHeightMetres: 0.2) == .rough)
  }

  @Test func visibilityOutsideTheTableIsAClearError() {
    do {
      _ = try tables.uncorrectedSweepWidthNM(
        object: "RAFT-4", platform: .helicopter, heightFeet: 500, visibilityNM: 0.5)
      Issue.record("expected an error")
    } catch {
      #expect(error.description.contains("Visibility (NM) 0.5 is outside"))
      #expect(error.description.contains("sweep-width-helicopter.csv"))
    }
    // Vessel tables stop at 20 NM.
    #expect(throws: SweepWidthError.self) {
      try tables.uncorrectedSweepWidthNM(
        object: "RAFT-4", platform: .vessel, heightFeet: 14, visibilityNM: 25)
    }
    #expect(throws: SweepWidthError.self) {
      try tables.uncorrectedSweepWidthNM(
        object: "RAFT-4", platform: .fixedWing, heightFeet: 5000, visibilityNM: 10)
    }
    #expect(throws: SweepWidthError.unknownObject("RAFT-3")) {
      try tables.uncorrectedSweepWidthNM(
        object: "RAFT-3", platform: .fixedWing, heightFeet: 1000, visibilityNM: 10)
    }
  }

  @Test func everyTableObjectHasEveryPlatformAndSpeedRow() throws {
    for object in tables.objects {
      for platform in SweepWidthPlatform.allCases {
        let h = platform == .vessel ? 8.0 : 1000
        #expect(
          try tables.uncorrectedSweepWidthNM(
            object: object.code, platform: platform, heightFeet: h, visibilityNM: 10) > 0)
        #expect(
          try tables.speedFactor(object: object.code, platform: platform, speedKnots: 100) > 0)
      }
    }
  }

  /// Leeway classes (SarexDrift's leeway-classes.csv) map onto the table's objects, except those
  /// with no visual row, which are a clear error.
  @Test func leewayClassesMapToTableObjects() throws {
    #expect(try tables.object(forLeewayClass: "PIW-3") == "PIW")
    #expect(try tables.object(forLeewayClass: "LIFE-RAFT-DB-18") == "RAFT-15")
    #expect(try tables.object(forLeewayClass: "SAILBOAT-8") == "SAIL-15FT")  // exact beats pattern
    #expect(try tables.object(forLeewayClass: "SAILBOAT-3") == "SAIL-25FT")
    #expect(throws: SweepWidthError.unmappedLeewayClass("OIL-DRUM")) {
      try tables.object(forLeewayClass: "OIL-DRUM")
    }
    let csv = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Sources/SarexDrift/Resources/leeway-classes.csv")
    let text = try String(contentsOf: csv, encoding: .utf8)
    let codes = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.dropFirst()
      .compactMap { $0.split(separator: ",").dropFirst().first.map(String.init) }
    #expect(codes.count > 80)
    let nonVisual = [
      "FV-DEBRIS", "SLDMB", "SEPIRB", "BAIT-BOX", "OIL-DRUM", "CONTAINER", "MINE", "SEWAGE",
      "MED-WASTE",
    ]
    for code in codes where !nonVisual.contains(where: { code.hasPrefix($0) }) {
      #expect(throws: Never.self) { try tables.object(forLeewayClass: code) }
    }
  }
}

@Suite struct SweepWidthForParticlesTests {
  /// A helicopter at 500 ft, 10 NM visibility, calm: PIW 0.1 NM, a deep-ballast 4-14 person raft
  /// (RAFT-4 row) 2.2 NM, both at 90 kt (speed factor 1); in metres for a detection track.
  @Test func widthsFollowTheLeewayClassesOfTheEnsemble() throws {
    let tables = try SweepWidthTables.bundled()
    let helicopter = try #require(try SearchUnitCatalogue.defaults().unit("helicopter"))
    let w = try tables.sweepWidthsMetres(
      leewayClasses: ["PIW-1", "LIFE-RAFT-DB-11"], unit: helicopter, visibilityNM: 10,
      windKnots: 5, seaHeightMetres: 0.3, fatigued: false)
    #expect(abs(w[0] - 0.1 * 1852) < 1e-9 && abs(w[1] - 2.2 * 1852) < 1e-9)
  }
}
