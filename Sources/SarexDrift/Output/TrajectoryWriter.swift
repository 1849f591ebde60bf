import CNetCDF
import Foundation

/// Writes particle trajectories to NetCDF-4 as a CF discrete sampling geometry (featureType
/// trajectory, "orthogonal multidimensional array" layout), the layout OpenDrift writes, so that
/// `opendrift.open()`, xarray and trajan read it:
///
/// - dimensions `trajectory` (one per particle) and `time` (unlimited, one per output time);
/// - `trajectory(trajectory)` int, `cf_role = "trajectory_id"`, 0-based particle index;
/// - `time(time)` double, seconds since 1970-01-01 00:00:00 UTC;
/// - `lon`, `lat` `(trajectory, time)`, float32 (like OpenDrift) or double, degrees, NaN fill;
/// - `status(trajectory, time)` int with `flag_values`/`flag_meanings` from ``ParticleStatus``;
/// - optionally `weight(trajectory)` double, the prior weight of each particle.
///
/// Absent values are fill values: particles not yet seeded; and, with
/// ``DeactivatedParticles/fillAfterDeactivation`` (OpenDrift's behaviour), particles after the first
/// output time at which they are stranded or out of the forcing.
///
/// Use: `init` (creates a temporary file beside `path`), ``append(time:longitudesDegrees:latitudesDegrees:statusCodes:)``
/// at every output time, ``close()`` (renames onto `path`). A writer released without `close()`
/// removes its temporary file, so an interrupted run leaves no partial trajectory file behind.
public final class TrajectoryWriter {
  /// Storage type of the coordinates. Float32 resolves about 0.5 m at 60 N (OpenDrift's choice);
  /// float64 keeps positions exactly as computed.
  public enum CoordinatePrecision: Sendable { case float32, float64 }

  /// What is written for a particle once it is stranded or has left the forcing.
  public enum DeactivatedParticles: Sendable {
    /// Its position and status at the first output time in that state, then fill values (as
    /// OpenDrift, whose tools take the last valid position as the final one).
    case fillAfterDeactivation
    /// Its (unchanging) position and status at every output time.
    case repeatLastPosition
  }

  /// The path the file will have after ``close()``.
  public let path: String
  /// Number of particles (length of the `trajectory` dimension).
  public let particleCount: Int
  /// Output times appended so far.
  public private(set) var timeCount = 0

  private let temporaryPath: String
  private let precision: CoordinatePrecision
  private let deactivated: DeactivatedParticles
  private var file: NetCDFOutputFile?
  private let variables: (time: Int32, lon: Int32, lat: Int32, status: Int32)
  private var firstTime: Date?
  private var lastTime: Date?
  /// 1 where a particle's deactivation has already been written (fill from then on).
  private var deactivationWritten: [UInt8]
  private var floatScratch: (lon: [Float], lat: [Float])
  private var doubleScratch: (lon: [Double], lat: [Double])
  private var statusScratch: [Int32]

  /// `_FillValue` of `status` (OpenDrift's: the largest Int32).
  public static let statusFill = Int32.max

  /// Creates the file (under a temporary name in the directory of `path`) and its variables.
  /// `weights`, when given, must have `particleCount` values. `deflateLevel` (1...9) compresses
  /// lon, lat and status with zlib and shuffle; nil (default) writes them uncompressed, fastest.
  public init(
    path: String, particleCount: Int, precision: CoordinatePrecision = .float32,
    deactivated: DeactivatedParticles = .fillAfterDeactivation, weights: [Double]? = nil,
    metadata: TrajectoryFileMetadata = TrajectoryFileMetadata(), deflateLevel: Int? = nil,
    creationDate: Date = Date()
  ) throws(NetCDFOutputError) {
    guard particleCount > 0 else {
      throw .misuse(path: path, problem: "a trajectory file needs at least one particle")
    }
    if let weights, weights.count != particleCount {
      throw .misuse(
        path: path, problem: "\(weights.count) weights given for \(particleCount) particles")
    }
    if let deflateLevel, !(1...9).contains(deflateLevel) {
      throw .misuse(path: path, problem: "deflate level \(deflateLevel) is not in 1...9")
    }
    self.path = path
    self.particleCount = particleCount
    self.precision = precision
    self.deactivated = deactivated
    temporaryPath = OutputFile.temporaryPath(besides: path)
    deactivationWritten = Array(repeating: 0, count: particleCount)
    floatScratch =
      precision == .float32
      ? (Array(repeating: 0, count: particleCount), Array(repeating: 0, count: particleCount))
      : ([], [])
    doubleScratch =
      precision == .float64
      ? (Array(repeating: 0, count: particleCount), Array(repeating: 0, count: particleCount))
      : ([], [])
    statusScratch = Array(repeating: 0, count: particleCount)

    let file = try NetCDFOutputFile(creating: temporaryPath, displayPath: path)
    do {
      variables = try Self.define(
        file, particleCount: particleCount, precision: precision, weights: weights,
        metadata: metadata, deflateLevel: deflateLevel, creationDate: creationDate)
    } catch {
      file.abandon()
      unlink(temporaryPath)
      throw error
    }
    self.file = file
  }

