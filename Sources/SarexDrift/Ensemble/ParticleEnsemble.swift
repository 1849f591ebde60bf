import Foundation
import SarexGeo

/// The Monte Carlo ensemble: every particle's position, status, Leeway coefficients, prior weight
/// and search history, as a struct of arrays over contiguous storage.
///
/// A value type with copy-on-write storage: an observer may keep a copy of an output time's
/// ensemble and the running simulation will not change it.
public struct ParticleEnsemble: Sendable {
  var columns: ParticleColumns
  /// The classes particles refer to by `classIndex`.
  public let classes: [LeewayClass]
  /// Names of the seeding scenarios particles refer to by `scenarioIndex`.
  public let scenarioNames: [String]

  init(columns: ParticleColumns, classes: [LeewayClass], scenarioNames: [String]) {
    self.columns = columns
    self.classes = classes
    self.scenarioNames = scenarioNames
  }

  /// Number of particles (all statuses).
  public var count: Int { columns.count }

  mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&columns) { columns = columns.copy() }
  }

  /// Read-only views of the columns, valid inside `withColumns`.
  public struct Columns {
    /// Longitude in degrees east, [-180, 180].
    public let longitudeDegrees: UnsafeBufferPointer<Double>
    /// Latitude in degrees north.
    public let latitudeDegrees: UnsafeBufferPointer<Double>
    /// `ParticleStatus` raw values.
    public let status: UnsafeBufferPointer<UInt8>
    /// 0: crosswind from the positive table row, 1: from the negative row (OpenDrift's
    /// `orientation`).
    public let orientation: UnsafeBufferPointer<UInt8>
    /// Release time, seconds since 1970-01-01T00:00:00Z.
    public let releaseTime: UnsafeBufferPointer<Double>
    /// Index into `ParticleEnsemble.scenarioNames`.
    public let scenarioIndex: UnsafeBufferPointer<Int32>
    /// Index into `ParticleEnsemble.classes`.
    public let classIndex: UnsafeBufferPointer<Int32>
    /// Prior weight.
    public let weight: UnsafeBufferPointer<Double>
    /// Cumulative probability of failed detection.
    public let pFail: UnsafeBufferPointer<Double>
    /// Per-particle Leeway coefficients, SI (slopes dimensionless, the rest m/s).
    public let downwindSlope: UnsafeBufferPointer<Double>
    public let downwindOffset: UnsafeBufferPointer<Double>
    public let downwindEpsilon: UnsafeBufferPointer<Double>
    public let crosswindSlope: UnsafeBufferPointer<Double>
    public let crosswindOffset: UnsafeBufferPointer<Double>
    public let crosswindEpsilon: UnsafeBufferPointer<Double>

    init(_ c: ParticleColumns) {
      func v<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeBufferPointer<T> {
        UnsafeBufferPointer(start: p, count: c.count)
      }
      longitudeDegrees = v(c.longitudeDegrees)
      latitudeDegrees = v(c.latitudeDegrees)
      status = v(c.status)
      orientation = v(c.orientation)
      releaseTime = v(c.releaseTime)
      scenarioIndex = v(c.scenarioIndex)
      classIndex = v(c.classIndex)
      weight = v(c.weight)
      pFail = v(c.pFail)
      downwindSlope = v(c.downwindSlope)
      downwindOffset = v(c.downwindOffset)
      downwindEpsilon = v(c.downwindEpsilon)
      crosswindSlope = v(c.crosswindSlope)
      crosswindOffset = v(c.crosswindOffset)
      crosswindEpsilon = v(c.crosswindEpsilon)
    }
  }

  /// Calls `body` with read-only views of all columns (no copy). Do not let them escape.
  public func withColumns<R>(_ body: (Columns) throws -> R) rethrows -> R {
    try withExtendedLifetime(columns) { try body(Columns(columns)) }
  }

  /// Longitudes in degrees (a copy).
  public var longitudesDegrees: [Double] { withColumns { Array($0.longitudeDegrees) } }
  /// Latitudes in degrees (a copy).
  public var latitudesDegrees: [Double] { withColumns { Array($0.latitudeDegrees) } }
  /// Statuses (a copy).
  public var statuses: [ParticleStatus] {
    withColumns { $0.status.map { ParticleStatus(rawValue: $0) ?? .missingData } }
  }
  /// Prior weights (a copy).
  public var weights: [Double] { withColumns { Array($0.weight) } }
  /// Cumulative probabilities of failed detection (a copy).
  public var pFail: [Double] { withColumns { Array($0.pFail) } }

  /// The position of particle `i`.
  public func position(at i: Int) -> GeoPoint {
    GeoPoint(
      longitudeDegrees: columns.longitudeDegrees[i], latitudeDegrees: columns.latitudeDegrees[i])
  }

  /// The status of particle `i`.
  public func status(at i: Int) -> ParticleStatus {
    ParticleStatus(rawValue: columns.status[i]) ?? .missingData
  }

  /// How many particles have `status`.
  public func count(of status: ParticleStatus) -> Int {
    withColumns { c in
      var n = 0
      for s in c.status where s == status.rawValue { n += 1 }
      return n
    }
  }

  /// The Leeway properties of particle `i` in OpenDrift's units (for comparisons and output).
  public func leewayState(at i: Int) -> ParticleLeewayState {
    ParticleLeewayState(
      orientation: columns.orientation[i],
      downwindSlopePercent: columns.downwindSlope[i] * 100,
      downwindOffsetCmPerS: columns.downwindOffset[i] * 100,
      downwindEpsilonCmPerS: columns.downwindEpsilon[i] * 100,
      crosswindSlopePercent: columns.crosswindSlope[i] * 100,
      crosswindOffsetCmPerS: columns.crosswindOffset[i] * 100,
      crosswindEpsilonCmPerS: columns.crosswindEpsilon[i] * 100)
  }

  /// Lets the search update `pFail` in place (copy-on-write first if shared).
  public mutating func withMutablePFail<R>(_ body: (UnsafeMutableBufferPointer<Double>) throws -> R)
    rethrows -> R
  {
    makeUnique()
    return try withExtendedLifetime(columns) {
      try body(UnsafeMutableBufferPointer(start: columns.pFail, count: columns.count))
    }
  }
}

