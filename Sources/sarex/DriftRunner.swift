import Foundation
import SarexDrift
import SarexEnvironment
import SarexFormats
import SarexGeo

/// Runs one drift from a resolved ``DriftRunSpec``: opens the forcing and the coastline, checks the
/// seeds, steps the ensemble and writes every requested product.
struct DriftRunner {
  var spec: DriftRunSpec
  var outputs: DriftOutputPaths
  /// Draw a progress line on a terminal.
  var showsProgress = true
  /// Output times at which to keep a copy of the ensemble (the planner's periods).
  var captureTimes: Set<Date> = []

  /// What a finished run hands to its caller (the planner continues from the final ensemble).
  struct Result {
    var ensemble: ParticleEnsemble
    var summaries: EnsembleSummaryTable
    var land: GSHHGLandMask?
    var wallSeconds: Double
    /// The ensemble at each of `captureTimes` the run reached.
    var captured: [Date: ParticleEnsemble] = [:]
  }

  func run() throws -> Result {
    let started = Date()
    let config = spec.configuration
    let end = config.start.addingTimeInterval(
      config.timeStep < 0 ? -config.duration : config.duration)
    let span = min(config.start, end)...max(config.start, end)
    let windURL = spec.windURL
    let currentURL = spec.currentURL
    let (seeded, wind, current, land) = try load(span: span)
    // The only reference to the seeded columns from here on: the drift changes them in place
    // (copy-on-write would otherwise copy them all at the first output).
    var ensemble = consume seeded
    if let land { try checkSeedsAreAtSea(ensemble: ensemble, land: land) }
    try checkSeedsHaveForcing(
      ensemble: ensemble, fields: [(wind, windURL, "wind"), (current, currentURL, "current")],
      time: config.start)

    let simulation = DriftSimulation(
      wind: wind, current: current, land: land.map { $0 as any LandMask } ?? NoLand(),
      configuration: config)
    try describe { try simulation.validate() }

    let writer = try outputs.trajectories.map { path in
      try describe {
        try TrajectoryWriter(
          path: path, particleCount: ensemble.count, weights: ensemble.weights,
          metadata: TrajectoryFileMetadata(
            title: "Sarex Leeway drift: \(spec.name)", calculationStepSeconds: config.timeStep,
            outputStepSeconds: config.outputStep,
            extraAttributes: [("seed", "\(config.randomSeed)")]))
      }
    }
    // The summary rows are computed on a thread of their own while the drift steps on.
    let summaryPipeline = SummaryPipeline(startTime: config.start)
    var captured: [Date: ParticleEnsemble] = [:]
    let progress = ProgressLine(
      label: "drift", enabled: showsProgress && isatty(STDERR_FILENO) == 1)
    try describe {
      try simulation.run(
        &ensemble,
        observer: { output in
          if captureTimes.contains(output.time) { captured[output.time] = output.ensemble }
          // The summary is order-free: it reads the drift's working order, so without a
          // trajectory file or a capture the particles are never put back in seeded order
          // until the end.
          output.withUnorderedState { lon, lat, status in
            summaryPipeline.append(
              time: output.time, longitudesDegrees: lon, latitudesDegrees: lat,
              statusCodes: status)
          }
          if let writer {
            try output.ensemble.withColumns { c in
              try writer.append(
                time: output.time, longitudesDegrees: c.longitudeDegrees,
                latitudesDegrees: c.latitudeDegrees, statusCodes: c.status)
            }
          }
        },
        progress: { p in progress.update(p.fraction, detail: UTCDateParser.string(p.time)) })
    }
    progress.finish()
    let summaries = summaryPipeline.table()
    try describe { try writer?.close() }
    if let path = outputs.summary { try describe { try summaries.write(to: path) } }
    try writeFinalPositions(ensemble)
    let areas = try writeContainment(ensemble)
    try writeMaps(ensemble, summaries: summaries, areas: areas, land: land)
    return Result(
      ensemble: ensemble, summaries: summaries, land: land,
      wallSeconds: Date().timeIntervalSince(started), captured: captured)
  }

