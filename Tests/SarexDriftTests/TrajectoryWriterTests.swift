import CNetCDF
import Foundation
import SarexEnvironment
import Testing

@testable import SarexDrift

private let start = Date(timeIntervalSince1970: 1_447_632_000)  // 2015-11-16T00:00:00Z

/// Reads back what the writer wrote, through netCDF-C directly.
private struct TrajectoryFileProbe {
  let ncid: Int32
  init(_ path: String) throws {
    var id: Int32 = -1
    guard NetCDFLibrary.withLock({ nc_open(path, NC_NOWRITE, &id) }) == NC_NOERR else {
      throw CocoaError(.fileReadUnknown)
    }
    ncid = id
  }
  func close() { _ = NetCDFLibrary.withLock { nc_close(ncid) } }
  func variable(_ name: String) -> Int32 {
    var id: Int32 = -1
    return NetCDFLibrary.withLock { nc_inq_varid(ncid, name, &id) } == NC_NOERR ? id : -1
  }
  func dimensionLength(_ name: String) -> Int {
    var id: Int32 = -1
    var length = 0
    let ok = NetCDFLibrary.withLock {
      nc_inq_dimid(ncid, name, &id) == NC_NOERR && nc_inq_dimlen(ncid, id, &length) == NC_NOERR
    }
    guard ok else { return -1 }
    return length
  }
  func text(_ name: String, of variable: String? = nil) -> String? {
    let varid = variable.map(self.variable) ?? NC_GLOBAL
    var length = 0
    guard NetCDFLibrary.withLock({ nc_inq_attlen(ncid, varid, name, &length) }) == NC_NOERR
    else { return nil }
    var bytes = [CChar](repeating: 0, count: length + 1)
    guard NetCDFLibrary.withLock({ nc_get_att_text(ncid, varid, name, &bytes) }) == NC_NOERR
    else { return nil }
    return String(decoding: bytes.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
  func ints(_ name: String, of variable: String) -> [Int32] {
    let varid = self.variable(variable)
    var length = 0
    _ = NetCDFLibrary.withLock { nc_inq_attlen(ncid, varid, name, &length) }
    var values = [Int32](repeating: 0, count: length)
    _ = NetCDFLibrary.withLock { nc_get_att_int(ncid, varid, name, &values) }
    return values
  }
  func doubles(_ name: String, count: Int) -> [Double] {
    var values = [Double](repeating: 0, count: count)
    let id = variable(name)
    _ = NetCDFLibrary.withLock { nc_get_var_double(ncid, id, &values) }
    return values
  }
  func int32s(_ name: String, count: Int) -> [Int32] {
    var values = [Int32](repeating: 0, count: count)
    let id = variable(name)
    _ = NetCDFLibrary.withLock { nc_get_var_int(ncid, id, &values) }
    return values
  }
  func type(_ name: String) -> nc_type {
    var type: nc_type = 0
    let id = variable(name)
    _ = NetCDFLibrary.withLock { nc_inq_vartype(ncid, id, &type) }
    return type
  }
}

private func scratchPath(_ name: String) -> String {
  let directory = NSTemporaryDirectory() + "sarex-trajectory-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  return directory + "/" + name
}

@Test func trajectoryFileHasCFTrajectoryLayoutAndValues() throws {
  let path = scratchPath("run.nc")
  let writer = try TrajectoryWriter(
    path: path, particleCount: 3, precision: .float64, weights: [0.5, 0.25, 0.25],
    metadata: TrajectoryFileMetadata(calculationStepSeconds: 600, outputStepSeconds: 3600))
  try writer.append(
    time: start, longitudesDegrees: [4.0, 4.1, 0], latitudesDegrees: [60.0, 60.1, 0],
    status: [.active, .active, .notSeeded])
  try writer.append(
    time: start.addingTimeInterval(3600), longitudesDegrees: [4.01, 4.2, 4.3],
    latitudesDegrees: [60.01, 60.2, 60.3], status: [.active, .stranded, .active])
  try writer.append(
    time: start.addingTimeInterval(7200), longitudesDegrees: [4.02, 4.2, 4.4],
    latitudesDegrees: [60.02, 60.2, 60.4], status: [.missingData, .stranded, .active])
  // Nothing at the final path until close.
  #expect(!FileManager.default.fileExists(atPath: path))
  try writer.close()
  let directory = (path as NSString).deletingLastPathComponent
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["run.nc"])

  let probe = try TrajectoryFileProbe(path)
  defer { probe.close() }
  #expect(probe.dimensionLength("trajectory") == 3)
  #expect(probe.dimensionLength("time") == 3)
  #expect(probe.text("featureType") == "trajectory")
  #expect(probe.text("Conventions") == "CF-1.8")
  #expect(probe.text("time_step_calculation") == "0:10:00")
  #expect(probe.text("time_step_output") == "1:00:00")
  #expect(probe.text("time_coverage_end") == "2015-11-16T02:00:00Z")
  #expect(probe.text("cf_role", of: "trajectory") == "trajectory_id")
  #expect(probe.text("units", of: "time") == "seconds since 1970-01-01 00:00:00")
  #expect(probe.text("standard_name", of: "lon") == "longitude")
  #expect(probe.text("units", of: "lat") == "degrees_north")
  #expect(probe.text("flag_meanings", of: "status") == "active stranded missing_data not_seeded")
  #expect(probe.ints("flag_values", of: "status") == [0, 1, 2, 3])
  #expect(probe.type("lon") == nc_type(NC_DOUBLE))
  #expect(probe.doubles("time", count: 3) == [1_447_632_000, 1_447_635_600, 1_447_639_200])
  #expect(probe.doubles("weight", count: 3) == [0.5, 0.25, 0.25])
  #expect(probe.int32s("trajectory", count: 3) == [0, 1, 2])
  let fill = TrajectoryWriter.statusFill
  // Row-major (trajectory, time): particle 1 strands at hour 1 and is fill afterwards;
  // particle 2 is absent before it is seeded.
  #expect(probe.int32s("status", count: 9) == [0, 0, 2, 0, 1, fill, fill, 0, 0])
  let longitudes = probe.doubles("lon", count: 9)
  #expect(Array(longitudes[0..<5]) == [4.0, 4.01, 4.02, 4.1, 4.2])
  #expect(longitudes[5].isNaN && longitudes[6].isNaN)
  #expect(Array(longitudes[7...]) == [4.3, 4.4])
}

@Test func trajectoryRepeatPolicyKeepsStrandedPositions() throws {
  let path = scratchPath("repeat.nc")
  let writer = try TrajectoryWriter(path: path, particleCount: 1, deactivated: .repeatLastPosition)
  for hour in 0..<3 {
    try writer.append(
      time: start.addingTimeInterval(Double(hour) * 3600), longitudesDegrees: [5],
      latitudesDegrees: [61], status: [hour == 0 ? .active : .stranded])
  }
  try writer.close()
  let probe = try TrajectoryFileProbe(path)
  defer { probe.close() }
  #expect(probe.type("lat") == nc_type(NC_FLOAT))
  #expect(probe.int32s("status", count: 3) == [0, 1, 1])
  #expect(probe.doubles("lat", count: 3) == [61, 61, 61])
}

@Test func trajectoryWriterRejectsMisuseNamingTheFile() throws {
  let path = scratchPath("misuse.nc")
  let writer = try TrajectoryWriter(path: path, particleCount: 2)
  #expect {
    try writer.append(
      time: start, longitudesDegrees: [4], latitudesDegrees: [60], status: [.active])
  } throws: {
    String(describing: $0).contains(path) && String(describing: $0).contains("2 particles")
  }
  try writer.append(
    time: start, longitudesDegrees: [4, 4], latitudesDegrees: [60, 60], status: [.active, .active])
  try writer.append(
    time: start.addingTimeInterval(60), longitudesDegrees: [4, 4], latitudesDegrees: [60, 60],
    status: [.active, .active])
  #expect(throws: NetCDFOutputError.self) {
    try writer.append(
      time: start, longitudesDegrees: [4, 4], latitudesDegrees: [60, 60],
      status: [.active, .active])
  }
  #expect(throws: NetCDFOutputError.self) {
    _ = try TrajectoryWriter(path: "/no/such/dir/out.nc", particleCount: 1)
  }
}

@Test func trajectoryWriterDroppedWithoutCloseLeavesNothing() throws {
  let path = scratchPath("abandoned.nc")
  do {
    let writer = try TrajectoryWriter(path: path, particleCount: 1)
    try writer.append(
      time: start, longitudesDegrees: [4], latitudesDegrees: [60], status: [.active])
  }
  let directory = (path as NSString).deletingLastPathComponent
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
}

@Test func trajectoryTimedeltaTextMatchesPythonFormat() {
  #expect(TrajectoryFileMetadata.timedeltaText(seconds: 600) == "0:10:00")
  #expect(TrajectoryFileMetadata.timedeltaText(seconds: -3600) == "1:00:00")
  #expect(TrajectoryFileMetadata.timedeltaText(seconds: 90_000) == "1 day, 1:00:00")
  #expect(TrajectoryFileMetadata.timedeltaText(seconds: 2 * 86_400 + 61) == "2 days, 0:01:01")
}
