import Foundation
import SarexDrift
import SarexGeo
import SarexSearch

/// A planning case resolved from its file and checked before anything runs: the drift it
/// continues, the period times, the units (catalogue values with the case's overrides) and the
/// conditions, with every unit's sweep widths looked up once so bad conditions fail at once.
struct PlanCase {
  var name: String
  /// "Case file PATH", the start of every error sentence about this case.
  var source: String
  var drift: DriftRunSpec
  var periodNames: [String]
  var periodTimes: [Date]
  var units: [(unit: SearchUnit, callSign: String, nation: String, base: String?, delay: Double)]
  var conditions: PlanningConditions
  var mode: PlanningMode
  var datum: GeoPoint?
  var rcc: String

  init(file: PlanCaseFile, at url: URL, driftCatalogue: LeewayCatalogue) throws {
    let place = "Case file \(url.path)"
    source = place
    name = file.name ?? url.deletingPathExtension().lastPathComponent
    if let inline = file.drift {
      drift = try DriftRunSpec(
        file: inline, at: url, catalogue: driftCatalogue, place: "\(place), drift")
    } else if let path = file.scenario {
      let scenarioURL = URL(fileURLWithPath: path, relativeTo: url.deletingLastPathComponent())
        .standardizedFileURL
      drift = try DriftRunSpec(
        file: try ScenarioFile.load(scenarioURL), at: scenarioURL, catalogue: driftCatalogue)
    } else {
      throw CLIError("\(place): give the drift as 'scenario: FILE' or inline as 'drift:'.")
    }
    guard !file.periods.isEmpty else {
      throw CLIError("\(place): 'periods' is empty; give at least one on_scene time.")
    }
    let start = drift.configuration.start
    let end = start.addingTimeInterval(drift.configuration.duration)
    periodNames = []
    periodTimes = []
    for (i, p) in file.periods.enumerated() {
      let t = try DriftRunSpec.time(p.onScene, field: "periods[\(i)].on_scene", in: place)
      guard t > min(start, end), t <= max(start, end) else {
        throw CLIError(
          "\(place): periods[\(i)].on_scene \(UTCDateParser.string(t)) is outside the drift "
            + "(\(UTCDateParser.string(start)) to \(UTCDateParser.string(end))).")
      }
      if let last = periodTimes.last, t <= last {
        throw CLIError("\(place): periods[\(i)].on_scene must come after the period before it.")
      }
      periodNames.append(p.name ?? "\(i + 1)")
      periodTimes.append(t)
    }
    var catalogue: SearchUnitCatalogue
    do { catalogue = try SearchUnitCatalogue.defaults() } catch { throw CLIError("\(error)") }
    if let extra = file.catalogue {
      let extraURL = URL(fileURLWithPath: extra, relativeTo: url.deletingLastPathComponent())
      guard let text = try? String(contentsOf: extraURL, encoding: .utf8) else {
        throw CLIError("\(place): cannot read the unit catalogue \(extraURL.path).")
      }
      do { catalogue = try catalogue.overridden(byYAML: text, file: extraURL.path) } catch {
        throw CLIError("\(error)")
      }
    }
    guard !file.units.isEmpty else {
      throw CLIError("\(place): 'units' is empty; give at least one search unit.")
    }
    units = []
    for (i, u) in file.units.enumerated() {
      let label = "\(place), units[\(i)] (\(u.callSign))"
      var unit: SearchUnit
      if let known = catalogue.unit(u.id) {
        unit = known
      } else {
        guard let kindText = u.kind, let kind = SearchUnitKind(rawValue: kindText),
          let speed = u.speedKnots, let endurance = u.enduranceHours, let altitude = u.altitudeFeet
        else {
          throw CLIError(
            "\(label): '\(u.id)' is not in the unit catalogue; give kind, speed_knots, "
              + "endurance_hours and altitude_feet, or a catalogue id "
              + "(\(catalogue.units.map(\.id).joined(separator: ", "))).")
        }
        unit = SearchUnit(
          id: u.id, name: u.id, kind: kind, searchSpeedKnots: speed,
          onSceneEnduranceHours: endurance, searchAltitudeFeet: altitude, sensors: [.visual])
      }
      if let v = u.speedKnots { unit.searchSpeedKnots = v }
      if let v = u.enduranceHours { unit.onSceneEnduranceHours = v }
      if let v = u.altitudeFeet { unit.searchAltitudeFeet = v }
      guard unit.onSceneEnduranceHours > 0, unit.onSceneEnduranceHours.isFinite else {
        throw CLIError(
          "\(label): endurance_hours is \(unit.onSceneEnduranceHours); a unit needs a positive "
            + "number of hours on scene.")
      }
      guard unit.searchSpeedKnots > 0, unit.searchSpeedKnots.isFinite else {
        throw CLIError("\(label): speed_knots must be a positive number of knots.")
      }
      let delay = try u.onSceneDelay.map {
        try DriftRunSpec.duration($0, field: "on_scene_delay", in: label)
      }
      units.append((unit, u.callSign, u.nation, u.base, max(0, delay ?? 0)))
    }
    let modeText = (file.mode ?? "optimal").lowercased()
    guard let mode = PlanningMode(rawValue: modeText) else {
      throw CLIError("\(place): mode '\(modeText)' is not 'worksheet' or 'optimal'.")
    }
    self.mode = mode
    let budget = file.timeBudgetSeconds ?? 5
    guard budget >= 0, budget.isFinite else {
      throw CLIError("\(place): time_budget_seconds must be zero or a positive number.")
    }
    for (field, value) in [
      ("visibility_nm", file.visibilityNM), ("wind_knots", file.windKnots),
      ("sea_height_m", file.seaHeightM),
    ] where !(value >= 0 && value.isFinite) {
      throw CLIError("\(place): \(field) is \(value); give zero or a positive number.")
    }
    var spacings: [SearchUnitKind: Double] = [:]
    for (name, value) in file.minimumTrackSpacingNM ?? [:] {
      guard let kind = SearchUnitKind(rawValue: name) else {
        throw CLIError(
          "\(place): minimum_track_spacing_nm names '\(name)'; expected one of "
            + SearchUnitKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
      }
      guard value > 0, value.isFinite else {
        throw CLIError(
          "\(place): minimum_track_spacing_nm.\(name) is \(value); give a positive number of NM.")
      }
      spacings[kind] = value
    }
    let classes = drift.seeding.scenarios.flatMap { $0.objects.map(\.leewayClass.code) }
    conditions = PlanningConditions(
      visibilityNM: file.visibilityNM, windKnots: file.windKnots,
      seaHeightMetres: file.seaHeightM, fatigued: file.fatigued ?? false,
      leewayClasses: classes, timeBudgetSeconds: budget, minimumTrackSpacingsNM: spacings)
    // Look every sweep width up now: conditions outside the tables fail before the drift runs.
    let tables: SweepWidthTables
    do { tables = try SweepWidthTables.bundled() } catch { throw CLIError("\(error)") }
    for u in units {
      do {
        _ = try tables.sweepWidthsMetres(
          leewayClasses: classes, unit: u.unit, visibilityNM: file.visibilityNM,
          windKnots: file.windKnots, seaHeightMetres: file.seaHeightM,
          fatigued: file.fatigued ?? false)
      } catch {
        throw CLIError("\(place): unit \(u.callSign): \(error)")
      }
    }
    datum = file.datum.map { GeoPoint(longitudeDegrees: $0.lon, latitudeDegrees: $0.lat) }
    rcc = file.rcc ?? "RCC"
  }

  /// A planner error as one sentence naming this case file and the field to change.
  func explain(_ error: PlannerError) -> CLIError {
    if case .areaOnLand(let area, let position) = error, area == "datum" {
      let p = MessageFormat.position(position)
      return CLIError(
        datum != nil
          ? "\(source): datum \(p) is on land; give a datum at sea, or leave it out to use the "
            + "particles' centre."
          : "\(source): the particles' centre \(p), the worksheet's datum, is on land; give a "
            + "datum at sea.")
    }
    return CLIError("\(source): \(error)")
  }

  /// The units available in a period starting at `start`.
  func availableUnits(periodStart start: Date) -> [AvailableUnit] {
    units.map {
      AvailableUnit(
        unit: $0.unit, callSign: $0.callSign, nation: $0.nation, base: $0.base,
        onSceneTime: start.addingTimeInterval($0.delay))
    }
  }
}
