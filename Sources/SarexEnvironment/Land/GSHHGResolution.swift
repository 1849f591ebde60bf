import Foundation

/// The five resolutions of the GSHHG shoreline database as GMT bins them (GSHHG 2.3.7).
///
/// Full resolution is the default: it is what OpenDrift's `roaring_landmask` uses, and the drift
/// must strand particles where OpenDrift does. Coarser resolutions load faster and suit maps of
/// large areas.
public enum GSHHGResolution: String, Sendable, CaseIterable, CustomStringConvertible {
  case full = "f"
  case high = "h"
  case intermediate = "i"
  case low = "l"
  case crude = "c"

  /// Where Debian's `gmt-gshhg-*` packages install the binned files.
  public static let debianDirectory = "/usr/share/gmt-gshhg"

  /// The binned file's name, as GMT spells it.
  public var fileName: String { "binned_GSHHS_\(rawValue).nc" }

  /// The Debian package that installs this resolution's file.
  public var debianPackage: String {
    switch self {
    case .full: "gmt-gshhg-full"
    case .high: "gmt-gshhg-high"
    case .intermediate, .low, .crude: "gmt-gshhg-low"
    }
  }

  /// Accepts GMT's one-letter codes (`f`, `h`, `i`, `l`, `c`) and the full names (`full`, ...).
  public init?(name: String) {
    let lowered = name.lowercased()
    if let byCode = GSHHGResolution(rawValue: lowered) {
      self = byCode
    } else if let byName = GSHHGResolution.allCases.first(where: { $0.description == lowered }) {
      self = byName
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .full: "full"
    case .high: "high"
    case .intermediate: "intermediate"
    case .low: "low"
    case .crude: "crude"
    }
  }
}
