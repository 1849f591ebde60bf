import Foundation
import SarexEnvironment

/// The per-block passes of one Leeway step, as OpenDrift's Leeway model and its base model run
/// them: release particles that are due, sample the forcing at the particles' positions, mark
/// those without forcing `missingData` and those on land `stranded` (placed on the coastline),
/// then move the active ones by their leeway and by the current, and jibe.
///
/// Each pass works on one contiguous block `range` of particles; blocks never overlap, so the
/// passes of different workers never touch the same memory.
enum LeewayKernel {
  /// Releases particles that are due before `nextTime` (seconds since 1970): forward, release
  /// time < next; backward, release time > next.
  static func release(_ c: ParticleColumns, _ range: Range<Int>, nextTime: Double, forward: Bool) {
    let notSeeded = ParticleStatus.notSeeded.rawValue
    let active = ParticleStatus.active.rawValue
    for i in range where c.status[i] == notSeeded {
      let due = forward ? c.releaseTime[i] < nextTime : c.releaseTime[i] > nextTime
      if due {
        c.status[i] = active
        c.previousLongitudeDegrees[i] = c.longitudeDegrees[i]
        c.previousLatitudeDegrees[i] = c.latitudeDegrees[i]
      }
    }
  }

  /// Samples wind and current for the whole block at `time` into the worker's scratch.
  static func sample(
    _ c: ParticleColumns, _ range: Range<Int>, time: Date, wind: any VectorField,
    current: any VectorField, scratch: ScratchView
  ) {
    let n = range.count
    let lons = UnsafeBufferPointer(start: c.longitudeDegrees + range.lowerBound, count: n)
    let lats = UnsafeBufferPointer(start: c.latitudeDegrees + range.lowerBound, count: n)
    wind.sample(
      longitudes: lons, latitudes: lats, time: time,
      east: UnsafeMutableBufferPointer(start: scratch.windEast, count: n),
      north: UnsafeMutableBufferPointer(start: scratch.windNorth, count: n),
      valid: UnsafeMutableBufferPointer(start: scratch.windValid, count: n))
    current.sample(
      longitudes: lons, latitudes: lats, time: time,
      east: UnsafeMutableBufferPointer(start: scratch.currentEast, count: n),
      north: UnsafeMutableBufferPointer(start: scratch.currentNorth, count: n),
      valid: UnsafeMutableBufferPointer(start: scratch.currentValid, count: n))
  }

  /// Marks active particles without valid forcing `missingData` (when `checkForcing`) and those
  /// on land `stranded`, and places the latter on the coastline. As in OpenDrift, missing data
  /// wins over stranding, and every active particle found on land is placed on the coastline
  /// (see docs/opendrift-leeway.md, sections 3 and 6).
  static func classify<L: LandMask>(
    _ c: ParticleColumns, _ range: Range<Int>, land: L, scratch: ScratchView,
    checkForcing: Bool, crossing: CoastlineCrossing
  ) {
    let active = ParticleStatus.active.rawValue
    let lo = range.lowerBound
    // One batch query for the block, skipping particles that are not active (`active` is
    // status 0, so the status column is the skip mask): they need no answer, and stranded ones
    // sit on the coastline, in mixed cells whose exact test costs divisions per edge.
    land.isLand(
      longitudes: UnsafeBufferPointer(start: c.longitudeDegrees + lo, count: range.count),
      latitudes: UnsafeBufferPointer(start: c.latitudeDegrees + lo, count: range.count),
      skipping: UnsafeBufferPointer(start: c.status + lo, count: range.count),
      result: UnsafeMutableBufferPointer(start: scratch.land, count: range.count))
    // Statuses first, branch-free over the block: only active particles change, and
    // `scratch.land` is true only for active ones (the others are skipped by the query). The
    // flags are read as bytes (0 or 1) and combined with bit operations and selects: written
    // with `&&` and `||` the loop kept a branch per particle and did not vectorise (perf).
    let status = c.status + lo
    let missingData = ParticleStatus.missingData.rawValue
    let stranded = ParticleStatus.stranded.rawValue
    let check: UInt8 = checkForcing ? 1 : 0
    let windValid = UnsafeRawPointer(scratch.windValid).assumingMemoryBound(to: UInt8.self)
    let currentValid = UnsafeRawPointer(scratch.currentValid).assumingMemoryBound(to: UInt8.self)
    let landFlags = UnsafeRawPointer(scratch.land).assumingMemoryBound(to: UInt8.self)
    var landSeen: UInt8 = 0
    for offset in 0..<range.count {
      let s = status[offset]
      let onLand = landFlags[offset]
      let missing = check & ((windValid[offset] & currentValid[offset]) ^ 1)
      let next = missing != 0 ? missingData : (onLand != 0 ? stranded : s)
      status[offset] = s == active ? next : s
      landSeen |= onLand
    }
    let anyLand = landSeen != 0
    guard anyLand else { return }
    for offset in 0..<range.count where scratch.land[offset] {
      let i = lo + offset
      // OpenDrift keeps previous positions in a float32 buffer: scan from the rounded ones.
      let p = crossing.place(
        land: land, previousLongitude: Double(Float(c.previousLongitudeDegrees[i])),
        previousLatitude: Double(Float(c.previousLatitudeDegrees[i])),
        longitude: c.longitudeDegrees[i], latitude: c.latitudeDegrees[i])
      c.longitudeDegrees[i] = p.longitude
      c.latitudeDegrees[i] = p.latitude
      c.refreshLatitudeSinCos(i..<(i + 1))
    }
  }

