import Foundation

/// Why a GSHHG shoreline file could not be used. The text names the file and what to do.
public enum GSHHGError: Error, CustomStringConvertible, Equatable {
  /// The binned file is not there: the Debian package is missing.
  case fileMissing(path: String, resolution: GSHHGResolution)
  /// netCDF-C could not open or read the file.
  case unreadable(path: String, reason: String)
  /// The file opened but does not have GMT's binned GSHHG layout.
  case malformed(path: String, detail: String)
  /// The requested region is not a usable longitude/latitude box.
  case invalidRegion(String)

  public var description: String {
    switch self {
    case .fileMissing(let path, let resolution):
      return "The GSHHG \(resolution) resolution shoreline file \(path) is missing; "
        + "install it with `apt-get install \(resolution.debianPackage)`."
    case .unreadable(let path, let reason):
      return "The GSHHG shoreline file \(path) cannot be read (\(reason)); "
        + "reinstall it with `apt-get install --reinstall gmt-gshhg-full` "
        + "(or -high/-low for the coarser resolutions)."
    case .malformed(let path, let detail):
      return "The GSHHG shoreline file \(path) is not a GMT binned GSHHG file: \(detail); "
        + "reinstall it with `apt-get install --reinstall gmt-gshhg-full` "
        + "(or -high/-low for the coarser resolutions)."
    case .invalidRegion(let detail):
      return "The land mask region is not a valid longitude/latitude box: \(detail)."
    }
  }
}