  deinit {
    if let file {
      file.abandon()
      unlink(temporaryPath)
    }
  }

  /// Defines dimensions, variables and attributes, writes the static variables, leaves define
  /// mode. Returns the ids of the variables written at every output time.
  private static func define(
    _ file: NetCDFOutputFile, particleCount: Int, precision: CoordinatePrecision,
    weights: [Double]?, metadata: TrajectoryFileMetadata, deflateLevel: Int?, creationDate: Date
  ) throws(NetCDFOutputError) -> (time: Int32, lon: Int32, lat: Int32, status: Int32) {
    let trajectoryDim = try file.defineDimension("trajectory", length: particleCount)
    let timeDim = try file.defineDimension("time", length: Int(NC_UNLIMITED))
    // One chunk holds one output time of every particle (up to 2^20), so each append writes
    // whole chunks.
    let chunks = [min(particleCount, 1 << 20), 1]

    let trajectory = try file.defineVariable(
      "trajectory", type: nc_type(NC_INT), dimensions: [trajectoryDim])
    try file.put("cf_role", "trajectory_id", variable: trajectory)
    try file.put("long_name", "particle index", variable: trajectory)

    let time = try file.defineVariable(
      "time", type: nc_type(NC_DOUBLE), dimensions: [timeDim], chunks: [512])
    try file.put("standard_name", "time", variable: time)
    try file.put("long_name", "time", variable: time)
    try file.put("units", "seconds since 1970-01-01 00:00:00", variable: time)
    try file.put("calendar", "standard", variable: time)

    let coordinateType = nc_type(precision == .float32 ? NC_FLOAT : NC_DOUBLE)
    var coordinates: [Int32] = []
    for (name, unit, standard) in [
      ("lon", "degrees_east", "longitude"), ("lat", "degrees_north", "latitude"),
    ] {
      let id = try file.defineVariable(
        name, type: coordinateType, dimensions: [trajectoryDim, timeDim], chunks: chunks,
        deflateLevel: deflateLevel)
      if precision == .float32 {
        try file.setFill(id, name, value: Float.nan)
      } else {
        try file.setFill(id, name, value: Double.nan)
      }
      try file.put("units", unit, variable: id)
      try file.put("standard_name", standard, variable: id)
      try file.put("long_name", standard, variable: id)
      coordinates.append(id)
    }

    let status = try file.defineVariable(
      "status", type: nc_type(NC_INT), dimensions: [trajectoryDim, timeDim], chunks: chunks,
      deflateLevel: deflateLevel)
    try file.setFill(status, "status", value: statusFill)
    try file.put("long_name", "particle status", variable: status)
    let cases = ParticleStatus.allCases
    try file.put("valid_range", [0, Int32(cases.count - 1)], variable: status)
    try file.put("flag_values", cases.map { Int32($0.rawValue) }, variable: status)
    try file.put("flag_meanings", cases.map(\.description).joined(separator: " "), variable: status)

    var weightVariable: Int32?
    if weights != nil {
      let id = try file.defineVariable(
        "weight", type: nc_type(NC_DOUBLE), dimensions: [trajectoryDim])
      try file.put(
        "long_name", "prior weight of the particle (scenario times object class)", variable: id)
      try file.put("units", "1", variable: id)
      weightVariable = id
    }

    try file.put("Conventions", "CF-1.8")
    try file.put("featureType", "trajectory")
    try file.put("title", metadata.title)
    try file.put("source", "Sarex")
    let created = creationDate.formatted(.iso8601)
    try file.put("date_created", created)
    try file.put("history", "\(created) created by Sarex")
    if let module = metadata.openDriftModule { try file.put("opendrift_module", module) }
    if let className = metadata.openDriftClass { try file.put("opendrift_class", className) }
    if let step = metadata.calculationStepSeconds {
      try file.put("time_step_calculation", TrajectoryFileMetadata.timedeltaText(seconds: step))
    }
    if let step = metadata.outputStepSeconds {
      try file.put("time_step_output", TrajectoryFileMetadata.timedeltaText(seconds: step))
    }
    for attribute in metadata.extraAttributes {
      try file.put(attribute.name, attribute.value)
    }
    try file.endDefinitions()

    let indices = (0..<particleCount).map { Int32(truncatingIfNeeded: $0) }
    try indices.withUnsafeBufferPointer { (buffer) throws(NetCDFOutputError) in
      try file.write(
        trajectory, "trajectory", start: [0], count: [particleCount], ints: buffer.baseAddress!)
    }
    if let weights, let weightVariable {
      try weights.withUnsafeBufferPointer { (buffer) throws(NetCDFOutputError) in
        try file.write(
          weightVariable, "weight", start: [0], count: [particleCount], doubles: buffer.baseAddress!
        )
      }
    }
    return (time, coordinates[0], coordinates[1], status)
  }

