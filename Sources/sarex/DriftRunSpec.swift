import Foundation
import SarexDrift
import SarexGeo

/// Everything a drift run needs, resolved from a scenario file or from command-line flags and
/// checked: seeds with their object classes, timing, forcing files and the land choice.
struct DriftRunSpec {
  var name: String
  var seeding: Seeding
  var configuration: DriftConfiguration
  var windURL: URL
  var currentURL: URL
  /// GSHHG resolution letter (`f`, `h`, `i`, `l`, `c`), or `nil` for no land.
  var landResolution: String?

  /// Resolves a scenario file; relative paths are taken from the file's folder. `place` starts
  /// error sentences (default "Scenario file PATH"; a case file's inline drift names itself).
  init(file: ScenarioFile, at url: URL, catalogue: LeewayCatalogue, place: String? = nil) throws {
    let folder = url.deletingLastPathComponent()
    let where_ = place ?? "Scenario file \(url.path)"
    name = file.name ?? url.deletingPathExtension().lastPathComponent
    let start = try Self.time(file.start, field: "start", in: where_)
    let duration = try Self.duration(file.duration, field: "duration", in: where_)
    let step = try file.step.map { try Self.duration($0, field: "step", in: where_) } ?? 600
    let outputStep =
      try file.outputStep.map { try Self.duration($0, field: "output_step", in: where_) } ?? 3600
    guard !file.seeding.isEmpty else {
      throw CLIError(
        "\(where_): 'seeding' lists no seed; give at least one point, line or polygon.")
    }
    let total = file.particles ?? 10_000
    guard total > 0 else {
      throw CLIError("\(where_): 'particles' is \(total); give a positive number of particles.")
    }
    let weightSum = file.seeding.reduce(0) { $0 + ($1.weight ?? 1) }
    var scenarios: [SeedScenario] = []
    for (index, seed) in file.seeding.enumerated() {
      let label = "\(where_), seeding[\(index)]"
      let weight = seed.weight ?? 1
      guard weight > 0, weight.isFinite else {
        throw CLIError("\(label): 'weight' must be a positive number, not \(weight).")
      }
      let count = seed.particles ?? max(1, Int((Double(total) * weight / weightSum).rounded()))
      guard count > 0 else {
        throw CLIError("\(label): 'particles' is \(count); give a positive number of particles.")
      }
      let objects = try Self.objects(
        seed: seed, defaultObject: file.object, catalogue: catalogue, in: label)
      let releaseStart = try seed.releaseStart.map {
        try Self.time($0, field: "release_start", in: label)
      }
      let releaseEnd = try seed.releaseEnd.map {
        try Self.time($0, field: "release_end", in: label)
      }
      let geometry = try Self.geometry(seed, in: label)
      var firstRelease = releaseStart ?? start
      var lastRelease = releaseEnd ?? firstRelease
      if case .cone = geometry, let t0 = seed.from?.time, let t1 = seed.to?.time {
        firstRelease = try Self.time(t0, field: "from.time", in: label)
        lastRelease = try Self.time(t1, field: "to.time", in: label)
      }
      scenarios.append(
        SeedScenario(
          name: seed.name ?? "seed \(index + 1)", geometry: geometry, releaseStart: firstRelease,
          releaseEnd: lastRelease, particleCount: count, weight: weight, objects: objects))
    }
    let randomSeed = file.seed ?? 1
    seeding = Seeding(scenarios: scenarios, randomSeed: randomSeed)
    configuration = Self.configuration(
      start: start, duration: duration, step: step, outputStep: outputStep,
      jibing: file.jibing ?? true, seed: randomSeed)
    windURL = URL(fileURLWithPath: file.wind, relativeTo: folder).standardizedFileURL
    currentURL = URL(fileURLWithPath: file.current, relativeTo: folder).standardizedFileURL
    landResolution = try Self.landResolution(file.land ?? "full", in: where_)
  }

  /// Resolves the flags of `sarex drift` for one point seed.
  init(
    object: String, longitude: Double, latitude: Double, radiusMetres: Double, start: String,
    duration: String, step: String, outputStep: String, particles: Int, seed: UInt64,
    jibing: Bool, wind: String, current: String, land: String, catalogue: LeewayCatalogue
  ) throws {
    let where_ = "Option"
    name = "\(object) at \(GeoPoint(longitudeDegrees: longitude, latitudeDegrees: latitude))"
    let startDate = try Self.time(start, field: "--start", in: where_)
    let durationSeconds = try Self.duration(duration, field: "--duration", in: where_)
    let stepSeconds = try Self.duration(step, field: "--step", in: where_)
    let outputSeconds = try Self.duration(outputStep, field: "--output-step", in: where_)
    guard (-90...90).contains(latitude), (-360...360).contains(longitude) else {
      throw CLIError("Option --lat/--lon: \(latitude), \(longitude) is not a position on Earth.")
    }
    guard radiusMetres >= 0, radiusMetres.isFinite else {
      throw CLIError("Option --radius must be zero or a positive number of metres.")
    }
    guard particles > 0 else { throw CLIError("Option --particles must be at least 1.") }
    let objectClass: LeewayClass
    do { objectClass = try catalogue.lookup(object) } catch {
      throw CLIError("Option --object: \(error)")
    }
    let scenario = SeedScenario(
      name: "LKP",
      geometry: .point(
        GeoPoint(longitudeDegrees: longitude, latitudeDegrees: latitude),
        radiusMetres: radiusMetres, distribution: .gaussian),
      releaseStart: startDate, particleCount: particles, objectClass: objectClass)
    seeding = Seeding(scenario, randomSeed: seed)
    configuration = Self.configuration(
      start: startDate, duration: durationSeconds, step: stepSeconds, outputStep: outputSeconds,
      jibing: jibing, seed: seed)
    windURL = URL(fileURLWithPath: wind).standardizedFileURL
    currentURL = URL(fileURLWithPath: current).standardizedFileURL
    landResolution = try Self.landResolution(land, in: "Option --land")
  }

