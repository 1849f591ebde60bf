import CNetCDF
import Foundation
import SarexEnvironment
import Synchronization

/// Why a NetCDF output file could not be written; names the file and netCDF-C's reason.
public enum NetCDFOutputError: Error, CustomStringConvertible, Equatable {
  /// A netCDF-C call failed: what was being done, and the library's message.
  case library(path: String, action: String, message: String)
  /// The caller broke the writer's contract (appending after close, wrong array length).
  case misuse(path: String, problem: String)
  /// The finished temporary file could not be renamed onto the path asked for.
  case cannotRename(path: String, reason: String)

  public var description: String {
    switch self {
    case .library(let path, let action, let message):
      "NetCDF file \(path): cannot \(action): \(message)"
    case .misuse(let path, let problem):
      "NetCDF file \(path): \(problem)"
    case .cannotRename(let path, let reason):
      "NetCDF file \(path): cannot move the finished file into place: \(reason)"
    }
  }
}

/// The only place in the output code that calls netCDF-C: a NetCDF-4 file being created, with
/// just the calls a trajectory file needs. Every failing call becomes a ``NetCDFOutputError`` that
/// names `displayPath` (the file the user asked for, not the temporary name).
///
/// netCDF-C and HDF5 (as Debian builds them) are not thread-safe, even across different files, so
/// every call goes through ``NetCDFLibrary/withLock(_:)``; readers elsewhere in the process must
/// take the same lock.
struct NetCDFOutputFile {
  let ncid: Int32
  let displayPath: String

  /// Creates (clobbering) a NetCDF-4 file at `path`, in define mode.
  init(creating path: String, displayPath: String) throws(NetCDFOutputError) {
    // Checked first: HDF5 would print its own error stack to stderr for a missing directory.
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    guard access(directory, W_OK) == 0 else {
      throw .library(
        path: displayPath, action: "create it",
        message: "directory \(directory): \(String(cString: strerror(errno)))")
    }
    var id: Int32 = -1
    let status = NetCDFLibrary.withLock { nc_create(path, NC_NETCDF4 | NC_CLOBBER, &id) }
    guard status == NC_NOERR else {
      throw .library(
        path: displayPath, action: "create it", message: String(cString: nc_strerror(status)))
    }
    ncid = id
    self.displayPath = displayPath
  }

  /// Throws if `status` is a netCDF-C error.
  func check(_ status: @autoclosure () -> Int32, _ action: @autoclosure () -> String)
    throws(NetCDFOutputError)
  {
    let status = NetCDFLibrary.withLock { status() }
    guard status == NC_NOERR else {
      throw .library(
        path: displayPath, action: action(), message: String(cString: nc_strerror(status)))
    }
  }

  func defineDimension(_ name: String, length: Int) throws(NetCDFOutputError) -> Int32 {
    var id: Int32 = -1
    try check(nc_def_dim(ncid, name, length, &id), "define dimension \(name)")
    return id
  }

  /// Defines a variable over `dimensions`; `chunks` (one per dimension) when chunked storage is
  /// wanted, `deflateLevel` 1...9 to compress with shuffle.
  func defineVariable(
    _ name: String, type: nc_type, dimensions: [Int32], chunks: [Int]? = nil,
    deflateLevel: Int? = nil
  ) throws(NetCDFOutputError) -> Int32 {
    var id: Int32 = -1
    try check(
      nc_def_var(ncid, name, type, Int32(dimensions.count), dimensions, &id),
      "define variable \(name)")
    if var chunks {
      try check(
        nc_def_var_chunking(ncid, id, NC_CHUNKED, &chunks), "set the chunking of \(name)")
    }
    if let deflateLevel {
      try check(
        nc_def_var_deflate(ncid, id, 1, 1, Int32(deflateLevel)), "set compression of \(name)")
    }
    return id
  }

  /// Sets the `_FillValue` of a variable; `T` must be the variable's C type (Float, Int32, ...).
  func setFill<T: BitwiseCopyable>(_ variable: Int32, _ name: String, value: T)
    throws(NetCDFOutputError)
  {
    var fill = value
    try withUnsafeBytes(of: &fill) { (bytes) throws(NetCDFOutputError) in
      try check(
        nc_def_var_fill(ncid, variable, 0, bytes.baseAddress), "set the _FillValue of \(name)")
    }
  }

  /// A text attribute; `variable` nil for a global one.
  func put(_ name: String, _ value: String, variable: Int32? = nil) throws(NetCDFOutputError) {
    let bytes = Array(value.utf8)
    try check(
      nc_put_att_text(ncid, variable ?? NC_GLOBAL, name, bytes.count, bytes),
      "write attribute \(name)")
  }

  func put(_ name: String, _ values: [Int32], variable: Int32? = nil) throws(NetCDFOutputError) {
    try check(
      nc_put_att_int(ncid, variable ?? NC_GLOBAL, name, NC_INT, values.count, values),
      "write attribute \(name)")
  }

  func put(_ name: String, _ values: [Double], variable: Int32? = nil) throws(NetCDFOutputError) {
    try check(
      nc_put_att_double(ncid, variable ?? NC_GLOBAL, name, NC_DOUBLE, values.count, values),
      "write attribute \(name)")
  }

  func endDefinitions() throws(NetCDFOutputError) {
    try check(nc_enddef(ncid), "leave define mode")
  }

  func redefine() throws(NetCDFOutputError) {
    try check(nc_redef(ncid), "re-enter define mode")
  }

  /// Writes a hyperslab of `variable`.
  func write(
    _ variable: Int32, _ name: String, start: [Int], count: [Int], floats: UnsafePointer<Float>
  ) throws(NetCDFOutputError) {
    try check(nc_put_vara_float(ncid, variable, start, count, floats), "write \(name)")
  }

  func write(
    _ variable: Int32, _ name: String, start: [Int], count: [Int], doubles: UnsafePointer<Double>
  ) throws(NetCDFOutputError) {
    try check(nc_put_vara_double(ncid, variable, start, count, doubles), "write \(name)")
  }

  func write(
    _ variable: Int32, _ name: String, start: [Int], count: [Int], ints: UnsafePointer<Int32>
  ) throws(NetCDFOutputError) {
    try check(nc_put_vara_int(ncid, variable, start, count, ints), "write \(name)")
  }

  func close() throws(NetCDFOutputError) {
    try check(nc_close(ncid), "close it")
  }

  /// Closes without reporting: for abandoning a file after an error.
  func abandon() {
    _ = NetCDFLibrary.withLock { nc_close(ncid) }
  }
}
