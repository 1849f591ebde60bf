import Foundation
import Testing

@testable import SarexEnvironment

@Suite struct CFTimeTests {
  @Test func decodesUnitsAndReferenceDates() throws {
    let s = try CFTime.decode(
      [0, 3600], units: "seconds since 1970-01-01 00:00:00 +00:00", calendar: "gregorian",
      path: "f.nc", variable: "time")
    #expect(s == [0, 3600])
    let h = try CFTime.decode(
      [24], units: "hours since 2015-11-16", calendar: nil, path: "f.nc", variable: "time")
    #expect(h == [ForcingTestData.date("2015-11-17T00:00:00Z").timeIntervalSince1970])
    let d = try CFTime.decode(
      [1.5], units: "days since 2000-01-01T00:00:00Z", calendar: "proleptic_gregorian",
      path: "f.nc", variable: "time")
    #expect(d == [ForcingTestData.date("2000-01-02T12:00:00Z").timeIntervalSince1970])
    let zoned = try CFTime.decode(
      [0], units: "minutes since 2015-11-16 02:00:00+02:00", calendar: "standard", path: "f.nc",
      variable: "time")
    #expect(zoned == [ForcingTestData.date("2015-11-16T00:00:00Z").timeIntervalSince1970])
  }

  @Test func rejectsOtherCalendarsAndBadUnits() {
    #expect(
      throws: ForcingError.unsupportedCalendar(path: "f.nc", variable: "t", calendar: "noleap")
    ) {
      _ = try CFTime.decode(
        [0], units: "days since 2000-01-01", calendar: "noleap", path: "f.nc", variable: "t")
    }
    #expect(throws: ForcingError.badTimeUnits(path: "f.nc", variable: "t", units: "hours")) {
      _ = try CFTime.decode([0], units: "hours", calendar: nil, path: "f.nc", variable: "t")
    }
  }

  @Test func speedUnitSpellings() {
    for units in [
      "m/s", "m s-1", "m.s-1", "m s**-1", "meter second-1", "metres per second", "m s^-1",
    ] {
      #expect(CFSpeedUnits.factorToMetresPerSecond(units) == 1, "\(units)")
    }
    #expect(CFSpeedUnits.factorToMetresPerSecond("cm/s") == 0.01)
    #expect(CFSpeedUnits.factorToMetresPerSecond("K") == nil)
    #expect(CFSpeedUnits.factorToMetresPerSecond("m") == nil)
  }
}
