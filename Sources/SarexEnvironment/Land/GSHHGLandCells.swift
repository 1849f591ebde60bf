import Foundation

/// The land mask's lookup tables over a region, in memory owned by this object and never written
/// after `init`: one word per GMT bin, one word per raster cell of the bins a shoreline crosses,
/// and the shoreline edges of the mixed cells.
///
/// `@unchecked Sendable` is safe because the buffers are allocated and filled in `init`, only read
/// afterwards, and freed in `deinit`. Raw buffers (rather than arrays) keep the per-query path free
/// of bounds checks, retains and exclusivity checks.
final class GSHHGLandCells: @unchecked Sendable {
  /// West and south edges of the first bin (degrees), the bin size's inverse (1/degrees), and
  /// the number of bin columns and rows.
  let westDegrees: Double
  let southDegrees: Double
  let binsPerDegree: Double
  let columns: Int
  let rows: Int
  /// Per bin, row by row from the south: -1 sea, -2 land, else the bin's raster slot.
  private let binClass: UnsafeMutableBufferPointer<Int32>
  /// `cellsPerSide * cellsPerSide` words per raster slot, as in `GSHHGBinRaster.cells` but with
  /// mixed-cell numbers counted across all slots.
  private let cells: UnsafeMutableBufferPointer<UInt32>
  /// Mixed cell `m` owns edges `edgeStart[m] ..< edgeStart[m + 1]`.
  private let edgeStart: UnsafeMutableBufferPointer<UInt32>
  /// Four lattice coordinates per edge (x0, y0, x1, y1) in the bin's lattice.
  private let edges: UnsafeMutableBufferPointer<UInt16>

  /// Number of bins with a raster, of mixed cells, and of stored edges (for reports and tests).
  let rasterCount: Int
  let mixedCellCount: Int
  let edgeCount: Int

  init(shores: GSHHGBinnedShores) {
    westDegrees = shores.westDegrees
    southDegrees = shores.southDegrees
    binsPerDegree = 1 / shores.binSizeDegrees
    columns = shores.columns
    rows = shores.rows
    var classes: [Int32] = []
    var allCells: [UInt32] = []
    var allStarts: [UInt32] = [0]
    var allEdges: [UInt16] = []
    for bin in shores.bins {
      guard let raster = GSHHGBinRaster(bin: bin) else {
        classes.append(bin.southWestLand ? -2 : -1)
        continue
      }
      let mixedOffset = UInt32(allStarts.count - 1)
      let edgeOffset = UInt32(allEdges.count / 4)
      classes.append(
        Int32(allCells.count / (GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide)))
      allCells.append(contentsOf: raster.cells.map { $0 < 2 ? $0 : $0 + 2 * mixedOffset })
      allStarts.append(contentsOf: raster.edgeStart.dropFirst().map { $0 + edgeOffset })
      allEdges.append(contentsOf: raster.edges)
    }
    binClass = Self.copy(classes)
    cells = Self.copy(allCells)
    edgeStart = Self.copy(allStarts)
    edges = Self.copy(allEdges)
    rasterCount = allCells.count / (GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide)
    mixedCellCount = allStarts.count - 1
    edgeCount = allEdges.count / 4
  }

  deinit {
    binClass.deallocate()
    cells.deallocate()
    edgeStart.deallocate()
    edges.deallocate()
  }

  private static func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
    let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
    _ = buffer.initialize(from: values)
    return buffer
  }

  /// Where a position falls: `nil` outside the covered bins, else the bin's index and the
  /// position in the bin as fractions (0 ..< 1) of the bin size east and north.
  @inline(__always)
  func locate(longitude: Double, latitude: Double) -> (bin: Int, u: Double, v: Double)? {
    let turns = ((longitude - westDegrees) * (1.0 / 360)).rounded(.down)
    let x = (longitude - 360 * turns - westDegrees) * binsPerDegree
    let y = (latitude - southDegrees) * binsPerDegree
    guard x >= 0, x < Double(columns), y >= 0, y < Double(rows) else { return nil }
    let column = Int(x)
    let row = Int(y)
    return (row * columns + column, x - Double(column), y - Double(row))
  }

  /// Land or sea; `false` outside the covered bins.
  @inline(__always)
  func isLand(longitude: Double, latitude: Double) -> Bool {
    guard let (bin, u, v) = locate(longitude: longitude, latitude: latitude) else { return false }
    let slot = binClass[bin]
    if slot < 0 { return slot == -2 }
    let n = GSHHGBinRaster.cellsPerSide
    let i = min(Int(u * Double(n)), n - 1)
    let j = min(Int(v * Double(n)), n - 1)
    let word = cells[(Int(slot) * n + j) * n + i]
    if word < 2 { return word == 1 }
    return isLandInMixedCell(word: word, i: i, j: j, x: u * 65535, y: v * 65535)
  }

  /// The exact answer inside a mixed cell: the centre's state, flipped by every shoreline edge
  /// that crosses the path from the centre east or west to the point's longitude, then north or
  /// south to the point. The path stays inside the cell, so only the cell's edges can cross it.
  /// Half-open comparisons make a vertex on the path count once.
  @inline(__always)
  private func isLandInMixedCell(word: UInt32, i: Int, j: Int, x: Double, y: Double) -> Bool {
    let m = Int((word - 2) >> 1)
    var land = (word & 1) == 1
    let cx = (Double(i) + 0.5) * GSHHGBinRaster.cellSize
    let cy = (Double(j) + 0.5) * GSHHGBinRaster.cellSize
    let end = Int(edgeStart[m + 1])
    var e = Int(edgeStart[m])
    while e < end {
      let x0 = Double(edges[4 &* e])
      let y0 = Double(edges[4 &* e &+ 1])
      let x1 = Double(edges[4 &* e &+ 2])
      let y1 = Double(edges[4 &* e &+ 3])
      if (y0 > cy) != (y1 > cy) {
        let xc = x0 + (cy - y0) * (x1 - x0) / (y1 - y0)
        if (xc > cx) != (xc > x) { land.toggle() }
      }
      if (x0 > x) != (x1 > x) {
        let yc = y0 + (x - x0) * (y1 - y0) / (x1 - x0)
        if (yc > cy) != (yc > y) { land.toggle() }
      }
      e &+= 1
    }
    return land
  }

  /// What the raster alone says at a position (for tests and statistics).
  func cellKind(longitude: Double, latitude: Double) -> GSHHGCellKind {
    guard let (bin, u, v) = locate(longitude: longitude, latitude: latitude) else {
      return .outside
    }
    let slot = binClass[bin]
    if slot < 0 { return slot == -2 ? .land : .sea }
    let n = GSHHGBinRaster.cellsPerSide
    let i = min(Int(u * Double(n)), n - 1)
    let j = min(Int(v * Double(n)), n - 1)
    let word = cells[(Int(slot) * n + j) * n + i]
    return word >= 2 ? .mixed : (word == 1 ? .land : .sea)
  }
}

/// The raster's verdict for a cell.
enum GSHHGCellKind: Equatable {
  case outside, sea, land, mixed
}
