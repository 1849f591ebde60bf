import Foundation
import SarexGeo

/// IAMSAR worksheet mode: datum at the particles' probability-weighted centre, total probable
/// error E from the cloud's spread (E = sigma sqrt(2 ln 2), the radius holding half a circular
/// normal distribution of the same mean variance sigma^2 = (var_east + var_north) / 2; the drift
/// and position errors are already in the cloud, so X = E, Y = De = 0), the worksheet's optimal
/// square of half-side R = fs E about the datum, split north-south into strips in proportion to
/// each unit's effort, each searched by a parallel sweep at the common coverage C (S_k = W_k / C).
enum WorksheetPlanner {
  static func choices(_ c: PlanningContext, datum override: GeoPoint?) throws(PlannerError) -> (
    [SortieBuilder.Choice], IAMSARWorksheet
  ) {
    var datumX = c.meanX
    var datumY = c.meanY
    if let override { (datumX, datumY) = c.plane.project(override) }
    let datum = c.plane.unproject(x: datumX, y: datumY)
    if c.onLand(datum) { throw .areaOnLand(area: "datum", position: datum) }
    let sigma = ((c.covXX + c.covYY) / 2).squareRoot()
    let e = max(sigma * (2 * log(2.0)).squareRoot(), 50) / 1852
    let units = c.units.indices.map { k in
      WorksheetUnit(
        name: c.units[k].callSign, sweepWidthNM: c.meanWidths[k] / 1852,
        speedKnots: c.units[k].unit.searchSpeedKnots,
        searchHours: c.units[k].unit.onSceneEnduranceHours)
    }
    let sheet = try PlannerError.wrap {
      try IAMSARWorksheet(
        datum: datum, positionErrorNM: e, navigationErrorNM: 0, driftErrorNM: 0, units: units,
        conditions: c.conditions.worksheetConditions)
    }
    let side = 2 * sheet.radiusNM * 1852
    // Spacings never below a unit's minimum; surface units side by side kept apart by the gap
    // that keeps them a track spacing apart (aircraft side by side get 500 ft between them
    // instead, and aircraft fly above the vessels).
    let spacings = c.units.indices.map {
      max(sheet.trackSpacingsNM[$0] * 1852, c.minimumTrackSpacing($0))
    }
    var gaps = [Double](repeating: 0, count: c.units.count)
    for k in c.units.indices.dropFirst()
    where !c.units[k].unit.kind.isAircraft && !c.units[k - 1].unit.kind.isAircraft {
      gaps[k] = PlanningContext.separationGap(spacings[k - 1], spacings[k])
    }
    var west = datumX - (side + gaps.reduce(0, +)) / 2
    var choices: [SortieBuilder.Choice] = []
    for k in c.units.indices {
      west += gaps[k]
      let strip = side * units[k].effortNM2 / sheet.effortNM2
      choices.append(
        SortieBuilder.Choice(
          unitIndex: k,
          area: PlaneRectangle(
            centreX: west + strip / 2, centreY: datumY, bearing: 0, length: side, width: strip),
          trackSpacing: spacings[k]))
      west += strip
    }
    return (choices, sheet)
  }
}
