import Foundation
import Yams

/// A catalogue of search unit types, read strictly from YAML (see Resources/search-units.yaml for
/// the format). The defaults ship with the module; a user file overrides them field by field for
/// an existing id, or adds new units, which must then give every required field.
public struct SearchUnitCatalogue: Sendable {
  public private(set) var units: [SearchUnit]

  /// Fields every unit must have (after overriding).
  static let required = [
    "kind", "searchSpeedKnots", "onSceneEnduranceHours", "searchAltitudeFeet", "sensors",
  ]
  static let allowed = Set(required + ["id", "name", "nation", "callSign"])

  public init(units: [SearchUnit] = []) { self.units = units }

  /// The catalogue shipped with SarexSearch.
  public static func defaults() throws(SearchUnitCatalogueError) -> SearchUnitCatalogue {
    let name = "search-units.yaml"
    guard let text = try? SearchResources.text(named: name) else { throw .missingResource(name) }
    return try SearchUnitCatalogue().overridden(byYAML: text, file: name)
  }

  /// Reads a catalogue from YAML text on its own (no defaults).
  public init(yaml: String, file: String) throws(SearchUnitCatalogueError) {
    self = try SearchUnitCatalogue().overridden(byYAML: yaml, file: file)
  }

  /// The unit with this id.
  public func unit(_ id: String) -> SearchUnit? { units.first { $0.id == id } }