  /// Seeds the ensemble and loads wind, current and (when asked) the coastline, all at once:
  /// seeding on a thread of its own, the two fields in `concurrently` (the current, the largest
  /// file, starts first), and the coastline as soon as its region is known (`CoastlineStart`):
  /// the seeds' box and both fields' boxes, each field's known from its grid's coordinates, long
  /// before its planes are read. Errors are reported in the order seeding, wind, current,
  /// coastline, whichever job finished first; every job is joined before anything is thrown.
  private func load(span: ClosedRange<Date>) throws -> (
    ParticleEnsemble, GriddedVectorField, GriddedVectorField, GSHHGLandMask?
  ) {
    let seeding = spec.seeding
    let windURL = spec.windURL
    let currentURL = spec.currentURL
    let landResolution = spec.landResolution.flatMap { GSHHGResolution(name: $0) }
    let coastline = landResolution.map {
      CoastlineStart(resolution: $0, durationSeconds: abs(spec.configuration.duration))
    }
    let seedingJob = BackgroundJob { () throws -> ParticleEnsemble in
      let ensemble = try describe { try seeding.makeEnsemble() }
      coastline?.offer(.seeds, box: Self.seedBox(ensemble))
      return ensemble
    }
    @Sendable func field(_ url: URL, _ kind: VectorFieldKind, _ part: CoastlineStart.Part) throws
      -> GriddedVectorField
    {
      let field = try describe {
        try GriddedVectorField(url: url, kind: kind) { coastline?.offer(part, box: $0) }
      }
      try describe { try field.validate(covering: span) }
      return field
    }
    let (wind, current) = concurrently(
      { try field(windURL, .wind10m, .wind) }, { try field(currentURL, .surfaceCurrent, .current) })
    let seeded = Swift.Result { try seedingJob.wait() }
    let started = coastline?.join()
    let ensemble = try seeded.get()
    let windField = try wind.get()
    let currentField = try current.get()
    // Started unless a job failed before offering its box, and then it has thrown above.
    let land = try started.map { try $0.get() }
    return (ensemble, windField, currentField, land)
  }

  /// The box (degrees) of the seeded positions.
  static func seedBox(_ ensemble: ParticleEnsemble) -> LonLatBox {
    let lons = ensemble.longitudesDegrees
    let lats = ensemble.latitudesDegrees
    return LonLatBox(
      westDegrees: lons.min() ?? 0, eastDegrees: lons.max() ?? 0, southDegrees: lats.min() ?? 0,
      northDegrees: lats.max() ?? 0)
  }

  /// The coastline region: the seeds' box widened by how far anything could drift (2 m/s for the
  /// whole run, at most 10 degrees), so every particle stays inside it; cut to where both forcing
  /// fields can answer (a particle outside either stops with missing data), with a margin of
  /// `forcingMarginDegrees` for the last step out, and never smaller than the seeds' own box (a
  /// seed on land is reported as such wherever it is).
  static func landRegion(seeds: LonLatBox, durationSeconds: Double, forcing: [LonLatBox?])
    -> LonLatBox
  {
    let reachDegrees = min(10, max(0.5, 2 * durationSeconds / 111_000))
    let cosLat = max(0.1, cos(max(abs(seeds.southDegrees), abs(seeds.northDegrees)) * .pi / 180))
    var region = LonLatBox(
      westDegrees: seeds.westDegrees - reachDegrees / cosLat,
      eastDegrees: seeds.eastDegrees + reachDegrees / cosLat,
      southDegrees: max(-90, seeds.southDegrees - reachDegrees),
      northDegrees: min(90, seeds.northDegrees + reachDegrees))
    for box in forcing {
      guard let box, let cut = region.intersection(box.expanded(byDegrees: forcingMarginDegrees))
      else { continue }
      region = cut
    }
    return region.union(sameFrame: seeds)
  }

