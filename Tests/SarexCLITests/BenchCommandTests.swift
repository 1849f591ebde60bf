import Foundation
import Testing

/// `sarex bench` on a tiny case (no OpenDrift): it runs, prints its table, and the plain C kernel
/// moves every particle to exactly where the Swift kernel does (the C file mirrors the Swift
/// arithmetic operation by operation, without fused multiply-adds).
@Suite struct BenchCommandTests {
  @Test func cKernelReproducesTheSwiftKernelExactly() throws {
    let outcome = try SarexProcess.run([
      "bench", "--skip-opendrift", "--skip-plan", "--particles", "300", "--duration", "1h",
      "--kernel-steps", "6", "--repeats", "1",
      "--wind", "data/forcing/arome_subset_16Nov2015.nc",
      "--current", "data/forcing/norkyst800_subset_16Nov2015.nc",
    ])
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("300 particles x 6 steps"))
    // Three whole drifts by default, the median counting.
    #expect(outcome.standardOutput.contains("(the median counts)"))
    #expect(outcome.standardOutput.contains("largest Swift-C position difference: 0 m"))
  }
}
