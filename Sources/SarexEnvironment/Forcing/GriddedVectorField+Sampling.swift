import Foundation

extension GriddedVectorField {
  /// The two file times around `seconds` (since 1970) and float32 weights, as OpenDrift's
  /// `nearest_time`: `before` is the last file time not after the request; when the request
  /// is exactly a file time only that time is used. Nil outside the file's span.
  func bracket(_ seconds: Double) -> (before: Int, after: Int, wBefore: Float, wAfter: Float)? {
    guard let first = times.first, let last = times.last, seconds >= first, seconds <= last else {
      return nil
    }
    var lo = 0
    var hi = times.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if times[mid] <= seconds { lo = mid } else { hi = mid - 1 }
    }
    if times[lo] == seconds || lo == times.count - 1 { return (lo, lo, 1, 0) }
    let w = (seconds - times[lo]) / (times[lo + 1] - times[lo])
    return (lo, lo + 1, Float(1 - w), Float(w))
  }

  public func sample(
    longitudes: UnsafeBufferPointer<Double>, latitudes: UnsafeBufferPointer<Double>, time: Date,
    east: UnsafeMutableBufferPointer<Double>, north: UnsafeMutableBufferPointer<Double>,
    valid: UnsafeMutableBufferPointer<Bool>
  ) {
    let n = min(longitudes.count, latitudes.count, east.count, north.count, valid.count)
    guard n > 0, let lon = longitudes.baseAddress, let lat = latitudes.baseAddress,
      let e = east.baseAddress, let no = north.baseAddress, let ok = valid.baseAddress
    else { return }
    guard let b = bracket(time.timeIntervalSince1970) else {
      e.update(repeating: 0, count: n)
      no.update(repeating: 0, count: n)
      ok.update(repeating: false, count: n)
      return
    }
    let plane = nx * ny
    xComponent.withUnsafeBufferPointer { xs in
      yComponent.withUnsafeBufferPointer { ys in
        guard let xBase = xs.baseAddress, let yBase = ys.baseAddress else { return }
        let slices = TimeSlices(
          xBefore: xBase + b.before * plane, xAfter: xBase + b.after * plane,
          yBefore: yBase + b.before * plane, yAfter: yBase + b.after * plane,
          wBefore: b.wBefore, wAfter: b.wAfter)
        switch locator {
        case .regular(let l):
          Self.kernel(
            l, n: n, lon: lon, lat: lat, slices: slices, nx: nx, ny: ny, east: e, north: no,
            valid: ok)
        case .table(let table):
          table.nodes.withUnsafeBufferPointer { nodes in
            Self.kernel(
              LonLatLookupTable.View(table: table, nodes: nodes), n: n, lon: lon, lat: lat,
              slices: slices, nx: nx, ny: ny, east: e, north: no, valid: ok)
          }
        }
      }
    }
  }

  /// The two time slices of both components and their weights.
  struct TimeSlices {
    let xBefore: UnsafePointer<Float>
    let xAfter: UnsafePointer<Float>
    let yBefore: UnsafePointer<Float>
    let yAfter: UnsafePointer<Float>
    let wBefore: Float
    let wAfter: Float
  }

  /// The sampling loop, compiled once per locator type: no allocation, no trapping conversion,
  /// no branch on the grid kind per particle.
  @inline(__always)
  static func kernel<L: GridLocator>(
    _ locator: L, n: Int, lon: UnsafePointer<Double>, lat: UnsafePointer<Double>,
    slices s: TimeSlices, nx: Int, ny: Int, east: UnsafeMutablePointer<Double>,
    north: UnsafeMutablePointer<Double>, valid: UnsafeMutablePointer<Bool>
  ) {
    let maxI = Double(nx - 1)
    let maxJ = Double(ny - 1)
    for k in 0..<n {
      let p = locator.locate(longitude: lon[k], latitude: lat[k])
      let inGrid = p.inside && p.i >= 0 && p.i <= maxI && p.j >= 0 && p.j <= maxJ
      let fi = clamp0(p.i, maxI)
      let fj = clamp0(p.j, maxJ)
      let i0 = clampedFloorIndex(fi)
      let j0 = clampedFloorIndex(fj)
      let i1 = min(i0 &+ 1, nx &- 1)
      let j1 = min(j0 &+ 1, ny &- 1)
      let wx1 = fi - Double(i0)
      let wy1 = fj - Double(j0)
      let wx0 = 1 - wx1
      let wy0 = 1 - wy1
      let k00 = j0 &* nx &+ i0
      let k10 = j0 &* nx &+ i1
      let k01 = j1 &* nx &+ i0
      let k11 = j1 &* nx &+ i1
      // Bilinear in double, stored as float32: scipy's map_coordinates on a float32 block.
      @inline(__always) func bilinear(_ g: UnsafePointer<Float>) -> Float {
        let a = Double(g[k00]) * wy0 * wx0 + Double(g[k10]) * wy0 * wx1
        let b = Double(g[k01]) * wy1 * wx0 + Double(g[k11]) * wy1 * wx1
        return Float(a + b)
      }
      // Linear in time in float32 arithmetic, as numpy does with float32 blocks.
      let u = bilinear(s.xBefore) * s.wBefore + bilinear(s.xAfter) * s.wAfter
      let v = bilinear(s.yBefore) * s.wBefore + bilinear(s.yAfter) * s.wAfter
      let good = inGrid && u == u && v == v
      let ud = Double(u)
      let vd = Double(v)
      let e = ud * p.cosAzimuth + vd * p.sinAzimuth
      let nn = vd * p.cosAzimuth - ud * p.sinAzimuth
      east[k] = good ? e : 0
      north[k] = good ? nn : 0
      valid[k] = good
    }
  }
}
