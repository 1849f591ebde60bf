import SarexGeo

/// Why a search plan could not be made; the text says what to change.
public enum PlannerError: Error, Equatable, CustomStringConvertible {
  /// No search unit was given.
  case noUnits
  /// A unit has no time to search on scene.
  case noEndurance(unit: String, hours: Double)
  /// A unit's sweep width cannot be looked up (conditions outside the tables, unmapped class).
  case sweepWidth(unit: String, reason: String)
  /// Nothing left to search for: no particle with probability, or an empty ensemble.
  case emptyEnsemble(String)
  /// A search area (or the datum it is drawn around) lies on land.
  case areaOnLand(area: String, position: GeoPoint)
  /// A step of the planning (patterns, detection, deconfliction) rejected its input.
  case invalid(String)

  public var description: String {
    switch self {
    case .noUnits: "No search unit is available; give at least one SRU."
    case .noEndurance(let unit, let hours):
      "SRU \(unit) has \(hours) h of on-scene endurance; give a positive number of hours."
    case .sweepWidth(let unit, let reason): "SRU \(unit): \(reason)"
    case .emptyEnsemble(let why): "The drift ensemble is empty: \(why)."
    case .areaOnLand(let area, let p):
      "Search area \(area) is on land at \(MessageFormat.position(p)); move it (or the datum) to sea."
    case .invalid(let why): why
    }
  }

  /// Runs `body`, turning any error into `.invalid` with its own text (or passing a PlannerError).
  static func wrap<T>(_ body: () throws -> T) throws(PlannerError) -> T {
    do {
      return try body()
    } catch let error as PlannerError {
      throw error
    } catch {
      throw .invalid("\(error)")
    }
  }
}
