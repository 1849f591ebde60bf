import Foundation

extension GriddedVectorField {
  /// Everything the sampling kernel reads for one time, as raw numbers and pointers, for the
  /// plain C reference kernel of the benchmark (`sarex bench`). Valid only inside
  /// `withKernelData`.
  package struct KernelData {
    /// Lookup table: west and south edges (degrees), 1 / cell size (1/degrees), the west edge
    /// of its 360-degree longitude window, and its size in cells.
    package let west: Double
    package let south: Double
    package let inverseStep: Double
    package let windowWest: Double
    package let cellsX: Int
    package let cellsY: Int
    /// `LonLatLookupTable.floatsPerCell` floats per table cell (see `LonLatLookupTable.cells`).
    package let cells: UnsafePointer<Float>
    /// Values (m/s): per node `nodeStride` floats, (x, y) at the time before, then after.
    package let values: UnsafePointer<Float>
    package let nodeStride: Int
    /// Floats from `values` to the plane of the bracketing time before.
    package let offset: Int
    package let wBefore: Float
    package let wAfter: Float
    /// The time is exactly a file time: only that time is used.
    package let exact: Bool
    package let nx: Int
    package let ny: Int
  }

  /// Calls `body` with the kernel data at `time`; `nil` when the grid uses no lookup table
  /// (regular longitude/latitude grids) or the time is outside the file.
  package func withKernelData<R>(at time: Date, _ body: (KernelData?) throws -> R) rethrows -> R {
    guard case .table(let table) = locator, let b = bracket(time.timeIntervalSince1970) else {
      return try body(nil)
    }
    return try table.cells.withUnsafeBufferPointer { c in
      try values.withUnsafeBufferPointer { v in
        guard let cBase = c.baseAddress, let vBase = v.baseAddress else { return try body(nil) }
        return try body(
          KernelData(
            west: table.west, south: table.south, inverseStep: table.inverseStep,
            windowWest: table.windowWest, cellsX: table.cellsX, cellsY: table.cellsY,
            cells: cBase, values: vBase, nodeStride: 4, offset: b.before * planeFloats,
            wBefore: b.wBefore, wAfter: b.wAfter, exact: b.wAfter == 0, nx: nx, ny: ny))
      }
    }
  }
}
