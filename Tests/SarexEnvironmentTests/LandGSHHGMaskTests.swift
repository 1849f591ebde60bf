import Foundation
import SarexGeo
import Testing

@testable import SarexEnvironment

@Suite struct LandGSHHGMaskTests {
  let mask: GSHHGLandMask

  init() throws {
    mask = try #require(LandTestSupport.mask, "the GSHHG full-resolution file must be installed")
  }

  /// roaring_landmask (OpenDrift's default mask) on 20,000 points around western Norway, two
  /// thirds of them within 3 km of the coast: every answer must agree except within a couple of
  /// metres of the shoreline, where GMT's binning (vertices rounded to 1/65535 degree, 1.7 m
  /// north-south, 0.85 m east-west here) and the simplification of roaring's polygons differ.
  @Test func agreesWithRoaringLandmaskExceptWithinMetresOfTheCoast() throws {
    let points = try LandTestSupport.roaringFixture()
    #expect(points.count == 20_000)
    var disagreements: [(Double, Double, Double)] = []
    for p in points where mask.isLand(longitude: p.longitude, latitude: p.latitude) != p.land {
      let distance = LandTestSupport.distanceToShore(
        mask, longitude: p.longitude, latitude: p.latitude)
      disagreements.append((p.longitude, p.latitude, distance))
    }
    let far = disagreements.filter { $0.2 > 2.5 }
    #expect(far.isEmpty, "disagreements farther than 2.5 m from the shoreline: \(far.prefix(10))")
    // The near-coast points within 5 m are 10 % of the coast points; most of them still agree.
    #expect(disagreements.count < 200, "\(disagreements.count) disagreements")
    print(
      "GSHHG vs roaring_landmask: \(disagreements.count) of \(points.count) disagree, "
        + "largest distance to shore \(disagreements.map(\.2).max() ?? 0) m")
  }

  @Test func openSeaOffNorwayIsSea() {
    // North Sea west of Bergen, 70 km offshore; Norwegian Trench.
    #expect(!mask.isLand(longitude: 3.5, latitude: 60.5))
    #expect(!mask.isLand(longitude: 4.2, latitude: 59.5))
    // Byfjorden at Bergen, between Askøy and the city.
    #expect(!mask.isLand(longitude: 5.2733, latitude: 60.4200))
  }

  @Test func mainlandAndIslandsAreLand() {
    // Bergen: Ulriken, 643 m, inland of the city.
    #expect(mask.isLand(longitude: 5.3868, latitude: 60.3776))
    // Sotra, the large island west of Bergen.
    #expect(mask.isLand(longitude: 5.05, latitude: 60.30))
    // Utsira, a small island 18 km off the coast.
    #expect(mask.isLand(longitude: 4.8870, latitude: 59.3070))
    // Inland Hordaland, far from the sea.
    #expect(mask.isLand(longitude: 5.9, latitude: 60.2))
  }

  @Test func lakesCountAsLandLikeOpenDrift() throws {
    // Mjøsa, Norway's largest lake: roaring_landmask 0.11 answers land (checked with
    // RoaringLandmask.contains(10.95, 60.75)); it is a GSHHG level-2 feature.
    let inland = try GSHHGLandMask(
      region: LonLatBox(westDegrees: 10.5, eastDegrees: 11.4, southDegrees: 60.5, northDegrees: 61))
    #expect(inland.isLand(longitude: 10.95, latitude: 60.75))
  }

  @Test func rasterCacheAgreesWithTheExactParityTest() {
    var generator = LandTestRandom(seed: 42)
    var mixed = 0
    var checked = 0
    for _ in 0..<3_000 {
      let lon = 4.6 + 0.8 * generator.unit()
      let lat = 59.9 + 0.8 * generator.unit()
      let reference = LandTestSupport.referenceIsLand(mask, longitude: lon, latitude: lat)
      #expect(reference == mask.isLand(longitude: lon, latitude: lat), "at \(lon), \(lat)")
      switch mask.cells.cellKind(longitude: lon, latitude: lat).kind {
      case .mixed: mixed += 1
      case .land: #expect(reference == true, "land cell at \(lon), \(lat)")
      case .sea: #expect(reference == false, "sea cell at \(lon), \(lat)")
      case .outside: Issue.record("\(lon), \(lat) outside the mask")
      }
      checked += 1
    }
    // The box is coastal: the test must have exercised the exact per-cell test too.
    #expect(mixed > 100 && checked == 3_000)
  }

