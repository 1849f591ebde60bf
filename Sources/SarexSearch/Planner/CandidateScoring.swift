import Foundation

/// Scores candidate areas for one unit on every processor: the probability the unit would find
/// in each box, sum over the particles inside of residual probability x POD of their category.
/// The boxes are shared out among the workers (each box is a pass over all particles, long
/// enough to be worth a thread); the particle loop is plain buffers, no allocation.
enum CandidateScoring {
  /// - Parameters:
  ///   - us, vs: particle coordinates in the boxes' frame, metres.
  ///   - residual: probability each particle still holds for this unit.
  ///   - categories: particle category indices.
  ///   - boxes: candidate boxes.
  ///   - pods: for each box, the POD per category (`categoryCount` values per box).
  static func scores(
    us: [Double], vs: [Double], residual: [Double], categories: [Int],
    boxes: [OptimalPlanner.Box], pods: [Double], categoryCount: Int
  ) -> [Double] {
    var out = [Double](repeating: 0, count: boxes.count)
    guard !boxes.isEmpty else { return out }
    us.withUnsafeBufferPointer { us in
      vs.withUnsafeBufferPointer { vs in
        residual.withUnsafeBufferPointer { residual in
          categories.withUnsafeBufferPointer { categories in
            boxes.withUnsafeBufferPointer { boxes in
              pods.withUnsafeBufferPointer { pods in
                out.withUnsafeMutableBufferPointer { out in
                  let b = ScoringBuffers(
                    us: us, vs: vs, residual: residual, categories: categories, boxes: boxes,
                    pods: pods, out: out, categoryCount: categoryCount)
                  let body: @Sendable (Int) -> Void = { j in b.score(j) }
                  if boxes.count > 1 {
                    DispatchQueue.concurrentPerform(iterations: boxes.count, execute: body)
                  } else {
                    body(0)
                  }
                }
              }
            }
          }
        }
      }
    }
    return out
  }
}

/// The buffers of one scoring pass, shared by the workers.
///
/// `@unchecked Sendable` is safe here: the inputs are only read, each worker writes only its own
/// box's element of `out`, and the buffers outlive `concurrentPerform`, which returns only after
/// every worker has finished.
private struct ScoringBuffers: @unchecked Sendable {
  let us: UnsafeBufferPointer<Double>
  let vs: UnsafeBufferPointer<Double>
  let residual: UnsafeBufferPointer<Double>
  let categories: UnsafeBufferPointer<Int>
  let boxes: UnsafeBufferPointer<OptimalPlanner.Box>
  let pods: UnsafeBufferPointer<Double>
  let out: UnsafeMutableBufferPointer<Double>
  let categoryCount: Int

  func score(_ j: Int) {
    let box = boxes[j]
    let base = j * categoryCount
    var s = 0.0
    for i in 0..<us.count
    where abs(us[i] - box.cu) <= box.hu && abs(vs[i] - box.cv) <= box.hv {
      s += residual[i] * pods[base + categories[i]]
    }
    out[j] = s
  }
}
