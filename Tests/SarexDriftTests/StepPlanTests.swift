import Foundation
import Testing

@testable import SarexDrift

private func plan(
  steps: Int, perOutput: Int, reorder: Int, lastRelease: Double = -.infinity
) -> StepPlan {
  StepPlan(
    steps: steps, stepsPerOutput: perOutput, reorderSteps: reorder, dt: 600,
    time: { testStart.addingTimeInterval(Double($0) * 600) },
    releaseDone: { lastRelease < $0 })
}

/// The stretches the run executes between meetings of the workers.
private func segments(_ p: StepPlan) -> [ClosedRange<Int>] {
  var h = 0
  var out: [ClosedRange<Int>] = []
  while h <= p.lastHalfStep {
    let end = p.segmentEnd(from: h)
    out.append(h...end)
    h = end + 1
  }
  return out
}

@Test func stretchesCoverEveryHalfStepOnceAndEndAtOutputsAndBeforeReorderings() {
  // 12 steps, output every 6, reordering every 4: S0 is output alone; M3 ends a stretch
  // (reordering before S4), S6 is output, M7 ends one (before S8), S12 is the end.
  let p = plan(steps: 12, perOutput: 6, reorder: 4)
  #expect(segments(p) == [0...0, 1...7, 8...12, 13...15, 16...24])
  #expect((0...24).filter(p.reordersBefore(halfStep:)) == [0, 8, 16])
  #expect((0...24).filter(p.outputsAfter(halfStep:)) == [0, 12, 24])
  // No reordering within the run (an interval longer than it): only the start and the outputs.
  #expect(segments(plan(steps: 4, perOutput: 2, reorder: Int.max)) == [0...0, 1...4, 5...8])
  // Output at every step: one step per stretch.
  #expect(segments(plan(steps: 2, perOutput: 1, reorder: 100)) == [0...0, 1...2, 3...4])
}

@Test func releasePassRunsUntilTheStepWhoseNextTimeIsPastTheLastRelease() {
  // The last release is 1000 s after the start: step 0 (next time 600 s) and step 1 (next time
  // 1200 s, which releases it) run the pass, later steps do not.
  let p = plan(
    steps: 5, perOutput: 5, reorder: 100, lastRelease: testStart.timeIntervalSince1970 + 1000)
  #expect((0..<5).map(p.releases(atStep:)) == [true, true, false, false, false])
  #expect(p.nextTime(1) == testStart.timeIntervalSince1970 + 1200)
  // Everything released already: the first step still runs it once (as the stepper always did).
  let done = plan(steps: 3, perOutput: 3, reorder: 100)
  #expect((0..<3).map(done.releases(atStep:)) == [true, false, false])
}
