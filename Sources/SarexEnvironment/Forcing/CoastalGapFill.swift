/// Fills missing (NaN) grid cells near valid ones the way OpenDrift 1.14.12 does before
/// interpolating, so values near the coast agree with it.
///
/// OpenDrift's `linearNDFast` interpolator: when the bilinear stencil of a particle touches a
/// missing cell, the block is "expanded": every missing cell that has a valid cell among its
/// 3 x 3 neighbours takes the largest of those neighbours' values (a grey dilation), repeated
/// up to 10 times, and the particle is interpolated again on the expanded block. A filled cell
/// never changes afterwards, so the result equals bilinear interpolation on a grid in which
/// every missing cell within 10 dilation steps of the sea holds its dilation value; cells
/// farther away stay NaN and the particle gets no value. This type precomputes that grid.
///
/// The schedule (which cells fill at which step, from which neighbours) depends only on where
/// the missing cells are, usually the fixed land mask, so it is built once and reused for every
/// time step with the same mask.
struct CoastalGapFill {
  /// OpenDrift gives up after this many expansions.
  static let maximumSteps = 10

  let nx: Int
  let ny: Int
  /// The missing cells of the mask this schedule was built for (to detect a change of mask).
  let missing: [Int32]
  /// Cells to fill, in order of fill step.
  private let cells: [Int32]
  /// For cell k, its source neighbours are `slots[8 k ..< 8 k + 8]`: the neighbours in scan
  /// order, the last repeated to fill the 8 slots. Taking the maximum again with the last value
  /// gives back the same float, signed zeros included (`max(a, b)` is `b >= a ? b : a`), and a
  /// fixed count keeps the loop free of data-dependent branches.
  private let slots: [Int32]

  /// Builds the schedule for the NaN pattern of `values` (row-major, `ny` rows of `nx`).
  init(values: UnsafeBufferPointer<Float>, nx: Int, ny: Int) {
    self.nx = nx
    self.ny = ny
    var level = [UInt8](repeating: 0, count: nx * ny)
    var missing: [Int32] = []
    for k in 0..<(nx * ny) where values[k].isNaN {
      level[k] = UInt8.max
      missing.append(Int32(k))
    }
    self.missing = missing
    var cells: [Int32] = []
    var starts: [Int32] = [0]
    var neighbours: [Int32] = []
    var remaining = missing
    for step in 1...Self.maximumSteps {
      var filledNow: [Int32] = []
      var stillMissing: [Int32] = []
      for cell in remaining {
        let k = Int(cell)
        let i = k % nx
        let j = k / nx
        var found = false
        for dj in -1...1 {
          let jj = j + dj
          guard jj >= 0, jj < ny else { continue }
          for di in -1...1 {
            let ii = i + di
            guard ii >= 0, ii < nx, di != 0 || dj != 0 else { continue }
            let n = jj * nx + ii
            if level[n] < UInt8(step) {
              neighbours.append(Int32(n))
              found = true
            }
          }
        }
        if found {
          cells.append(cell)
          starts.append(Int32(neighbours.count))
          filledNow.append(cell)
        } else {
          stillMissing.append(cell)
        }
      }
      for cell in filledNow { level[Int(cell)] = UInt8(step) }
      remaining = stillMissing
      if filledNow.isEmpty || remaining.isEmpty { break }
    }
    self.cells = cells
    var slots = [Int32](repeating: 0, count: 8 * cells.count)
    for k in 0..<cells.count {
      let first = Int(starts[k])
      let count = Int(starts[k + 1]) - first
      for s in 0..<8 { slots[8 * k + s] = neighbours[first + min(s, count - 1)] }
    }
    self.slots = slots
  }

  /// True when `values` has exactly the missing cells this schedule was built for.
  func matches(_ values: UnsafeBufferPointer<Float>) -> Bool {
    var count = 0
    for k in 0..<values.count where values[k].isNaN { count += 1 }
    return matches(values, missingCount: count)
  }

  /// `matches` for a caller that has counted the NaNs of `values` already (`missingCount`):
  /// the same NaN cells as the schedule's sorted, distinct `missing` if and only if there are
  /// as many and each of those is NaN, so only those cells are read.
  func matches(_ values: UnsafeBufferPointer<Float>, missingCount: Int) -> Bool {
    guard missingCount == missing.count, Int(missing.last ?? -1) < values.count else {
      return false
    }
    for cell in missing where !values[Int(cell)].isNaN { return false }
    return true
  }

  /// Fills `values` in place (it must match this schedule).
  func apply(to values: UnsafeMutableBufferPointer<Float>) {
    cells.withUnsafeBufferPointer { cellP in
      slots.withUnsafeBufferPointer { slotP in
        for k in 0..<cellP.count {
          var best = -Float.greatestFiniteMagnitude
          for s in 0..<8 { best = max(best, values[Int(slotP[8 &* k &+ s])]) }
          values[Int(cellP[k])] = best
        }
      }
    }
  }
}
