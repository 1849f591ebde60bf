import Dispatch
import Foundation
import SarexGeo

/// Per-particle probability of detection of search tracks, with particles that drift during the
/// search.
///
/// For each particle and each leg, the closest point of approach (CPA) between the unit, moving at
/// constant velocity along the leg, and the particle, moving at its constant drift velocity, is
/// found in closed form on a `SearchPlane`; the leg's POD is the lateral range curve at the CPA
/// distance. (Beyond a leg's end the CPA is the end point; its distance is used as the lateral
/// range, which is exact for long legs and slightly generous at the ends.)
///
/// Combining legs without counting a look twice: legs are not independent where a track turns. A
/// particle near a corner has its CPA at the end of one leg and at the start of the next, a few
/// hundred metres and seconds apart: that is one look at the particle, not two. So the legs of one
/// track are grouped per particle into *looks*: consecutive CPAs whose along-track distance (the
/// distance the unit travels between them, including transits between legs) is shorter than a
/// correlation length (by default the particle's sweep width W) belong to one look, whose POD is
/// the largest of its legs'; looks are independent, so the track's POD is 1 - prod(1 - POD_look).
/// Legs far apart along the track (the next leg of a parallel sweep, passing the particle a leg
/// length later) are independent looks, as in Koopman's derivation of the parallel-sweep formulas.
/// Different tracks (other units, other sorties) and different periods are independent looks too;
/// they combine through `pFail` (`ParticleSnapshot.applyUnsuccessfulSearch`).
public struct DetectionEvaluator: Sendable {
  public let plane: SearchPlane
  /// The time the particle positions refer to.
  public let referenceTime: Date
  let xs: [Double]
  let ys: [Double]
  let vxs: [Double]
  let vys: [Double]
  let categories: [UInt16]?
  let maxCategory: Int

  /// Projects the particles once; evaluate as many tracks as needed afterwards.
  /// - Parameter plane: the plane to work on; by default one at the particles' weighted centre.
  public init(particles: ParticleSnapshot, plane: SearchPlane? = nil) {
    let plane = plane ?? SearchPlane(origin: particles.weightedCentre)
    let n = particles.count
    var xs = [Double](repeating: 0, count: n)
    var ys = xs
    for i in 0..<n {
      (xs[i], ys[i]) = plane.project(
        longitudeDegrees: particles.longitudesDegrees[i],
        latitudeDegrees: particles.latitudesDegrees[i])
    }
    self.plane = plane
    self.referenceTime = particles.time
    self.xs = xs
    self.ys = ys
    self.vxs = particles.eastVelocitiesMetresPerSecond ?? [Double](repeating: 0, count: n)
    self.vys = particles.northVelocitiesMetresPerSecond ?? [Double](repeating: 0, count: n)
    self.categories = particles.categoryIndices
    self.maxCategory = Int(particles.categoryIndices?.max() ?? 0)
  }

  /// Number of particles.
  public var count: Int { xs.count }

  /// Closest approach of one particle to a leg: when, and how far (metres).
  public func closestApproach(leg: SweepLeg, particle i: Int) -> (
    time: Date, distanceMetres: Double
  ) {
    let c = compile([leg])[0]
    let (tau, d2) = Self.cpa(
      c, px: xs[i], py: ys[i], vx: vxs[i], vy: vys[i])
    return (referenceTime.addingTimeInterval(c.t0 + tau), d2.squareRoot())
  }

  /// POD of one track for every particle, in particle order.
  public func probabilityOfDetection(track: DetectionTrack) throws(DetectionError) -> [Double] {
    try probabilityOfDetection(tracks: [track])
  }

  /// POD of several independent tracks together, 1 - prod over tracks (1 - POD_track).
  public func probabilityOfDetection(tracks: [DetectionTrack]) throws(DetectionError) -> [Double] {
    var survival = [Double](repeating: 1, count: count)
    for track in tracks {
      guard track.sweepWidthsMetres.count > maxCategory else {
        throw .missingCategory(
          track: track.name, category: maxCategory, available: track.sweepWidthsMetres.count)
      }
      let legs = compile(track.legs)
      switch track.curve {
      case .definiteRange: accumulate(DefiniteRangeKernel(), legs, track, &survival)
      case .inverseCube: accumulate(InverseCubeKernel(), legs, track, &survival)
      case .fitted(let p0): accumulate(FittedKernel(peak: p0), legs, track, &survival)
      }
    }
    return survival.map { 1 - $0 }
  }

  /// A leg on the plane, times in seconds from `referenceTime`.
  struct CompiledLeg {
    var ax: Double, ay: Double, ux: Double, uy: Double
    var t0: Double, duration: Double, speed: Double
    /// Distance along the track at the leg's start, metres.
    var trackDistance: Double
  }

