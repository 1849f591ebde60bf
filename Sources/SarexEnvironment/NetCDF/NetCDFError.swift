import Foundation

/// What went wrong while reading or writing a netCDF file. Every message names the file, the
/// variable or attribute when there is one, and what was expected, so a user can fix the input.
public enum NetCDFError: Error, CustomStringConvertible, Equatable {
  /// The file does not exist.
  case fileNotFound(path: String)
  /// The file exists but netCDF-C could not open it (not netCDF, truncated, unreadable).
  case cannotOpen(path: String, reason: String)
  /// A variable the caller asked for is absent.
  case missingVariable(path: String, variable: String)
  /// A dimension the caller asked for is absent.
  case missingDimension(path: String, dimension: String)
  /// A hyperslab does not fit the variable's shape.
  case badHyperslab(path: String, variable: String, detail: String)
  /// Any other netCDF-C call failed: `operation` names the call, `reason` is nc_strerror.
  case library(path: String, variable: String?, operation: String, reason: String)

  public var description: String {
    switch self {
    case .fileNotFound(let path):
      return "netCDF file \(path) does not exist."
    case .cannotOpen(let path, let reason):
      return "Cannot open \(path) as netCDF: \(reason) (is it a netCDF-3 or netCDF-4 file?)."
    case .missingVariable(let path, let variable):
      return "netCDF file \(path) has no variable named '\(variable)'."
    case .missingDimension(let path, let dimension):
      return "netCDF file \(path) has no dimension named '\(dimension)'."
    case .badHyperslab(let path, let variable, let detail):
      return "Bad hyperslab for variable '\(variable)' of \(path): \(detail)."
    case .library(let path, let variable, let operation, let reason):
      let what = variable.map { "variable '\($0)' of " } ?? ""
      return "netCDF error in \(operation) on \(what)\(path): \(reason)."
    }
  }
}
