import Foundation
import SarexGeo
import Testing

@testable import SarexSearch

/// A UTC date from its parts.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int = 0)
  -> Date
{
  var calendar = Calendar(identifier: .gregorian)
  calendar.timeZone = TimeZone(identifier: "UTC")!
  return calendar.date(
    from: DateComponents(
      year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
}

// Maritime position style of IAMSAR messages: degrees-minutes to a tenth, "60-12.0N 004-00.0E".

@Test func positionsAreWrittenInDegreesAndTenthsOfMinutes() {
  #expect(MessageFormat.position(testDatum) == "60-12.0N 004-00.0E")
  #expect(
    MessageFormat.position(GeoPoint(longitudeDegrees: 151.2153, latitudeDegrees: -33.8568))
      == "33-51.4S 151-12.9E")
  #expect(
    MessageFormat.position(GeoPoint(longitudeDegrees: -4.5, latitudeDegrees: 5.05))
      == "05-03.0N 004-30.0W")
  #expect(
    MessageFormat.position(GeoPoint(longitudeDegrees: 129.75, latitudeDegrees: 34.125))
      == "34-07.5N 129-45.0E")
}

@Test func minutesRoundingCarriesIntoTheDegree() {
  // 59.99999 N is 59 deg 59.9994', which rounds to 60-00.0N, never 59-60.0N.
  #expect(MessageFormat.latitude(59.99999) == "60-00.0N")
  #expect(MessageFormat.longitude(-3.999999) == "004-00.0W")
  // A hair south of the equator rounds to zero and is written north, not "00-00.0S".
  #expect(MessageFormat.latitude(-0.00001) == "00-00.0N")
  #expect(MessageFormat.longitude(360 + 4.5) == "004-30.0E")
}

@Test func dateTimeGroupsAreUTCDayHourMinuteMonthYear() {
  #expect(MessageFormat.dateTimeGroup(utc(2026, 11, 25, 16, 30, 45)) == "251630Z NOV 26")
  #expect(MessageFormat.dateTimeGroup(utc(2027, 1, 3, 4, 5)) == "030405Z JAN 27")
  #expect(
    MessageFormat.window(from: utc(2026, 11, 25, 17, 0), to: utc(2026, 11, 25, 21, 0))
      == "251700Z-252100Z")
}

@Test func bearingsSpeedsAndHeightsUseMessageUnits() {
  #expect(MessageFormat.bearingTrue(45 * .pi / 180) == "045T")
  #expect(MessageFormat.bearingTrue(2 * .pi) == "000T")
  #expect(MessageFormat.bearingTrue(359.6 * .pi / 180) == "000T")
  #expect(MessageFormat.bearingTrue(-90 * .pi / 180) == "270T")
  #expect(MessageFormat.nauticalMiles(0.87 * 1852) == "0.87")
  #expect(MessageFormat.feet(1500 * 0.3048) == "1500")
  #expect(MessageFormat.squareNauticalMiles(309.4 * 1852 * 1852) == "309.4")
}

@Test func nonFiniteValuesFormatWithoutTrapping() {
  #expect(MessageFormat.bearingTrue(.nan) == "---T")
  #expect(MessageFormat.latitude(.infinity) == "00-00.0N")
  #expect(MessageFormat.latitude(1e300).hasSuffix("N"))
}
