import Foundation
import SarexDrift
import SarexEnvironment
import SarexFormats
import SarexGeo
import SarexSearch

/// Runs a planning case: the drift (keeping the ensemble at each period), then the planner per
/// period with the unsuccessful search carried over, then every product.
struct PlanRunner {
  var planCase: PlanCase
  /// Output folder for the plan's products (the drift's go there too). ``run()`` fills it only
  /// when the whole run succeeds (``StagedOutputFolder``).
  var folder: String
  var showsProgress = true
  /// Also write the drift's trajectory file (the demo does).
  var writesTrajectories = false
  /// Write the drift's products at all (the planning benchmark does not).
  var writesDriftOutputs = true

  struct Result {
    var periods: [PeriodResult]
    var drift: DriftRunner.Result
    var files: [String]
    var planningSeconds: Double
  }

  /// The drift run and the planner's inputs built from it, before any planning.
  struct Prepared {
    var drift: DriftRunner.Result
    var periods: [PlanningPeriod]
    var tables: SweepWidthTables
    var isLand: (@Sendable (GeoPoint) -> Bool)?
  }

  /// Drifts, plans and writes every product into a staging folder beside `folder`, then moves
  /// them into `folder`; on any error nothing new is left in either.
  func run() throws -> Result {
    try StagedOutputFolder(destination: folder).run { staged in
      let prepared = try prepare(writingInto: staged.staging.path)
      let clock = Date()
      let results: [PeriodResult]
      do {
        results = try MultiPeriodPlanner.run(
          prepared.periods, mode: planCase.mode, tables: prepared.tables, isLand: prepared.isLand)
      } catch let error as PlannerError {
        throw planCase.explain(error)
      }
      let seconds = Date().timeIntervalSince(clock)
      let files = try PlanProducts(
        planCase: planCase, folder: staged.staging.path, land: prepared.drift.land
      ).write(results)
      return Result(
        periods: results, drift: prepared.drift, files: files.map(staged.finalPath(of:)),
        planningSeconds: seconds)
    }
  }

  /// Runs the drift, writing its products straight into `folder`, and builds each period's
  /// particles, units and conditions.
  func prepare() throws -> Prepared { try prepare(writingInto: folder) }

  /// Runs the drift, writing its products into `directory`, and builds each period's particles,
  /// units and conditions.
  func prepare(writingInto directory: String) throws -> Prepared {
    let config = planCase.drift.configuration
    // Each period uses the ensemble at the output time nearest its on-scene time, and the next
    // output time to estimate the particles' drift velocities.
    let step = abs(config.outputStep)
    let direction = config.duration >= 0 ? 1.0 : -1.0
    let outputs = Int((abs(config.duration) / step).rounded(.down))
    func outputTime(_ k: Int) -> Date {
      config.start.addingTimeInterval(direction * Double(k) * step)
    }
    var references: [(Date, Date)] = []
    for t in planCase.periodTimes {
      let k = min(outputs, max(0, Int((abs(t.timeIntervalSince(config.start)) / step).rounded())))
      let neighbour = k < outputs ? k + 1 : max(0, k - 1)
      references.append((outputTime(k), outputTime(neighbour)))
    }
    var paths =
      writesDriftOutputs ? try DriftOutputPaths.standard(in: directory) : DriftOutputPaths()
    if !writesTrajectories { paths.trajectories = nil }
    var runner = DriftRunner(spec: planCase.drift, outputs: paths)
    runner.showsProgress = showsProgress
    runner.captureTimes = Set(references.flatMap { [$0.0, $0.1] })
    let drift = try runner.run()

    var periods: [PlanningPeriod] = []
    for (n, (time, other)) in references.enumerated() {
      guard let ensemble = drift.captured[time], let next = drift.captured[other] else {
        throw CLIError("The drift did not reach \(UTCDateParser.string(time)) for period \(n + 1).")
      }
      let particles: ParticleSnapshot
      do {
        particles = try Self.snapshot(ensemble, at: time, other: next, otherTime: other)
      } catch let error as CLIError {
        throw CLIError("\(planCase.source), period \(planCase.periodNames[n]): \(error)")
      }
      var conditions = planCase.conditions
      conditions.leewayClasses = ensemble.classes.map(\.code)
      periods.append(
        PlanningPeriod(
          name: planCase.periodNames[n], particles: particles,
          units: planCase.availableUnits(periodStart: planCase.periodTimes[n]),
          conditions: conditions, worksheetDatum: planCase.datum))
    }
    let tables = try describe { try SweepWidthTables.bundled() }
    let land = drift.land
    var isLand: (@Sendable (GeoPoint) -> Bool)?
    if let mask = land {
      isLand = { @Sendable p in
        mask.isLand(longitude: p.longitudeDegrees, latitude: p.latitudeDegrees)
      }
    }
    return Prepared(drift: drift, periods: periods, tables: tables, isLand: isLand)
  }

  /// The particles adrift at `time` with their drift velocities from the displacement to the
  /// ensemble at `otherTime`. Stranded and missing particles keep no probability at sea. pFail
  /// starts at 1 here: the periods carry it from one to the next (`MultiPeriodPlanner`), and the
  /// drift's own pFail column is not yet initialised to 1 by seeding.
  static func snapshot(
    _ e: ParticleEnsemble, at time: Date, other: ParticleEnsemble, otherTime: Date
  ) throws -> ParticleSnapshot {
    let lon = e.longitudesDegrees
    let lat = e.latitudesDegrees
    let lon2 = other.longitudesDegrees
    let lat2 = other.latitudesDegrees
    let statuses = e.statuses
    let dt = otherTime.timeIntervalSince(time)
    let metresPerDegree = 6_371_008.8 * .pi / 180
    var ve = [Double](repeating: 0, count: e.count)
    var vn = ve
    var weights = e.weights
    var categories = [UInt16](repeating: 0, count: e.count)
    e.withColumns { c in
      for i in 0..<e.count { categories[i] = UInt16(clamping: c.classIndex[i]) }
    }
    for i in 0..<e.count {
      if statuses[i] != .active { weights[i] = 0 }
      guard dt != 0 else { continue }
      var dLon = lon2[i] - lon[i]
      dLon -= 360 * (dLon / 360).rounded()
      ve[i] = dLon * metresPerDegree * cos(lat[i] * .pi / 180) / dt
      vn[i] = (lat2[i] - lat[i]) * metresPerDegree / dt
    }
    guard weights.contains(where: { $0 > 0 }) else {
      throw CLIError(
        "the drift ensemble at \(UTCDateParser.string(time)) is empty (every particle stranded or "
          + "carried out of the forcing), so there is nothing to search for at sea; give an "
          + "earlier on_scene time or move the seeds.")
    }
    return try describe {
      try ParticleSnapshot(
        longitudesDegrees: lon, latitudesDegrees: lat, weights: weights,
        eastVelocitiesMetresPerSecond: ve, northVelocitiesMetresPerSecond: vn,
        categoryIndices: categories, time: time)
    }
  }
}
