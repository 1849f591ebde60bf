import CProj
import Foundation
import SarexEnvironment
import SarexGeo

/// Turns seeding scenarios into an ensemble of particles, reproducibly: every random draw is a
/// counter-based function of the seed and the particle's index.
///
/// Prior weights: within a scenario, particles are assigned to its classes in proportion to the
/// class weights (interleaved, so every class spans the whole release window and geometry). The
/// particles of one (scenario, class) stratum share its probability
/// `scenarioWeight x classWeight` (both normalised), so every particle's weight is
/// `scenarioWeight x classWeight / stratumCount` and the ensemble's weights sum to 1.
public struct Seeding: Sendable {
  public var scenarios: [SeedScenario]
  /// The random seed; the same seed gives the same ensemble.
  public var randomSeed: UInt64

  public init(scenarios: [SeedScenario], randomSeed: UInt64) {
    self.scenarios = scenarios
    self.randomSeed = randomSeed
  }

  /// One scenario with one class: the common case.
  public init(_ scenario: SeedScenario, randomSeed: UInt64) {
    self.init(scenarios: [scenario], randomSeed: randomSeed)
  }

  /// Total number of particles.
  public var particleCount: Int { scenarios.reduce(0) { $0 + max($1.particleCount, 0) } }

  /// Earliest and latest release time over all scenarios.
  public var releaseSpan: ClosedRange<Date>? {
    guard let first = scenarios.first else { return nil }
    var lo = min(first.releaseStart, first.releaseEnd)
    var hi = max(first.releaseStart, first.releaseEnd)
    for s in scenarios.dropFirst() {
      lo = min(lo, s.releaseStart, s.releaseEnd)
      hi = max(hi, s.releaseStart, s.releaseEnd)
    }
    return lo...hi
  }

  /// Makes the ensemble; all particles start `notSeeded` and are released by the simulation.
  public func makeEnsemble() throws(DriftError) -> ParticleEnsemble {
    try makeEnsemble(parallelThreshold: Self.parallelThreshold)
  }

  /// `makeEnsemble()`, seeding scenarios of at least `parallelThreshold` particles in two
  /// halves at once (tests lower it: the ensemble is the same either way).
  func makeEnsemble(parallelThreshold: Int) throws(DriftError) -> ParticleEnsemble {
    guard !scenarios.isEmpty else {
      throw .invalidConfiguration(field: "scenarios", value: "none", expected: "at least one")
    }
    let scenarioWeightSum = scenarios.reduce(0) { $0 + $1.weight }
    var classes: [LeewayClass] = []
    for s in scenarios { try validate(s) }
    guard scenarioWeightSum > 0, scenarioWeightSum.isFinite else {
      throw .invalidConfiguration(
        field: "scenario weights", value: "\(scenarioWeightSum)", expected: "a positive sum")
    }
    let random = CounterRandom(seed: randomSeed)
    var geodesic = geod_geodesic()
    geod_init(&geodesic, LocalGeodesic.a, LocalGeodesic.f)
    let columns = ParticleColumns(count: particleCount)
    var base = 0
    for (scenarioIndex, s) in scenarios.enumerated() {
      let classOffset = classes.count
      classes += s.objects.map(\.leewayClass)
      let n = s.particleCount
      let assignment = Seeding.classAssignment(n: n, weights: s.objects.map(\.weight))
      var stratumCount = [Int](repeating: 0, count: s.objects.count)
      for c in assignment { stratumCount[c] += 1 }
      if let empty = stratumCount.firstIndex(of: 0) {
        throw .invalidScenario(
          scenario: s.name, field: "particleCount",
          expected:
            "large enough to give class \(s.objects[empty].leewayClass.code) at least one particle")
      }
      let classWeightSum = s.objects.reduce(0) { $0 + $1.weight }
      let window = s.releaseEnd.timeIntervalSince(s.releaseStart)
      let strata = s.objects.enumerated().map { c, object in
        Stratum(
          leewayClass: object.leewayClass, classIndex: Int32(classOffset + c),
          weight: (s.weight / scenarioWeightSum) * (object.weight / classWeightSum)
            / Double(stratumCount[c]))
      }
      let job = ScenarioSeeding(
        seeding: self, scenario: s, scenarioIndex: Int32(scenarioIndex), base: base,
        assignment: assignment, strata: strata, window: window, random: random,
        geodesic: geodesic, columns: columns)
      // Particles are independent (every draw is keyed by the particle's index): large
      // scenarios are seeded in two halves at once, the second on a thread of its own (the CLI
      // seeds inside a `concurrentPerform`, where nested Dispatch work would be serial). The
      // first error in particle order is thrown, as in one pass.
      if n >= parallelThreshold {
        let half = n / 2
        let second = BackgroundJob { () throws(DriftError) in try job.seed(half..<n) }
        let first = Result { () throws(DriftError) in try job.seed(0..<half) }
        let secondResult = second.outcome()
        try first.get()
        guard let secondResult else {
          throw .invalidState(field: "seeding", expected: "both halves of a scenario seeded")
        }
        try secondResult.get()
      } else {
        try job.seed(0..<n)
      }
      base += n
    }
    return ParticleEnsemble(
      columns: columns, classes: classes, scenarioNames: scenarios.map(\.name))
  }