  /// Moves the block's active particles by their leeway, then by the current, over `dt` seconds
  /// (negative backward), remembering the start positions. Eight particles per iteration in SIMD
  /// lanes (AVX2), no calls, no per-particle branches. sin and cos of the latitude come from the
  /// particle's columns and the move leaves those of the new latitude there (the degree-19
  /// polynomial runs only where a latitude is set otherwise).
  static func move(_ c: ParticleColumns, _ range: Range<Int>, scratch: ScratchView, dt: Double) {
    let lo = range.lowerBound
    moveLoop(
      count: range.count, status: c.status + lo, longitude: c.longitudeDegrees + lo,
      latitude: c.latitudeDegrees + lo, previousLongitude: c.previousLongitudeDegrees + lo,
      previousLatitude: c.previousLatitudeDegrees + lo, sinLatitude: c.sinLatitude + lo,
      cosLatitude: c.cosLatitude + lo, windEast: scratch.windEast, windNorth: scratch.windNorth,
      currentEast: scratch.currentEast,
      currentNorth: scratch.currentNorth, downwindSlope: c.downwindSlope + lo,
      downwindOffset: c.downwindOffset + lo, downwindEpsilon: c.downwindEpsilon + lo,
      crosswindSlope: c.crosswindSlope + lo, crosswindOffset: c.crosswindOffset + lo,
      crosswindEpsilon: c.crosswindEpsilon + lo, dt: dt)
  }

  typealias Lanes = SIMD8<Double>
  typealias FloatLanes = SIMD8<Float>

