import CNetCDF
import Foundation

/// How stored values of a variable become physical values (CF packing and missing values).
public struct NetCDFPacking: Sendable, Equatable {
  /// `scale_factor` (1 when absent).
  public var scale: Double = 1
  /// `add_offset` (0 when absent).
  public var offset: Double = 0
  /// True when `scale_factor` or `add_offset` is stored as float32: then unpacking to Float is
  /// done in float32 arithmetic, as xarray does (which is what OpenDrift reads through).
  public var packedAsFloat = false
  /// Whether any packing attribute is present.
  public var isPacked = false
  /// Raw values that mean "no data": `_FillValue` and `missing_value`.
  public var missingValues: [Double] = []
}

extension NetCDFFile {
  /// The packing and missing-value attributes of `variable`.
  public func packing(of variable: NetCDFVariable) throws(NetCDFError) -> NetCDFPacking {
    var p = NetCDFPacking()
    if let scale = try attributeInfo("scale_factor", of: variable),
      let value = try number(attribute: "scale_factor", of: variable)
    {
      p.scale = value
      p.isPacked = true
      p.packedAsFloat = scale.type == NC_FLOAT
    }
    if let offset = try attributeInfo("add_offset", of: variable),
      let value = try number(attribute: "add_offset", of: variable)
    {
      p.offset = value
      p.isPacked = true
      p.packedAsFloat = p.packedAsFloat || offset.type == NC_FLOAT
    }
    for name in ["_FillValue", "missing_value"] {
      if let values = try numbers(attribute: name, of: variable) { p.missingValues += values }
    }
    return p
  }

  /// Reads raw stored values (no unpacking) of a hyperslab as Double. `start` and `count` have
  /// one entry per dimension; `nil` means the whole variable.
  public func readRaw(_ variable: NetCDFVariable, start: [Int]? = nil, count: [Int]? = nil)
    throws(NetCDFError) -> [Double]
  {
    let (s, c) = try hyperslab(variable, start: start, count: count)
    let total = c.reduce(1, *)
    var values = [Double](repeating: .nan, count: total)
    guard total > 0 else { return values }
    let id = ncid
    let varID = variable.id
    let status = values.withUnsafeMutableBufferPointer { buffer in
      s.withUnsafeBufferPointer { sp in
        c.withUnsafeBufferPointer { cp in
          withNetCDF {
            nc_get_vara_double(id, varID, sp.baseAddress, cp.baseAddress, buffer.baseAddress)
          }
        }
      }
    }
    try check(status, "nc_get_vara_double", variable: variable.name)
    return values
  }

  /// Reads a hyperslab as physical Double values: `scale_factor` and `add_offset` applied,
  /// `_FillValue` and `missing_value` (and the netCDF default fill of float variables) as NaN.
  public func readDoubles(_ variable: NetCDFVariable, start: [Int]? = nil, count: [Int]? = nil)
    throws(NetCDFError) -> [Double]
  {
    var values = try readRaw(variable, start: start, count: count)
    let p = try packing(of: variable)
    let missing = missingValues(p, type: variable.type)
    for k in values.indices {
      let raw = values[k]
      values[k] = missing.contains(raw) ? .nan : raw * p.scale + p.offset
    }
    return values
  }

  /// Reads a hyperslab as physical Float values, as `readDoubles`. When the packing attributes
  /// are float32 the arithmetic is float32 (`Float(raw) * scale + offset`, offset skipped when
  /// 0) exactly as xarray decodes it, so values match OpenDrift's bit for bit.
  public func readFloats(
    _ variable: NetCDFVariable, start: [Int]? = nil, count: [Int]? = nil,
    packing known: NetCDFPacking? = nil
  ) throws(NetCDFError) -> [Float] {
    // The packing attributes cost several library calls: a caller reading many slices of one
    // variable passes them once (`packing(of:)`).
    let packing: NetCDFPacking
    if let known { packing = known } else { packing = try self.packing(of: variable) }
    let (_, c) = try hyperslab(variable, start: start, count: count)
    let total = c.reduce(1, *)
    var scratch = NetCDFReadScratch()
    var failure: NetCDFError? = nil
    let values = [Float](unsafeUninitializedCapacity: total) { out, initialized in
      do throws(NetCDFError) {
        try readFloats(
          variable, start: start, count: count, packing: packing, into: out, scratch: &scratch)
      } catch {
        failure = error
        out.initialize(repeating: .nan)
      }
      initialized = total
    }
    if let failure { throw failure }
    return values
  }

