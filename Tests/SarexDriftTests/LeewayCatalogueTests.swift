import Foundation
import Testing

@testable import SarexDrift

@Test func shippedCatalogueHas85Classes() throws {
  let catalogue = try LeewayCatalogue.standard()
  #expect(catalogue.classes.count == 85)
  #expect(catalogue.classes.map(\.number) == Array(1...85))
}

// Published values: Allen and Plourde (1999) as tabulated in OpenDrift's OBJECTPROP.DAT.
@Test func personInWaterHasPublishedCoefficients() throws {
  let piw = try LeewayCatalogue.standard().lookup("PIW-1")
  #expect(piw.number == 1)
  #expect(abs(piw.downwind.slopePercent - 0.96) < 1e-12)
  #expect(piw.downwind.offset == 0)
  #expect(abs(piw.downwind.stdCmPerS - 12) < 1e-12)
  #expect(abs(piw.downwind.slope - 0.0096) < 1e-15)
  #expect(abs(piw.downwind.std - 0.12) < 1e-15)
  #expect(abs(piw.crosswindPositive.slopePercent - 0.54) < 1e-12)
  #expect(abs(piw.crosswindPositive.stdCmPerS - 9.4) < 1e-12)
  #expect(abs(piw.crosswindNegative.slopePercent + 0.54) < 1e-12)
}

@Test func liferaftAndSailboatHavePublishedCoefficients() throws {
  let catalogue = try LeewayCatalogue.standard()
  let raft = try catalogue.lookup(number: 7)
  #expect(raft.code == "LIFE-RAFT-DB-10")
  #expect(abs(raft.downwind.slopePercent - 3.52) < 1e-12)
  #expect(abs(raft.downwind.offsetCmPerS + 2.5) < 1e-12)
  #expect(abs(raft.crosswindNegative.offsetCmPerS + 0.2) < 1e-12)
  let sail = try catalogue.lookup("sailboat-1")
  #expect(sail.number == 57)
  #expect(abs(sail.crosswindNegative.stdCmPerS - 24.95) < 1e-12)
  let rescue = try catalogue.lookup("31")
  #expect(rescue.code == "USCG-RESCUE")
}

@Test func lookupIsCaseInsensitiveAndRejectsUnknownClasses() throws {
  let catalogue = try LeewayCatalogue.standard()
  #expect(try catalogue.lookup("piw-1") == catalogue.lookup("PIW-1"))
  #expect(throws: LeewayCatalogueError.unknownClass("PIW-99")) { try catalogue.lookup("PIW-99") }
  #expect(throws: LeewayCatalogueError.unknownClass("86")) { try catalogue.lookup("86") }
}

@Test func malformedRowsNameLineAndField() {
  let header = LeewayCatalogue.header.joined(separator: ",")
  let badNumber = "# comment\n\(header)\n1,PIW-1,\"a, b\",0.96,x,12,0.54,0,9.4,-0.54,0,9.4\n"
  #expect(
    throws: LeewayCatalogueError.badField(
      source: "t.csv", line: 3, field: "dwl_offset_cms", value: "x",
      expected: "an offset in cm/s")
  ) { try LeewayCatalogue.parse(badNumber, source: "t.csv") }
  let short = "\(header)\n1,PIW-1,desc,0.96,0,12\n"
  #expect(
    throws: LeewayCatalogueError.wrongFieldCount(source: "t.csv", line: 2, expected: 12, found: 6)
  ) { try LeewayCatalogue.parse(short, source: "t.csv") }
  let negativeStd = "\(header)\n1,PIW-1,desc,0.96,0,-12,0.54,0,9.4,-0.54,0,9.4\n"
  #expect(throws: LeewayCatalogueError.self) {
    try LeewayCatalogue.parse(negativeStd, source: "t.csv")
  }
  let duplicate =
    "\(header)\n1,PIW-1,a,0.96,0,12,0.54,0,9.4,-0.54,0,9.4\n2,piw-1,b,0.96,0,12,0.54,0,9.4,-0.54,0,9.4\n"
  #expect(throws: LeewayCatalogueError.self) {
    try LeewayCatalogue.parse(duplicate, source: "t.csv")
  }
  let error = LeewayCatalogueError.badField(
    source: "t.csv", line: 3, field: "dwl_offset_cms", value: "x", expected: "an offset in cm/s")
  #expect(error.description.contains("line 3"))
  #expect(error.description.contains("dwl_offset_cms"))
}

@Test func quotedDescriptionsKeepTheirCommas() throws {
  let piw2 = try LeewayCatalogue.standard().lookup("PIW-2")
  #expect(piw2.description == ">PIW, vertical PFD type III conscious")
}

@Test func customCoefficientsAreAccepted() throws {
  let custom = LeewayClass(
    code: "MY-RAFT", description: "test raft",
    downwind: LeewayCoefficients(slopePercent: 3, offsetCmPerS: 1, stdCmPerS: 2),
    crosswindPositive: LeewayCoefficients(slope: 0.01, offset: 0, std: 0.02),
    crosswindNegative: LeewayCoefficients(slope: -0.01, offset: 0, std: 0.02))
  let catalogue = try LeewayCatalogue(classes: [custom])
  #expect(try catalogue.lookup("my-raft").downwind.slope == 0.03)
  #expect(abs(custom.downwind.offset - 0.01) < 1e-15)
}
