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
    current: any VectorField, scratch: WorkerScratch
  ) {
    let n = range.count
    let lons = UnsafeBufferPointer(start: c.longitudeDegrees + range.lowerBound, count: n)
    let lats = UnsafeBufferPointer(start: c.latitudeDegrees + range.lowerBound, count: n)
    wind.sample(
      longitudes: lons, latitudes: lats, time: time,
      east: UnsafeMutableBufferPointer(rebasing: scratch.windEast[0..<n]),
      north: UnsafeMutableBufferPointer(rebasing: scratch.windNorth[0..<n]),
      valid: UnsafeMutableBufferPointer(rebasing: scratch.windValid[0..<n]))
    current.sample(
      longitudes: lons, latitudes: lats, time: time,
      east: UnsafeMutableBufferPointer(rebasing: scratch.currentEast[0..<n]),
      north: UnsafeMutableBufferPointer(rebasing: scratch.currentNorth[0..<n]),
      valid: UnsafeMutableBufferPointer(rebasing: scratch.currentValid[0..<n]))
  }

  /// Marks active particles without valid forcing `missingData` (when `checkForcing`) and those
  /// on land `stranded`, and places the latter on the coastline. As in OpenDrift, missing data
  /// wins over stranding, and every active particle found on land is placed on the coastline.
  static func classify<L: LandMask>(
    _ c: ParticleColumns, _ range: Range<Int>, land: L, scratch: WorkerScratch,
    checkForcing: Bool, crossing: CoastlineCrossing
  ) {
    let active = ParticleStatus.active.rawValue
    let lo = range.lowerBound
    for i in range where c.status[i] == active {
      let lon = c.longitudeDegrees[i]
      let lat = c.latitudeDegrees[i]
      let onLand = land.isLand(longitude: lon, latitude: lat)
      if checkForcing && !(scratch.windValid[i - lo] && scratch.currentValid[i - lo]) {
        c.status[i] = ParticleStatus.missingData.rawValue
      } else if onLand {
        c.status[i] = ParticleStatus.stranded.rawValue
      }
      if onLand {
        let p = crossing.place(
          land: land, previousLongitude: c.previousLongitudeDegrees[i],
          previousLatitude: c.previousLatitudeDegrees[i], longitude: lon, latitude: lat)
        c.longitudeDegrees[i] = p.longitude
        c.latitudeDegrees[i] = p.latitude
      }
    }
  }

  /// Moves the block's active particles by their leeway, then by the current, over `dt` seconds
  /// (negative backward), remembering the start positions. A tight loop without calls, branches
  /// or traps so that it vectorises.
  static func move(_ c: ParticleColumns, _ range: Range<Int>, scratch: WorkerScratch, dt: Double) {
    let lo = range.lowerBound
    moveLoop(
      count: range.count, status: c.status + lo, longitude: c.longitudeDegrees + lo,
      latitude: c.latitudeDegrees + lo, previousLongitude: c.previousLongitudeDegrees + lo,
      previousLatitude: c.previousLatitudeDegrees + lo,
      windEast: scratch.windEast.baseAddress!, windNorth: scratch.windNorth.baseAddress!,
      currentEast: scratch.currentEast.baseAddress!,
      currentNorth: scratch.currentNorth.baseAddress!, downwindSlope: c.downwindSlope + lo,
      downwindOffset: c.downwindOffset + lo, downwindEpsilon: c.downwindEpsilon + lo,
      crosswindSlope: c.crosswindSlope + lo, crosswindOffset: c.crosswindOffset + lo,
      crosswindEpsilon: c.crosswindEpsilon + lo, dt: dt)
  }

  @inline(never)
  static func moveLoop(
    count: Int, status: UnsafePointer<UInt8>, longitude: UnsafeMutablePointer<Double>,
    latitude: UnsafeMutablePointer<Double>, previousLongitude: UnsafeMutablePointer<Double>,
    previousLatitude: UnsafeMutablePointer<Double>, windEast: UnsafePointer<Double>,
    windNorth: UnsafePointer<Double>, currentEast: UnsafePointer<Double>,
    currentNorth: UnsafePointer<Double>, downwindSlope: UnsafePointer<Double>,
    downwindOffset: UnsafePointer<Double>, downwindEpsilon: UnsafePointer<Double>,
    crosswindSlope: UnsafePointer<Double>, crosswindOffset: UnsafePointer<Double>,
    crosswindEpsilon: UnsafePointer<Double>, dt: Double
  ) {
    for i in 0..<count {
      let isActive = status[i] == 0
      let we = windEast[i]
      let wn = windNorth[i]
      let u = (we * we + wn * wn).squareRoot()
      // OpenDrift: wind direction atan2(east, north); sin and cos of it without trigonometry
      // (atan2(0, 0) = 0: sin 0, cos 1).
      let inverse = u > 0 ? 1 / u : 0
      let sinDirection = we * inverse
      let cosDirection = u > 0 ? wn * inverse : 1
      let dwe = downwindEpsilon[i]
      let cwe = crosswindEpsilon[i]
      let downwind = (downwindSlope[i] + dwe / 20) * u + downwindOffset[i] + dwe / 2
      let crosswind = (crosswindSlope[i] + cwe / 20) * u + crosswindOffset[i] + cwe / 2
      // OpenDrift moves by (-x_leeway, y_leeway), x = -dw sin + cw cos, y = dw cos + cw sin.
      let leewayEast = downwind * sinDirection - crosswind * cosDirection
      let leewayNorth = downwind * cosDirection + crosswind * sinDirection
      let lon0 = longitude[i]
      let lat0 = latitude[i]
      let p1 = LocalGeodesic.move(
        longitudeDegrees: lon0, latitudeDegrees: lat0, east: leewayEast * dt,
        north: leewayNorth * dt)
      let p2 = LocalGeodesic.move(
        longitudeDegrees: p1.longitudeDegrees, latitudeDegrees: p1.latitudeDegrees,
        east: currentEast[i] * dt, north: currentNorth[i] * dt)
      previousLongitude[i] = lon0
      previousLatitude[i] = lat0
      longitude[i] = isActive ? p2.longitudeDegrees : lon0
      latitude[i] = isActive ? p2.latitudeDegrees : lat0
    }
  }

  /// Jibes active particles with probability `probability` each: the crosswind slope changes
  /// sign and the orientation flips (OpenDrift keeps offset and perturbation). `step` keys the
  /// random numbers.
  static func jibe(
    _ c: ParticleColumns, _ range: Range<Int>, probability: Double, random: CounterRandom,
    step: Int
  ) {
    let counter = UInt64(truncatingIfNeeded: step)
    for i in range {
      let u = random.uniform(particle: i, stream: .jibe, counter: counter)
      let flip = c.status[i] == 0 && u < probability
      c.crosswindSlope[i] = flip ? -c.crosswindSlope[i] : c.crosswindSlope[i]
      c.orientation[i] = flip ? 1 &- c.orientation[i] : c.orientation[i]
    }
  }
}
