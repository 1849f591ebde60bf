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
  }

  deinit {
    windEast.deallocate()
    windNorth.deallocate()
    currentEast.deallocate()
    currentNorth.deallocate()
    windValid.deallocate()
    currentValid.deallocate()
  }
}