  @inline(never)
  static func moveLoop(
    count: Int, status: UnsafePointer<UInt8>, longitude: UnsafeMutablePointer<Double>,
    latitude: UnsafeMutablePointer<Double>, previousLongitude: UnsafeMutablePointer<Double>,
    previousLatitude: UnsafeMutablePointer<Double>, sinLatitude: UnsafeMutablePointer<Double>,
    cosLatitude: UnsafeMutablePointer<Double>, windEast: UnsafePointer<Double>,
    windNorth: UnsafePointer<Double>, currentEast: UnsafePointer<Double>,
    currentNorth: UnsafePointer<Double>, downwindSlope: UnsafePointer<Double>,
    downwindOffset: UnsafePointer<Double>, downwindEpsilon: UnsafePointer<Double>,
    crosswindSlope: UnsafePointer<Double>, crosswindOffset: UnsafePointer<Double>,
    crosswindEpsilon: UnsafePointer<Double>, dt: Double
  ) {
    let full = count & ~7
    let dtFloat = Float(dt)
    /// The move of eight particles whose columns `load` reads, with their statuses.
    @inline(__always) func moved(
      _ statusLanes: SIMD8<UInt8>, _ load: (UnsafePointer<Double>) -> Lanes
    ) -> (longitude: Lanes, latitude: Lanes, sinLatitude: Lanes, cosLatitude: Lanes) {
      @inline(__always) func float(_ p: UnsafePointer<Double>) -> FloatLanes {
        FloatLanes(load(p))
      }
      return moveLanes(
        status: statusLanes, windEast: float(windEast), windNorth: float(windNorth),
        currentEast: float(currentEast), currentNorth: float(currentNorth),
        downwindSlope: float(downwindSlope), downwindOffset: float(downwindOffset),
        downwindEpsilon: float(downwindEpsilon), crosswindSlope: float(crosswindSlope),
        crosswindOffset: float(crosswindOffset), crosswindEpsilon: float(crosswindEpsilon),
        longitude: load(longitude), latitude: load(latitude), sinLatitude: load(sinLatitude),
        cosLatitude: load(cosLatitude), dt: dtFloat)
    }
    var i = 0
    while i < full {
      @inline(__always) func load(_ p: UnsafePointer<Double>) -> Lanes {
        UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self)
      }
      let lon0 = load(longitude)
      let lat0 = load(latitude)
      let moved = moved(UnsafeRawPointer(status + i).loadUnaligned(as: SIMD8<UInt8>.self), load)
      UnsafeMutableRawPointer(previousLongitude + i).storeBytes(of: lon0, as: Lanes.self)
      UnsafeMutableRawPointer(previousLatitude + i).storeBytes(of: lat0, as: Lanes.self)
      UnsafeMutableRawPointer(longitude + i).storeBytes(of: moved.longitude, as: Lanes.self)
      UnsafeMutableRawPointer(latitude + i).storeBytes(of: moved.latitude, as: Lanes.self)
      UnsafeMutableRawPointer(sinLatitude + i).storeBytes(of: moved.sinLatitude, as: Lanes.self)
      UnsafeMutableRawPointer(cosLatitude + i).storeBytes(of: moved.cosLatitude, as: Lanes.self)
      i += 8
    }
    guard full < count else { return }
    // The last 1 to 7 particles: the same lanes, padded with zeros that are never stored.
    let rest = count - full
    func load(_ p: UnsafePointer<Double>) -> Lanes {
      var v = Lanes(repeating: 0)
      for k in 0..<rest { v[k] = p[full + k] }
      return v
    }
    var statusLanes = SIMD8<UInt8>(repeating: ParticleStatus.notSeeded.rawValue)
    for k in 0..<rest { statusLanes[k] = status[full + k] }
    let lon0 = load(longitude)
    let lat0 = load(latitude)
    let moved = moved(statusLanes, load)
    for k in 0..<rest {
      previousLongitude[full + k] = lon0[k]
      previousLatitude[full + k] = lat0[k]
      longitude[full + k] = moved.longitude[k]
      latitude[full + k] = moved.latitude[k]
      sinLatitude[full + k] = moved.sinLatitude[k]
      cosLatitude[full + k] = moved.cosLatitude[k]
    }
  }

  /// The Leeway move of eight particles; inactive lanes keep their position. The Leeway
  /// velocity and the displacements in float32 (one AVX2 register per operation; the forcing is
  /// float32 already, the coefficients' rounding is 6e-8 relative, micrometres per step), the
  /// positions and sin and cos of the latitude in double (`LocalGeodesic.move`).
  @inline(__always)
  static func moveLanes(
    status: SIMD8<UInt8>, windEast we: FloatLanes, windNorth wn: FloatLanes,
    currentEast: FloatLanes, currentNorth: FloatLanes, downwindSlope: FloatLanes,
    downwindOffset: FloatLanes, downwindEpsilon dwe: FloatLanes, crosswindSlope: FloatLanes,
    crosswindOffset: FloatLanes, crosswindEpsilon cwe: FloatLanes, longitude lon0: Lanes,
    latitude lat0: Lanes, sinLatitude s0: Lanes, cosLatitude c0: Lanes, dt: Float
  ) -> (longitude: Lanes, latitude: Lanes, sinLatitude: Lanes, cosLatitude: Lanes) {
    // Compared as doubles: the integer-lane comparison compiled to a lane-by-lane loop through
    // memory (a third of the move's time), the conversion and double compare stay in registers.
    let isActive = Lanes(SIMD8<Int32>(truncatingIfNeeded: status)) .== 0
    let speedSquared = we * we + wn * wn
    var inverse = LocalGeodesic.inverseSquareRoot(speedSquared)
    let u = speedSquared * inverse
    // OpenDrift: wind direction atan2(east, north); sin and cos of it without trigonometry
    // (atan2(0, 0) = 0: sin 0, cos 1).
    let calm = speedSquared .<= 0
    inverse.replace(with: 0, where: calm)
    let sinDirection = we * inverse
    var cosDirection = wn * inverse
    cosDirection.replace(with: 1, where: calm)
    // OpenDrift: (slope + eps / 20) * U + offset + eps / 2 (0.05 is 1/20 to the last bit or so).
    // Fused multiply-adds, mirrored by CLeewayReference.
    let twentieth = FloatLanes(repeating: 0.05)
    let half = FloatLanes(repeating: 0.5)
    let downwind = downwindOffset.addingProduct(downwindSlope.addingProduct(dwe, twentieth), u)
      .addingProduct(dwe, half)
    let crosswind = crosswindOffset.addingProduct(crosswindSlope.addingProduct(cwe, twentieth), u)
      .addingProduct(cwe, half)
    // OpenDrift moves by (-x_leeway, y_leeway), x = -dw sin + cw cos, y = dw cos + cw sin.
    let leewayEast = (downwind * sinDirection).addingProduct(-crosswind, cosDirection)
    let leewayNorth = (downwind * cosDirection).addingProduct(crosswind, sinDirection)
    let p1 = LocalGeodesic.move(
      longitudeDegrees: lon0, latitudeDegrees: lat0, sinLatitude: s0, cosLatitude: c0,
      east: leewayEast * dt, north: leewayNorth * dt)
    let p2 = LocalGeodesic.move(
      longitudeDegrees: p1.longitudeDegrees, latitudeDegrees: p1.latitudeDegrees,
      sinLatitude: p1.sinLatitude, cosLatitude: p1.cosLatitude, east: currentEast * dt,
      north: currentNorth * dt)
    return (
      lon0.replacing(with: p2.longitudeDegrees, where: isActive),
      lat0.replacing(with: p2.latitudeDegrees, where: isActive),
      s0.replacing(with: p2.sinLatitude, where: isActive),
      c0.replacing(with: p2.cosLatitude, where: isActive)
    )
  }

  /// Jibes active particles with probability `probability` each: the crosswind slope changes
  /// sign and the orientation flips (OpenDrift keeps offset and perturbation). `step` and the
  /// particle's seeded index (`id`, not its current slot) key the random numbers; the particle's
  /// half of the key is mixed once per run (`randomKey`).
  ///
  /// The draw `u = (bits >> 11) * 2^-53` is compared as an integer: `u < p` exactly when
  /// `bits >> 11 < ceil(p * 2^53)` (both sides exact: a 53-bit integer and a power-of-two
  /// scaling), and the part of the key that depends only on the step is mixed once. A jibe is
  /// rare (OpenDrift's 0.04 per hour), so only flipped particles are written.
  static func jibe(
    _ c: ParticleColumns, _ range: Range<Int>, probability: Double, random: CounterRandom,
    step: Int
  ) {
    let threshold = CounterRandom.uniformThreshold(probability)
    let draw = random.draws(stream: .jibe, counter: UInt64(truncatingIfNeeded: step))
    let active = ParticleStatus.active.rawValue
    let key = c.randomKey
    let status = c.status
    let crosswindSlope = c.crosswindSlope
    let orientation = c.orientation
    @inline(__always) func flip(_ i: Int) {
      if status[i] == active {
        crosswindSlope[i] = -crosswindSlope[i]
        orientation[i] = 1 &- orientation[i]
      }
    }
    // Eight draws at a time in vector lanes (the mixing's 64-bit multiplies included); the rare
    // hits are then checked and applied one by one.
    typealias Keys = SIMD8<UInt64>
    let mixed = Keys(repeating: draw.mixedKey)
    let limit = Keys(repeating: threshold)
    var i = range.lowerBound
    while i + 8 <= range.upperBound {
      let bits = CounterRandom.mix(UnsafeRawPointer(key + i).loadUnaligned(as: Keys.self) ^ mixed)
      let hits = (bits &>> 11) .< limit
      if any(hits) {
        for l in 0..<8 where hits[l] { flip(i + l) }
      }
      i += 8
    }
    while i < range.upperBound {
      if draw.bits53(particleKey: key[i]) < threshold { flip(i) }
      i += 1
    }
  }
}