  /// `readFloats` into `out`, which must hold exactly the hyperslab's number of values, with
  /// `scratch` reused between calls for the raw values: a caller reading many slices allocates
  /// (and faults in) nothing per slice. Float32 variables are read straight into `out`.
  public func readFloats(
    _ variable: NetCDFVariable, start: [Int]?, count: [Int]?, packing: NetCDFPacking,
    into out: UnsafeMutableBufferPointer<Float>, scratch: inout NetCDFReadScratch
  ) throws(NetCDFError) {
    let (s, c) = try hyperslab(variable, start: start, count: count)
    let total = c.reduce(1, *)
    guard total == out.count else {
      throw .badHyperslab(
        path: path, variable: variable.name,
        detail: "the hyperslab has \(total) values, the buffer \(out.count)")
    }
    guard total > 0 else { return }
    // 16-bit and float32 variables (packed forcing, float forcing) are read in their own type:
    // half or a quarter of the bytes of Double, and every value converts to the same Double
    // that netCDF-C's conversion gives, so the result is the same.
    switch variable.type {
    case NC_SHORT:
      if scratch.shorts.count < total { scratch.shorts = [Int16](repeating: 0, count: total) }
      try scratch.shorts.withUnsafeMutableBufferPointer { raw throws(NetCDFError) in
        let r = UnsafeMutableBufferPointer(rebasing: raw[0..<total])
        try readNative(variable, s, c, into: r, nc_get_vara_short)
        unpackFloats(variable, UnsafeBufferPointer(r), packing, into: out) { Double($0) }
      }
    case NC_FLOAT:
      // Read in place: the unpacking reads each value before writing the same index.
      try readNative(variable, s, c, into: out, nc_get_vara_float)
      unpackFloats(variable, UnsafeBufferPointer(out), packing, into: out) { Double($0) }
    default:
      let raw = try readRaw(variable, start: start, count: count)
      raw.withUnsafeBufferPointer { r in
        unpackFloats(variable, r, packing, into: out) { $0 }
      }
    }
  }

  /// Applies packing and missing values to raw values (as Double through `double`).
  private func unpackFloats<T>(
    _ variable: NetCDFVariable, _ r: UnsafeBufferPointer<T>, _ p: NetCDFPacking,
    into out: UnsafeMutableBufferPointer<Float>, double: (T) -> Double
  ) {
    let missing = missingValues(p, type: variable.type)
    let scaleF = Float(p.scale)
    let offsetF = Float(p.offset)
    let offsetIsZero = p.offset == 0
    // Missing values padded to two (NaN never equals a raw value) so the loop has no inner loop.
    let m0 = missing.first ?? .nan
    let m1 = missing.count > 1 ? missing[1] : .nan
    let extra = missing.dropFirst(2)
    let n = min(r.count, out.count)
    // The usual cases in loops of their own, without branches (so they vectorise); the
    // general loop below gives the same values.
    if extra.isEmpty && !p.isPacked {
      for k in 0..<n {
        let x = double(r[k])
        out[k] = x == m0 || x == m1 ? .nan : Float(x)
      }
      return
    }
    if extra.isEmpty && p.isPacked && p.packedAsFloat && offsetIsZero {
      for k in 0..<n {
        let x = double(r[k])
        out[k] = x == m0 || x == m1 ? .nan : Float(x) * scaleF
      }
      return
    }
    for k in 0..<n {
      let x = double(r[k])
      var value: Float
      if !p.isPacked {
        value = Float(x)
      } else if p.packedAsFloat {
        let scaled = Float(x) * scaleF
        value = offsetIsZero ? scaled : scaled + offsetF
      } else {
        value = Float(x * p.scale + p.offset)
      }
      if x == m0 || x == m1 || (!extra.isEmpty && extra.contains(x)) { value = .nan }
      out[k] = value
    }
  }

  /// Reads a checked hyperslab (`s`, `c`) in the variable's own type `T` into `out` with the
  /// matching `nc_get_vara_*`.
  private func readNative<T>(
    _ variable: NetCDFVariable, _ s: [Int], _ c: [Int], into out: UnsafeMutableBufferPointer<T>,
    _ get: (Int32, Int32, UnsafePointer<Int>?, UnsafePointer<Int>?, UnsafeMutablePointer<T>?)
      -> Int32
  ) throws(NetCDFError) {
    let id = ncid
    let varID = variable.id
    let status = s.withUnsafeBufferPointer { sp in
      c.withUnsafeBufferPointer { cp in
        withNetCDF { get(id, varID, sp.baseAddress, cp.baseAddress, out.baseAddress) }
      }
    }
    try check(status, "nc_get_vara", variable: variable.name)
  }

  /// `start` and `count` checked against the variable's shape (`nil`: the whole variable).
  private func hyperslab(_ variable: NetCDFVariable, start: [Int]?, count: [Int]?)
    throws(NetCDFError) -> ([Int], [Int])
  {
    let shape = variable.shape
    let s = start ?? [Int](repeating: 0, count: shape.count)
    let c = count ?? shape
    guard s.count == shape.count, c.count == shape.count else {
      throw .badHyperslab(
        path: path, variable: variable.name,
        detail: "expected \(shape.count) start and count entries, got \(s.count) and \(c.count)")
    }
    for k in 0..<shape.count where s[k] < 0 || c[k] < 0 || s[k] + c[k] > shape[k] {
      throw .badHyperslab(
        path: path, variable: variable.name,
        detail:
          "dimension \(variable.dimensions[k].name): start \(s[k]) count \(c[k]) exceeds length \(shape[k])"
      )
    }
    return (s, c)
  }

  private func missingValues(_ p: NetCDFPacking, type: Int32) -> [Double] {
    if !p.missingValues.isEmpty { return p.missingValues }
    if type == NC_FLOAT { return [Double(NC_FILL_FLOAT)] }
    if type == NC_DOUBLE { return [NC_FILL_DOUBLE] }
    return []
  }
}

/// Raw-value storage that `NetCDFFile.readFloats(_:start:count:packing:into:scratch:)` reuses
/// between calls.
public struct NetCDFReadScratch: Sendable {
  var shorts: [Int16] = []

  public init() {}
}
