import Foundation

/// The visual sweep width tables, their corrections and the Leeway class mapping, as shipped in
/// SarexSearch's Resources (see each file's header for the source and what was not verified).
///
/// Corrected sweep width W = W_u x f_w x f_v x f_f (IAMSAR Manual Vol II, Appendix N): uncorrected
/// W_u from the table of the platform by search object, height and meteorological visibility; f_w
/// weather; f_v aircraft speed (1 for vessels); f_f fatigue, 0.9 when the crew is fatigued.
public struct SweepWidthTables: Sendable {
  /// The fatigue correction factor (IAMSAR Manual Vol II, Appendix N: reduce W by 10 %).
  public static let fatigueFactor = 0.9

  /// One table family: sweep width per object, height row and visibility column.
  struct Grid: Sendable {
    var file: String
    var heightsFeet: [Double]
    var visibilitiesNM: [Double]
    /// values[object][heightIndex][visibilityIndex], nil where not tabulated.
    var values: [String: [[Double?]]]
  }

  struct SpeedTable: Sendable {
    var speedsKnots: [Double]
    var factors: [String: [Double]]
  }

  public let objects: [SearchObjectCategory]
  let grids: [SweepWidthPlatform: Grid]
  let speedTables: [SweepWidthPlatform: SpeedTable]
  let weatherFactors: [SearchObjectCategory.WeatherClass: [WeatherBand: Double]]
  let leewayMap: [(pattern: String, object: String, basis: String)]

  /// Loads the shipped tables.
  public static func bundled() throws(SweepWidthError) -> SweepWidthTables {
    try SweepWidthTables(
      objects: .resource("search-objects.csv"),
      vessel: .resource("sweep-width-vessel.csv"),
      helicopter: .resource("sweep-width-helicopter.csv"),
      fixedWing: .resource("sweep-width-fixed-wing.csv"),
      helicopterSpeed: .resource("speed-correction-helicopter.csv"),
      fixedWingSpeed: .resource("speed-correction-fixed-wing.csv"),
      weather: .resource("weather-correction.csv"),
      leeway: .resource("leeway-sweep-width-objects.csv"))
  }

  init(
    objects objectsCSV: SimpleCSV, vessel: SimpleCSV, helicopter: SimpleCSV, fixedWing: SimpleCSV,
    helicopterSpeed: SimpleCSV, fixedWingSpeed: SimpleCSV, weather: SimpleCSV, leeway: SimpleCSV
  ) throws(SweepWidthError) {
    var objects: [SearchObjectCategory] = []
    for row in objectsCSV.rows {
      guard let wc = SearchObjectCategory.WeatherClass(rawValue: row.fields[2]) else {
        throw .badFile(
          file: objectsCSV.file, line: row.line,
          reason: "weather_class '\(row.fields[2])'; expected small or large")
      }
      objects.append(
        SearchObjectCategory(code: row.fields[0], name: row.fields[1], weatherClass: wc))
    }
    let known = Set(objects.map(\.code))
    func object(_ code: String, _ csv: SimpleCSV, _ line: Int) throws(SweepWidthError) -> String {
      guard known.contains(code) else {
        throw .badFile(file: csv.file, line: line, reason: "unknown search object '\(code)'")
      }
      return code
    }
    func grid(_ csv: SimpleCSV) throws(SweepWidthError) -> Grid {
      let visibilities = try csv.header.dropFirst(2).map { (h: String) throws(SweepWidthError) in
        guard
          let v = Double(
            h.replacingOccurrences(of: "vis_", with: "").replacingOccurrences(of: "nm", with: ""))
        else {
          throw SweepWidthError.badFile(
            file: csv.file, line: 1, reason: "column '\(h)' is not vis_<NM>nm")
        }
        return v
      }
      var heights: [Double] = []
      var values: [String: [[Double?]]] = [:]
      for row in csv.rows {
        guard let h = try csv.number(row, 0) else {
          throw .badFile(file: csv.file, line: row.line, reason: "missing height")
        }
        if !heights.contains(h) {
          guard heights.last.map({ h > $0 }) ?? true else {
            throw .badFile(file: csv.file, line: row.line, reason: "heights must increase")
          }
          heights.append(h)
        }
        let code = try object(row.fields[1], csv, row.line)
        var cells: [Double?] = []
        for c in 2..<csv.header.count { cells.append(try csv.number(row, c)) }
        values[code, default: []].append(cells)
        guard values[code]?.count == heights.count else {
          throw .badFile(
            file: csv.file, line: row.line,
            reason: "object '\(code)' repeated or missing at a height")
        }
      }
      return Grid(
        file: csv.file, heightsFeet: heights, visibilitiesNM: visibilities, values: values)
    }
    func speeds(_ csv: SimpleCSV) throws(SweepWidthError) -> SpeedTable {
      let speeds = try csv.header.dropFirst().map { (h: String) throws(SweepWidthError) in
        guard
          let v = Double(
            h.replacingOccurrences(of: "speed_", with: "").replacingOccurrences(of: "kt", with: ""))
        else {
          throw SweepWidthError.badFile(
            file: csv.file, line: 1, reason: "column '\(h)' is not speed_<kt>kt")
        }
        return v
      }
      var factors: [String: [Double]] = [:]
      for row in csv.rows {
        let code = try object(row.fields[0], csv, row.line)
        var f: [Double] = []
        for c in 1..<csv.header.count {
          guard let v = try csv.number(row, c) else {
            throw .badFile(file: csv.file, line: row.line, reason: "missing factor")
          }
          f.append(v)
        }
        factors[code] = f
      }
      return SpeedTable(speedsKnots: speeds, factors: factors)
    }
    var weatherFactors: [SearchObjectCategory.WeatherClass: [WeatherBand: Double]] = [:]
    for row in weather.rows {
      guard let wc = SearchObjectCategory.WeatherClass(rawValue: row.fields[0]) else {
        throw .badFile(
          file: weather.file, line: row.line, reason: "unknown class '\(row.fields[0])'")
      }
      var bands: [WeatherBand: Double] = [:]
      for (c, name) in weather.header.enumerated().dropFirst() {
        guard let band = WeatherBand(rawValue: name), let v = try weather.number(row, c) else {
          throw .badFile(file: weather.file, line: row.line, reason: "bad column '\(name)'")
        }
        bands[band] = v
      }
      weatherFactors[wc] = bands
    }
    var leewayMap: [(String, String, String)] = []
    for row in leeway.rows {
      leewayMap.append((row.fields[0], try object(row.fields[1], leeway, row.line), row.fields[2]))
    }
    self.objects = objects
    self.grids = [
      .vessel: try grid(vessel), .helicopter: try grid(helicopter), .fixedWing: try grid(fixedWing),
    ]
    self.speedTables = [
      .helicopter: try speeds(helicopterSpeed), .fixedWing: try speeds(fixedWingSpeed),
    ]
    self.weatherFactors = weatherFactors
    self.leewayMap = leewayMap
  }

