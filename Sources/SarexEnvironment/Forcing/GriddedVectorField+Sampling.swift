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
    values.withUnsafeBufferPointer { data in
      guard let base = data.baseAddress else { return }
      let slices = TimeSlices(
        base: UnsafeRawPointer(base), nodeStride: 16, offset: b.before &* planeFloats &* 4,
        wBefore: b.wBefore, wAfter: b.wAfter, exact: b.wAfter == 0)
      switch locator {
      case .regular(let l):
        Self.kernel(
          l, n: n, lon: lon, lat: lat, slices: slices, nx: nx, ny: ny, east: e, north: no, valid: ok
        )
      case .table(let table):
        table.cells.withUnsafeBufferPointer { cells in
          Self.tableKernel(
            table, cells: cells.baseAddress.unsafelyUnwrapped, n: n, lon: lon, lat: lat,
            slices: slices, nx: nx, ny: ny, east: e, north: no, valid: ok)
        }
      }
    }
  }

  /// Where the bracketing times are in the data (one plane per time pair), and their weights.
  struct TimeSlices {
    /// Start of the data.
    let base: UnsafeRawPointer
    /// Bytes from one grid node's group to the next.
    let nodeStride: Int
    /// Bytes from the data's start to the plane of the time before.
    let offset: Int
    let wBefore: Float
    let wAfter: Float
    /// The request is exactly a file time: use that time only (NaN after it must not leak in).
    let exact: Bool
  }

  /// Particles per block: each block is located first, then sampled, in two short loops
  /// whose iterations the processor can overlap (one long loop body was latency-bound).
  static let blockSize = 256

  /// The sampling loops, compiled once per locator type: no heap allocation (the block scratch
  /// is on the stack), no trapping conversion, no branch on the grid kind per particle.
  @inline(__always)
  static func kernel<L: GridLocator>(
    _ locator: L, n: Int, lon: UnsafePointer<Double>, lat: UnsafePointer<Double>,
    slices s: TimeSlices, nx: Int, ny: Int, east: UnsafeMutablePointer<Double>,
    north: UnsafeMutablePointer<Double>, valid: UnsafeMutablePointer<Bool>
  ) {
    let maxI = Double(nx - 1)
    let maxJ = Double(ny - 1)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * blockSize) { scratch in
      withUnsafeTemporaryAllocation(of: Bool.self, capacity: blockSize) { insideScratch in
        let gi = scratch.baseAddress.unsafelyUnwrapped
        let gj = gi + blockSize
        let gc = gj + blockSize
        let gs = gc + blockSize
        let gin = insideScratch.baseAddress.unsafelyUnwrapped
        var first = 0
        while first < n {
          let count = min(blockSize, n &- first)
          for k in 0..<count {
            let p = locator.locate(longitude: lon[first &+ k], latitude: lat[first &+ k])
            gi[k] = p.i
            gj[k] = p.j
            gc[k] = p.cosAzimuth
            gs[k] = p.sinAzimuth
            gin[k] = p.inside && p.i >= 0 && p.i <= maxI && p.j >= 0 && p.j <= maxJ
          }
          for k in 0..<count {
            let fi = clamp0(gi[k], maxI)
            let fj = clamp0(gj[k], maxJ)
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
            // Bilinear in double on (x before, y before, x after, y after) at once, each rounded
            // to float32: scipy's map_coordinates on OpenDrift's float32 blocks.
            @inline(__always) func node(_ c: Int) -> SIMD4<Double> {
              SIMD4<Double>(
                s.base.loadUnaligned(
                  fromByteOffset: c &* s.nodeStride &+ s.offset, as: SIMD4<Float>.self))
            }
            let top = node(k00) * (wy0 * wx0) + node(k10) * (wy0 * wx1)
            let bottom = node(k01) * (wy1 * wx0) + node(k11) * (wy1 * wx1)
            let r = SIMD4<Float>(top + bottom)
            // Linear in time in float32 arithmetic, as numpy does with float32 blocks.
            let u = s.exact ? r[0] : r[0] * s.wBefore + r[2] * s.wAfter
            let v = s.exact ? r[1] : r[1] * s.wBefore + r[3] * s.wAfter
            let good = gin[k] && u == u && v == v
            let ud = Double(u)
            let vd = Double(v)
            let e = ud * gc[k] + vd * gs[k]
            let nn = vd * gc[k] - ud * gs[k]
            east[first &+ k] = good ? e : 0
            north[first &+ k] = good ? nn : 0
            valid[first &+ k] = good
          }
          first &+= count
        }
      }
    }
  }
}