  @Test func subdividedCellsAgreeWithTheExactParityTest() throws {
    // Points within 3 km of the coast (the fixture's coast points) fall often into cells the
    // raster splits into 8 x 8 subcells and into mixed subcells.
    let points = try LandTestSupport.roaringFixture().filter(\.coast).prefix(3_000)
    var subdivided = 0
    var mixedSubcells = 0
    for p in points {
      let reference = LandTestSupport.referenceIsLand(
        mask, longitude: p.longitude, latitude: p.latitude)
      #expect(reference == mask.isLand(longitude: p.longitude, latitude: p.latitude))
      let cell = mask.cells.cellKind(longitude: p.longitude, latitude: p.latitude)
      if cell.subdivided { subdivided += 1 }
      if cell.subdivided && cell.kind == .mixed { mixedSubcells += 1 }
    }
    #expect(
      subdivided > 100 && mixedSubcells > 50, "\(subdivided) subdivided, \(mixedSubcells) mixed")
  }

  @Test func longEdgeListsGiveTheSameAnswers() throws {
    // Edge lists longer than a cell word can count are stored with their count in front; force
    // that layout for every list and compare.
    let region = LonLatBox(westDegrees: 5, eastDegrees: 5.99, southDegrees: 60, northDegrees: 60.99)
    let long = try GSHHGLandMask(
      region: region, resolution: .full, directory: GSHHGResolution.debianDirectory,
      inlineCountLimit: 0)
    var generator = LandTestRandom(seed: 3)
    var mixed = 0
    for _ in 0..<20_000 {
      let lon = 5 + generator.unit()
      let lat = 60 + generator.unit()
      #expect(
        long.isLand(longitude: lon, latitude: lat) == mask.isLand(longitude: lon, latitude: lat))
      if long.cells.cellKind(longitude: lon, latitude: lat).kind == .mixed { mixed += 1 }
    }
    #expect(mixed > 100)
  }

  @Test func cornerNodeLevelsAgreeWithShorelineParity() {
    // Parity from the south-west corner must reproduce the levels GMT stored for the other three
    // corners: checks the corner order (SW, SE, NE, NW) and the level-1 reading of lakes.
    let inset = 0.5
    let far = 65535 - inset
    var crossedBins = 0
    for bin in mask.shores.bins where !bin.segments.isEmpty {
      crossedBins += 1
      #expect(LandTestSupport.referenceIsLand(bin, x: far, y: inset) == (bin.cornerLevels[1] >= 1))
      #expect(LandTestSupport.referenceIsLand(bin, x: far, y: far) == (bin.cornerLevels[2] >= 1))
      #expect(LandTestSupport.referenceIsLand(bin, x: inset, y: far) == (bin.cornerLevels[3] >= 1))
    }
    #expect(crossedBins >= 6)
  }

  @Test func batchAnswersMatchSingleAnswers() {
    var generator = LandTestRandom(seed: 7)
    let count = 5_000
    let lons = (0..<count).map { _ in 2.5 + 4 * generator.unit() }
    let lats = (0..<count).map { _ in 58.8 + 3 * generator.unit() }
    var batch = [Bool](repeating: false, count: count)
    lons.withUnsafeBufferPointer { lon in
      lats.withUnsafeBufferPointer { lat in
        batch.withUnsafeMutableBufferPointer { out in
          mask.isLand(longitudes: lon, latitudes: lat, result: out)
        }
      }
    }
    for k in 0..<count {
      #expect(batch[k] == mask.isLand(longitude: lons[k], latitude: lats[k]))
    }
    #expect(batch.contains(true) && batch.contains(false))
  }

  /// The drift passes its status column as the skip mask: skipped positions answer false,
  /// the others what the single query answers (sea bitmap, raster and exact test alike),
  /// including positions outside the covered bins and NaN.
  @Test func batchWithSkipMaskAnswersOnlyUnskippedPositions() {
    var generator = LandTestRandom(seed: 11)
    // Not a multiple of 4: the last positions take the partial-vector path.
    let count = 5_003
    var lons = (0..<count).map { _ in 2.5 + 4 * generator.unit() }
    var lats = (0..<count).map { _ in 58.8 + 3 * generator.unit() }
    lons[0] = .nan
    lats[1] = .nan
    lons[2] = 150
    lats[3] = -80
    let skip = (0..<count).map { k -> UInt8 in k % 3 == 1 ? 2 : 0 }
    var batch = [Bool](repeating: true, count: count)
    lons.withUnsafeBufferPointer { lon in
      lats.withUnsafeBufferPointer { lat in
        skip.withUnsafeBufferPointer { s in
          batch.withUnsafeMutableBufferPointer { out in
            mask.isLand(longitudes: lon, latitudes: lat, skipping: s, result: out)
          }
        }
      }
    }
    var land = 0
    for k in 0..<count {
      let expected = skip[k] == 0 && mask.isLand(longitude: lons[k], latitude: lats[k])
      #expect(batch[k] == expected, "point \(k) at \(lons[k]), \(lats[k])")
      if expected { land += 1 }
    }
    #expect(land > 100)
  }

  /// Drifting particles sit next to their neighbours in memory, so the batch query first tests
  /// whether a whole group's bounding box lies in pure-sea cells. Tight clusters (a few hundred
  /// metres, in open sea, near the coast and across bin edges at whole degrees) must get the
  /// single query's answers, with and without skipped positions.
  @Test func clusteredBatchesMatchSingleAnswers() {
    var generator = LandTestRandom(seed: 23)
    var lons: [Double] = []
    var lats: [Double] = []
    for cluster in 0..<120 {
      // Every fourth cluster straddles a bin corner; the others lie anywhere off western Norway.
      let centreLon = cluster % 4 == 0 ? Double(3 + cluster % 3) : 2.5 + 4 * generator.unit()
      let centreLat = cluster % 4 == 0 ? Double(59 + cluster % 3) : 58.8 + 3 * generator.unit()
      let size = cluster % 2 == 0 ? 0.004 : 0.02
      for _ in 0..<64 {
        lons.append(centreLon + size * (generator.unit() - 0.5))
        lats.append(centreLat + size * (generator.unit() - 0.5))
      }
    }
    let count = lons.count
    for skipEvery in [0, 5] {
      let skip = (0..<count).map { k -> UInt8 in skipEvery > 0 && k % skipEvery == 2 ? 1 : 0 }
      var batch = [Bool](repeating: true, count: count)
      lons.withUnsafeBufferPointer { lon in
        lats.withUnsafeBufferPointer { lat in
          skip.withUnsafeBufferPointer { s in
            batch.withUnsafeMutableBufferPointer { out in
              mask.isLand(longitudes: lon, latitudes: lat, skipping: s, result: out)
            }
          }
        }
      }
      for k in 0..<count {
        let expected = skip[k] == 0 && mask.isLand(longitude: lons[k], latitude: lats[k])
        #expect(batch[k] == expected, "point \(k) at \(lons[k]), \(lats[k])")
      }
      #expect(batch.contains(true) && batch.contains(false))
    }
  }

  /// The sea bitmap in front of the raster changes no answer: the raster's verdict for uniform
  /// cells, the exact test elsewhere.
  @Test func seaBitmapAgreesWithTheRaster() {
    var generator = LandTestRandom(seed: 13)
    var checked = 0
    for _ in 0..<20_000 {
      let lon = 3 + 3 * generator.unit()
      let lat = 59 + 2.5 * generator.unit()
      let kind = mask.cells.cellKind(longitude: lon, latitude: lat).kind
      guard kind == .land || kind == .sea else { continue }
      #expect(mask.isLand(longitude: lon, latitude: lat) == (kind == .land))
      checked += 1
    }
    #expect(checked > 10_000)
  }

  @Test func coversWholeBinsAndAnswersSeaOutside() {
    #expect(
      mask.coveredRegion
        == LonLatBox(westDegrees: 3, eastDegrees: 7, southDegrees: 59, northDegrees: 62))
    #expect(mask.covers(longitude: 6.5, latitude: 61.8))
    #expect(!mask.covers(longitude: 10.7, latitude: 59.9))
    // Oslo is land but outside the region: the mask says sea there, and says it does not cover it.
    #expect(!mask.isLand(longitude: 10.7, latitude: 59.95))
    #expect(!mask.isLand(longitude: .nan, latitude: 60))
  }

  @Test func longitudesInAnyFrameGiveTheSameAnswer() {
    #expect(mask.isLand(longitude: 5.3868 + 360, latitude: 60.3776))
    #expect(mask.isLand(longitude: 5.3868 - 720, latitude: 60.3776))
    #expect(!mask.isLand(longitude: 3.5 - 360, latitude: 60.5))
  }
}

/// A small deterministic generator for test positions.
struct LandTestRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform in [0, 1).
  mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