  func compile(_ legs: [SweepLeg]) -> [CompiledLeg] {
    var out: [CompiledLeg] = []
    out.reserveCapacity(legs.count)
    var distance = 0.0
    var previousEnd: (x: Double, y: Double)?
    for leg in legs {
      let a = plane.project(leg.start)
      let b = plane.project(leg.end)
      if let e = previousEnd { distance += hypot(a.x - e.x, a.y - e.y) }
      let duration = leg.endTime.timeIntervalSince(leg.startTime)
      let length = hypot(b.x - a.x, b.y - a.y)
      let ux = duration > 0 ? (b.x - a.x) / duration : 0
      let uy = duration > 0 ? (b.y - a.y) / duration : 0
      out.append(
        CompiledLeg(
          ax: a.x, ay: a.y, ux: ux, uy: uy, t0: leg.startTime.timeIntervalSince(referenceTime),
          duration: max(duration, 0), speed: duration > 0 ? length / duration : 0,
          trackDistance: distance))
      distance += length
      previousEnd = b
    }
    return out
  }

  /// Time after the leg start (s) and squared distance (m^2) of the closest approach.
  @inline(__always)
  static func cpa(_ leg: CompiledLeg, px: Double, py: Double, vx: Double, vy: Double)
    -> (Double, Double)
  {
    let dx = px + vx * leg.t0 - leg.ax
    let dy = py + vy * leg.t0 - leg.ay
    let wx = vx - leg.ux
    let wy = vy - leg.uy
    let ww = wx * wx + wy * wy
    var tau = ww > 0 ? -(dx * wx + dy * wy) / ww : 0
    tau = min(max(tau, 0), leg.duration)
    let rx = dx + wx * tau
    let ry = dy + wy * tau
    return (tau, rx * rx + ry * ry)
  }

  private func accumulate<K: LateralRangeKernel>(
    _ kernel: K, _ legs: [CompiledLeg], _ track: DetectionTrack, _ survival: inout [Double]
  ) {
    let n = count
    let chunk = 4096
    let chunks = (n + chunk - 1) / chunk
    let widths = track.sweepWidthsMetres
    let correlation = track.correlationLengthMetres
    xs.withUnsafeBufferPointer { xs in
      ys.withUnsafeBufferPointer { ys in
        vxs.withUnsafeBufferPointer { vxs in
          vys.withUnsafeBufferPointer { vys in
            legs.withUnsafeBufferPointer { legs in
              widths.withUnsafeBufferPointer { widths in
                survival.withUnsafeMutableBufferPointer { out in
                  let buffers = KernelBuffers(
                    xs: xs, ys: ys, vxs: vxs, vys: vys, legs: legs, widths: widths, out: out)
                  let cats = categories
                  let body: @Sendable (Int) -> Void = { c in
                    let lo = c * chunk
                    Self.run(
                      kernel, buffers, cats, correlation, range: lo..<min(n, lo + chunk))
                  }
                  if chunks > 1 {
                    DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
                  } else if chunks == 1 {
                    body(0)
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The detection loop over a range of particles (see the type's documentation).
  @inline(__always)
  private static func run<K: LateralRangeKernel>(
    _ kernel: K, _ b: KernelBuffers, _ cats: [UInt16]?, _ correlation: Double?,
    range: Range<Int>
  ) {
    for i in range {
      let w = b.widths[Int(cats?[i] ?? 0)]
      if w <= 0 { continue }  // the unit cannot detect this object at all
      let px = b.xs[i]
      let py = b.ys[i]
      let vx = b.vxs[i]
      let vy = b.vys[i]
      let corr = correlation ?? w
      var miss = 1.0
      var lookPOD = 0.0
      var lastDistance = -Double.infinity
      for leg in b.legs {
        let (tau, d2) = cpa(leg, px: px, py: py, vx: vx, vy: vy)
        let p = kernel.pod(squaredRange: d2, sweepWidth: w)
        let along = leg.trackDistance + leg.speed * tau
        if along - lastDistance < corr {
          lookPOD = max(lookPOD, p)
        } else {
          miss *= 1 - lookPOD
          lookPOD = p
        }
        lastDistance = along
      }
      b.out[i] *= miss * (1 - lookPOD)
    }
  }
}

/// The buffers of one detection pass, shared by the worker threads.
///
/// `@unchecked Sendable` is safe here: the input buffers are only read, each worker writes only
/// its own disjoint range of `out`, and the buffers outlive `concurrentPerform`, which returns
/// only after every worker has finished.
private struct KernelBuffers: @unchecked Sendable {
  let xs: UnsafeBufferPointer<Double>
  let ys: UnsafeBufferPointer<Double>
  let vxs: UnsafeBufferPointer<Double>
  let vys: UnsafeBufferPointer<Double>
  let legs: UnsafeBufferPointer<DetectionEvaluator.CompiledLeg>
  let widths: UnsafeBufferPointer<Double>
  let out: UnsafeMutableBufferPointer<Double>
}
