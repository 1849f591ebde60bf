import Foundation
import Testing

@testable import SarexFormats

/// A fresh empty directory for one test.
func makeScratchDirectory() -> String {
  let path = NSTemporaryDirectory() + "sarex-formats-\(UUID().uuidString)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

@Test func atomicWriteReplacesFileAndLeavesNoTemporary() throws {
  let directory = makeScratchDirectory()
  let path = directory + "/out.txt"
  try AtomicFileWriter.write("first", to: path)
  try AtomicFileWriter.write("second", to: path)
  #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
  #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.txt"])
}

@Test func atomicWriteErrorNamesThePath() {
  let path = "/nonexistent-sarex-dir/sub/out.txt"
  #expect {
    try AtomicFileWriter.write("x", to: path)
  } throws: { error in
    String(describing: error).contains(path)
  }
}

@Test func temporaryPathIsInTheSameDirectory() {
  let temporary = AtomicFileWriter.temporaryPath(besides: "/a/b/c.nc")
  #expect(temporary.hasPrefix("/a/b/.c.nc.tmp-"))
  #expect(temporary != AtomicFileWriter.temporaryPath(besides: "/a/b/c.nc"))
}
