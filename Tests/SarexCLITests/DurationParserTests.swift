import Foundation
import Testing

@testable import sarex

@Test func durationsInPlannersNotationBecomeSeconds() {
  #expect(DurationParser.seconds("66h") == 237_600)
  #expect(DurationParser.seconds("10m") == 600)
  #expect(DurationParser.seconds("1h30m") == 5_400)
  #expect(DurationParser.seconds("2d") == 172_800)
  #expect(DurationParser.seconds("-6h") == -21_600)
  #expect(DurationParser.seconds("90") == 90)
}

@Test func textThatIsNotADurationIsRejected() {
  #expect(DurationParser.seconds("") == nil)
  #expect(DurationParser.seconds("ten minutes") == nil)
  #expect(DurationParser.seconds("5 parsecs") == nil)
  #expect(DurationParser.seconds("h") == nil)
}

@Test func utcTimesParseWithOrWithoutZone() throws {
  let expected = Date(timeIntervalSince1970: 1_447_632_000)  // 2015-11-16T00:00:00Z
  #expect(UTCDateParser.date("2015-11-16T00:00:00Z") == expected)
  #expect(UTCDateParser.date("2015-11-16T00:00:00") == expected)
  #expect(UTCDateParser.date("2015-11-16 00:00") == expected)
  #expect(UTCDateParser.date("2015-11-16T00:00Z") == expected)
  #expect(UTCDateParser.date("2015-11-16T01:00:00+01:00") == expected)
  #expect(UTCDateParser.date("16 Nov 2015") == nil)
  #expect(UTCDateParser.string(expected) == "2015-11-16T00:00:00Z")
}
