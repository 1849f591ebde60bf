import Foundation

/// The per-cell least-squares fits of a `LonLatLookupTable` over a range of cell rows, writing
/// `LonLatLookupTable.floatsPerCell` floats per cell (see `LonLatLookupTable.cells`).
///
/// `@unchecked Sendable`: the inputs are only read, each job writes only its own rows' cells of
/// `out`, and every buffer outlives the `concurrentPerform` that runs the jobs.
struct CellFitJob: @unchecked Sendable {
  /// 4 numbers per table node (i, j, cos azimuth, sin azimuth), row-major by latitude.
  let nodes: UnsafeBufferPointer<Double>
  /// atan2(sin, cos) of each node's azimuth, radians.
  let angles: UnsafeBufferPointer<Double>
  /// 6 x 9 and 3 x 9 fit matrices, row-major (coefficient k = sum_n m[9k + n] value[n]).
  let quadratic: UnsafeBufferPointer<Double>
  let linear: UnsafeBufferPointer<Double>
  let out: UnsafeMutableBufferPointer<Float>
  let cellsX: Int

  /// Fits the cells of rows `rows`: the same arithmetic, in the same order, as a fit done cell by
  /// cell with the sums taken over the 9 nodes in order from 0.
  func fit(rows: Range<Int>) {
    let nodesX = 2 * cellsX + 1
    let per = LonLatLookupTable.floatsPerCell
    let twoPi = 2 * Double.pi
    var values = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    withUnsafeMutableBytes(of: &values) { raw in
      let v = raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: Double.self)
      @inline(__always) func coefficient(_ m: UnsafeBufferPointer<Double>, _ k: Int) -> Double {
        var sum = 0.0
        for n in 0..<9 { sum = sum + m[9 * k + n] * v[n] }
        return sum
      }
      for jc in rows {
        for ic in 0..<cellsX {
          let corner = 2 * jc * nodesX + 2 * ic
          let base = (jc * cellsX + ic) * per
          for quantity in 0..<2 {
            for b in 0..<3 {
              for a in 0..<3 { v[b * 3 + a] = nodes[4 * (corner + b * nodesX + a) + quantity] }
            }
            var q0 = coefficient(quadratic, 0)
            let q1 = coefficient(quadratic, 1)
            let q2 = coefficient(quadratic, 2)
            let q3 = coefficient(quadratic, 3)
            let q4 = coefficient(quadratic, 4)
            let q5 = coefficient(quadratic, 5)
            // Base: the integer nearest the value at the centre (s = t = 1/2).
            let centre = q0 + (q1 + q2) / 2 + (q3 + q4 + q5) / 4
            let integer = centre.isFinite ? centre.rounded() : .nan
            q0 -= integer
            out[base + quantity] = Float(integer)
            let o = base + 2 + 6 * quantity
            out[o] = Float(q0)
            out[o + 1] = Float(q1)
            out[o + 2] = Float(q2)
            out[o + 3] = Float(q3)
            out[o + 4] = Float(q4)
            out[o + 5] = Float(q5)
          }
          // The azimuth at the nodes, unwrapped around the centre node's, fitted linearly.
          let centre = angles[corner + nodesX + 1]
          for b in 0..<3 {
            for a in 0..<3 {
              let d: Double = angles[corner + b * nodesX + a] - centre
              let turns: Double = (d / twoPi).rounded()
              v[b * 3 + a] = centre + d - twoPi * turns
            }
          }
          let a0 = coefficient(linear, 0)
          out[base + 14] = Float(cos(a0))
          out[base + 15] = Float(sin(a0))
          out[base + 16] = Float(coefficient(linear, 1))
          out[base + 17] = Float(coefficient(linear, 2))
        }
      }
    }
  }
}