  /// How far beyond the forcing the coastline reaches, degrees: more than a drift step (a few
  /// kilometres at most), so a particle's last move out of the forcing still meets the coast.
  static let forcingMarginDegrees = 0.1

  /// A seed on land is a mistake in the case, not something to drift: say which one.
  private func checkSeedsAreAtSea(ensemble: ParticleEnsemble, land: GSHHGLandMask) throws {
    for scenario in spec.seeding.scenarios {
      let centres: [GeoPoint]
      switch scenario.geometry {
      case .point(let p, _, _): centres = [p]
      case .cone(let a, let b, _, _, _): centres = [a, b]
      case .polygon: centres = []
      }
      for p in centres where land.isLand(longitude: p.longitudeDegrees, latitude: p.latitudeDegrees)
      {
        throw CLIError(
          "The seed '\(scenario.name)' at \(p) is on land (GSHHG coastline); give a position at sea."
        )
      }
    }
    // Usually the first seed is at sea: stop at the first one.
    let anyAtSea = ensemble.statuses.indices.contains { i in
      let p = ensemble.position(at: i)
      return !land.isLand(longitude: p.longitudeDegrees, latitude: p.latitudeDegrees)
    }
    if !anyAtSea {
      throw CLIError("Every seeded particle is on land (GSHHG coastline); move the seeds to sea.")
    }
  }

  /// Seeds wholly outside a forcing grid (or on its land cells) would all stop as missing data
  /// at the first step: say which file does not cover them instead of drifting nothing.
  private func checkSeedsHaveForcing(
    ensemble: ParticleEnsemble, fields: [(any VectorField, URL, String)], time: Date
  ) throws {
    let lons = ensemble.longitudesDegrees
    let lats = ensemble.latitudesDegrees
    guard !lons.isEmpty else { return }
    // Sampled a chunk at a time, stopping at the first chunk with a valid sample (each
    // particle's answer does not depend on the others in its batch).
    let chunk = min(lons.count, 4096)
    var east = [Double](repeating: 0, count: chunk)
    var north = east
    var valid = [Bool](repeating: false, count: chunk)
    for (field, url, kind) in fields {
      var anyValid = false
      var first = 0
      while !anyValid && first < lons.count {
        let part = first..<min(first + chunk, lons.count)
        lons[part].withUnsafeBufferPointer { lon in
          lats[part].withUnsafeBufferPointer { lat in
            east.withUnsafeMutableBufferPointer { e in
              north.withUnsafeMutableBufferPointer { n in
                valid.withUnsafeMutableBufferPointer { v in
                  let m = part.count
                  field.sample(
                    longitudes: lon, latitudes: lat, time: time,
                    east: UnsafeMutableBufferPointer(rebasing: e[..<m]),
                    north: UnsafeMutableBufferPointer(rebasing: n[..<m]),
                    valid: UnsafeMutableBufferPointer(rebasing: v[..<m]))
                  anyValid = v[..<m].contains(true)
                }
              }
            }
          }
        }
        first = part.upperBound
      }
      if !anyValid {
        throw CLIError(
          "Every seeded particle is outside the \(kind) file \(url.path) (no \(kind) there at "
            + "\(UTCDateParser.string(time))); move the seeds inside its grid or give a \(kind) "
            + "file that covers them.")
      }
    }
  }

  private func writeFinalPositions(_ ensemble: ParticleEnsemble) throws {
    guard let path = outputs.finalPositions else { return }
    let statuses = ensemble.statuses
    var features: [GeoJSONFeature] = []
    for status in ParticleStatus.allCases {
      let points = statuses.indices.filter { statuses[$0] == status }.map {
        ensemble.position(at: $0)
      }
      guard !points.isEmpty else { continue }
      features.append(
        GeoJSONFeature(
          geometry: .multiPoint(points),
          properties: [
            ("status", .string(status.description)), ("count", .number(Double(points.count))),
          ]))
    }
    try describe { try GeoJSONWriter().write(features, to: path) }
  }