  /// The category of a table object code.
  public func category(_ code: String) throws(SweepWidthError) -> SearchObjectCategory {
    guard let c = objects.first(where: { $0.code == code }) else { throw .unknownObject(code) }
    return c
  }

  /// The table object for a Leeway class code (exact code first, then the longest '*' pattern).
  public func object(forLeewayClass code: String) throws(SweepWidthError) -> String {
    if let exact = leewayMap.first(where: { $0.pattern == code }) { return exact.object }
    let matches = leewayMap.filter {
      $0.pattern.hasSuffix("*") && code.hasPrefix(String($0.pattern.dropLast()))
    }
    guard let best = matches.max(by: { $0.pattern.count < $1.pattern.count }) else {
      throw .unmappedLeewayClass(code)
    }
    return best.object
  }

  /// Uncorrected sweep width W_u, NM, interpolated linearly in height and visibility.
  ///
  /// Vessels above the highest tabulated eye height (14 ft) use that row: a higher eye sees
  /// farther, so this under-promises. Anything else outside the table is an error.
  public func uncorrectedSweepWidthNM(
    object code: String, platform: SweepWidthPlatform, heightFeet: Double, visibilityNM: Double
  ) throws(SweepWidthError) -> Double {
    guard let grid = grids[platform] else { throw .unknownObject(code) }
    guard let rows = grid.values[code] else { throw .unknownObject(code) }
    guard heightFeet.isFinite else {
      throw .invalidValue(quantity: "height (ft)", value: heightFeet)
    }
    guard visibilityNM.isFinite else {
      throw .invalidValue(quantity: "visibility (NM)", value: visibilityNM)
    }
    var h = heightFeet
    if platform == .vessel, let top = grid.heightsFeet.last { h = min(h, top) }
    let (h0, h1, th) = try Self.bracket(
      h, grid.heightsFeet, quantity: platform == .vessel ? "Height of eye (ft)" : "Altitude (ft)",
      table: grid.file)
    let (v0, v1, tv) = try Self.bracket(
      visibilityNM, grid.visibilitiesNM, quantity: "Visibility (NM)", table: grid.file)
    func cell(_ i: Int, _ j: Int) throws(SweepWidthError) -> Double {
      guard let v = rows[i][j] else {
        let tabulated = grid.visibilitiesNM.indices.filter { rows[i][$0] != nil }
        let lo = grid.visibilitiesNM[tabulated.first ?? 0]
        let hi = grid.visibilitiesNM[tabulated.last ?? 0]
        throw .outsideTable(
          quantity: "Visibility (NM)", value: visibilityNM, range: lo...hi, table: grid.file)
      }
      return v
    }
    let a = try cell(h0, v0) * (1 - tv) + cell(h0, v1) * tv
    let b = try cell(h1, v0) * (1 - tv) + cell(h1, v1) * tv
    return a * (1 - th) + b * th
  }

