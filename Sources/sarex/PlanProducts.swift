import Foundation
import SarexEnvironment
import SarexFormats
import SarexGeo
import SarexSearch

/// Writes a planning case's products per period: the search action message, a SITREP, GPX per
/// sortie, and for all periods KML and GeoJSON of areas and tracks, and a map per period.
struct PlanProducts {
  var planCase: PlanCase
  var folder: String
  var land: GSHHGLandMask?

  /// Map colours per nation (SVG), in the order nations first appear.
  static let palette = ["#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]

  func colour(of nation: String) -> String {
    let nations = planCase.units.map(\.nation).reduce(into: [String]()) {
      if !$0.contains($1) { $0.append($1) }
    }
    return Self.palette[(nations.firstIndex(of: nation) ?? 0) % Self.palette.count]
  }

  func path(_ name: String) -> String {
    URL(fileURLWithPath: folder).appendingPathComponent(name).path
  }

  func write(_ results: [PeriodResult]) throws -> [String] {
    var files: [String] = []
    for (n, r) in results.enumerated() {
      let sap = path("plan-\(r.name)-search-action-message.txt")
      try writeText(SearchActionMessage.text(sapInput(r, number: n + 1)), to: sap)
      let sitrep = path("plan-\(r.name)-sitrep.txt")
      let next = n + 1 < results.count ? planCase.periodTimes[n + 1] : nil
      try writeText(Sitrep.text(sitrepInput(r, number: n + 1, next: next)), to: sitrep)
      files += [sap, sitrep]
      for s in r.executed.sorties {
        let gpx = path("plan-\(r.name)-\(fileName(s.unit.callSign)).gpx")
        try describe { try gpxDocument(s, period: r.name).write(to: URL(fileURLWithPath: gpx)) }
        files.append(gpx)
      }
      let map = PlanMap(planCase: planCase, result: r, land: land, colour: colour(of:))
      for name in ["plan-\(r.name)-map.svg", "plan-\(r.name)-map.png"] {
        try map.write(to: path(name))
        files.append(path(name))
      }
    }
    let kml = path("plan.kml")
    try describe { try kmlDocument(results).write(to: URL(fileURLWithPath: kml)) }
    let geojson = path("plan.geojson")
    try describe { try GeoJSONWriter().write(geojsonFeatures(results), to: geojson) }
    return files + [kml, geojson]
  }

  func fileName(_ s: String) -> String {
    String(s.map { $0.isLetter || $0.isNumber ? $0 : "-" })
  }

  func writeText(_ text: String, to path: String) throws {
    let temporary = path + ".part"
    do {
      try text.write(toFile: temporary, atomically: false, encoding: .utf8)
      if FileManager.default.fileExists(atPath: path) {
        try FileManager.default.removeItem(atPath: path)
      }
      try FileManager.default.moveItem(atPath: temporary, toPath: path)
    } catch {
      throw CLIError("Cannot write \(path): \(error.localizedDescription).")
    }
  }

  func posLine(_ r: PeriodResult) -> String {
    var s = String(
      format:
        "PLANNED POS %.3f (%@ MODE), UPPER BOUND %.3f (OPTIMAL ALLOCATION OF EFFORT %.3f, POD %@)",
      r.executed.pos, r.executed.mode.rawValue.uppercased(), r.executed.bound.upperBound,
      r.executed.bound.allocationPOS, r.executed.bound.detectionFormula.uppercased())
    if let o = r.optimal, planCase.mode == .worksheet {
      s += String(format: "; OPTIMAL-MODE PLAN WOULD GIVE %.3f", o.pos)
    } else {
      s += String(format: "; IAMSAR WORKSHEET PLAN WOULD GIVE %.3f", r.worksheet.pos)
    }
    return s
      + String(format: "; CUMULATIVE POS IF UNSUCCESSFUL SEARCH %.3f", r.record.cumulativePOS)
  }

  func sapInput(_ r: PeriodResult, number: Int) throws -> SearchActionPlanInput {
    let plan = r.executed
    let objects = planCase.conditions.leewayClasses.joined(separator: ", ")
    let areas = try plan.sorties.map { s in
      try describe {
        try SearchActionPlanInput.Area(
          id: s.areaID, rectangle: s.area,
          remarks: String(format: "%@ POS %.3f", s.unit.callSign, s.pos))
      }
    }
    let assignments = plan.sorties.map { s in
      SearchActionPlanInput.Assignment(
        areaID: s.areaID, unit: s.unit.callSign, nation: s.unit.nation,
        parentAgency: s.unit.base, track: s.track, altitude: s.altitudeMetres)
    }
    let vessels = plan.sorties.filter { !$0.unit.unit.kind.isAircraft }.map(\.unit.callSign)
    let aircraft = plan.sorties.filter { $0.unit.unit.kind.isAircraft }
    let altitudes = aircraft.compactMap { s in
      s.altitudeMetres.map { "\(s.unit.callSign) \(MessageFormat.feet($0)) FT" }
    }
    return SearchActionPlanInput(
      dateTimeGroup: plan.referenceTime, precedence: "IMMEDIATE", from: planCase.rcc,
      to: plan.sorties.map(\.unit.callSign),
      subject: "SEARCH ACTION PLAN \(number) FOR "
        + planCase.name.uppercased(),
      situation: .init(
        description: "\(planCase.name.uppercased()); DRIFT FROM \(planCase.drift.name.uppercased())"
          + " SINCE \(MessageFormat.dateTimeGroup(planCase.drift.configuration.start))",
        datum: plan.datum, datumTime: plan.referenceTime, primarySearchObject: objects,
        weatherForecast: String(
          format: "WIND %.0f KT, SEA %.1f M, VIS %.0f NM", planCase.conditions.windKnots,
          planCase.conditions.seaHeightMetres, planCase.conditions.visibilityNM),
        facilitiesOnScene: plan.sorties.map { "\($0.unit.callSign) (\($0.unit.nation))" }),
      areas: areas, assignments: assignments,
      coordination: .init(
        smc: planCase.rcc, osc: vessels.first, aco: aircraft.isEmpty ? nil : planCase.rcc,
        coverageFactor: plan.worksheet?.coverage,
        oscInstructions: [
          "AREAS GIVEN AT DATUM TIME; PATTERNS DRIFT-COMPENSATED WITH THE DATUM", posLine(r),
        ],
        aircraftSafety: aircraft.isEmpty
          ? [] : ["AIRCRAFT IN ADJACENT AREAS SEPARATED BY 500 FT"] + altitudes),
      communications: .init(
        controlChannels: ["HF 8291 KHZ", "VHF CH 16"],
        onSceneChannels: ["VHF CH 06 (SHIP-AIR)", "123.100 MHZ (SAR)"]))
  }

  func sitrepInput(_ r: PeriodResult, number: Int, next: Date?) throws -> SitrepInput {
    let plan = r.executed
    let areas = try plan.sorties.map { s in
      try describe { try SearchActionPlanInput.Area(id: s.areaID, rectangle: s.area) }
    }
    return SitrepInput(
      dateTimeGroup: plan.sorties.map(\.track.endTime).max() ?? plan.referenceTime,
      from: planCase.rcc, to: Array(Set(plan.sorties.map(\.unit.nation))).sorted(),
      caseIdentification: planCase.name.uppercased(), number: number,
      identityOfCasualty: planCase.conditions.leewayClasses.joined(separator: ", "),
      position: plan.datum, positionTime: plan.referenceTime,
      situation: "SEARCH PERIOD \(r.name) COMPLETED, NEGATIVE RESULTS (ASSUMED FOR PLANNING)",
      coordinatingRCC: planCase.rcc,
      weatherOnScene: String(
        format: "WIND %.0f KT, SEA %.1f M, VIS %.0f NM", planCase.conditions.windKnots,
        planCase.conditions.seaHeightMetres, planCase.conditions.visibilityNM),
      searchAreas: areas,
      searchSummary: String(
        format: "%d SORTIES BY %@; POS THIS PERIOD %.3f, CUMULATIVE POS %.3f",
        plan.sorties.count, plan.sorties.map(\.unit.callSign).joined(separator: ", "),
        r.record.conditionalPOS, r.record.cumulativePOS),
      futurePlans: next.map { "NEXT SEARCH PERIOD FROM \(MessageFormat.dateTimeGroup($0))" }
        ?? "REVIEW CASE WITH PARENT AGENCIES")
  }

  func gpxDocument(_ s: PlannedSortie, period: String) -> GPXDocument {
    let points = s.track.waypoints.map {
      NamedPoint(
        name: $0.name, position: $0.position, time: $0.time, elevation: s.altitudeMetres)
    }
    let name = "\(s.unit.callSign) \(s.areaID) period \(period)"
    return GPXDocument(
      name: name, time: s.track.commenceTime, waypoints: points,
      routes: [
        NamedPointList(
          name: name, points: points,
          description:
            "\(s.track.kind.name), S \(MessageFormat.nauticalMiles(s.track.trackSpacing)) NM"
        )
      ])
  }

  func trackPoints(_ s: PlannedSortie) -> [GeoPoint] {
    [s.track.legs[0].start] + s.track.legs.map(\.end)
  }

  func kmlDocument(_ results: [PeriodResult]) throws -> KMLDocument {
    let nations = Set(planCase.units.map(\.nation)).sorted()
    let styles = nations.map { nation -> KMLStyle in
      let hex = colour(of: nation).dropFirst()
      let v = UInt32(hex, radix: 16) ?? 0
      return KMLStyle.nation(
        nation,
        color: KMLColor(
          red: UInt8((v >> 16) & 0xff), green: UInt8((v >> 8) & 0xff), blue: UInt8(v & 0xff)))
    }
    let folders = try results.map { r -> KMLFolder in
      var marks: [KMLPlacemark] = [
        KMLPlacemark(name: "Datum \(r.name)", geometry: .point(r.executed.datum))
      ]
      for s in r.executed.sorties {
        let corners = try describe { try s.area.corners() }
        let window = DateInterval(start: s.track.commenceTime, end: s.track.endTime)
        marks.append(
          KMLPlacemark(
            name: "\(s.areaID) \(s.unit.callSign)",
            description: String(format: "%@, POS %.3f", s.track.kind.name, s.pos),
            styleID: "nation-\(s.unit.nation)", geometry: .polygon(corners), timeSpan: window))
        marks.append(
          KMLPlacemark(
            name: "\(s.unit.callSign) track", styleID: "nation-\(s.unit.nation)",
            geometry: .lineString(trackPoints(s)), timeSpan: window))
      }
      return KMLFolder(name: "Period \(r.name)", placemarks: marks)
    }
    return KMLDocument(name: planCase.name, styles: styles, folders: folders)
  }

  func geojsonFeatures(_ results: [PeriodResult]) throws -> [GeoJSONFeature] {
    var features: [GeoJSONFeature] = []
    for r in results {
      features.append(
        GeoJSONFeature(
          geometry: .point(r.executed.datum),
          properties: [("period", .string(r.name)), ("kind", .string("datum"))]))
      for s in r.executed.sorties {
        let props: [(key: String, value: JSONValue)] = [
          ("period", .string(r.name)), ("area", .string(s.areaID)),
          ("unit", .string(s.unit.callSign)), ("nation", .string(s.unit.nation)),
          ("pattern", .string(s.track.kind.code)),
          ("track_spacing_nm", .number(s.track.trackSpacing / 1852)),
          ("altitude_ft", s.altitudeMetres.map { .number($0 / 0.3048) } ?? .null),
          ("pos", .number(s.pos)),
        ]
        let corners = try describe { try s.area.corners() }
        features.append(
          GeoJSONFeature(
            geometry: .polygon([corners]), properties: props + [("kind", .string("area"))]))
        features.append(
          GeoJSONFeature(
            geometry: .lineString(trackPoints(s)), properties: props + [("kind", .string("track"))]
          ))
      }
    }
    return features
  }
}
