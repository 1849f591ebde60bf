import Foundation

/// Where the two components of a wind or current field live in a CF file: the variables, the
/// time axis, the fixed vertical level and whether the components follow the grid axes.
struct CFVectorSource {
  let path: String
  let x: NetCDFVariable
  let y: NetCDFVariable
  /// True for x_/y_ components along the grid axes (to be rotated), false for east/north.
  let isGridRelative: Bool
  /// Factor from the file's units to m/s.
  let unitFactor: Double
  /// Seconds since 1970 UTC of each time index.
  let times: [Double]
  /// For each dimension of the components: the fixed index (time: -1 means "per time step").
  let fixedIndices: [Int]
  let timeDimension: Int

  /// Candidate standard-name pairs for each kind, with whether they are grid-relative.
  /// `x_wind_10m` is not a CF name but is what some MET Norway files carry (OpenDrift aliases it).
  static func candidatePairs(_ kind: VectorFieldKind) -> [(String, String, Bool)] {
    switch kind {
    case .wind10m:
      return [
        ("x_wind", "y_wind", true), ("x_wind_10m", "y_wind_10m", true),
        ("eastward_wind", "northward_wind", false),
      ]
    case .surfaceCurrent:
      return [
        ("x_sea_water_velocity", "y_sea_water_velocity", true),
        ("sea_water_x_velocity", "sea_water_y_velocity", true),
        ("surface_x_sea_water_velocity", "surface_y_sea_water_velocity", true),
        ("eastward_sea_water_velocity", "northward_sea_water_velocity", false),
        ("surface_eastward_sea_water_velocity", "surface_northward_sea_water_velocity", false),
      ]
    }
  }

  static func discover(file: NetCDFFile, kind: VectorFieldKind) throws -> CFVectorSource {
    let variables = try file.variables().filter { $0.dimensions.count >= 2 }
    var byName: [String: [NetCDFVariable]] = [:]
    for v in variables {
      if let name = try file.text(attribute: "standard_name", of: v) {
        byName[name.trimmingCharacters(in: .whitespaces), default: []].append(v)
      }
    }
    for (xName, yName, gridRelative) in candidatePairs(kind) {
      guard let xs = byName[xName], let ys = byName[yName] else { continue }
      let x = try preferred(xs, kind: kind, file: file)
      let y = try preferred(ys, kind: kind, file: file)
      return try CFVectorSource(file: file, kind: kind, x: x, y: y, gridRelative: gridRelative)
    }
    throw ForcingError.noVectorComponents(
      path: file.path, kind: kind,
      expected: candidatePairs(kind).map { "\($0.0)/\($0.1)" })
  }

  /// Among variables with the same standard name, the 10 m wind (by name) or the first.
  private static func preferred(_ vs: [NetCDFVariable], kind: VectorFieldKind, file: NetCDFFile)
    throws -> NetCDFVariable
  {
    if kind == .wind10m, vs.count > 1, let tenMetre = vs.first(where: { $0.name.contains("10m") }) {
      return tenMetre
    }
    return vs[0]
  }

  private init(
    file: NetCDFFile, kind: VectorFieldKind, x: NetCDFVariable, y: NetCDFVariable,
    gridRelative: Bool
  ) throws {
    path = file.path
    self.x = x
    self.y = y
    isGridRelative = gridRelative
    guard x.shape == y.shape else {
      throw ForcingError.unsupportedGrid(
        path: path, variable: y.name,
        reason: "its shape \(y.shape) differs from \(x.name)'s \(x.shape)")
    }
    var factor = 1.0
    for v in [x, y] {
      guard let units = try file.text(attribute: "units", of: v) else {
        throw ForcingError.missingUnits(path: path, variable: v.name)
      }
      guard let f = CFSpeedUnits.factorToMetresPerSecond(units) else {
        throw ForcingError.unsupportedUnits(path: path, variable: v.name, units: units)
      }
      factor = f
    }
    unitFactor = factor
    // Time: the dimension whose coordinate variable is a CF time.
    var timeDim: Int? = nil
    var decoded: [Double] = []
    for (k, d) in x.dimensions.enumerated() {
      guard let c = try file.variableIfPresent(named: d.name), c.dimensions.count == 1 else {
        continue
      }
      let units = try file.text(attribute: "units", of: c) ?? ""
      let standard = try file.text(attribute: "standard_name", of: c) ?? ""
      let axis = try file.text(attribute: "axis", of: c) ?? ""
      guard standard == "time" || axis == "T" || units.contains(" since ") else { continue }
      let calendar = try file.text(attribute: "calendar", of: c)
      decoded = try CFTime.decode(
        file.readDoubles(c), units: units, calendar: calendar, path: path, variable: c.name)
      timeDim = k
      break
    }
    guard let timeDim, !decoded.isEmpty else {
      throw ForcingError.noTimeCoordinate(path: path, variable: x.name)
    }
    guard zip(decoded, decoded.dropFirst()).allSatisfy({ $0 < $1 }) else {
      throw ForcingError.unsupportedGrid(
        path: path, variable: x.name, reason: "its times are not strictly increasing")
    }
    timeDimension = timeDim
    times = decoded
    let n = x.dimensions.count
    guard timeDim < n - 2 else {
      throw ForcingError.unsupportedGrid(
        path: path, variable: x.name, reason: "expected dimensions (time, [level,] y, x)")
    }
    var fixed = [Int](repeating: 0, count: n)
    fixed[timeDim] = -1
    for k in 0..<(n - 2) where k != timeDim {
      fixed[k] = try Self.levelIndex(
        file: file, variable: x, dimension: x.dimensions[k], kind: kind)
    }
    fixedIndices = fixed
  }

  /// The index to use along a vertical (or other extra) dimension: 10 m for wind, the
  /// shallowest level for currents; a dimension of length 1 is always index 0.
  private static func levelIndex(
    file: NetCDFFile, variable: NetCDFVariable, dimension: NetCDFDimension, kind: VectorFieldKind
  ) throws -> Int {
    if dimension.length == 1 { return 0 }
    guard let c = try file.variableIfPresent(named: dimension.name), c.dimensions.count == 1 else {
      throw ForcingError.unsupportedLevel(
        path: file.path, variable: variable.name,
        reason:
          "dimension '\(dimension.name)' has \(dimension.length) entries and no coordinate variable"
      )
    }
    let values = try file.readDoubles(c)
    switch kind {
    case .wind10m:
      if let k = values.firstIndex(where: { abs($0 - 10) < 0.5 }) { return k }
      throw ForcingError.unsupportedLevel(
        path: file.path, variable: variable.name,
        reason: "no 10 m level among \(dimension.name) = \(values)")
    case .surfaceCurrent:
      guard let k = values.indices.min(by: { abs(values[$0]) < abs(values[$1]) }) else {
        throw ForcingError.unsupportedLevel(
          path: file.path, variable: variable.name, reason: "dimension '\(dimension.name)' is empty"
        )
      }
      return k
    }
  }
}
