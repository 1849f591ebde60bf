import Foundation

/// The raster cache of one GMT bin: `cellsPerSide` x `cellsPerSide` cells, each wholly sea, wholly
/// land, or mixed; a mixed cell keeps the shoreline edges that touch it and the land/sea state of
/// its centre, so the exact answer needs only those few edges.
///
/// Built once per bin with crossing parity along lines that never pass through a shoreline vertex:
/// vertices sit on the integer lattice, the start line is `x = 0.5` and every cell centre has a
/// non-integer coordinate (`(2k + 1) * 65535 / 512`). The state at `(0.5, 0.5)` is taken from the
/// node level of the bin's south-west corner (a shoreline passing within a lattice step, about a
/// metre, of that corner would break this; GMT's own node level is ambiguous there too).
struct GSHHGBinRaster {
  /// Cells per bin side. With 1-degree full-resolution bins a cell is 1/256 degree (430 m
  /// north-south); a mixed cell then holds a dozen edges or so.
  static let cellsPerSide = 256
  /// Cell size in lattice steps.
  static let cellSize = 65535.0 / Double(cellsPerSide)

  /// Per cell, row by row from the south: 0 sea, 1 land, `2 + 2 m + c` mixed cell `m` whose
  /// centre is land when `c` is 1.
  var cells: [UInt32]
  /// Mixed cell `m` owns edges `edgeStart[m] ..< edgeStart[m + 1]`.
  var edgeStart: [UInt32]
  /// Four lattice coordinates per edge: x0, y0, x1, y1.
  var edges: [UInt16]

  /// The raster of a bin, or `nil` when no shoreline crosses it (then it is uniform).
  init?(bin: GSHHGBin) {
    let n = Self.cellsPerSide
    let cs = Self.cellSize
    var lines: [SIMD4<Double>] = []
    for segment in bin.segments {
      for k in 1..<segment.count where segment[k] != segment[k - 1] {
        let a = SIMD2<Double>(segment[k - 1])
        let b = SIMD2<Double>(segment[k])
        lines.append(SIMD4(a.x, a.y, b.x, b.y))
      }
    }
    guard !lines.isEmpty else { return nil }

    // Land state at every cell centre.
    var westCrossings: [Double] = []
    var rowCrossings: [(row: Int, x: Double)] = []
    for e in lines {
      if (e.x > 0.5) != (e.z > 0.5) {
        let y = e.y + (0.5 - e.x) * (e.w - e.y) / (e.z - e.x)
        if y > 0.5 { westCrossings.append(y) }
      }
      let low = min(e.y, e.w)
      let high = max(e.y, e.w)
      let first = max(0, Int((low / cs - 0.5).rounded(.up)))
      let last = min(n - 1, Int((high / cs - 0.5).rounded(.down)))
      if first <= last {
        for j in first...last {
          let cy = (Double(j) + 0.5) * cs
          guard (e.y > cy) != (e.w > cy) else { continue }
          let x = e.x + (cy - e.y) * (e.z - e.x) / (e.w - e.y)
          if x > 0.5 { rowCrossings.append((j, x)) }
        }
      }
    }
    westCrossings.sort()
    rowCrossings.sort { $0.row != $1.row ? $0.row < $1.row : $0.x < $1.x }
    var centreLand = [Bool](repeating: false, count: n * n)
    var west = 0
    var along = 0
    for j in 0..<n {
      let cy = (Double(j) + 0.5) * cs
      while west < westCrossings.count && westCrossings[west] < cy { west += 1 }
      var land = bin.southWestLand != (west % 2 == 1)
      for i in 0..<n {
        let cx = (Double(i) + 0.5) * cs
        while along < rowCrossings.count && rowCrossings[along].row == j
          && rowCrossings[along].x < cx
        {
          land.toggle()
          along += 1
        }
        centreLand[j * n + i] = land
      }
      while along < rowCrossings.count && rowCrossings[along].row == j { along += 1 }
    }

    // Edges per cell: every cell the edge passes through (bounding box, then the separating
    // axis of the edge's line against the cell's corners).
    var touches: [(cell: Int32, edge: Int32)] = []
    let slack = 1e-3
    for (index, e) in lines.enumerated() {
      let i0 = max(0, min(n - 1, Int(min(e.x, e.z) / cs)))
      let i1 = max(0, min(n - 1, Int(max(e.x, e.z) / cs)))
      let j0 = max(0, min(n - 1, Int(min(e.y, e.w) / cs)))
      let j1 = max(0, min(n - 1, Int(max(e.y, e.w) / cs)))
      for j in j0...j1 {
        for i in i0...i1 {
          if i0 != i1 && j0 != j1 {
            let xs = (Double(i) * cs - slack, Double(i + 1) * cs + slack)
            let ys = (Double(j) * cs - slack, Double(j + 1) * cs + slack)
            let dx = e.z - e.x
            let dy = e.w - e.y
            let d1 = dx * (ys.0 - e.y) - dy * (xs.0 - e.x)
            let d2 = dx * (ys.0 - e.y) - dy * (xs.1 - e.x)
            let d3 = dx * (ys.1 - e.y) - dy * (xs.0 - e.x)
            let d4 = dx * (ys.1 - e.y) - dy * (xs.1 - e.x)
            if (d1 > 0 && d2 > 0 && d3 > 0 && d4 > 0) || (d1 < 0 && d2 < 0 && d3 < 0 && d4 < 0) {
              continue
            }
          }
          touches.append((Int32(j * n + i), Int32(index)))
        }
      }
    }
    touches.sort { $0.cell != $1.cell ? $0.cell < $1.cell : $0.edge < $1.edge }

    var cells = centreLand.map { UInt32($0 ? 1 : 0) }
    var edgeStart: [UInt32] = [0]
    var edges: [UInt16] = []
    edges.reserveCapacity(touches.count * 4)
    var t = 0
    while t < touches.count {
      let cell = Int(touches[t].cell)
      let mixed = UInt32(edgeStart.count - 1)
      cells[cell] = 2 + 2 * mixed + (centreLand[cell] ? 1 : 0)
      while t < touches.count && Int(touches[t].cell) == cell {
        let e = lines[Int(touches[t].edge)]
        edges.append(UInt16(e.x))
        edges.append(UInt16(e.y))
        edges.append(UInt16(e.z))
        edges.append(UInt16(e.w))
        t += 1
      }
      edgeStart.append(UInt32(edges.count / 4))
    }
    self.cells = cells
    self.edgeStart = edgeStart
    self.edges = edges
  }
}
