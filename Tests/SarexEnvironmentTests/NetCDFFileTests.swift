import CNetCDF
import Foundation
import Testing

@testable import SarexEnvironment

@Suite struct NetCDFFileTests {
  @Test func missingFileErrorNamesTheFile() throws {
    let url = URL(fileURLWithPath: "/nonexistent/wind.nc")
    #expect(throws: NetCDFError.fileNotFound(path: "/nonexistent/wind.nc")) {
      _ = try NetCDFFile(readingFrom: url)
    }
  }

  @Test func textFileNamedNcIsRejectedWithTheFileName() throws {
    let dir = try ForcingTestData.temporaryDirectory()
    let url = dir.appendingPathComponent("corrupt.nc")
    try "this is not netCDF\n".write(to: url, atomically: true, encoding: .utf8)
    do {
      _ = try NetCDFFile(readingFrom: url)
      Issue.record("a text file opened as netCDF")
    } catch {
      guard case .cannotOpen(let path, _) = error else {
        Issue.record("unexpected error \(error)")
        return
      }
      #expect(path == url.path)
      #expect(error.description.contains("corrupt.nc"))
    }
  }

  @Test func dimensionsVariablesAndAttributesOfNorKyst() throws {
    let file = try NetCDFFile(readingFrom: ForcingTestData.url(ForcingTestData.norkyst))
    let dims = try file.dimensions()
    #expect(dims.map(\.name) == ["X", "Y", "depth", "time"])
    // The shipped crop of NorKyst-800 (data/README.md): 261 x 142 points, 67 hours.
    #expect(dims.map(\.length) == [261, 142, 1, 67])
    #expect(dims.first { $0.name == "time" }?.isUnlimited == true)
    let u = try file.variable(named: "u")
    #expect(u.shape == [67, 1, 142, 261])
    #expect(u.type == NC_SHORT)
    #expect(try file.text(attribute: "standard_name", of: u) == "x_sea_water_velocity")
    #expect(try file.number(attribute: "scale_factor", of: u) == Double(Float(0.001)))
    #expect(try file.text(attribute: "Conventions", of: nil) == "CF-1.4")
    #expect(try file.text(attribute: "no_such_attribute", of: u) == nil)
    #expect(throws: NetCDFError.missingVariable(path: file.path, variable: "w")) {
      _ = try file.variable(named: "w")
    }
  }

  @Test func packedShortsDecodeLikeXarrayAndFillBecomesNaN() throws {
    let file = try NetCDFFile(readingFrom: ForcingTestData.url(ForcingTestData.norkyst))
    let u = try file.variable(named: "u")
    let start = [5, 0, 0, 0]
    let count = [1, 1, u.shape[2], u.shape[3]]
    let raw = try file.readRaw(u, start: start, count: count)
    let floats = try file.readFloats(u, start: start, count: count)
    let doubles = try file.readDoubles(u, start: start, count: count)
    var filled = 0
    for k in raw.indices {
      if raw[k] == -32767 {
        filled += 1
        #expect(floats[k].isNaN && doubles[k].isNaN)
      } else {
        #expect(floats[k] == Float(raw[k]) * Float(0.001))
        #expect(abs(doubles[k] - raw[k] * Double(Float(0.001))) < 1e-12)
      }
    }
    #expect(filled > 1000 && filled < raw.count / 2)  // land cells of the fjord coast
  }

  /// Slices read one after another into one buffer, with one scratch, decode exactly as the
  /// raw values read as Double by netCDF-C (int16 packed current, float32 wind), and a buffer
  /// of the wrong size is an error, not a partial read.
  @Test func slicesReadIntoAReusedBufferDecodeLikeTheRawValues() throws {
    var scratch = NetCDFReadScratch()
    for (name, variableName, scale) in [
      (ForcingTestData.norkyst, "u", Float(0.001)), (ForcingTestData.arome, "x_wind_10m", 1),
    ] {
      let file = try NetCDFFile(readingFrom: ForcingTestData.url(name))
      let v = try file.variable(named: variableName)
      let packing = try file.packing(of: v)
      let shape = v.shape
      var count = [Int](repeating: 1, count: shape.count)
      count[shape.count - 1] = shape[shape.count - 1]
      count[shape.count - 2] = shape[shape.count - 2]
      var buffer = [Float](repeating: 0, count: count.reduce(1, *))
      for t in [3, 40, 7] {
        var start = [Int](repeating: 0, count: shape.count)
        start[0] = t
        try buffer.withUnsafeMutableBufferPointer { out in
          try file.readFloats(
            v, start: start, count: count, packing: packing, into: out, scratch: &scratch)
        }
        let raw = try file.readRaw(v, start: start, count: count)
        var mismatches = 0
        for k in raw.indices {
          let missing = packing.missingValues.contains(raw[k]) || raw[k] == Double(NC_FILL_FLOAT)
          let expected = missing ? Float.nan : (scale == 1 ? Float(raw[k]) : Float(raw[k]) * scale)
          if expected.bitPattern != buffer[k].bitPattern
            && !(expected.isNaN && buffer[k].isNaN)
          {
            mismatches += 1
          }
        }
        #expect(mismatches == 0, "\(variableName) time \(t)")
      }
      var short = [Float](repeating: 0, count: buffer.count - 1)
      #expect(throws: NetCDFError.self) {
        try short.withUnsafeMutableBufferPointer { out in
          try file.readFloats(
            v, start: [Int](repeating: 0, count: shape.count), count: count, packing: packing,
            into: out, scratch: &scratch)
        }
      }
    }
  }

  @Test func hyperslabOutsideTheVariableIsAnError() throws {
    let file = try NetCDFFile(readingFrom: ForcingTestData.url(ForcingTestData.arome))
    let x = try file.variable(named: "x_wind_10m")
    #expect(throws: NetCDFError.self) {
      _ = try file.readFloats(x, start: [66, 0, 0], count: [2, 151, 81])
    }
  }

  @Test func writtenFileReadsBackWithAttributes() throws {
    let dir = try ForcingTestData.temporaryDirectory()
    let url = dir.appendingPathComponent("roundtrip.nc")
    let file = try NetCDFFile.create(url)
    let t = try file.defineDimension("time", length: nil)
    let n = try file.defineDimension("n", length: 3)
    let v = try file.defineVariable("speed", type: NC_SHORT, dimensions: [t, n], deflateLevel: 4)
    try file.setAttribute("units", text: "m s-1", on: v)
    try file.setAttribute("scale_factor", numbers: [0.5], type: NC_FLOAT, on: v)
    try file.setAttribute("_FillValue", numbers: [-1], type: NC_SHORT, on: v)
    try file.endDefinitions()
    try file.write([2, -1, 6, 8, 10, 12] as [Double], to: v, start: [0, 0], count: [2, 3])
    try file.finish()
    #expect(!FileManager.default.fileExists(atPath: file.path))
    let back = try NetCDFFile(readingFrom: url)
    let speed = try back.variable(named: "speed")
    #expect(speed.shape == [2, 3])
    #expect(try back.text(attribute: "units", of: speed) == "m s-1")
    let values = try back.readFloats(speed)
    #expect(values[0] == 1 && values[1].isNaN && values[5] == 6)
  }
}