  /// Appends the ensemble at `time`. `statusCodes` are ``ParticleStatus`` raw values. Times must
  /// move in one direction (forward or backward runs) without repeating.
  public func append(
    time: Date, longitudesDegrees: UnsafeBufferPointer<Double>,
    latitudesDegrees: UnsafeBufferPointer<Double>, statusCodes: UnsafeBufferPointer<UInt8>
  ) throws(NetCDFOutputError) {
    guard let file else {
      throw .misuse(path: path, problem: "append after close")
    }
    guard longitudesDegrees.count == particleCount, latitudesDegrees.count == particleCount,
      statusCodes.count == particleCount
    else {
      throw .misuse(
        path: path,
        problem: "append got \(longitudesDegrees.count) longitudes, \(latitudesDegrees.count) "
          + "latitudes and \(statusCodes.count) statuses for \(particleCount) particles")
    }
    if let firstTime, let lastTime {
      let forward = timeCount < 2 || lastTime > firstTime
      let ok = timeCount < 2 ? time != lastTime : (forward ? time > lastTime : time < lastTime)
      guard ok else {
        throw .misuse(
          path: path,
          problem:
            "output time \(time.formatted(.iso8601)) does not follow \(lastTime.formatted(.iso8601))"
        )
      }
    }
    fillStatus(statusCodes)
    let start = [0, timeCount]
    let count = [particleCount, 1]
    let notSeeded = ParticleStatus.notSeeded.rawValue
    switch precision {
    case .float32:
      for index in 0..<particleCount {
        let absent = statusScratch[index] == Self.statusFill || statusCodes[index] == notSeeded
        floatScratch.lon[index] = absent ? .nan : Float(longitudesDegrees[index])
        floatScratch.lat[index] = absent ? .nan : Float(latitudesDegrees[index])
      }
      try file.write(variables.lon, "lon", start: start, count: count, floats: floatScratch.lon)
      try file.write(variables.lat, "lat", start: start, count: count, floats: floatScratch.lat)
    case .float64:
      for index in 0..<particleCount {
        let absent = statusScratch[index] == Self.statusFill || statusCodes[index] == notSeeded
        doubleScratch.lon[index] = absent ? .nan : longitudesDegrees[index]
        doubleScratch.lat[index] = absent ? .nan : latitudesDegrees[index]
      }
      try file.write(variables.lon, "lon", start: start, count: count, doubles: doubleScratch.lon)
      try file.write(variables.lat, "lat", start: start, count: count, doubles: doubleScratch.lat)
    }
    try file.write(variables.status, "status", start: start, count: count, ints: statusScratch)
    var seconds = time.timeIntervalSince1970
    try file.write(variables.time, "time", start: [timeCount], count: [1], doubles: &seconds)
    if firstTime == nil { firstTime = time }
    lastTime = time
    timeCount += 1
  }

  /// Status values to write, fill where the particle is absent; records deactivations.
  private func fillStatus(_ statusCodes: UnsafeBufferPointer<UInt8>) {
    let active = ParticleStatus.active.rawValue
    let notSeeded = ParticleStatus.notSeeded.rawValue
    let fillAfter = deactivated == .fillAfterDeactivation
    for index in 0..<particleCount {
      let code = statusCodes[index]
      if code == notSeeded {
        statusScratch[index] = Self.statusFill
      } else if code == active {
        deactivationWritten[index] = 0
        statusScratch[index] = Int32(code)
      } else if fillAfter && deactivationWritten[index] != 0 {
        statusScratch[index] = Self.statusFill
      } else {
        deactivationWritten[index] = 1
        statusScratch[index] = Int32(code)
      }
    }
  }

  /// Appends the ensemble at `time` from arrays.
  public func append(
    time: Date, longitudesDegrees: [Double], latitudesDegrees: [Double], status: [ParticleStatus]
  ) throws(NetCDFOutputError) {
    let codes = status.map(\.rawValue)
    try longitudesDegrees.withUnsafeBufferPointer { (longitudes) throws(NetCDFOutputError) in
      try latitudesDegrees.withUnsafeBufferPointer { (latitudes) throws(NetCDFOutputError) in
        try codes.withUnsafeBufferPointer { (codes) throws(NetCDFOutputError) in
          try append(
            time: time, longitudesDegrees: longitudes, latitudesDegrees: latitudes,
            statusCodes: codes)
        }
      }
    }
  }

  /// Writes the time coverage, closes the file and renames it onto ``path``. After an error the
  /// temporary file is removed and ``path`` is untouched.
  public func close() throws(NetCDFOutputError) {
    guard let file else { throw .misuse(path: path, problem: "closed twice") }
    self.file = nil
    do {
      if let firstTime, let lastTime {
        try file.redefine()
        try file.put("time_coverage_start", min(firstTime, lastTime).formatted(.iso8601))
        try file.put("time_coverage_end", max(firstTime, lastTime).formatted(.iso8601))
        try file.endDefinitions()
      }
      try file.close()
    } catch {
      file.abandon()
      unlink(temporaryPath)
      throw error
    }
    do {
      try OutputFile.commit(temporary: temporaryPath, to: path)
    } catch {
      throw .cannotRename(path: path, reason: error.description)
    }
  }
}
