import CNetCDF
import Foundation

@testable import SarexEnvironment

/// Writes small CF files with known contents, for grid kinds and errors the real files lack.
enum SyntheticForcingFile {
  struct Component {
    var name: String
    var standardName: String
    var units: String?
    /// Value at (time hours, grid i, grid j, level index).
    var value: (Double, Int, Int, Int) -> Double
  }

  /// A file on a regular lon/lat grid (1-D `lon`, `lat`) or, with `curvilinear`, on 2-D
  /// longitude/latitude arrays over (y, x). `levels` adds a height or depth dimension.
  static func write(
    to url: URL, nx: Int, ny: Int, hours: [Double],
    longitude: @escaping (Int, Int) -> Double, latitude: @escaping (Int, Int) -> Double,
    curvilinear: Bool, levels: (name: String, standardName: String, values: [Double])? = nil,
    components: [Component]
  ) throws {
    let file = try NetCDFFile.create(url)
    let t = try file.defineDimension("time", length: nil)
    let y = try file.defineDimension(curvilinear ? "y" : "lat", length: ny)
    let x = try file.defineDimension(curvilinear ? "x" : "lon", length: nx)
    let time = try file.defineVariable("time", type: NC_DOUBLE, dimensions: [t])
    try file.setAttribute("units", text: "hours since 2020-01-01 00:00:00", on: time)
    try file.setAttribute("standard_name", text: "time", on: time)
    var levelDim: NetCDFDimension? = nil
    var levelVar: NetCDFVariable? = nil
    if let levels {
      let d = try file.defineDimension(levels.name, length: levels.values.count)
      let v = try file.defineVariable(levels.name, type: NC_DOUBLE, dimensions: [d])
      try file.setAttribute("standard_name", text: levels.standardName, on: v)
      try file.setAttribute("units", text: "m", on: v)
      levelDim = d
      levelVar = v
    }
    let lonVar: NetCDFVariable
    let latVar: NetCDFVariable
    if curvilinear {
      lonVar = try file.defineVariable("longitude", type: NC_DOUBLE, dimensions: [y, x])
      latVar = try file.defineVariable("latitude", type: NC_DOUBLE, dimensions: [y, x])
    } else {
      lonVar = try file.defineVariable("lon", type: NC_DOUBLE, dimensions: [x])
      latVar = try file.defineVariable("lat", type: NC_DOUBLE, dimensions: [y])
    }
    try file.setAttribute("standard_name", text: "longitude", on: lonVar)
    try file.setAttribute("units", text: "degrees_east", on: lonVar)
    try file.setAttribute("standard_name", text: "latitude", on: latVar)
    try file.setAttribute("units", text: "degrees_north", on: latVar)
    let dims = [t] + (levelDim.map { [$0] } ?? []) + [y, x]
    var vars: [NetCDFVariable] = []
    for c in components {
      let v = try file.defineVariable(c.name, type: NC_FLOAT, dimensions: dims, deflateLevel: 1)
      try file.setAttribute("standard_name", text: c.standardName, on: v)
      if let units = c.units { try file.setAttribute("units", text: units, on: v) }
      if curvilinear { try file.setAttribute("coordinates", text: "longitude latitude", on: v) }
      vars.append(v)
    }
    try file.endDefinitions()
    try file.write(hours, to: time)
    if let levels, let levelVar { try file.write(levels.values, to: levelVar) }
    if curvilinear {
      var lons: [Double] = []
      var lats: [Double] = []
      for j in 0..<ny {
        for i in 0..<nx {
          lons.append(longitude(i, j))
          lats.append(latitude(i, j))
        }
      }
      try file.write(lons, to: lonVar)
      try file.write(lats, to: latVar)
    } else {
      try file.write((0..<nx).map { longitude($0, 0) }, to: lonVar)
      try file.write((0..<ny).map { latitude(0, $0) }, to: latVar)
    }
    let levelCount = levels?.values.count ?? 1
    for (c, v) in zip(components, vars) {
      var values: [Double] = []
      for h in hours {
        for l in 0..<levelCount {
          for j in 0..<ny {
            for i in 0..<nx { values.append(c.value(h, i, j, l)) }
          }
        }
      }
      try file.write(values, to: v)
    }
    try file.finish()
  }
}
