import Foundation
import SarexGeo

/// A search area assigned to one unit for a time window at an altitude band.
public struct AssignedArea: Hashable, Sendable {
  /// Area designation as in the search action message, e.g. "A-1".
  public var id: String
  /// The unit's call sign.
  public var unit: String
  /// Boundary points in order (either orientation; a closing repeat of the first is allowed).
  public var boundary: [GeoPoint]
  public var altitudeBand: AltitudeBand
  public var window: DateInterval

  public init(
    id: String, unit: String, boundary: [GeoPoint], altitudeBand: AltitudeBand,
    window: DateInterval
  ) {
    self.id = id
    self.unit = unit
    self.boundary = boundary
    self.altitudeBand = altitudeBand
    self.window = window
  }

  /// An area from a search rectangle's corners.
  public init(
    id: String, unit: String, rectangle: SearchRectangle, altitudeBand: AltitudeBand,
    window: DateInterval
  ) throws(SearchPatternError) {
    self.init(
      id: id, unit: unit, boundary: try rectangle.corners(), altitudeBand: altitudeBand,
      window: window)
  }
}

/// Why deconfliction could not judge its input; the text names the area or unit.
public enum DeconflictionError: Error, CustomStringConvertible, Equatable, Sendable {
  case degenerateArea(id: String, reason: String)
  case invalidAltitudeBand(id: String, band: AltitudeBand)
  case invalidParameter(name: String, value: Double)

  public var description: String {
    switch self {
    case .degenerateArea(let id, let reason):
      "deconfliction: area \(id): \(reason); give at least three distinct boundary points of a "
        + "simple polygon"
    case .invalidAltitudeBand(let id, let band):
      "deconfliction: area \(id): altitude band \(band.lower) m to \(band.upper) m must have a "
        + "finite lower limit no higher than its upper limit"
    case .invalidParameter(let name, let value):
      "deconfliction: \(name) must be a non-negative finite number, got \(value)"
    }
  }
}
