import Foundation
import Testing

@testable import SarexEnvironment

/// The box outside which a forcing field never answers (it bounds the coastline a drift loads),
/// and the box arithmetic that cuts the coastline region to it.
@Suite struct GeographicBoxTests {
  @Test func everyValidSampleOfTheRealFieldsLiesInTheFieldsBox() throws {
    for (name, kind) in [
      (ForcingTestData.norkyst, VectorFieldKind.surfaceCurrent),
      (ForcingTestData.arome, VectorFieldKind.wind10m),
    ] {
      let field = try GriddedVectorField(url: ForcingTestData.url(name), kind: kind)
      let box = try #require(field.geographicBox)
      // A projected grid of a few hundred kilometres: a box of a few degrees, not the globe.
      #expect(box.eastDegrees - box.westDegrees < 10 && box.northDegrees - box.southDegrees < 6)
      // Points over the box grown by a degree on every side.
      let outer = box.expanded(byDegrees: 1)
      let side = 300
      var lons: [Double] = []
      var lats: [Double] = []
      for r in 0..<side {
        for c in 0..<side {
          lons.append(
            outer.westDegrees + (outer.eastDegrees - outer.westDegrees) * Double(c)
              / Double(side - 1))
          lats.append(
            outer.southDegrees + (outer.northDegrees - outer.southDegrees) * Double(r)
              / Double(side - 1))
        }
      }
      let valid = GriddedVectorFieldBatchTests.sampleBatch(
        field, Array(zip(lons, lats)), ForcingTestData.date("2015-11-16T06:00:00Z")
      ).valid
      let inside = (0..<lons.count).filter { valid[$0] }
      #expect(inside.count > side * side / 10, "\(name): too few valid samples to test")
      let outside = inside.filter {
        !box.contains(longitudeDegrees: lons[$0], latitudeDegrees: lats[$0])
      }
      #expect(outside.isEmpty, "\(name): \(outside.count) valid samples outside \(box)")
    }
  }

  /// The drift starts its coastline from the box a field hands out before it is loaded: it must
  /// be handed out once and be the loaded field's box exactly (projected grids here; the
  /// synthetic grid tests check regular and curvilinear ones).
  @Test func theBoxHandedOutWhileLoadingIsTheLoadedFieldsBox() throws {
    for (name, kind) in [
      (ForcingTestData.norkyst, VectorFieldKind.surfaceCurrent),
      (ForcingTestData.arome, VectorFieldKind.wind10m),
    ] {
      let boxes = BoxRecorder()
      let field = try GriddedVectorField(
        url: ForcingTestData.url(name), kind: kind, whenBoxKnown: boxes.record)
      #expect(boxes.boxes.count == 1 && boxes.boxes.first == field.geographicBox, "\(name)")
      #expect(field.geographicBox != nil)
    }
  }

  @Test func intersectionIsTheOverlapInTheFirstBoxsFrame() throws {
    let a = LonLatBox(westDegrees: -20, eastDegrees: 20, southDegrees: 50, northDegrees: 70)
    let b = LonLatBox(westDegrees: 10, eastDegrees: 40, southDegrees: 60, northDegrees: 80)
    #expect(
      a.intersection(b)
        == LonLatBox(westDegrees: 10, eastDegrees: 20, southDegrees: 60, northDegrees: 70))
    // The same box given in another frame (350...370 is -10...10).
    let c = LonLatBox(westDegrees: 350, eastDegrees: 370, southDegrees: 40, northDegrees: 55)
    #expect(
      a.intersection(c)
        == LonLatBox(westDegrees: -10, eastDegrees: 10, southDegrees: 50, northDegrees: 55))
    let d = LonLatBox(westDegrees: 100, eastDegrees: 120, southDegrees: 50, northDegrees: 70)
    #expect(a.intersection(d) == nil)
    let e = LonLatBox(westDegrees: -10, eastDegrees: 10, southDegrees: 71, northDegrees: 80)
    #expect(a.intersection(e) == nil)
    #expect(
      a.union(sameFrame: b)
        == LonLatBox(westDegrees: -20, eastDegrees: 40, southDegrees: 50, northDegrees: 80))
  }
}

/// Collects the boxes a field hands out while it loads (from another thread).
/// `@unchecked Sendable`: `boxes` is only touched under `lock`.
final class BoxRecorder: @unchecked Sendable {
  private let lock = NSLock()
  private var recorded: [LonLatBox?] = []

  var boxes: [LonLatBox?] { lock.withLock { recorded } }

  @Sendable func record(_ box: LonLatBox?) { lock.withLock { recorded.append(box) } }
}