  private func writeContainment(_ ensemble: ParticleEnsemble) throws -> [ContainmentArea] {
    // Only the containment file and the maps use the areas.
    guard outputs.containment != nil || !outputs.maps.isEmpty else { return [] }
    let areas = ContainmentArea.areas(
      longitudesDegrees: ensemble.longitudesDegrees, latitudesDegrees: ensemble.latitudesDegrees,
      status: ensemble.statuses, weights: ensemble.weights)
    guard let path = outputs.containment else { return areas }
    let features = areas.map { area in
      GeoJSONFeature(
        geometry: .multiPolygon(area.multiPolygonRings),
        properties: [
          ("containment", .number(area.fraction)),
          ("area_nm2", .number(area.areaSquareMeters / (1852 * 1852))),
          ("contained_fraction", .number(area.containedFraction)),
        ])
    }
    try describe { try GeoJSONWriter().write(features, to: path) }
    return areas
  }

  private func writeMaps(
    _ ensemble: ParticleEnsemble, summaries: EnsembleSummaryTable, areas: [ContainmentArea],
    land: GSHHGLandMask?
  ) throws {
    guard !outputs.maps.isEmpty else { return }
    let lons = ensemble.longitudesDegrees
    let lats = ensemble.latitudesDegrees
    let points = zip(lons, lats).map { GeoPoint(longitudeDegrees: $0, latitudeDegrees: $1) }
    let centroids = summaries.rows.compactMap { row -> GeoPoint? in
      guard let lon = row.meanLongitudeActiveDegrees, let lat = row.meanLatitudeActiveDegrees
      else { return nil }
      return GeoPoint(longitudeDegrees: lon, latitudeDegrees: lat)
    }
    guard let box = MapBox.enclosing(points + centroids, marginFraction: 0.15) else { return }
    var layers: [MapLayer] = []
    if let land {
      let shore = land.shorelines(
        in: LonLatBox(
          westDegrees: box.westDegrees, eastDegrees: box.eastDegrees,
          southDegrees: box.southDegrees, northDegrees: box.northDegrees))
      layers.append(.coastline(lines: shore))
    }
    for area in areas.sorted(by: { $0.fraction > $1.fraction }) {
      layers.append(
        .polygons(
          area.multiPolygonRings, fill: area.fraction > 0.6 ? "#fdae6b" : "#e6550d",
          stroke: "#a63603", label: "\(Int(area.fraction * 100)) % containment"))
    }
    layers.append(
      .points(
        longitudesDegrees: lons, latitudesDegrees: lats, codes: ensemble.statuses.map(\.rawValue),
        categories: [
          MapPointCategory(code: ParticleStatus.active.rawValue, label: "active", color: "#1f77b4"),
          MapPointCategory(
            code: ParticleStatus.stranded.rawValue, label: "stranded", color: "#d62728"),
          MapPointCategory(
            code: ParticleStatus.missingData.rawValue, label: "missing data", color: "#7f7f7f"),
        ]))
    layers.append(.track(centroids, label: "centroid track"))
    let hours = Int((abs(spec.configuration.duration) / 3600).rounded())
    let map = SVGMap(
      box: box, title: "\(spec.name): \(ensemble.count) particles after \(hours) h",
      layers: layers)
    for path in outputs.maps {
      if path.lowercased().hasSuffix(".png") {
        try describe { try map.writePNG(to: path) }
      } else {
        try describe { try map.writeSVG(to: path) }
      }
    }
  }
}

/// Runs `body` and turns any library error into a ``CLIError`` with its own sentence.
func describe<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as CLIError {
    throw error
  } catch {
    throw CLIError("\(error)")
  }
}
