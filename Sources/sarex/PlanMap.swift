import Foundation
import SarexEnvironment
import SarexFormats
import SarexGeo
import SarexSearch

/// The map of one period: POC shading of the particles still to be found, the areas coloured by
/// nation, the sortie tracks and the datum, over the coastline.
struct PlanMap {
  var planCase: PlanCase
  var result: PeriodResult
  var land: GSHHGLandMask?
  var colour: (String) -> String

  func write(to path: String) throws {
    let plan = result.executed
    let particles = result.particlesBefore
    var corners: [GeoPoint] = []
    for s in plan.sorties { corners += (try? s.area.corners()) ?? [] }
    let points = zip(particles.longitudesDegrees, particles.latitudesDegrees).enumerated()
      .filter { particles.weights[$0.offset] > 0 }
      .map { GeoPoint(longitudeDegrees: $0.element.0, latitudeDegrees: $0.element.1) }
    guard let box = MapBox.enclosing(points + corners, marginFraction: 0.1) else { return }
    var layers: [MapLayer] = []
    if let land {
      layers.append(
        .coastline(
          lines: land.shorelines(
            in: LonLatBox(
              westDegrees: box.westDegrees, eastDegrees: box.eastDegrees,
              southDegrees: box.southDegrees, northDegrees: box.northDegrees))))
    }
    // POC before this period's search (weight x pFail of the earlier periods), in four shades.
    let before = try? POCGrid(
      particles: particles, geometry: .plane(SearchPlane(origin: plan.datum), cellSizeMetres: 926),
      weighting: .posterior)
    if let grid = before, let peak = grid.values.max(), peak > 0,
      case .plane(let plane, let cell) = grid.geometry
    {
      let shades = ["#fee5d9", "#fcae91", "#fb6a4a", "#cb181d"]
      var rings = [[[[GeoPoint]]]](repeating: [], count: shades.count)
      for row in 0..<grid.rows {
        for column in 0..<grid.columns {
          let v = grid[column, row]
          guard v > 0 else { continue }
          let band = min(shades.count - 1, Int((v / peak * Double(shades.count)).rounded(.down)))
          let x = grid.originX + Double(column) * cell
          let y = grid.originY + Double(row) * cell
          rings[band].append([
            [(x, y), (x + cell, y), (x + cell, y + cell), (x, y + cell)].map {
              plane.unproject(x: $0.0, y: $0.1)
            }
          ])
        }
      }
      for (band, cells) in rings.enumerated() where !cells.isEmpty {
        layers.append(
          .polygons(
            cells, fill: shades[band], fillOpacity: 0.6, stroke: "none",
            label: band == shades.count - 1 ? "POC (darker = higher)" : nil))
      }
    }
    var labelled = Set<String>()
    for s in plan.sorties {
      let nation = s.unit.nation
      let label = labelled.insert(nation).inserted ? "\(nation) areas" : nil
      if let c = try? s.area.corners() {
        layers.append(
          .polygons(
            [[c]], fill: colour(nation), fillOpacity: 0.12, stroke: colour(nation),
            label: label))
      }
    }
    for s in plan.sorties {
      layers.append(
        .track(
          [s.track.legs[0].start] + s.track.legs.map(\.end), color: colour(s.unit.nation),
          widthPixels: 0.7, label: nil))
    }
    layers.append(
      .points(
        longitudesDegrees: [plan.datum.longitudeDegrees],
        latitudesDegrees: [plan.datum.latitudeDegrees], codes: [0],
        categories: [MapPointCategory(code: 0, label: "datum", color: "#000000")],
        radiusPixels: 4))
    let title = String(
      format: "%@, period %@: POS %.2f (bound %.2f), cumulative %.2f", planCase.name, result.name,
      plan.pos, plan.bound.upperBound, result.record.cumulativePOS)
    let map = SVGMap(box: box, title: title, layers: layers)
    if path.lowercased().hasSuffix(".png") {
      try describe { try map.writePNG(to: path) }
    } else {
      try describe { try map.writeSVG(to: path) }
    }
  }
}