  /// Speed correction f_v: 1 for vessels; for aircraft interpolated between the table's speeds
  /// and held at the end values outside them.
  public func speedFactor(object code: String, platform: SweepWidthPlatform, speedKnots: Double)
    throws(SweepWidthError) -> Double
  {
    guard let table = speedTables[platform] else { return 1 }
    guard let f = table.factors[code] else { throw .unknownObject(code) }
    guard speedKnots.isFinite, speedKnots > 0 else {
      throw .invalidValue(quantity: "search speed (kt)", value: speedKnots)
    }
    let s = min(
      max(speedKnots, table.speedsKnots[0]), table.speedsKnots[table.speedsKnots.count - 1])
    let (i0, i1, t) = try Self.bracket(s, table.speedsKnots, quantity: "Speed (kt)", table: "speed")
    return f[i0] * (1 - t) + f[i1] * t
  }

  /// Weather correction f_w for an object in a weather band.
  public func weatherFactor(object code: String, band: WeatherBand) throws(SweepWidthError)
    -> Double
  {
    let c = try category(code)
    return weatherFactors[c.weatherClass]?[band] ?? 1
  }

  /// Corrected sweep width and its factors, for a worksheet line.
  public func correctedSweepWidth(
    object code: String, platform: SweepWidthPlatform, heightFeet: Double, speedKnots: Double,
    visibilityNM: Double, windKnots: Double, seaHeightMetres: Double, fatigued: Bool
  ) throws(SweepWidthError) -> CorrectedSweepWidth {
    guard windKnots >= 0, seaHeightMetres >= 0 else {
      throw .invalidValue(
        quantity: "wind (kt) / sea height (m)", value: min(windKnots, seaHeightMetres))
    }
    let wu = try uncorrectedSweepWidthNM(
      object: code, platform: platform, heightFeet: heightFeet, visibilityNM: visibilityNM)
    let fw = try weatherFactor(
      object: code, band: WeatherBand(windKnots: windKnots, seaHeightMetres: seaHeightMetres))
    let fv = try speedFactor(object: code, platform: platform, speedKnots: speedKnots)
    let ff = fatigued ? Self.fatigueFactor : 1
    return CorrectedSweepWidth(
      uncorrectedNM: wu, weatherFactor: fw, speedFactor: fv, fatigueFactor: ff,
      sweepWidthNM: wu * fw * fv * ff)
  }

  /// Indices and weight of the interval of `sorted` holding `x`.
  static func bracket(_ x: Double, _ sorted: [Double], quantity: String, table: String)
    throws(SweepWidthError) -> (Int, Int, Double)
  {
    guard let first = sorted.first, let last = sorted.last, x >= first, x <= last else {
      throw .outsideTable(
        quantity: quantity, value: x, range: (sorted.first ?? 0)...(sorted.last ?? 0), table: table)
    }
    if sorted.count == 1 { return (0, 0, 0) }
    var i = 0
    while i < sorted.count - 2 && x > sorted[i + 1] { i += 1 }
    let t = (x - sorted[i]) / (sorted[i + 1] - sorted[i])
    return (i, i + 1, t)
  }
}

/// A corrected sweep width with its factors, W = W_u f_w f_v f_f.
public struct CorrectedSweepWidth: Sendable, Hashable {
  public var uncorrectedNM: Double
  public var weatherFactor: Double
  public var speedFactor: Double
  public var fatigueFactor: Double
  public var sweepWidthNM: Double
}

extension SweepWidthTables {
  /// Corrected sweep widths of one unit, metres, for each Leeway class of an ensemble (in the
  /// order of the classes, i.e. indexed like `ParticleSnapshot.categoryIndices`), ready for a
  /// `DetectionTrack`.
  /// - Throws: `SweepWidthError` if a class has no visual row or the conditions are outside the
  ///   tables (visibility, altitude).
  public func sweepWidthsMetres(
    leewayClasses: [String], unit: SearchUnit, visibilityNM: Double, windKnots: Double,
    seaHeightMetres: Double, fatigued: Bool
  ) throws(SweepWidthError) -> [Double] {
    var out: [Double] = []
    for code in leewayClasses {
      let object = try object(forLeewayClass: code)
      let w = try correctedSweepWidth(
        object: object, platform: unit.kind.sweepWidthPlatform, heightFeet: unit.searchAltitudeFeet,
        speedKnots: unit.searchSpeedKnots, visibilityNM: visibilityNM, windKnots: windKnots,
        seaHeightMetres: seaHeightMetres, fatigued: fatigued)
      out.append(w.sweepWidthNM * 1852)
    }
    return out
  }
}