  /// Particles per scenario from which seeding runs on two threads.
  static let parallelThreshold = 20_000

  /// What a (scenario, class) stratum gives each of its particles.
  struct Stratum: Sendable {
    let leewayClass: LeewayClass
    let classIndex: Int32
    let weight: Double
  }

  /// Seeds particles of one scenario into `columns` (slots `base + k`); parts of it may run on
  /// different threads (each writes its own particles' slots only).
  struct ScenarioSeeding: Sendable {
    let seeding: Seeding
    let scenario: SeedScenario
    let scenarioIndex: Int32
    let base: Int
    let assignment: [Int]
    let strata: [Stratum]
    let window: TimeInterval
    let random: CounterRandom
    let geodesic: geod_geodesic
    let columns: ParticleColumns

    func seed(_ ks: Range<Int>) throws(DriftError) {
      var geodesic = self.geodesic
      let s = scenario
      let n = s.particleCount
      for k in ks {
        let g = base + k
        let stratum = strata[assignment[k]]
        let fraction = n > 1 ? Double(k) / Double(n - 1) : 0
        let (lon, lat) = try seeding.position(
          of: s, index: k, count: n, fraction: fraction, particle: g, random: random,
          geodesic: &geodesic)
        columns.longitudeDegrees[g] = lon
        columns.latitudeDegrees[g] = lat
        columns.previousLongitudeDegrees[g] = lon
        columns.previousLatitudeDegrees[g] = lat
        columns.releaseTime[g] = s.releaseStart.timeIntervalSince1970 + window * fraction
        columns.scenarioIndex[g] = scenarioIndex
        columns.classIndex[g] = stratum.classIndex
        columns.weight[g] = stratum.weight
        // OpenDrift: even particles of a seeding take the positive crosswind row.
        let orientation = UInt8(k % 2)
        columns.orientation[g] = orientation
        let p = LeewayPerturbation(
          leewayClass: stratum.leewayClass, orientation: orientation, random: random,
          particle: g)
        columns.downwindSlope[g] = p.downwindSlope
        columns.downwindOffset[g] = p.downwindOffset
        columns.downwindEpsilon[g] = p.downwindEpsilon
        columns.crosswindSlope[g] = p.crosswindSlope
        columns.crosswindOffset[g] = p.crosswindOffset
        columns.crosswindEpsilon[g] = p.crosswindEpsilon
      }
    }
  }

  /// Class of each of `n` particles, in proportion to `weights`, interleaved by a Weyl sequence
  /// (golden ratio) so that each class is spread over the whole scenario.
  static func classAssignment(n: Int, weights: [Double]) -> [Int] {
    let total = weights.reduce(0, +)
    var cumulative: [Double] = []
    var sum = 0.0
    for w in weights {
      sum += w / total
      cumulative.append(sum)
    }
    if weights.count == 1 { return [Int](repeating: 0, count: n) }
    let golden = 0.618_033_988_749_894_8
    return (0..<n).map { k in
      let u = (Double(k) * golden + 0.5).truncatingRemainder(dividingBy: 1)
      return cumulative.firstIndex { u < $0 } ?? (weights.count - 1)
    }
  }

