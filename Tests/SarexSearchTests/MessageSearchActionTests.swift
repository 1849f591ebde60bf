import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

private func sampleInput() throws -> SearchActionPlanInput {
  let commence = utc(2026, 11, 25, 17, 0)
  let area = SearchRectangle(
    centre: testDatum, majorAxisBearing: 30 * .pi / 180, length: 10 * metresPerNM,
    width: 6 * metresPerNM)
  let ps = try ParallelSweep(area: area, trackSpacing: 0.87 * metresPerNM, startCorner: .backLeft)
    .track(PatternTiming(speedKnots: 90, commenceTime: commence))
  let ss = try ExpandingSquare(
    datum: testDatum, trackSpacing: 1.59 * metresPerNM, firstLegBearing: 0, legCount: 8
  ).track(PatternTiming(speedKnots: 12, commenceTime: commence))
  return SearchActionPlanInput(
    dateTimeGroup: utc(2026, 11, 25, 16, 30), precedence: "IMMEDIATE", from: "JRCC STAVANGER",
    to: ["JA-801", "KR-MERCHANT"], info: ["MRCC BUSAN"],
    subject: "SEARCH ACTION PLAN 1 FOR LIFERAFT OF FV NORDLYS",
    situation: .init(
      description: "FV NORDLYS SANK 251200Z, 4 POB TOOK TO LIFERAFT", datum: testDatum,
      datumTime: commence, personsOnBoard: 4, primarySearchObject: "4-6 PERSON LIFERAFT",
      secondarySearchObjects: ["PERSONS IN WATER"], weatherForecast: "SW 15 KT, VIS 10 NM"),
    areas: [try .init(id: "A-1", rectangle: area)],
    assignments: [
      .init(
        areaID: "A-1", unit: "JA-801", nation: "JPN", parentAgency: "JCG", track: ps,
        altitude: 1500 * 0.3048),
      .init(areaID: "A-1", unit: "KR-MERCHANT", nation: "KOR", track: ss, altitude: nil),
    ],
    coordination: .init(smc: "JRCC STAVANGER", osc: "KR-MERCHANT", coverageFactor: 1.0),
    communications: .init(controlChannels: ["HF 5680 KHZ"], onSceneChannels: ["VHF CH 16"]))
}

@Test func searchActionMessageHasTheSixIAMSARPartsInOrder() throws {
  let text = SearchActionMessage.text(try sampleInput())
  let headings = [
    "1. SITUATION:", "2. SEARCH AREAS:", "3. EXECUTION:", "4. CO-ORDINATION:",
    "5. COMMUNICATIONS:", "6. REPORTS:",
  ]
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let indices = headings.map { h in lines.firstIndex(of: h) }
  #expect(indices.allSatisfy { $0 != nil })
  let found = indices.compactMap { $0 }
  #expect(found == found.sorted())
  #expect(lines.first == "IMMEDIATE")
  #expect(lines[1] == "251630Z NOV 26")
  #expect(text.hasSuffix("\n"))
}

@Test func situationAndAreasCarryDatumAndCornerPoints() throws {
  let input = try sampleInput()
  let text = SearchActionMessage.text(input)
  #expect(text.contains("      DATUM 60-12.0N 004-00.0E AT 251700Z NOV 26\n"))
  #expect(text.contains("PERSONS ON BOARD 4"))
  for corner in input.areas[0].corners {
    #expect(text.contains(MessageFormat.position(corner)))
  }
  // 10 NM x 6 NM = 60.0 NM^2.
  let areaLine = try #require(text.split(separator: "\n").first { $0.hasPrefix("   A-1 ") })
  #expect(areaLine.contains(" 60.0 "))
  // No remarks given: no empty remarks column.
  #expect(!text.contains("REMARKS"))
}

@Test func executionTableListsEachSRUInAlignedColumns() throws {
  let input = try sampleInput()
  let text = SearchActionMessage.text(input)
  let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  let start = try #require(all.firstIndex(of: "3. EXECUTION:"))
  let lines = all[start...].prefix { !$0.isEmpty }
  let header = try #require(lines.first { $0.hasPrefix("   AREA  SRU") })
  let rows = lines.filter { $0.hasPrefix("   A-1   ") }
  #expect(rows.count == 2)
  let ps = try #require(rows.first { $0.contains("JA-801") })
  let ss = try #require(rows.first { $0.contains("KR-MERCHANT") })
  // Each column starts where its heading does.
  for (heading, value, row) in [
    ("PATTERN", "PS", ps), ("PATTERN", "SS", ss), ("CREEP", "120T", ps), ("CREEP", "-", ss),
    ("S (NM)", "0.87", ps), ("S (NM)", "1.59", ss), ("ALT (FT)", "1500", ps),
    ("ALT (FT)", "SFC", ss),
    ("CSP", MessageFormat.position(input.assignments[0].commenceSearchPoint), ps),
    ("ON SCENE", "251700Z-", ps), ("NATION", "KOR", ss),
  ] {
    let column = try #require(header.range(of: heading)).lowerBound.utf16Offset(in: header)
    let at = try #require(
      row.range(of: value, range: row.index(row.startIndex, offsetBy: column)..<row.endIndex))
    #expect(at.lowerBound.utf16Offset(in: row) == column, "\(heading) \(value)")
  }
  // The expanding square starts at the datum.
  #expect(ss.contains("60-12.0N 004-00.0E"))
}

@Test func coordinationNamesSMCAndOSCAndOnSceneTimes() throws {
  let text = SearchActionMessage.text(try sampleInput())
  #expect(text.contains("   A. SMC: JRCC STAVANGER\n"))
  #expect(text.contains("   B. OSC: KR-MERCHANT\n"))
  #expect(text.contains("   C. ACO: NOT DESIGNATED\n"))
  #expect(text.contains("ON-SCENE TIMES: JA-801 251700Z, KR-MERCHANT 251700Z"))
  #expect(text.contains("COVERAGE FACTOR 1.00"))
  #expect(text.contains("   A. CONTROL CHANNELS: HF 5680 KHZ\n"))
  #expect(text.contains("   C. MONITOR CHANNELS: NIL\n"))
}
