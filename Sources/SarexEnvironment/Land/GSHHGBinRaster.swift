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
  /// north-south, 220 m east-west at 60 N); off western Norway a mixed cell or subcell then holds
  /// two edges on average.
  static let cellsPerSide = 256
  /// Cell size in lattice steps.
  static let cellSize = 65535.0 / Double(cellsPerSide)

  /// A mixed cell with more edges than this is split into `subcellsPerSide` x `subcellsPerSide`
  /// subcells (54 m x 27 m at 60 N, full resolution), so skerries and narrow sounds stay cheap.
  static let subdivisionThreshold = 6
  static let subcellsPerSide = 8
  /// Marks a cell word as a subdivided cell; the low bits number its block of subcell words.
  static let subdividedFlag: UInt32 = 0x8000_0000

  /// Per cell, row by row from the south: 0 sea, 1 land, `subdividedFlag | s` for subcell block
  /// `s`, or a mixed cell: bit 0 its centre's state (1 land), bits 1-7 its number of edges, bits
  /// 8-30 where they start in `edges` (in edges, from the start of the bin's block). A count of
  /// 0 marks a long list whose count is stored as an edge before it.
  var cells: [UInt32]
  /// 64 words per subdivided cell, row by row from the south, coded like `cells` (never
  /// subdivided again).
  var subcells: [UInt32]
  /// Four lattice coordinates per edge: x0, y0, x1, y1. Edge 0 is a placeholder so that no
  /// mixed word can be 0 or 1.
  var edges: [UInt16]

  /// The raster of a bin, or `nil` when no shoreline crosses it (then it is uniform).
  /// Throws when the bin has more edge copies than a cell word can address (2^23).
  /// `inlineCountLimit` (at most 127) is the longest edge list whose count fits in the word;
  /// tests lower it to exercise long lists.
  init?(bin: GSHHGBin, inlineCountLimit: Int = 127) throws(GSHHGBinRasterOverflow) {
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
    var contacts: [(cell: Int32, edge: Int32)] = []
    for (index, e) in lines.enumerated() {
      let i0 = max(0, min(n - 1, Int(min(e.x, e.z) / cs)))
      let i1 = max(0, min(n - 1, Int(max(e.x, e.z) / cs)))
      let j0 = max(0, min(n - 1, Int(min(e.y, e.w) / cs)))
      let j1 = max(0, min(n - 1, Int(max(e.y, e.w) / cs)))
      for j in j0...j1 {
        for i in i0...i1
        where (i0 == i1 || j0 == j1)
          || Self.touches(e, x: Double(i) * cs, y: Double(j) * cs, size: cs)
        {
          contacts.append((Int32(j * n + i), Int32(index)))
        }
      }
    }
    contacts.sort { $0.cell != $1.cell ? $0.cell < $1.cell : $0.edge < $1.edge }

    var cells = centreLand.map { UInt32($0 ? 1 : 0) }
    var subcells: [UInt32] = []
    var edges: [UInt16] = [0, 0, 0, 0]
    edges.reserveCapacity(contacts.count * 4 + 4)
    var overflow = false
    /// Records a mixed (sub)cell with these edges and returns its word.
    func mixed(_ list: [Int], centreLand: Bool) -> UInt32 {
      if list.count > inlineCountLimit {
        edges.append(UInt16(truncatingIfNeeded: list.count))
        edges.append(UInt16(truncatingIfNeeded: list.count >> 16))
        edges.append(0)
        edges.append(0)
      }
      let offset = edges.count / 4 - (list.count > inlineCountLimit ? 1 : 0)
      for index in list {
        let e = lines[index]
        edges.append(UInt16(e.x))
        edges.append(UInt16(e.y))
        edges.append(UInt16(e.z))
        edges.append(UInt16(e.w))
      }
      if edges.count / 4 >= 1 << 23 { overflow = true }
      let count = list.count > inlineCountLimit ? 0 : list.count
      return UInt32(truncatingIfNeeded: offset << 8 | count << 1) | (centreLand ? 1 : 0)
    }
    let k = Self.subcellsPerSide
    let sub = cs / Double(k)
    var t = 0
    while t < contacts.count {
      let cell = Int(contacts[t].cell)
      var list: [Int] = []
      while t < contacts.count && Int(contacts[t].cell) == cell {
        list.append(Int(contacts[t].edge))
        t += 1
      }
      guard list.count > Self.subdivisionThreshold else {
        cells[cell] = mixed(list, centreLand: centreLand[cell])
        continue
      }
      // Subcell centres sit at odd multiples of 65535/4096: never on the vertex lattice.
      let i = cell % n
      let j = cell / n
      let cx = (Double(i) + 0.5) * cs
      let cy = (Double(j) + 0.5) * cs
      cells[cell] = Self.subdividedFlag | UInt32(subcells.count / (k * k))
      for sj in 0..<k {
        for si in 0..<k {
          let x = Double(i) * cs + (Double(si) + 0.5) * sub
          let y = Double(j) * cs + (Double(sj) + 0.5) * sub
          var land = centreLand[cell]
          for index in list {
            let e = lines[index]
            if Self.flips(e.x, e.y, e.z, e.w, cx: cx, cy: cy, x: x, y: y) { land.toggle() }
          }
          let rect = (
            Double(i) * cs + Double(si) * sub, Double(j) * cs + Double(sj) * sub, sub
          )
          let inside = list.filter { Self.touches(lines[$0], x: rect.0, y: rect.1, size: rect.2) }
          subcells.append(inside.isEmpty ? (land ? 1 : 0) : mixed(inside, centreLand: land))
        }
      }
    }
    guard !overflow else { throw GSHHGBinRasterOverflow() }
    self.cells = cells
    self.subcells = subcells
    self.edges = edges
  }

  /// True when the edge crosses the path from the centre `(cx, cy)` along `y = cy` to `x`, then
  /// along `x` to `y`. Half-open comparisons count a vertex on the path once.
  @inline(__always)
  static func flips(
    _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
    cx: Double, cy: Double, x: Double, y: Double
  ) -> Bool {
    flipBit(x0, y0, x1, y1, cx: cx, cy: cy, x: x, y: y) == 1
  }

  /// `flips` as 0 or 1, computed without branches: near the coast the crossings are
  /// unpredictable and mispredicted branches would cost more than the two divisions. Where an
  /// edge does not cross a leg its quotient may be infinite or NaN; the mask discards it.
  @inline(__always)
  static func flipBit(
    _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double,
    cx: Double, cy: Double, x: Double, y: Double
  ) -> UInt8 {
    let crossesRow: UInt8 = (y0 > cy) != (y1 > cy) ? 1 : 0
    let xc = x0 + (cy - y0) * (x1 - x0) / (y1 - y0)
    let onRowLeg: UInt8 = (xc > cx) != (xc > x) ? 1 : 0
    let crossesColumn: UInt8 = (x0 > x) != (x1 > x) ? 1 : 0
    let yc = y0 + (x - x0) * (y1 - y0) / (x1 - x0)
    let onColumnLeg: UInt8 = (yc > cy) != (yc > y) ? 1 : 0
    return (crossesRow & onRowLeg) ^ (crossesColumn & onColumnLeg)
  }

  /// True when the edge may pass through the square `[x, x + size] x [y, y + size]` (lattice
  /// units, with a small slack): bounding boxes overlap and the edge's line separates corners.
  static func touches(_ e: SIMD4<Double>, x: Double, y: Double, size: Double) -> Bool {
    let slack = 1e-3
    let x0 = x - slack
    let x1 = x + size + slack
    let y0 = y - slack
    let y1 = y + size + slack
    guard max(e.x, e.z) >= x0, min(e.x, e.z) <= x1, max(e.y, e.w) >= y0, min(e.y, e.w) <= y1
    else { return false }
    let dx = e.z - e.x
    let dy = e.w - e.y
    let d1 = dx * (y0 - e.y) - dy * (x0 - e.x)
    let d2 = dx * (y0 - e.y) - dy * (x1 - e.x)
    let d3 = dx * (y1 - e.y) - dy * (x0 - e.x)
    let d4 = dx * (y1 - e.y) - dy * (x1 - e.x)
    return !((d1 > 0 && d2 > 0 && d3 > 0 && d4 > 0) || (d1 < 0 && d2 < 0 && d3 < 0 && d4 < 0))
  }
}

/// A bin with more shoreline edge copies than the raster's cell words can address.
struct GSHHGBinRasterOverflow: Error {}
