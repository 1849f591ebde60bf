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
