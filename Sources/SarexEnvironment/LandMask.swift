import Foundation

/// The seam for "is this position on land?". Particles that reach land are stranded.
public protocol LandMask: Sendable {
  /// True when the position (degrees, WGS 84) is on land.
  func isLand(longitude: Double, latitude: Double) -> Bool
}

/// A world without land: for open-ocean tests and analytic cases.
public struct NoLand: LandMask {
  public init() {}
  public func isLand(longitude: Double, latitude: Double) -> Bool { false }
}
