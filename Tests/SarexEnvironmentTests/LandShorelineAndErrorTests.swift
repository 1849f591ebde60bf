import Foundation
import SarexGeo
import Testing

@testable import SarexEnvironment

@Suite struct LandShorelineAndErrorTests {
  @Test func shorelinesAroundBergenLieOnTheLandSeaBoundary() throws {
    let mask = try #require(LandTestSupport.mask)
    let box = LonLatBox(westDegrees: 4.8, eastDegrees: 5.4, southDegrees: 60.2, northDegrees: 60.5)
    let lines = mask.shorelines(in: box)
    #expect(lines.count > 50)
    var sampled = 0
    var flips = 0
    for line in lines {
      #expect(line.count >= 2)
      for p in line {
        #expect(
          box.contains(longitudeDegrees: p.longitudeDegrees, latitudeDegrees: p.latitudeDegrees))
      }
      // Two metres either side of the middle of every fifth edge longer than 20 m: one side is
      // land, the other sea (unless another shoreline is within those two metres).
      for k in stride(from: 1, to: line.count, by: 5) {
        let a = line[k - 1]
        let b = line[k]
        let kx = LandTestSupport.metresPerDegree * cos(a.latitude)
        let ky = LandTestSupport.metresPerDegree
        let dx = (b.longitudeDegrees - a.longitudeDegrees) * kx
        let dy = (b.latitudeDegrees - a.latitudeDegrees) * ky
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 20 else { continue }
        let midLon = (a.longitudeDegrees + b.longitudeDegrees) / 2
        let midLat = (a.latitudeDegrees + b.latitudeDegrees) / 2
        let offLon = -dy / length * 2 / kx
        let offLat = dx / length * 2 / ky
        let left = mask.isLand(longitude: midLon + offLon, latitude: midLat + offLat)
        let right = mask.isLand(longitude: midLon - offLon, latitude: midLat - offLat)
        sampled += 1
        if left != right { flips += 1 }
      }
    }
    #expect(sampled > 1_000)
    #expect(
      Double(flips) >= 0.98 * Double(sampled), "\(flips) of \(sampled) edges separate land and sea")
  }

  @Test func shorelinesAreJoinedAcrossBinEdges() throws {
    let mask = try #require(LandTestSupport.mask)
    // The 5 E meridian cuts Sotra and the coast north of it; joined polylines cross it.
    let box = LonLatBox(westDegrees: 4.9, eastDegrees: 5.1, southDegrees: 60.2, northDegrees: 60.45)
    let crossing = mask.shorelines(in: box).filter { line in
      line.contains { $0.longitudeDegrees < 4.999 } && line.contains { $0.longitudeDegrees > 5.001 }
    }
    #expect(!crossing.isEmpty)
  }

  @Test func shorelinesOutsideTheCoveredRegionAreEmpty() throws {
    let mask = try #require(LandTestSupport.mask)
    let box = LonLatBox(westDegrees: 10, eastDegrees: 11, southDegrees: 59, northDegrees: 60)
    #expect(mask.shorelines(in: box).isEmpty)
    // The same region in another longitude frame gives the same coast.
    let bergen = LonLatBox(
      westDegrees: 5.2, eastDegrees: 5.3, southDegrees: 60.35, northDegrees: 60.45)
    let shifted = LonLatBox(
      westDegrees: 365.2, eastDegrees: 365.3, southDegrees: 60.35, northDegrees: 60.45)
    let a = mask.shorelines(in: bergen)
    let b = mask.shorelines(in: shifted)
    #expect(!a.isEmpty && a.count == b.count)
    #expect(
      abs((b.first?.first?.longitudeDegrees ?? 0) - (a.first?.first?.longitudeDegrees ?? 0) - 360)
        < 1e-9)
  }

  @Test func missingFileNamesTheFileAndThePackage() {
    let region = LandTestSupport.westernNorway
    #expect(
      throws: GSHHGError.fileMissing(path: "/nonexistent/binned_GSHHS_f.nc", resolution: .full)
    ) {
      try GSHHGLandMask(region: region, directory: "/nonexistent")
    }
    let error = GSHHGError.fileMissing(path: "/nonexistent/binned_GSHHS_h.nc", resolution: .high)
    #expect(error.description.contains("/nonexistent/binned_GSHHS_h.nc"))
    #expect(error.description.contains("apt-get install gmt-gshhg-high"))
    #expect(GSHHGResolution.full.debianPackage == "gmt-gshhg-full")
  }

  @Test func fileThatIsNotNetCDFIsUnreadable() throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sarex-land-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("binned_GSHHS_c.nc").path
    try Data("not a netCDF file\n".utf8).write(to: URL(fileURLWithPath: path))
    do {
      _ = try GSHHGLandMask(
        region: LandTestSupport.westernNorway, resolution: .crude, directory: directory.path)
      Issue.record("a text file was accepted as GSHHG")
    } catch {
      guard case .unreadable(let p, _) = error else {
        Issue.record("expected unreadable, got \(error)")
        return
      }
      #expect(p == path)
      #expect(error.description.contains(path))
    }
  }

  @Test func netCDFWithoutTheShorelineLayoutIsMalformed() throws {
    // GMT's binned river file is NetCDF but lacks the shoreline variables.
    let river = GSHHGResolution.debianDirectory + "/binned_river_c.nc"
    try #require(FileManager.default.fileExists(atPath: river))
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("sarex-land-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("binned_GSHHS_c.nc").path
    try FileManager.default.copyItem(atPath: river, toPath: path)
    #expect {
      try GSHHGLandMask(
        region: LandTestSupport.westernNorway, resolution: .crude, directory: directory.path)
    } throws: { error in
      guard let error = error as? GSHHGError, case .malformed(let p, let detail) = error else {
        return false
      }
      return p == path && detail.contains("Embedded_")
        && error.description.contains("not a GMT binned GSHHG file")
    }
  }

  @Test func invalidRegionIsRejected() {
    #expect(throws: GSHHGError.self) {
      try GSHHGLandMask(
        region: LonLatBox(westDegrees: 6, eastDegrees: 3, southDegrees: 59, northDegrees: 61))
    }
    #expect(throws: GSHHGError.self) {
      try GSHHGLandMask(
        region: LonLatBox(westDegrees: 3, eastDegrees: 6, southDegrees: 59, northDegrees: .nan))
    }
  }

  @Test(arguments: [GSHHGResolution.high, .intermediate, .low, .crude])
  func coarserResolutionsAgreeAwayFromTheCoast(resolution: GSHHGResolution) throws {
    let coarse = try GSHHGLandMask(region: LandTestSupport.westernNorway, resolution: resolution)
    #expect(coarse.resolution == resolution)
    // North Sea far offshore, and the interior of southern Norway 30 km or more from the sea.
    #expect(!coarse.isLand(longitude: 3.3, latitude: 60.0))
    #expect(!coarse.isLand(longitude: 3.8, latitude: 61.2))
    #expect(coarse.isLand(longitude: 6.8, latitude: 60.5))
    #expect(coarse.isLand(longitude: 6.5, latitude: 59.6))
    #expect(!coarse.shorelines(in: LandTestSupport.westernNorway).isEmpty)
  }

  @Test func resolutionNamesParse() {
    #expect(GSHHGResolution(name: "f") == .full)
    #expect(GSHHGResolution(name: "Intermediate") == .intermediate)
    #expect(GSHHGResolution(name: "medium") == nil)
  }
}
