import Foundation
import SarexEnvironment

/// The Swift side of the kernel comparison in `sarex bench`: the work of one drift step for every
/// particle (sample wind and current, Leeway velocity, move), single-threaded, without release,
/// land check or jibing, exactly the passes `DriftSimulation` runs per block. The benchmark runs a
/// plain C version of the same work on the same data (`CLeewayReference`) and compares.
package enum KernelBenchmark {
  /// The particle columns the step reads and writes, mutable, valid inside
  /// `withKernelColumns`.
  package struct Columns {
    package let count: Int
    /// Degrees.
    package let longitude: UnsafeMutablePointer<Double>
    package let latitude: UnsafeMutablePointer<Double>
    package let previousLongitude: UnsafeMutablePointer<Double>
    package let previousLatitude: UnsafeMutablePointer<Double>
    /// sin and cos of the latitude, carried between steps.
    package let sinLatitude: UnsafeMutablePointer<Double>
    package let cosLatitude: UnsafeMutablePointer<Double>
    /// `ParticleStatus` raw values.
    package let status: UnsafeMutablePointer<UInt8>
    /// Leeway coefficients, SI.
    package let downwindSlope: UnsafePointer<Double>
    package let downwindOffset: UnsafePointer<Double>
    package let downwindEpsilon: UnsafePointer<Double>
    package let crosswindSlope: UnsafePointer<Double>
    package let crosswindOffset: UnsafePointer<Double>
    package let crosswindEpsilon: UnsafePointer<Double>
  }

  /// Marks every particle active (as release at the start does) so both kernels move all.
  package static func activateAll(_ ensemble: inout ParticleEnsemble) {
    ensemble.makeUnique()
    let c = ensemble.columns
    LeewayKernel.release(c, 0..<c.count, nextTime: .infinity, forward: true)
    c.refreshLatitudeSinCos(0..<c.count)
  }

  /// Runs `steps` kernel steps of `dt` seconds from `start` on the whole ensemble in one thread.
  package static func run(
    _ ensemble: inout ParticleEnsemble, wind: any VectorField, current: any VectorField,
    start: Date, dt: Double, steps: Int
  ) {
    ensemble.makeUnique()
    let c = ensemble.columns
    let range = 0..<c.count
    let scratch = WorkerScratch(capacity: c.count)
    for k in 0..<steps {
      let t = start.addingTimeInterval(Double(k) * dt)
      // Chunk by chunk, as a drift worker runs its passes.
      var first = range.lowerBound
      while first < range.upperBound {
        let chunk = first..<min(first + DriftSimulation.chunkSize, range.upperBound)
        let view = scratch.view(at: first)
        LeewayKernel.sample(c, chunk, time: t, wind: wind, current: current, scratch: view)
        LeewayKernel.move(c, chunk, scratch: view, dt: dt)
        first = chunk.upperBound
      }
    }
  }

  /// Calls `body` with mutable views of the ensemble's kernel columns (copy-on-write first).
  package static func withKernelColumns<R>(
    _ ensemble: inout ParticleEnsemble, _ body: (Columns) throws -> R
  ) rethrows -> R {
    ensemble.makeUnique()
    let c = ensemble.columns
    return try withExtendedLifetime(c) {
      try body(
        Columns(
          count: c.count, longitude: c.longitudeDegrees, latitude: c.latitudeDegrees,
          previousLongitude: c.previousLongitudeDegrees,
          previousLatitude: c.previousLatitudeDegrees, sinLatitude: c.sinLatitude,
          cosLatitude: c.cosLatitude, status: c.status,
          downwindSlope: c.downwindSlope, downwindOffset: c.downwindOffset,
          downwindEpsilon: c.downwindEpsilon, crosswindSlope: c.crosswindSlope,
          crosswindOffset: c.crosswindOffset, crosswindEpsilon: c.crosswindEpsilon))
    }
  }
}