  /// This catalogue with the units of a user file applied over it.
  public func overridden(byYAML yaml: String, file: String) throws(SearchUnitCatalogueError)
    -> SearchUnitCatalogue
  {
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      throw .malformed(file: file, line: 0, reason: "not valid YAML (\(error))")
    }
    guard let root, let top = root.mapping else {
      throw .malformed(file: file, line: 1, reason: "expected a mapping with a 'units' list")
    }
    var result = self
    for (key, value) in top {
      guard key.string == "units" else {
        throw .malformed(
          file: file, line: Self.line(key),
          reason: "unknown key '\(key.string ?? "?")'; expected 'units'")
      }
      guard let list = value.sequence else {
        throw .malformed(file: file, line: Self.line(value), reason: "'units' must be a list")
      }
      var seen = Set<String>()
      for entry in list {
        let unit = try Self.parseUnit(entry, file: file, base: result)
        guard seen.insert(unit.id).inserted else {
          throw .field(
            file: file, line: Self.line(entry), unit: unit.id, field: "id",
            reason: "appears twice in this file")
        }
        if let i = result.units.firstIndex(where: { $0.id == unit.id }) {
          result.units[i] = unit
        } else {
          result.units.append(unit)
        }
      }
    }
    return result
  }

  static func line(_ node: Node) -> Int { (node.mark?.line ?? 0) }

  /// The fields of one unit, merged over the existing unit of the same id if any.
  static func parseUnit(_ node: Node, file: String, base: SearchUnitCatalogue)
    throws(SearchUnitCatalogueError) -> SearchUnit
  {
    guard let map = node.mapping else {
      throw .malformed(file: file, line: line(node), reason: "each unit must be a mapping")
    }
    var fields: [String: Node] = [:]
    for (k, v) in map {
      guard let name = k.string else {
        throw .malformed(file: file, line: line(k), reason: "a field name must be text")
      }
      fields[name] = v
    }
    guard let idNode = fields["id"], let id = idNode.scalar?.string, !id.isEmpty else {
      throw .malformed(file: file, line: line(node), reason: "a unit has no 'id'")
    }
    for (name, v) in fields where !allowed.contains(name) {
      throw .field(
        file: file, line: line(v), unit: id, field: name,
        reason: "unknown field; expected one of \(allowed.sorted().joined(separator: ", "))")
    }
    let existing = base.unit(id)
    if existing == nil {
      for name in required where fields[name] == nil {
        throw .field(
          file: file, line: line(node), unit: id, field: name,
          reason: "missing; a new unit must give \(required.joined(separator: ", "))")
      }
    }
    var sources = existing?.sources ?? [:]

    /// The value node and its source, from `x` or `{value: x, source: "..."}`.
    func valued(_ name: String) throws(SearchUnitCatalogueError) -> Node? {
      guard let v = fields[name] else { return nil }
      if let m = v.mapping {
        var value: Node?
        var source: String?
        for (k, x) in m {
          switch k.string {
          case "value": value = x
          case "source": source = x.scalar?.string
          default:
            throw .field(
              file: file, line: line(k), unit: id, field: name,
              reason: "unknown key '\(k.string ?? "?")'; expected 'value' and 'source'")
          }
        }
        guard let value else {
          throw .field(file: file, line: line(v), unit: id, field: name, reason: "no 'value'")
        }
        guard let source, !source.isEmpty else {
          throw .field(
            file: file, line: line(v), unit: id, field: name,
            reason: "'source' must cite where the value comes from or say 'estimate'")
        }
        sources[name] = source
        return value
      }
      sources[name] = "as given in \(file)"
      return v
    }
    func text(_ name: String) throws(SearchUnitCatalogueError) -> String?? {
      guard let v = try valued(name) else { return .none }
      if v.tag == Tag(.null) { return .some(nil) }
      guard let s = v.scalar?.string, !s.isEmpty else {
        throw .field(file: file, line: line(v), unit: id, field: name, reason: "expected text")
      }
      return .some(s)
    }
    func number(_ name: String, _ valid: (Double) -> Bool, _ expected: String)
      throws(SearchUnitCatalogueError) -> Double?
    {
      guard let v = try valued(name) else { return nil }
      guard let s = v.scalar?.string, let x = Double(s), x.isFinite, valid(x) else {
        throw .field(
          file: file, line: line(v), unit: id, field: name,
          reason: "'\(v.scalar?.string ?? "(not a number)")' is not \(expected)")
      }
      return x
    }

    let nameValue = try text("name")
    let kindText = try text("kind")
    var kind = existing?.kind
    if let k = kindText {
      guard let k, let parsed = SearchUnitKind(rawValue: k) else {
        throw .field(
          file: file, line: line(fields["kind"] ?? node), unit: id, field: "kind",
          reason:
            "'\(kindText.flatMap { $0 } ?? "")' is not one of \(SearchUnitKind.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      kind = parsed
    }
    let speed =
      try number("searchSpeedKnots", { $0 > 0 }, "a positive speed in knots")
      ?? existing?.searchSpeedKnots
    let endurance =
      try number("onSceneEnduranceHours", { $0 > 0 }, "a positive number of hours")
      ?? existing?.onSceneEnduranceHours
    let altitude =
      try number("searchAltitudeFeet", { $0 > 0 }, "a positive height in feet")
      ?? existing?.searchAltitudeFeet
    var sensors = existing?.sensors
    if let v = try valued("sensors") {
      guard let list = v.sequence, list.count > 0 else {
        throw .field(
          file: file, line: line(v), unit: id, field: "sensors", reason: "expected a non-empty list"
        )
      }
      var parsed: [SearchSensor] = []
      for item in list {
        guard let s = item.scalar?.string, let sensor = SearchSensor(rawValue: s) else {
          throw .field(
            file: file, line: line(item), unit: id, field: "sensors",
            reason:
              "'\(item.scalar?.string ?? "?")' is not one of \(SearchSensor.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        parsed.append(sensor)
      }
      sensors = parsed
    }
    let nation = try text("nation")
    let callSign = try text("callSign")
    guard let kind, let speed, let endurance, let altitude, let sensors else {
      // Unreachable for complete new units and for overrides of complete units.
      throw .field(file: file, line: line(node), unit: id, field: "kind", reason: "incomplete unit")
    }
    return SearchUnit(
      id: id, name: (nameValue ?? existing?.name ?? id) ?? id, kind: kind, searchSpeedKnots: speed,
      onSceneEnduranceHours: endurance, searchAltitudeFeet: altitude, sensors: sensors,
      nation: nation ?? existing?.nation, callSign: callSign ?? existing?.callSign,
      sources: sources)
  }
}
