import Foundation

/// The horizontal grid of a CF variable whose last two dimensions are (y, x).
enum CFGrid {
  /// 1-D longitudes and latitudes (degrees); components are east/north already.
  case regularLonLat(longitudes: [Double], latitudes: [Double])
  /// 1-D projected coordinates (metres) and the PROJ definition of the projection.
  case projected(x: [Double], y: [Double], definition: String)
  /// 2-D longitudes and latitudes (degrees), row-major [y][x].
  case curvilinear(longitudes: [Double], latitudes: [Double], nx: Int, ny: Int)

  static func discover(file: NetCDFFile, variable v: NetCDFVariable) throws -> CFGrid {
    let path = file.path
    let n = v.dimensions.count
    let yDim = v.dimensions[n - 2]
    let xDim = v.dimensions[n - 1]
    func coordinate(_ d: NetCDFDimension) throws -> (NetCDFVariable, String, String)? {
      guard let c = try file.variableIfPresent(named: d.name), c.dimensions.count == 1 else {
        return nil
      }
      let standard = try file.text(attribute: "standard_name", of: c) ?? ""
      let units = try file.text(attribute: "units", of: c) ?? ""
      return (c, standard, units.lowercased())
    }
    let xc = try coordinate(xDim)
    let yc = try coordinate(yDim)
    if let (_, s, u) = xc, s == "latitude" || u.hasPrefix("degree") && u.hasSuffix("north") {
      throw ForcingError.unsupportedGrid(
        path: path, variable: v.name,
        reason: "expected dimensions ordered (..., y, x), found x before y")
    }
    var definition: String? = nil
    var geographicMapping = false
    if let mappingName = try file.text(attribute: "grid_mapping", of: v) {
      let name = mappingName.split(separator: " ").first.map(String.init) ?? mappingName
      let mapping = try file.variable(named: name)
      let cfName = try file.text(attribute: "grid_mapping_name", of: mapping) ?? ""
      geographicMapping = CFGridMapping.geographicNames.contains(cfName)
      if !geographicMapping {
        definition = try CFGridMapping.projDefinition(file: file, mapping: mapping)
        if definition == nil {
          throw ForcingError.unsupportedGrid(
            path: path, variable: v.name,
            reason:
              "grid mapping '\(name)' (\(cfName)) is not polar_stereographic, lambert_conformal_conic or mercator and has no proj4 or crs_wkt attribute"
          )
        }
      }
    }
    if let (xv, xs, xu) = xc, let (yv, ys, yu) = yc {
      let isLon =
        xs == "longitude" || xs == "grid_longitude" && geographicMapping
        || xu.hasPrefix("degree") && xu.hasSuffix("east") || ["lon", "longitude"].contains(xv.name)
      let isLat =
        ys == "latitude" || yu.hasPrefix("degree") && yu.hasSuffix("north")
        || ["lat", "latitude"].contains(yv.name)
      if isLon && isLat {
        return .regularLonLat(
          longitudes: try file.readDoubles(xv), latitudes: try file.readDoubles(yv))
      }
      var x = try file.readDoubles(xv)
      var y = try file.readDoubles(yv)
      let indexLike = x.count > 1 && y.count > 1 && x[1] - x[0] == 1 && y[1] - y[0] == 1
      if let definition, !indexLike {
        let xScale = xu == "km" ? 1000.0 : 1.0
        let yScale = yu == "km" ? 1000.0 : 1.0
        x = x.map { $0 * xScale }
        y = y.map { $0 * yScale }
        try checkSpacing(x, name: xv.name, path: path)
        try checkSpacing(y, name: yv.name, path: path)
        return .projected(x: x, y: y, definition: definition)
      }
    }
    // Curvilinear: 2-D longitude and latitude over (y, x).
    var lonVar: NetCDFVariable? = nil
    var latVar: NetCDFVariable? = nil
    let named = (try file.text(attribute: "coordinates", of: v) ?? "").split(separator: " ").map(
      String.init)
    for c in try file.variables() where c.dimensions == [yDim, xDim] {
      let s = try file.text(attribute: "standard_name", of: c) ?? ""
      let u = (try file.text(attribute: "units", of: c) ?? "").lowercased()
      if s == "longitude" || u.hasPrefix("degree") && u.hasSuffix("east")
        || named.contains(c.name) && c.name.lowercased().hasPrefix("lon")
      {
        lonVar = c
      }
      if s == "latitude" || u.hasPrefix("degree") && u.hasSuffix("north")
        || named.contains(c.name) && c.name.lowercased().hasPrefix("lat")
      {
        latVar = c
      }
    }
    if let lonVar, let latVar {
      return .curvilinear(
        longitudes: try file.readDoubles(lonVar), latitudes: try file.readDoubles(latVar),
        nx: xDim.length, ny: yDim.length)
    }
    throw ForcingError.unsupportedGrid(
      path: path, variable: v.name,
      reason:
        "found neither 1-D longitude/latitude, nor projected x/y with a grid_mapping, nor 2-D longitude/latitude over (\(yDim.name), \(xDim.name))"
    )
  }

  /// OpenDrift accepts a grid whose spacing varies by at most 5 %; so do we.
  private static func checkSpacing(_ c: [Double], name: String, path: String) throws {
    guard c.count >= 2 else {
      throw ForcingError.unsupportedGrid(
        path: path, variable: name, reason: "fewer than 2 coordinates")
    }
    let steps = zip(c, c.dropFirst()).map { $1 - $0 }
    guard let lo = steps.min(), let hi = steps.max(), lo > 0 || hi < 0,
      abs(hi - lo) <= 0.05 * abs(steps[0])
    else {
      throw ForcingError.unsupportedGrid(
        path: path, variable: name, reason: "coordinates are not evenly spaced and monotonic")
    }
  }
}
