import Foundation
import SarexGeo
import Testing

@testable import SarexDrift

/// The move carries sin and cos of the latitude from step to step (addition theorem with the
/// step's small latitude change) instead of evaluating them anew: after a day of 10-minute steps
/// through 1.5 degrees of latitude they must still be those of the particle's latitude to 1e-13
/// (rounding of one ulp per step, accumulated), i.e. positions within a micrometre of those of
/// a kernel that recomputes them.
@Test func carriedLatitudeSinCosStayThoseOfTheLatitude() throws {
  let piw = try LeewayCatalogue.standard().lookup("PIW-1")
  let start = Date(timeIntervalSince1970: 1_447_632_000)
  var ensemble = try Seeding(
    SeedScenario(
      name: "lkp",
      geometry: .point(
        GeoPoint(longitudeDegrees: 4, latitudeDegrees: 60.2), radiusMetres: 2000,
        distribution: .gaussian),
      releaseStart: start, particleCount: 203, objectClass: piw), randomSeed: 3
  ).makeEnsemble()
  KernelBenchmark.activateAll(&ensemble)
  KernelBenchmark.run(
    &ensemble, wind: TestField.constant(east: 12, north: 9),
    current: TestField.constant(east: 0.3, north: 1.8), start: start, dt: 600, steps: 144)
  var worst = 0.0
  KernelBenchmark.withKernelColumns(&ensemble) { c in
    for i in 0..<c.count {
      let phi = c.latitude[i] * .pi / 180
      worst = max(worst, abs(c.sinLatitude[i] - sin(phi)), abs(c.cosLatitude[i] - cos(phi)))
    }
    #expect(c.latitude[0] > 61.5, "moved \(c.latitude[0] - 60.2) degrees north")
  }
  #expect(worst < 1e-13, "largest difference \(worst)")
}
