import Foundation
import SarexGeo

/// The search action message of the IAMSAR Manual Vol II in its six parts (situation, search
/// areas, execution, co-ordination, communications, reports), written as plain text with the
/// area and execution parts in column format.
public enum SearchActionMessage {
  /// The message text, lines ending in "\n".
  public static func text(_ input: SearchActionPlanInput) -> String {
    var lines: [String] = []
    if let precedence = input.precedence { lines.append(precedence) }
    lines.append(MessageFormat.dateTimeGroup(input.dateTimeGroup))
    lines.append("FROM: \(input.from)")
    lines.append("TO: \(input.to.joined(separator: ", "))")
    if !input.info.isEmpty { lines.append("INFO: \(input.info.joined(separator: ", "))") }
    lines.append("SUBJ: \(input.subject)")
    lines.append("")
    lines += situation(input.situation)
    lines.append("")
    lines += areas(input.areas)
    lines.append("")
    lines += execution(input.assignments)
    lines.append("")
    lines += coordination(input.coordination, input.assignments)
    lines.append("")
    lines += communications(input.communications)
    lines.append("")
    lines.append("6. REPORTS:")
    lines.append("   A. \(input.reports.oscReports)")
    lines.append("   B. \(input.reports.parentAgencyReports)")
    return lines.joined(separator: "\n") + "\n"
  }

  static func situation(_ s: SearchActionPlanInput.Situation) -> [String] {
    var lines = ["1. SITUATION:", "   A. \(s.description)"]
    if let datum = s.datum {
      let time = s.datumTime.map { " AT \(MessageFormat.dateTimeGroup($0))" } ?? ""
      lines.append("      DATUM \(MessageFormat.position(datum))\(time)")
    }
    if let pob = s.personsOnBoard { lines.append("      PERSONS ON BOARD \(pob)") }
    lines.append("   B. PRIMARY SEARCH OBJECT: \(s.primarySearchObject)")
    if !s.secondarySearchObjects.isEmpty {
      lines.append("      SECONDARY: \(s.secondarySearchObjects.joined(separator: ", "))")
    }
    lines.append("   C. WEATHER FORECAST: \(s.weatherForecast ?? "NIL")")
    let facilities =
      s.facilitiesOnScene.isEmpty ? "NIL" : s.facilitiesOnScene.joined(separator: ", ")
    lines.append("   D. SAR FACILITIES ON SCENE: \(facilities)")
    return lines
  }

  static func areas(_ areas: [SearchActionPlanInput.Area]) -> [String] {
    let hasRemarks = areas.contains { $0.remarks != nil }
    let rows = areas.map { area -> [String] in
      [
        area.id, size(area.corners).map(MessageFormat.squareNauticalMiles) ?? "-",
        area.corners.map(MessageFormat.position).joined(separator: ", "),
      ] + (hasRemarks ? [area.remarks ?? ""] : [])
    }
    let header = ["AREA", "SIZE (NM2)", "CORNER POINTS"] + (hasRemarks ? ["REMARKS"] : [])
    return ["2. SEARCH AREAS:"] + TextTable(header: header, rows: rows).lines(indent: "   ")
  }

  static func execution(_ assignments: [SearchActionPlanInput.Assignment]) -> [String] {
    let rows = assignments.map { a -> [String] in
      [
        a.areaID, a.unit, a.nation, a.parentAgency ?? "-", a.pattern.code,
        MessageFormat.position(a.commenceSearchPoint),
        a.creepBearing.map(MessageFormat.bearingTrue) ?? "-",
        MessageFormat.nauticalMiles(a.trackSpacing), a.altitude.map(MessageFormat.feet) ?? "SFC",
        MessageFormat.window(from: a.onSceneStart, to: a.onSceneEnd),
      ]
    }
    let table = TextTable(
      header: [
        "AREA", "SRU", "NATION", "PARENT", "PATTERN", "CSP", "CREEP", "S (NM)", "ALT (FT)",
        "ON SCENE",
      ], rows: rows)
    return ["3. EXECUTION:"] + table.lines(indent: "   ")
  }

  static func coordination(
    _ c: SearchActionPlanInput.Coordination, _ assignments: [SearchActionPlanInput.Assignment]
  ) -> [String] {
    var lines = [
      "4. CO-ORDINATION:", "   A. SMC: \(c.smc)", "   B. OSC: \(c.osc ?? "NOT DESIGNATED")",
    ]
    lines.append("   C. ACO: \(c.aco ?? "NOT DESIGNATED")")
    let times = assignments.map {
      "\($0.unit) \(MessageFormat.dayTime($0.onSceneStart))"
    }
    lines.append("   D. ON-SCENE TIMES: \(times.isEmpty ? "NIL" : times.joined(separator: ", "))")
    let spacings = assignments.map {
      "\($0.unit) \(MessageFormat.nauticalMiles($0.trackSpacing)) NM"
    }
    var spacingLine =
      "   E. TRACK SPACING: \(spacings.isEmpty ? "NIL" : spacings.joined(separator: ", "))"
    if let coverage = c.coverageFactor {
      spacingLine += String(format: "; COVERAGE FACTOR %.2f", coverage)
    }
    lines.append(spacingLine)
    lines.append(
      "   F. OSC INSTRUCTIONS: \(c.oscInstructions.isEmpty ? "NIL" : c.oscInstructions.joined(separator: "; "))"
    )
    lines.append("   G. AIRSPACE RESERVATIONS: \(c.airspaceReservations ?? "NIL")")
    lines.append(
      "   H. AIRCRAFT SAFETY: \(c.aircraftSafety.isEmpty ? "NIL" : c.aircraftSafety.joined(separator: "; "))"
    )
    return lines
  }

  static func communications(_ c: SearchActionPlanInput.Communications) -> [String] {
    func list(_ items: [String]) -> String { items.isEmpty ? "NIL" : items.joined(separator: ", ") }
    var lines = [
      "5. COMMUNICATIONS:", "   A. CONTROL CHANNELS: \(list(c.controlChannels))",
      "   B. ON-SCENE CHANNELS: \(list(c.onSceneChannels))",
      "   C. MONITOR CHANNELS: \(list(c.monitorChannels))",
    ]
    if let press = c.pressContact { lines.append("   D. PRESS: \(press)") }
    return lines
  }

  /// Area of the polygon through the corners, square metres; nil if degenerate.
  static func size(_ corners: [GeoPoint]) -> Double? {
    guard let origin = corners.first else { return nil }
    let plane = LocalTangentPlane(origin: origin)
    return PlanarPolygon(corners.map(plane.plane))?.area
  }
}
