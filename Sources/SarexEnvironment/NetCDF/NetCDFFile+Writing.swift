import CNetCDF
import Foundation

/// Writing netCDF-4 files: define dimensions, variables and attributes, then write values.
/// Files are written under a temporary name and renamed into place by `finish()`, so a reader
/// never sees a half-written file.
extension NetCDFFile {
  /// Starts a new netCDF-4 file that becomes `url` when `finish()` succeeds.
  public static func create(_ url: URL) throws(NetCDFError) -> NetCDFFile {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(
      ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    let file = try NetCDFFile(creating: temporary)
    file.finalURL = url
    return file
  }

  /// Defines a dimension; `length` nil makes it unlimited.
  @discardableResult
  public func defineDimension(_ name: String, length: Int?) throws(NetCDFError) -> NetCDFDimension {
    let id = ncid
    var dimID: Int32 = -1
    try check(withNetCDF { nc_def_dim(id, name, length ?? 0, &dimID) }, "nc_def_dim(\(name))")
    return NetCDFDimension(id: dimID, name: name, length: length ?? 0, isUnlimited: length == nil)
  }

  /// Defines a variable of external type `type` (`NC_FLOAT`, `NC_DOUBLE`, `NC_INT`, `NC_BYTE`,
  /// ...) over `dimensions` (slowest first), zlib-compressed at `deflateLevel` (0: none).
  @discardableResult
  public func defineVariable(
    _ name: String, type: Int32, dimensions: [NetCDFDimension], deflateLevel: Int32 = 0
  ) throws(NetCDFError) -> NetCDFVariable {
    let id = ncid
    var varID: Int32 = -1
    let dimIDs = dimensions.map(\.id)
    try check(
      withNetCDF { nc_def_var(id, name, type, Int32(dimIDs.count), dimIDs, &varID) },
      "nc_def_var", variable: name)
    if deflateLevel > 0 {
      try check(
        withNetCDF { nc_def_var_deflate(id, varID, 1, 1, deflateLevel) }, "nc_def_var_deflate",
        variable: name)
    }
    return NetCDFVariable(id: varID, name: name, type: type, dimensions: dimensions)
  }

  /// Sets a text attribute on `variable` (`nil`: global).
  public func setAttribute(_ name: String, text: String, on variable: NetCDFVariable?)
    throws(NetCDFError)
  {
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    let bytes = Array(text.utf8)
    try check(
      withNetCDF {
        nc_put_att_text(id, varID, name, bytes.count, bytes.map { CChar(bitPattern: $0) })
      },
      "nc_put_att_text(\(name))", variable: variable?.name)
  }

  /// Sets a numeric attribute stored as `type` (`NC_DOUBLE`, `NC_FLOAT`, `NC_SHORT`, ...).
  public func setAttribute(
    _ name: String, numbers: [Double], type: Int32 = NC_DOUBLE, on variable: NetCDFVariable?
  ) throws(NetCDFError) {
    let id = ncid
    let varID = variable?.id ?? NC_GLOBAL
    try check(
      withNetCDF { nc_put_att_double(id, varID, name, type, numbers.count, numbers) },
      "nc_put_att_double(\(name))", variable: variable?.name)
  }

  /// Ends the definition phase; required before writing values.
  public func endDefinitions() throws(NetCDFError) {
    let id = ncid
    try check(withNetCDF { nc_enddef(id) }, "nc_enddef")
  }

  /// Writes Double values (converted by netCDF-C to the variable's type) into a hyperslab;
  /// `start`/`count` nil writes the whole variable.
  public func write(
    _ values: [Double], to variable: NetCDFVariable, start: [Int]? = nil, count: [Int]? = nil
  ) throws(NetCDFError) {
    let (s, c) = try hyperslab(of: variable, valueCount: values.count, start: start, count: count)
    let id = ncid
    try check(
      withNetCDF { nc_put_vara_double(id, variable.id, s, c, values) }, "nc_put_vara_double",
      variable: variable.name)
  }

  /// Writes Float values into a hyperslab, as `write(_:[Double]...)`.
  public func write(
    _ values: [Float], to variable: NetCDFVariable, start: [Int]? = nil, count: [Int]? = nil
  ) throws(NetCDFError) {
    let (s, c) = try hyperslab(of: variable, valueCount: values.count, start: start, count: count)
    let id = ncid
    try check(
      withNetCDF { nc_put_vara_float(id, variable.id, s, c, values) }, "nc_put_vara_float",
      variable: variable.name)
  }

  /// The hyperslab `values` fill: the given start and count, or the whole variable.
  private func hyperslab(
    of variable: NetCDFVariable, valueCount: Int, start: [Int]?, count: [Int]?
  ) throws(NetCDFError) -> (start: [Int], count: [Int]) {
    let s = start ?? [Int](repeating: 0, count: variable.dimensions.count)
    let c = count ?? wholeShape(of: variable, valueCount: valueCount)
    guard c.reduce(1, *) == valueCount else {
      throw .badHyperslab(
        path: path, variable: variable.name,
        detail: "\(valueCount) values do not fill a hyperslab of \(c)")
    }
    return (s, c)
  }

  /// The shape of the whole variable, the unlimited dimension's length taken from the number
  /// of values being written.
  private func wholeShape(of variable: NetCDFVariable, valueCount: Int) -> [Int] {
    let fixed = variable.dimensions.filter { !$0.isUnlimited }.map(\.length).reduce(1, *)
    return variable.dimensions.map {
      $0.isUnlimited ? (fixed > 0 ? valueCount / fixed : 0) : $0.length
    }
  }

  /// Closes the file and renames it to the name given to `create`.
  public func finish() throws(NetCDFError) {
    try close()
    guard let finalURL else { return }
    do {
      if FileManager.default.fileExists(atPath: finalURL.path) {
        _ = try FileManager.default.replaceItemAt(finalURL, withItemAt: URL(fileURLWithPath: path))
      } else {
        try FileManager.default.moveItem(atPath: path, toPath: finalURL.path)
      }
    } catch {
      throw .library(path: finalURL.path, variable: nil, operation: "rename", reason: "\(error)")
    }
    isFinished = true
  }
}