  private func validate(_ s: SeedScenario) throws(DriftError) {
    guard s.particleCount > 0 else {
      throw .invalidScenario(scenario: s.name, field: "particleCount", expected: "positive")
    }
    guard s.weight > 0, s.weight.isFinite else {
      throw .invalidScenario(scenario: s.name, field: "weight", expected: "positive and finite")
    }
    guard !s.objects.isEmpty, s.objects.allSatisfy({ $0.weight > 0 && $0.weight.isFinite }) else {
      throw .invalidScenario(
        scenario: s.name, field: "objects",
        expected: "at least one class, each with a positive weight")
    }
    guard s.releaseEnd >= s.releaseStart else {
      throw .invalidScenario(
        scenario: s.name, field: "releaseEnd", expected: "at or after releaseStart")
    }
    func checkPoint(_ p: GeoPoint, _ field: String) throws(DriftError) {
      guard p.longitudeDegrees.isFinite, p.latitudeDegrees.isFinite,
        abs(p.latitudeDegrees) <= 90
      else {
        throw .invalidScenario(
          scenario: s.name, field: field, expected: "a position with latitude in -90...90")
      }
    }
    func checkRadius(_ r: Double, _ field: String) throws(DriftError) {
      guard r >= 0, r.isFinite else {
        throw .invalidScenario(scenario: s.name, field: field, expected: "non-negative metres")
      }
    }
    switch s.geometry {
    case .point(let p, let r, _):
      try checkPoint(p, "position")
      try checkRadius(r, "radius")
    case .cone(let a, let b, let r0, let r1, _):
      try checkPoint(a, "start position")
      try checkPoint(b, "end position")
      try checkRadius(r0, "start radius")
      try checkRadius(r1, "end radius")
    case .polygon(let vertices):
      for v in vertices { try checkPoint(v, "polygon vertex") }
      guard vertices.count >= 3, PlanarPolygon(vertices).area > 0 else {
        throw .invalidScenario(
          scenario: s.name, field: "polygon", expected: "at least 3 vertices enclosing an area")
      }
    }
  }

  fileprivate func position(
    of s: SeedScenario, index k: Int, count n: Int, fraction: Double, particle g: Int,
    random: CounterRandom, geodesic: inout geod_geodesic
  ) throws(DriftError) -> (Double, Double) {
    switch s.geometry {
    case .point(let p, let radius, let distribution):
      return Seeding.perturb(
        p.longitudeDegrees, p.latitudeDegrees, radius: radius, distribution: distribution,
        particle: g, random: random, geodesic: &geodesic)
    case .cone(let a, let b, let r0, let r1, let distribution):
      var distance = 0.0
      var azimuth = 0.0
      var azimuth2 = 0.0
      geod_inverse(
        &geodesic, a.latitudeDegrees, a.longitudeDegrees, b.latitudeDegrees, b.longitudeDegrees,
        &distance, &azimuth, &azimuth2)
      // As pyproj's npts: n points strictly between the ends, equally spaced.
      let along = distance * Double(k + 1) / Double(n + 1)
      var lat = 0.0
      var lon = 0.0
      geod_direct(
        &geodesic, a.latitudeDegrees, a.longitudeDegrees, azimuth, along, &lat, &lon, &azimuth2)
      return Seeding.perturb(
        lon, lat, radius: r0 + (r1 - r0) * fraction, distribution: distribution, particle: g,
        random: random, geodesic: &geodesic)
    case .polygon(let vertices):
      let polygon = PlanarPolygon(vertices)
      for attempt in UInt64(0)..<10_000 {
        let u = random.uniform(particle: g, stream: .polygonEast, counter: attempt)
        let v = random.uniform(particle: g, stream: .polygonNorth, counter: attempt)
        let (lon, lat) = polygon.boundingBoxPoint(u, v)
        if polygon.contains(longitudeDegrees: lon, latitudeDegrees: lat) { return (lon, lat) }
      }
      throw .invalidScenario(
        scenario: s.name, field: "polygon", expected: "an area that is not a sliver")
    }
  }

  /// Displaces a centre by a random offset of the given radius, along a geodesic (PROJ).
  static func perturb(
    _ lon: Double, _ lat: Double, radius: Double, distribution: RadiusDistribution, particle g: Int,
    random: CounterRandom, geodesic: inout geod_geodesic
  ) -> (Double, Double) {
    guard radius > 0 else { return (lon, lat) }
    let azimuthDegrees: Double
    let distance: Double
    switch distribution {
    case .gaussian:
      let x = random.gaussian(particle: g, stream: .seedingEast) * radius
      let y = random.gaussian(particle: g, stream: .seedingNorth) * radius
      azimuthDegrees = atan2(x, y) * 180 / .pi
      distance = (x * x + y * y).squareRoot()
    case .uniformDisk:
      azimuthDegrees = random.uniform(particle: g, stream: .seedingAzimuth) * 360
      distance = random.uniform(particle: g, stream: .seedingDistance).squareRoot() * radius
    }
    var lat2 = 0.0
    var lon2 = 0.0
    var azimuth2 = 0.0
    geod_direct(&geodesic, lat, lon, azimuthDegrees, distance, &lat2, &lon2, &azimuth2)
    return (lon2, lat2)
  }
}
