import Foundation
import SarexDrift
import Testing

@testable import sarex

/// The example files in examples/ stay valid as the formats evolve.
@Test func theExampleDriftScenarioResolvesToTwoWeightedSeeds() throws {
  let url = SarexProcess.repository.appendingPathComponent("examples/piw-off-norway.yaml")
  let spec = try DriftRunSpec(
    file: try ScenarioFile.load(url), at: url, catalogue: try LeewayCatalogue.standard())
  #expect(spec.seeding.scenarios.count == 2)
  #expect(spec.seeding.particleCount == 20_000)
  // Weights 2 : 1 share the particles 2 : 1.
  #expect(spec.seeding.scenarios.map(\.particleCount) == [13_333, 6_667])
  #expect(spec.seeding.scenarios[1].objects.count == 2)
  #expect(spec.configuration.duration == 24 * 3600)
  #expect(FileManager.default.fileExists(atPath: spec.windURL.path))
  #expect(FileManager.default.fileExists(atPath: spec.currentURL.path))
  #expect(spec.landResolution == "f")
}

@Test func theDemoScenarioIsValidYAML() throws {
  let file = try ScenarioFile.decode(DemoCommand.scenarioYAML, source: "demo")
  #expect(file.object == "PIW-1")
  #expect(file.seeding.count == 1)
}

@Test func aNegativeDurationRunsBackwardWithAPositiveDurationAndNegativeStep() throws {
  let spec = try DriftRunSpec(
    object: "PIW-1", longitude: 4, latitude: 60.5, radiusMetres: 0,
    start: "2015-11-17T00:00:00Z", duration: "-6h", step: "10m", outputStep: "1h",
    particles: 10, seed: 1, jibing: true, wind: "w.nc", current: "c.nc", land: "none",
    catalogue: try LeewayCatalogue.standard())
  #expect(spec.configuration.duration == 21_600)
  #expect(spec.configuration.timeStep == -600)
  #expect(spec.configuration.outputStep == 3_600)
  #expect(spec.landResolution == nil)
}
