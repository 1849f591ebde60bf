import CNetCDF
import Foundation

/// The raw netCDF-C calls for reading a GSHHG binned file, kept in this one small type.
///
/// Only one-dimensional integer variables are needed. Every failure becomes a `GSHHGError` that
/// names the file and the variable. The file is closed when the value goes away.
final class GSHHGNetCDFFile {
  let path: String
  private let ncid: Int32

  init(path: String, resolution: GSHHGResolution) throws(GSHHGError) {
    self.path = path
    guard FileManager.default.fileExists(atPath: path) else {
      throw .fileMissing(path: path, resolution: resolution)
    }
    var id: Int32 = 0
    let status = NetCDFLibrary.withLock { nc_open(path, NC_NOWRITE, &id) }
    guard status == NC_NOERR else {
      throw .unreadable(path: path, reason: Self.message(status))
    }
    ncid = id
  }

  deinit { _ = NetCDFLibrary.withLock { nc_close(ncid) } }

  /// True when the file has a variable of this name.
  func has(_ name: String) -> Bool {
    var varid: Int32 = 0
    return NetCDFLibrary.withLock { nc_inq_varid(ncid, name, &varid) } == NC_NOERR
  }

  /// The length of a one-dimensional variable.
  func length(of name: String) throws(GSHHGError) -> Int {
    let varid = try variable(name)
    var ndims: Int32 = 0
    try check(NetCDFLibrary.withLock { nc_inq_varndims(ncid, varid, &ndims) }, name)
    guard ndims == 1 else {
      throw .malformed(path: path, detail: "variable \(name) has \(ndims) dimensions, expected 1")
    }
    var dimid: Int32 = 0
    try check(NetCDFLibrary.withLock { nc_inq_vardimid(ncid, varid, &dimid) }, name)
    var length = 0
    try check(NetCDFLibrary.withLock { nc_inq_dimlen(ncid, dimid, &length) }, name)
    return length
  }

  /// The first element of an integer variable (GMT stores its scalars as length-1 arrays).
  func scalar(_ name: String) throws(GSHHGError) -> Int {
    Int(try int32s(name, start: 0, count: 1)[0])
  }

  func int32s(_ name: String, start: Int, count: Int) throws(GSHHGError) -> [Int32] {
    try read(name, start: start, count: count) { id, v, s, c, p in nc_get_vara_int(id, v, s, c, p) }
  }

  func int16s(_ name: String, start: Int, count: Int) throws(GSHHGError) -> [Int16] {
    try read(name, start: start, count: count) { id, v, s, c, p in
      nc_get_vara_short(id, v, s, c, p)
    }
  }

  func int8s(_ name: String, start: Int, count: Int) throws(GSHHGError) -> [Int8] {
    try read(name, start: start, count: count) { id, v, s, c, p in
      nc_get_vara_schar(id, v, s, c, p)
    }
  }

  private func read<T: FixedWidthInteger>(
    _ name: String, start: Int, count: Int,
    _ get: (
      Int32, Int32, UnsafePointer<Int>, UnsafePointer<Int>, UnsafeMutablePointer<T>
    ) -> Int32
  ) throws(GSHHGError) -> [T] {
    let varid = try variable(name)
    guard count > 0 else { return [] }
    var values = [T](repeating: 0, count: count)
    var s = start
    var c = count
    let status = values.withUnsafeMutableBufferPointer { buffer in
      NetCDFLibrary.withLock { get(ncid, varid, &s, &c, buffer.baseAddress!) }
    }
    try check(status, "\(name)[\(start)..<\(start + count)]")
    return values
  }

  private func variable(_ name: String) throws(GSHHGError) -> Int32 {
    var varid: Int32 = 0
    guard NetCDFLibrary.withLock({ nc_inq_varid(ncid, name, &varid) }) == NC_NOERR else {
      throw .malformed(path: path, detail: "variable \(name) is missing")
    }
    return varid
  }

  private func check(_ status: Int32, _ what: String) throws(GSHHGError) {
    guard status == NC_NOERR else {
      throw .unreadable(path: path, reason: "reading \(what): \(Self.message(status))")
    }
  }

  private static func message(_ status: Int32) -> String {
    guard let text = nc_strerror(status) else { return "netCDF error \(status)" }
    return String(cString: text)
  }
}
