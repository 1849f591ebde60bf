/// One worker's buffers, allocated once per run for its block of particles: the forcing sampled
/// at the particles' positions and the land flags.
///
/// `@unchecked Sendable`: each instance is used by exactly one worker at a time (worker `w`
/// touches only `scratch[w]`), and the runner waits for all workers before the next pass.
final class WorkerScratch: @unchecked Sendable {
  let capacity: Int
  let windEast: UnsafeMutableBufferPointer<Double>
  let windNorth: UnsafeMutableBufferPointer<Double>
  let currentEast: UnsafeMutableBufferPointer<Double>
  let currentNorth: UnsafeMutableBufferPointer<Double>
  let windValid: UnsafeMutableBufferPointer<Bool>
  let currentValid: UnsafeMutableBufferPointer<Bool>
  /// Land flags of the block's positions (one batch query per pass).
  let land: UnsafeMutableBufferPointer<Bool>

  init(capacity: Int) {
    self.capacity = capacity
    let n = max(capacity, 1)
    func doubles() -> UnsafeMutableBufferPointer<Double> {
      let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
      b.initialize(repeating: 0)
      return b
    }
    func flags() -> UnsafeMutableBufferPointer<Bool> {
      let b = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n)
      b.initialize(repeating: false)
      return b
    }
    windEast = doubles()
    windNorth = doubles()
    currentEast = doubles()
    currentNorth = doubles()
    windValid = flags()
    currentValid = flags()
    land = flags()
  }

  /// Non-owning pointers to the buffers from particle `offset` of the worker's block on.
  func view(at offset: Int) -> ScratchView {
    ScratchView(
      windEast: windEast.baseAddress.unsafelyUnwrapped + offset,
      windNorth: windNorth.baseAddress.unsafelyUnwrapped + offset,
      currentEast: currentEast.baseAddress.unsafelyUnwrapped + offset,
      currentNorth: currentNorth.baseAddress.unsafelyUnwrapped + offset,
      windValid: windValid.baseAddress.unsafelyUnwrapped + offset,
      currentValid: currentValid.baseAddress.unsafelyUnwrapped + offset,
      land: land.baseAddress.unsafelyUnwrapped + offset)
  }

  deinit {
    windEast.deallocate()
    windNorth.deallocate()
    currentEast.deallocate()
    currentNorth.deallocate()
    windValid.deallocate()
    currentValid.deallocate()
    land.deallocate()
  }
}

/// A worker's scratch from some particle of its block on: entry 0 belongs to the first particle
/// of the range a pass is given. Valid while the `WorkerScratch` lives.
struct ScratchView {
  let windEast: UnsafeMutablePointer<Double>
  let windNorth: UnsafeMutablePointer<Double>
  let currentEast: UnsafeMutablePointer<Double>
  let currentNorth: UnsafeMutablePointer<Double>
  let windValid: UnsafeMutablePointer<Bool>
  let currentValid: UnsafeMutablePointer<Bool>
  let land: UnsafeMutablePointer<Bool>
}
