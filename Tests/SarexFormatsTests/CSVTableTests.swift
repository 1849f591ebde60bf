import Testing

@testable import SarexFormats

@Test func csvQuotesOnlyFieldsThatNeedIt() throws {
  var table = CSVTable(header: ["name", "note", "value"])
  try table.append(["plain", "a,b", "1.5"])
  try table.append(["say \"hi\"", "line\nbreak", ""])
  try table.append([" padded", "cr\r\nlf", "x"])
  #expect(
    table.text
      == "name,note,value\nplain,\"a,b\",1.5\n\"say \"\"hi\"\"\",\"line\nbreak\",\n"
      + "\" padded\",\"cr\r\nlf\",x\n")
}

@Test func csvRejectsRowOfWrongWidthNamingTheRow() throws {
  var table = CSVTable(header: ["a", "b"])
  try table.append(["1", "2"])
  #expect(throws: CSVError.wrongFieldCount(row: 2, expected: 2, found: 3)) {
    try table.append(["1", "2", "3"])
  }
}

@Test func csvSemicolonSeparatorQuotesSemicolons() throws {
  var table = CSVTable(header: ["a"], separator: ";", lineTerminator: "\r\n")
  try table.append(["x;y"])
  try table.append(["x,y"])
  #expect(table.text == "a\r\n\"x;y\"\r\nx,y\r\n")
}