  /// A negative duration (or step) runs backward in time: the engine takes a positive duration
  /// and a negative time step.
  static func configuration(
    start: Date, duration: Double, step: Double, outputStep: Double, jibing: Bool, seed: UInt64
  ) -> DriftConfiguration {
    let backward = duration < 0 || step < 0
    return DriftConfiguration(
      start: start, duration: abs(duration), timeStep: backward ? -abs(step) : step,
      outputStep: abs(outputStep), jibeProbabilityPerHour: jibing ? 0.04 : 0, randomSeed: seed)
  }

  static func time(_ text: String, field: String, in place: String) throws -> Date {
    guard let date = UTCDateParser.date(text) else {
      throw CLIError(
        "\(place): '\(field)' is '\(text)', expected a UTC time such as 2015-11-16T00:00:00Z.")
    }
    return date
  }

  static func duration(_ text: String, field: String, in place: String) throws -> TimeInterval {
    guard let seconds = DurationParser.seconds(text), seconds.isFinite else {
      throw CLIError("\(place): '\(field)' is '\(text)', expected a duration such as 66h or 10m.")
    }
    return seconds
  }

  static func landResolution(_ text: String, in place: String) throws -> String? {
    switch text.lowercased() {
    case "full", "f": return "f"
    case "high", "h": return "h"
    case "intermediate", "i": return "i"
    case "low", "l": return "l"
    case "crude", "c": return "c"
    case "none", "off", "no": return nil
    default:
      throw CLIError(
        "\(place): land '\(text)' is not one of full, high, intermediate, low, crude or none.")
    }
  }

  private static func objects(
    seed: ScenarioFile.Seed, defaultObject: String?, catalogue: LeewayCatalogue, in place: String
  ) throws -> [WeightedLeewayClass] {
    if let objects = seed.objects, !objects.isEmpty {
      return try objects.sorted { $0.key < $1.key }.map { code, weight in
        guard weight > 0, weight.isFinite else {
          throw CLIError("\(place): object '\(code)' has weight \(weight); use a positive number.")
        }
        do { return WeightedLeewayClass(try catalogue.lookup(code), weight: weight) } catch {
          throw CLIError("\(place): \(error)")
        }
      }
    }
    guard let code = seed.object ?? defaultObject else {
      throw CLIError(
        "\(place): no search object; give 'object: PIW-1' (scenario or seed) or 'objects'.")
    }
    do { return [WeightedLeewayClass(try catalogue.lookup(code))] } catch {
      throw CLIError("\(place): \(error)")
    }
  }

  private static func geometry(_ seed: ScenarioFile.Seed, in place: String) throws -> SeedGeometry {
    let distribution: RadiusDistribution
    switch (seed.distribution ?? "gaussian").lowercased() {
    case "gaussian", "normal": distribution = .gaussian
    case "uniform", "disk", "uniform_disk": distribution = .uniformDisk
    default:
      throw CLIError(
        "\(place): distribution '\(seed.distribution ?? "")' is not 'gaussian' or 'uniform'.")
    }
    func point(_ p: ScenarioFile.Position, _ field: String) throws -> GeoPoint {
      guard (-90...90).contains(p.lat), (-360...360).contains(p.lon) else {
        throw CLIError("\(place): '\(field)' (\(p.lon), \(p.lat)) is not a lon/lat position.")
      }
      return GeoPoint(longitudeDegrees: p.lon, latitudeDegrees: p.lat)
    }
    if let p = seed.point {
      let radius = seed.radius ?? 0
      guard radius >= 0, radius.isFinite else {
        throw CLIError("\(place): 'radius' must be zero or a positive number of metres.")
      }
      return .point(try point(p, "point"), radiusMetres: radius, distribution: distribution)
    }
    if let a = seed.from, let b = seed.to {
      let r0 = seed.radiusStart ?? seed.radius ?? 0
      let r1 = seed.radiusEnd ?? seed.radius ?? r0
      guard r0 >= 0, r1 >= 0 else {
        throw CLIError("\(place): cone radii must be zero or positive metres.")
      }
      return .cone(
        from: try point(a, "from"), to: try point(b, "to"), startRadiusMetres: r0,
        endRadiusMetres: r1, distribution: distribution)
    }
    if let ring = seed.polygon {
      var vertices: [GeoPoint] = []
      for (i, pair) in ring.enumerated() {
        guard pair.count == 2 else {
          throw CLIError("\(place): polygon vertex \(i) should be [lon, lat], got \(pair).")
        }
        vertices.append(try point(.init(lon: pair[0], lat: pair[1]), "polygon[\(i)]"))
      }
      if vertices.count > 3, vertices.first == vertices.last { vertices.removeLast() }
      guard vertices.count >= 3 else {
        throw CLIError("\(place): a polygon needs at least 3 distinct vertices.")
      }
      return .polygon(vertices)
    }
    throw CLIError("\(place): give one of 'point', 'from'/'to' (a line or cone) or 'polygon'.")
  }
}