/// One particle's Leeway properties in OpenDrift's units: slopes in percent, offsets and random
/// perturbations (OpenDrift's `*_eps`) in cm/s. The leeway speed components are
/// `((slope + eps / 20) * U10 + offset + eps / 2) / 100` m/s.
public struct ParticleLeewayState: Hashable, Sendable {
  /// 0: crosswind coefficients from the positive row; 1: from the negative row.
  public var orientation: UInt8
  public var downwindSlopePercent: Double
  public var downwindOffsetCmPerS: Double
  public var downwindEpsilonCmPerS: Double
  public var crosswindSlopePercent: Double
  public var crosswindOffsetCmPerS: Double
  public var crosswindEpsilonCmPerS: Double

  public init(
    orientation: UInt8, downwindSlopePercent: Double, downwindOffsetCmPerS: Double,
    downwindEpsilonCmPerS: Double, crosswindSlopePercent: Double, crosswindOffsetCmPerS: Double,
    crosswindEpsilonCmPerS: Double
  ) {
    self.orientation = orientation
    self.downwindSlopePercent = downwindSlopePercent
    self.downwindOffsetCmPerS = downwindOffsetCmPerS
    self.downwindEpsilonCmPerS = downwindEpsilonCmPerS
    self.crosswindSlopePercent = crosswindSlopePercent
    self.crosswindOffsetCmPerS = crosswindOffsetCmPerS
    self.crosswindEpsilonCmPerS = crosswindEpsilonCmPerS
  }
}
