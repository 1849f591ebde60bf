import CLeewayReference
import Foundation
import SarexDrift
import SarexEnvironment

/// The Swift drift kernel against the plain C version of the same step (`CLeewayReference`):
/// the same seeded particles (all active), the same in-memory forcing, `steps` calculation steps
/// from the scenario's start on one thread, best of `repeats` for each.
struct KernelComparison {
  var particles: Int
  var steps: Int
  /// Best wall time of each, seconds.
  var swiftSeconds: Double
  var cSeconds: Double
  /// Largest distance between the Swift and the C final positions, metres.
  var maxDifferenceMetres: Double

  /// Million particle-steps per second.
  var swiftRate: Double { Double(particles * steps) / swiftSeconds / 1e6 }
  var cRate: Double { Double(particles * steps) / cSeconds / 1e6 }

  static func run(spec: DriftRunSpec, steps: Int, repeats: Int, status: BenchStatus) throws
    -> KernelComparison
  {
    status.show("kernels: loading")
    var seeded = try describe { try spec.seeding.makeEnsemble() }
    let wind = try describe { try GriddedVectorField(url: spec.windURL, kind: .wind10m) }
    let current = try describe {
      try GriddedVectorField(url: spec.currentURL, kind: .surfaceCurrent)
    }
    KernelBenchmark.activateAll(&seeded)
    let start = spec.configuration.start
    let dt = spec.configuration.timeStep
    let usable =
      wind.withKernelData(at: start) { $0 != nil }
      && current.withKernelData(at: start) { $0 != nil }
    guard usable else {
      throw CLIError(
        "The kernel comparison needs projected or curvilinear forcing grids (lookup tables).")
    }
    var bestSwift = Double.infinity
    var bestC = Double.infinity
    var swiftFinal = seeded
    var cFinal = seeded
    for r in 0..<repeats {
      status.show("kernels: Swift, run \(r + 1) of \(repeats)")
      var e = seeded
      KernelBenchmark.withKernelColumns(&e) { _ in }  // copy before timing
      let t0 = DispatchTime.now().uptimeNanoseconds
      KernelBenchmark.run(&e, wind: wind, current: current, start: start, dt: dt, steps: steps)
      bestSwift = min(bestSwift, seconds(since: t0))
      swiftFinal = e

      status.show("kernels: C, run \(r + 1) of \(repeats)")
      var c = seeded
      KernelBenchmark.withKernelColumns(&c) { _ in }
      let t1 = DispatchTime.now().uptimeNanoseconds
      runC(&c, wind: wind, current: current, start: start, dt: dt, steps: steps)
      bestC = min(bestC, seconds(since: t1))
      cFinal = c
    }
    return KernelComparison(
      particles: seeded.count, steps: steps, swiftSeconds: bestSwift, cSeconds: bestC,
      maxDifferenceMetres: maxDistance(swiftFinal, cFinal))
  }

  private static func seconds(since start: UInt64) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
  }

  /// The C step, `steps` times, on the ensemble's columns.
  private static func runC(
    _ ensemble: inout ParticleEnsemble, wind: GriddedVectorField, current: GriddedVectorField,
    start: Date, dt: Double, steps: Int
  ) {
    KernelBenchmark.withKernelColumns(&ensemble) { c in
      var particles = CLRParticles(
        longitude: c.longitude, latitude: c.latitude, previousLongitude: c.previousLongitude,
        previousLatitude: c.previousLatitude, sinLatitude: c.sinLatitude,
        cosLatitude: c.cosLatitude, status: c.status, downwindSlope: c.downwindSlope,
        downwindOffset: c.downwindOffset, downwindEpsilon: c.downwindEpsilon,
        crosswindSlope: c.crosswindSlope, crosswindOffset: c.crosswindOffset,
        crosswindEpsilon: c.crosswindEpsilon, count: c.count)
      for k in 0..<steps {
        let t = start.addingTimeInterval(Double(k) * dt)
        wind.withKernelData(at: t) { w in
          current.withKernelData(at: t) { s in
            guard let w, let s else { return }
            var cw = field(w)
            var cs = field(s)
            clr_step(&cw, &cs, &particles, dt)
          }
        }
      }
    }
  }

  private static func field(_ d: GriddedVectorField.KernelData) -> CLRField {
    CLRField(
      west: d.west, south: d.south, inverseStep: d.inverseStep, windowWest: d.windowWest,
      cellsX: d.cellsX, cellsY: d.cellsY, cells: d.cells, values: d.values,
      nodeStride: d.nodeStride, offset: d.offset, wBefore: d.wBefore, wAfter: d.wAfter,
      exact: d.exact ? 1 : 0, nx: d.nx, ny: d.ny)
  }

  /// Largest distance (metres, local flat approximation) between matching particles.
  private static func maxDistance(_ a: ParticleEnsemble, _ b: ParticleEnsemble) -> Double {
    let metresPerDegree = 111_195.0
    var worst = 0.0
    for k in 0..<min(a.count, b.count) {
      let pa = a.position(at: k)
      let pb = b.position(at: k)
      let dy = (pa.latitudeDegrees - pb.latitudeDegrees) * metresPerDegree
      let dx =
        (pa.longitudeDegrees - pb.longitudeDegrees) * metresPerDegree
        * cos(pa.latitudeDegrees * .pi / 180)
      let d = (dx * dx + dy * dy).squareRoot()
      worst = d.isNaN ? .infinity : max(worst, d)
    }
    return worst
  }
}
