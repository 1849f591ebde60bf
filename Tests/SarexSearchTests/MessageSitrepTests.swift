import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

@Test func sitrepWritesItemsAToNInOrderAndOmitsEmptyOnes() {
  let text = Sitrep.text(
    SitrepInput(
      dateTimeGroup: utc(2026, 11, 25, 20, 15), precedence: "URGENCY", from: "OSC KR-MERCHANT",
      to: ["JRCC STAVANGER"], caseIdentification: "NORDLYS", number: 2,
      identityOfCasualty: "FV NORDLYS LJ1234 NOR", position: testDatum,
      positionTime: utc(2026, 11, 25, 12, 0), situation: "LIFERAFT NOT YET LOCATED",
      numberOfPersons: 4, weatherOnScene: "SW 18 KT, SEA 2 M, VIS 8 NM",
      searchAreas: [
        .init(
          id: "A-1",
          corners: [
            testDatum, testDatum.destination(bearing: 0, distance: 1852 * 5),
            testDatum.destination(bearing: 0, distance: 1852 * 5).destination(
              bearing: .pi / 2, distance: 1852 * 4),
            testDatum.destination(bearing: .pi / 2, distance: 1852 * 4),
          ])
      ], searchSummary: "A-1 SEARCHED, COVERAGE 1.0, CUMULATIVE POS 0.62",
      futurePlans: "CONTINUE SEARCH AT FIRST LIGHT"))
  let lines = text.split(separator: "\n").map(String.init)
  #expect(lines[0] == "URGENCY")
  #expect(lines[1] == "252015Z NOV 26")
  #expect(lines.contains("SAR NORDLYS SITREP NO 2"))
  #expect(lines.contains("B. POSITION: 60-12.0N 004-00.0E AT 251200Z NOV 26"))
  let letters = lines.compactMap { line -> String? in
    guard line.count > 2, line.dropFirst().hasPrefix(". "), let first = line.first,
      first.isUppercase
    else { return nil }
    return String(first)
  }
  #expect(letters == ["A", "B", "C", "D", "H", "K", "M"])
  // Area K in corner points with its size, 5 NM x 4 NM = 20.0 NM^2.
  #expect(text.contains("   A-1 (20.0 NM2): 60-12.0N 004-00.0E, 60-17.0N 004-00.0E"))
  #expect(text.contains("CUMULATIVE POS 0.62"))
}

@Test func finalSitrepIsMarkedAndConcludes() {
  let text = Sitrep.text(
    SitrepInput(
      dateTimeGroup: utc(2026, 11, 26, 9, 0), from: "JRCC STAVANGER", to: ["MRCC BUSAN"],
      caseIdentification: "NORDLYS", number: 5, isFinal: true,
      identityOfCasualty: "FV NORDLYS", situation: "4 PERSONS RECOVERED ALIVE",
      additionalInformation: "CASE CLOSED"))
  #expect(text.contains("SAR NORDLYS SITREP NO 5 FINAL\n"))
  #expect(text.contains("B. POSITION: UNKNOWN\n"))
  #expect(text.contains("N. CONCLUSION: CASE CLOSED\n"))
  #expect(!text.contains("K. "))
}
