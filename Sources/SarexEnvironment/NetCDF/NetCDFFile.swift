import CNetCDF
import Foundation

/// A dimension of a netCDF file.
public struct NetCDFDimension: Sendable, Equatable {
  public let id: Int32
  public let name: String
  public let length: Int
  public let isUnlimited: Bool
}

/// A variable of a netCDF file: its name, external type (an `NC_*` type code) and dimensions in
/// storage order (slowest first).
public struct NetCDFVariable: Sendable, Equatable {
  public let id: Int32
  public let name: String
  public let type: Int32
  public let dimensions: [NetCDFDimension]
  /// Lengths of the dimensions, slowest first.
  public var shape: [Int] { dimensions.map(\.length) }
  /// Number of values in the whole variable.
  public var count: Int { shape.reduce(1, *) }
}

/// An open netCDF file (netCDF-3 or netCDF-4/HDF5), the one place Sarex talks to netCDF-C.
///
/// A reference type because it owns the C file handle, closed when the last reference goes.
/// Not `Sendable`: use one instance from one task at a time (the C calls themselves are
/// serialised by a library-wide lock, so separate instances may live on separate threads).
/// Every failing `nc_*` call becomes a `NetCDFError` naming the file and the variable.
public final class NetCDFFile {
  /// The file's path, used in every error message.
  public let path: String
  let ncid: Int32
  private var isOpen = true
  /// For files made by `create`: the name the finished file gets.
  var finalURL: URL? = nil
  /// Set by `finish()` once the file has its final name.
  var isFinished = false

  /// Opens an existing file for reading.
  public init(readingFrom url: URL) throws(NetCDFError) {
    let path = url.path
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else {
      throw .fileNotFound(path: path)
    }
    var id: Int32 = -1
    let status = withNetCDF { nc_open(path, NC_NOWRITE, &id) }
    guard status == NC_NOERR else {
      throw .cannotOpen(path: path, reason: netCDFMessage(status))
    }
    ncid = id
  }

  /// Creates (or replaces) a netCDF-4 file for writing; see `NetCDFFile+Writing.swift`.
  init(creating url: URL) throws(NetCDFError) {
    let path = url.path
    self.path = path
    var id: Int32 = -1
    let status = withNetCDF { nc_create(path, NC_NETCDF4 | NC_CLOBBER, &id) }
    guard status == NC_NOERR else {
      throw .cannotOpen(path: path, reason: netCDFMessage(status))
    }
    ncid = id
  }

  deinit {
    if isOpen {
      let id = ncid
      _ = withNetCDF { nc_close(id) }
    }
    // A file from `create` that was never finished is left-over temporary output.
    if finalURL != nil, !isFinished { try? FileManager.default.removeItem(atPath: path) }
  }

  /// Closes the file now, reporting errors (for writers: flushing may fail on a full disk).
  public func close() throws(NetCDFError) {
    guard isOpen else { return }
    isOpen = false
    let id = ncid
    try check(withNetCDF { nc_close(id) }, "nc_close")
  }

  /// Throws a `NetCDFError.library` for a failing status.
  func check(_ status: Int32, _ operation: String, variable: String? = nil) throws(NetCDFError) {
    guard status == NC_NOERR else {
      throw .library(
        path: path, variable: variable, operation: operation, reason: netCDFMessage(status))
    }
  }

  /// All dimensions of the file.
  public func dimensions() throws(NetCDFError) -> [NetCDFDimension] {
    let id = ncid
    var count: Int32 = 0
    try check(withNetCDF { nc_inq_ndims(id, &count) }, "nc_inq_ndims")
    var unlimited = [Int32](repeating: -1, count: 64)
    var unlimitedCount: Int32 = 0
    try check(withNetCDF { nc_inq_unlimdims(id, &unlimitedCount, nil) }, "nc_inq_unlimdims")
    if unlimitedCount > 0 {
      unlimited = [Int32](repeating: -1, count: Int(unlimitedCount))
      try check(
        withNetCDF { nc_inq_unlimdims(id, &unlimitedCount, &unlimited) }, "nc_inq_unlimdims")
    }
    var ids = [Int32](repeating: 0, count: Int(count))
    var n: Int32 = 0
    try check(withNetCDF { nc_inq_dimids(id, &n, &ids, 0) }, "nc_inq_dimids")
    var result: [NetCDFDimension] = []
    for dimID in ids.prefix(Int(n)) {
      result.append(try dimension(id: dimID, unlimited: unlimited))
    }
    return result
  }

  private func dimension(id dimID: Int32, unlimited: [Int32]) throws(NetCDFError) -> NetCDFDimension
  {
    let id = ncid
    var name = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
    var length = 0
    try check(withNetCDF { nc_inq_dim(id, dimID, &name, &length) }, "nc_inq_dim")
    return NetCDFDimension(
      id: dimID,
      name: String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
      length: length, isUnlimited: unlimited.contains(dimID))
  }

  /// The dimension with this name.
  public func dimension(named name: String) throws(NetCDFError) -> NetCDFDimension {
    guard let d = try dimensions().first(where: { $0.name == name }) else {
      throw .missingDimension(path: path, dimension: name)
    }
    return d
  }

  /// All variables of the file, in definition order.
  public func variables() throws(NetCDFError) -> [NetCDFVariable] {
    let id = ncid
    var count: Int32 = 0
    try check(withNetCDF { nc_inq_nvars(id, &count) }, "nc_inq_nvars")
    let dims = try dimensions()
    var result: [NetCDFVariable] = []
    for varID in 0..<count {
      result.append(try variable(id: varID, dimensions: dims))
    }
    return result
  }

  private func variable(id varID: Int32, dimensions dims: [NetCDFDimension]) throws(NetCDFError)
    -> NetCDFVariable
  {
    let id = ncid
    var name = [CChar](repeating: 0, count: Int(NC_MAX_NAME) + 1)
    var type: nc_type = 0
    var ndims: Int32 = 0
    var dimIDs = [Int32](repeating: 0, count: 64)
    try check(
      withNetCDF { nc_inq_var(id, varID, &name, &type, &ndims, &dimIDs, nil) }, "nc_inq_var")
    let varDims = dimIDs.prefix(Int(ndims)).compactMap { d in dims.first { $0.id == d } }
    return NetCDFVariable(
      id: varID,
      name: String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self),
      type: type, dimensions: varDims)
  }

  /// The variable with this name, or `nil`.
  public func variableIfPresent(named name: String) throws(NetCDFError) -> NetCDFVariable? {
    let id = ncid
    var varID: Int32 = -1
    let status = withNetCDF { nc_inq_varid(id, name, &varID) }
    if status == NC_ENOTVAR { return nil }
    try check(status, "nc_inq_varid", variable: name)
    return try variable(id: varID, dimensions: dimensions())
  }

  /// The variable with this name; throws `missingVariable` when absent.
  public func variable(named name: String) throws(NetCDFError) -> NetCDFVariable {
    guard let v = try variableIfPresent(named: name) else {
      throw .missingVariable(path: path, variable: name)
    }
    return v
  }
}
