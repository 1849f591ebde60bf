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
  /// Per bin, where its edges start in `edges` (in edges).
  private let binEdgeBase: UnsafeMutableBufferPointer<UInt32>
  /// `cellsPerSide * cellsPerSide` words per raster slot, as in `GSHHGBinRaster.cells` but with
  /// subcell blocks counted across all slots.
  private let cells: UnsafeMutableBufferPointer<UInt32>
  /// 64 words per subdivided cell, as in `GSHHGBinRaster.subcells`, numbered across all slots.
  private let subcells: UnsafeMutableBufferPointer<UInt32>
  /// Four lattice coordinates per edge (x0, y0, x1, y1) in the bin's lattice, bin after bin.
  private let edges: UnsafeMutableBufferPointer<UInt16>
  /// The sea bitmap: per raster slot and cell, two bits (0 sea, 1 land, 2 mixed or subdivided),
  /// `codeWordsPerRow` words per row of cells. It says what `cells` says for uniform cells in a
  /// sixteenth of the memory (16 KB per bin instead of 256 KB), so most queries near the coast
  /// read a line that is already in the first-level cache; only mixed cells read `cells`.
  private let cellCodes: UnsafeMutableBufferPointer<UInt64>

  /// Number of bins with a raster, of subdivided cells, of mixed cells and subcells, and of stored
  /// edges (for reports and tests).
  let rasterCount: Int
  let subdividedCellCount: Int
  let mixedCellCount: Int
  let edgeCount: Int

  init(shores: GSHHGBinnedShores, inlineCountLimit: Int = 127) throws(GSHHGBinRasterOverflow) {
    westDegrees = shores.westDegrees
    southDegrees = shores.southDegrees
    binsPerDegree = 1 / shores.binSizeDegrees
    columns = shores.columns
    rows = shores.rows
    // Two halves of the bins (by shoreline points, which is where the work is) at once: the
    // second on a thread of its own (the load runs inside a `concurrentPerform`, where nested
    // Dispatch work would be serial), then joined in bin order, so the tables are the same as
    // one pass over all bins gives.
    let bins = shores.bins
    let split = Self.balancedSplit(bins)
    let second = BackgroundJob {
      try TablePart(bins: bins[split...], inlineCountLimit: inlineCountLimit)
    }
    let firstPart = Result { () throws(GSHHGBinRasterOverflow) in
      try TablePart(bins: bins[..<split], inlineCountLimit: inlineCountLimit)
    }
    // Joined before anything is thrown, so the thread never outlives the call.
    let secondPart = Result { try second.wait() }
    guard case .success(let a) = firstPart, case .success(let b) = secondPart else {
      throw GSHHGBinRasterOverflow()
    }
    let parts = [a, b]
    let edgeTotal = parts.reduce(0) { $0 + $1.edges.count / 4 }
    guard edgeTotal < Int(UInt32.max) else { throw GSHHGBinRasterOverflow() }
    let cellTotal = parts.reduce(0) { $0 + $1.cells.count }
    let subcellTotal = parts.reduce(0) { $0 + $1.subcells.count }
    let classBuffer = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(bins.count, 1))
    let baseBuffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(bins.count, 1))
    let cellBuffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(cellTotal, 1))
    let subcellBuffer = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(subcellTotal, 1))
    let edgeBuffer = UnsafeMutableBufferPointer<UInt16>.allocate(
      capacity: max(edgeTotal * 4, 1))
    let codeBuffer = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(cellTotal / 32, 1))
    classBuffer.initialize(repeating: 0)
    baseBuffer.initialize(repeating: 0)
    cellBuffer.initialize(repeating: 0)
    subcellBuffer.initialize(repeating: 0)
    edgeBuffer.initialize(repeating: 0)
    codeBuffer.initialize(repeating: 0)
    // Part 2's numbers continue part 1's: raster slots, edge bases, subcell blocks.
    var bin = 0
    var cellAt = 0
    var subcellAt = 0
    var edgeAt = 0
    var mixed = 0
    for part in parts {
      let slotOffset = Int32(cellAt / (GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide))
      let subOffset = UInt32(subcellAt / 64)
      let edgeOffset = UInt32(edgeAt / 4)
      for k in part.classes.indices {
        let c = part.classes[k]
        classBuffer[bin + k] = c >= 0 ? c + slotOffset : c
        baseBuffer[bin + k] = part.bases[k] + edgeOffset
      }
      func renumber(_ word: UInt32) -> UInt32 {
        word >= GSHHGBinRaster.subdividedFlag ? word + subOffset : word
      }
      for k in part.cells.indices { cellBuffer[cellAt + k] = renumber(part.cells[k]) }
      for k in part.subcells.indices { subcellBuffer[subcellAt + k] = renumber(part.subcells[k]) }
      for k in part.edges.indices { edgeBuffer[edgeAt + k] = part.edges[k] }
      for k in part.codes.indices { codeBuffer[cellAt / 32 + k] = part.codes[k] }
      bin += part.classes.count
      cellAt += part.cells.count
      subcellAt += part.subcells.count
      edgeAt += part.edges.count
      mixed += part.mixed
    }
    binClass = classBuffer
    binEdgeBase = baseBuffer
    cells = cellBuffer
    subcells = subcellBuffer
    edges = edgeBuffer
    cellCodes = codeBuffer
    rasterCount = cellTotal / (GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide)
    subdividedCellCount = subcellTotal / 64
    mixedCellCount = mixed
    edgeCount = edgeTotal
  }

  /// The tables of a run of consecutive bins, numbered as if they were all the bins (raster
  /// slots, edge bases and subcell blocks from 0); `init` renumbers the second part.
  private struct TablePart: Sendable {
    var classes: [Int32] = []
    var bases: [UInt32] = []
    var cells: [UInt32] = []
    var subcells: [UInt32] = []
    var edges: [UInt16] = []
    var codes: [UInt64] = []
    var mixed = 0

    init(bins: ArraySlice<GSHHGBin>, inlineCountLimit: Int) throws(GSHHGBinRasterOverflow) {
      for bin in bins {
        bases.append(UInt32(truncatingIfNeeded: edges.count / 4))
        guard let raster = try GSHHGBinRaster(bin: bin, inlineCountLimit: inlineCountLimit) else {
          classes.append(bin.southWestLand ? -2 : -1)
          continue
        }
        let subOffset = UInt32(subcells.count / 64)
        var mixedHere = 0
        func renumber(_ word: UInt32) -> UInt32 {
          if word >= 2 { mixedHere += word >= GSHHGBinRaster.subdividedFlag ? 0 : 1 }
          return word >= GSHHGBinRaster.subdividedFlag ? word + subOffset : word
        }
        classes.append(
          Int32(cells.count / (GSHHGBinRaster.cellsPerSide * GSHHGBinRaster.cellsPerSide)))
        cells.append(contentsOf: raster.cells.map(renumber))
        subcells.append(contentsOf: raster.subcells.map(renumber))
        edges.append(contentsOf: raster.edges)
        codes.append(contentsOf: GSHHGLandCells.codes(of: raster.cells))
        mixed += mixedHere
      }
    }
  }

  /// The index that splits `bins` into two runs with about the same number of shoreline points
  /// (the raster's cost grows with them).
  private static func balancedSplit(_ bins: [GSHHGBin]) -> Int {
    let weights = bins.map { bin in bin.segments.reduce(1) { $0 + $1.count } }
    let total = weights.reduce(0, +)
    var sum = 0
    for (k, w) in weights.enumerated() {
      sum += w
      if 2 * sum >= total { return k + 1 }
    }
    return bins.count
  }

  deinit {
    binClass.deallocate()
    cells.deallocate()
    subcells.deallocate()
    binEdgeBase.deallocate()
    edges.deallocate()
    cellCodes.deallocate()
  }

  /// Two-bit cell codes per raster cell word (see `cellCodes`).
  static let codeWordsPerRow = GSHHGBinRaster.cellsPerSide / 32

  /// The two-bit codes of one raster's cells (a whole number of words: 32 cells a word).
  fileprivate static func codes(of cells: [UInt32]) -> [UInt64] {
    var words = [UInt64](repeating: 0, count: cells.count / 32)
    for w in words.indices {
      var word: UInt64 = 0
      for k in 0..<32 {
        let cell = cells[w * 32 + k]
        let code: UInt64 = cell < 2 ? UInt64(cell) : 2
        word |= code << UInt64(2 * k)
      }
      words[w] = word
    }
    return words
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
    let cu = u * Double(n)
    let cv = v * Double(n)
    let i = min(Int(cu), n - 1)
    let j = min(Int(cv), n - 1)
    // Uniform cells from the bitmap; its line is shared by 32 cells of a row.
    let codeWord = cellCodes[
      (Int(slot) &* n &+ j) &* Self.codeWordsPerRow &+ (i &>> 5)]
    let code = (codeWord &>> UInt64(truncatingIfNeeded: (i & 31) &* 2)) & 3
    if code < 2 { return code == 1 }
    var word = cells[(Int(slot) * n + j) * n + i]
    let cs = GSHHGBinRaster.cellSize
    var cx = (Double(i) + 0.5) * cs
    var cy = (Double(j) + 0.5) * cs
    if word >= GSHHGBinRaster.subdividedFlag {
      let k = GSHHGBinRaster.subcellsPerSide
      let si = min(Int((cu - Double(i)) * Double(k)), k - 1)
      let sj = min(Int((cv - Double(j)) * Double(k)), k - 1)
      word = subcells[Int(word & ~GSHHGBinRaster.subdividedFlag) &* (k * k) &+ sj &* k &+ si]
      if word < 2 { return word == 1 }
      cx = (Double(i) + (Double(si) + 0.5) / Double(k)) * cs
      cy = (Double(j) + (Double(sj) + 0.5) / Double(k)) * cs
    }
    return isLandInMixedCell(
      word: word, base: Int(binEdgeBase[bin]), cx: cx, cy: cy, x: u * 65535, y: v * 65535)
  }

  /// `isLand` for `count` positions: the same answers. Positions with a nonzero `skip` entry
  /// answer false untested.
  ///
  /// Most drifting particles are in open sea, and the drift keeps neighbours next to each other
  /// in memory: groups of `groupSize` positions whose bounding box lies in pure-sea raster cells
  /// (tested with at most `groupWordLimit` bitmap words) answer false without per-position
  /// lookups.
  /// Other groups take the per-position path. The answers are the same either way: a position in
  /// a sea cell is sea.
  func isLand(
    longitudes: UnsafePointer<Double>, latitudes: UnsafePointer<Double>,
    skip: UnsafePointer<UInt8>?, result: UnsafeMutablePointer<Bool>, count: Int
  ) {
    var start = 0
    while start < count {
      let end = min(start &+ Self.groupSize, count)
      if allSea(longitudes: longitudes, latitudes: latitudes, skip: skip, from: start, to: end) {
        (result + start).update(repeating: false, count: end &- start)
      } else {
        isLandEach(
          longitudes: longitudes + start, latitudes: latitudes + start,
          skip: skip.map { $0 + start },
          result: result + start, count: end &- start)
      }
      start = end
    }
  }

  /// Positions per group of the batch query, and the most bitmap words the pure-sea test of a
  /// group's bounding box may read.
  static let groupSize = 64
  static let groupWordLimit = 32

  /// True when every position `from..<to` that is not skipped and lies in the covered bins is in
  /// a pure-sea raster cell or bin. Raster cell (gx, gy) counted from the first bin's south-west
  /// corner: `floor(x * cellsPerSide)` with `x` as in `locate`, the same cell `isLand` reads
  /// (`x - floor(x)` and the power-of-two scaling are exact).
  ///
  /// The box is taken in degrees first and only its corners go to raster cells: the cell is a
  /// non-decreasing function of the position within one 360-degree window (each IEEE operation
  /// and the floor are), so the corners' cells bound every position's. Corners clamped to the
  /// covered raster give a box that contains the tested positions' cells (positions outside
  /// answer false anyway), so a true answer is always right; a box whose corners fall in
  /// different windows answers false (the per-position path then decides).
  @inline(__always)
  private func allSea(
    longitudes: UnsafePointer<Double>, latitudes: UnsafePointer<Double>,
    skip: UnsafePointer<UInt8>?, from: Int, to: Int
  ) -> Bool {
    typealias Lanes = SIMD4<Double>
    var minLongitude = Lanes(repeating: .infinity)
    var maxLongitude = Lanes(repeating: -.infinity)
    var minLatitude = Lanes(repeating: .infinity)
    var maxLatitude = Lanes(repeating: -.infinity)
    var k = from
    while k < to {
      var longitude = Lanes(repeating: .nan)
      var latitude = Lanes(repeating: .nan)
      var skipped = Lanes(repeating: 0)
      if k &+ 4 <= to {
        longitude = UnsafeRawPointer(longitudes + k).loadUnaligned(as: Lanes.self)
        latitude = UnsafeRawPointer(latitudes + k).loadUnaligned(as: Lanes.self)
        if let skip {
          // Compared as doubles (integer-lane comparisons compile to lane-by-lane loops).
          skipped = Lanes(
            SIMD4<Int32>(
              truncatingIfNeeded: UnsafeRawPointer(skip + k).loadUnaligned(as: SIMD4<UInt8>.self)))
        }
      } else {
        for l in 0..<(to &- k) {
          longitude[l] = longitudes[k &+ l]
          latitude[l] = latitudes[k &+ l]
          if let skip { skipped[l] = Double(skip[k &+ l]) }
        }
      }
      // Skipped lanes and NaN positions (never in a cell) leave the box as it is.
      let tested = skipped .== 0
      // Not `pointwiseMin`: its generic form was called lane by lane.
      minLongitude.replace(with: longitude, where: tested .& (longitude .< minLongitude))
      maxLongitude.replace(with: longitude, where: tested .& (longitude .> maxLongitude))
      minLatitude.replace(with: latitude, where: tested .& (latitude .< minLatitude))
      maxLatitude.replace(with: latitude, where: tested .& (latitude .> maxLatitude))
      k &+= 4
    }
    let lon0 = minLongitude.min()
    let lon1 = maxLongitude.max()
    let lat0 = minLatitude.min()
    let lat1 = maxLatitude.max()
    // Nothing to test: every answer is false.
    guard lon0 <= lon1, lat0 <= lat1 else { return true }
    // `locate`'s arithmetic on the corners.
    let turns0 = ((lon0 - westDegrees) * (1.0 / 360)).rounded(.down)
    let turns1 = ((lon1 - westDegrees) * (1.0 / 360)).rounded(.down)
    guard turns0 == turns1 else { return false }
    let n = Double(GSHHGBinRaster.cellsPerSide)
    @inline(__always) func cell(_ v: Double, _ count: Int) -> Double {
      let c = (v * n).rounded(.down)
      return c >= 0 ? min(c, Double(count) * n - 1) : 0
    }
    let x0 = (lon0 - 360 * turns0 - westDegrees) * binsPerDegree
    let x1 = (lon1 - 360 * turns1 - westDegrees) * binsPerDegree
    let y0 = (lat0 - southDegrees) * binsPerDegree
    let y1 = (lat1 - southDegrees) * binsPerDegree
    // The whole box outside the covered bins: nothing is tested there.
    guard x1 >= 0, x0 < Double(columns), y1 >= 0, y0 < Double(rows) else { return true }
    // Whole numbers in the covered raster, below 2^31.
    return isSeaBox(
      Int(cell(x0, columns)), Int(cell(x1, columns)), Int(cell(y0, rows)), Int(cell(y1, rows)))
  }

  /// Whether every raster cell (gx, gy) with gx0...gx1, gy0...gy1 (see `allSea`, inside the
  /// covered bins) is pure sea: per bin, pure-sea bins pass, land bins fail, and in a raster one
  /// bitmap word test per row covers up to 32 cells. Gives up (false) when that would take more
  /// than `groupWordLimit` word reads.
  @inline(__always)
  private func isSeaBox(_ gx0: Int, _ gx1: Int, _ gy0: Int, _ gy1: Int) -> Bool {
    let n = GSHHGBinRaster.cellsPerSide
    var words = 0
    for row in (gy0 / n)...(gy1 / n) {
      let j0 = max(gy0 &- row &* n, 0)
      let j1 = min(gy1 &- row &* n, n &- 1)
      for column in (gx0 / n)...(gx1 / n) {
        let slot = binClass[row &* columns &+ column]
        if slot == -1 { continue }
        if slot < 0 { return false }
        let i0 = max(gx0 &- column &* n, 0)
        let i1 = min(gx1 &- column &* n, n &- 1)
        let w0 = i0 &>> 5
        let w1 = i1 &>> 5
        words &+= (j1 &- j0 &+ 1) &* (w1 &- w0 &+ 1)
        guard words <= Self.groupWordLimit else { return false }
        let base = Int(slot) &* n
        for w in w0...w1 {
          // Two bits per cell: cells max(i0, 32 w)...min(i1, 32 w + 31) of the word.
          let lo = max(i0 &- w &* 32, 0)
          let hi = min(i1 &- w &* 32, 31)
          let width = (hi &- lo &+ 1) &* 2
          let ones: UInt64 = width == 64 ? ~0 : ((1 &<< UInt64(width)) &- 1)
          let mask = ones &<< UInt64(lo &* 2)
          for j in j0...j1
          where cellCodes[(base &+ j) &* Self.codeWordsPerRow &+ w] & mask != 0 {
            return false
          }
        }
      }
    }
    return true
  }

  /// The per-position batch query, with the tables' addresses held in registers and the uniform
  /// cells answered from the bitmap inline; only positions in mixed cells take the full path.
  ///
  /// The index arithmetic of `locate` runs on four positions at a time in AVX2 lanes (the same
  /// IEEE operations in the same order, so the same cells), then each lane reads its bin and
  /// bitmap word.
  private func isLandEach(
    longitudes: UnsafePointer<Double>, latitudes: UnsafePointer<Double>,
    skip: UnsafePointer<UInt8>?, result: UnsafeMutablePointer<Bool>, count: Int
  ) {
    typealias Lanes = SIMD4<Double>
    let west = Lanes(repeating: westDegrees)
    let south = Lanes(repeating: southDegrees)
    let scale = Lanes(repeating: binsPerDegree)
    let columnsLimit = Lanes(repeating: Double(columns))
    let rowsLimit = Lanes(repeating: Double(rows))
    let columnCount = columns
    let classes = binClass.baseAddress.unsafelyUnwrapped
    let codes = cellCodes.baseAddress.unsafelyUnwrapped
    let n = GSHHGBinRaster.cellsPerSide
    let cellsPerBin = Lanes(repeating: Double(n))
    let lastCell = Lanes(repeating: Double(n - 1))
    var k = 0
    while k < count {
      let lanes = min(4, count - k)
      var longitude = Lanes(repeating: .nan)
      var latitude = Lanes(repeating: .nan)
      if lanes == 4 {
        longitude = UnsafeRawPointer(longitudes + k).loadUnaligned(as: Lanes.self)
        latitude = UnsafeRawPointer(latitudes + k).loadUnaligned(as: Lanes.self)
      } else {
        for l in 0..<lanes {
          longitude[l] = longitudes[k + l]
          latitude[l] = latitudes[k + l]
        }
      }
      // As `locate`, expression for expression.
      let turns = ((longitude - west) * (1.0 / 360)).rounded(.down)
      let x = (longitude - 360 * turns - west) * scale
      let y = (latitude - south) * scale
      let inside = (x .>= 0) .& (x .< columnsLimit) .& (y .>= 0) .& (y .< rowsLimit)
      // Outside (and NaN) lanes are set to 0 so that every conversion below is in range.
      let xs = x.replacing(with: 0, where: .!inside)
      let ys = y.replacing(with: 0, where: .!inside)
      let column = xs.rounded(.down)
      let row = ys.rounded(.down)
      let i = pointwiseMin(((xs - column) * cellsPerBin).rounded(.down), lastCell)
      let j = pointwiseMin(((ys - row) * cellsPerBin).rounded(.down), lastCell)
      let bin = Self.indices(row) &* columnCount &+ Self.indices(column)
      let ii = Self.indices(i)
      let jj = Self.indices(j)
      for l in 0..<lanes {
        let at = k + l
        if let skip, skip[at] != 0 {
          result[at] = false
          continue
        }
        guard inside[l] else {
          result[at] = false
          continue
        }
        let slot = classes[bin[l]]
        if slot < 0 {
          result[at] = slot == -2
          continue
        }
        let word = codes[(Int(slot) &* n &+ jj[l]) &* Self.codeWordsPerRow &+ (ii[l] &>> 5)]
        let code = (word &>> UInt64(truncatingIfNeeded: (ii[l] & 31) &* 2)) & 3
        result[at] = code < 2 ? code == 1 : isLand(longitude: longitude[l], latitude: latitude[l])
      }
      k += lanes
    }
  }

  /// `Int` lanes of whole numbers `0 <= v < 2^52`, without Swift's trap checks: `v + 2^52`
  /// holds the integer in its low 52 mantissa bits (exact: every integer below 2^53 is a
  /// Double).
  @inline(__always)
  static func indices(_ v: SIMD4<Double>) -> SIMD4<Int> {
    SIMD4<Int>(
      truncatingIfNeeded: unsafeBitCast(v + 0x1p52, to: SIMD4<UInt64>.self)
        & 0x000F_FFFF_FFFF_FFFF)
  }

  /// The exact answer inside a mixed cell or subcell: the centre's state, flipped by every
  /// shoreline edge that crosses the path from the centre east or west to the point's
  /// longitude, then north or south to the point. The path stays inside the cell, so only the
  /// cell's edges can cross it.
  @inline(__always)
  private func isLandInMixedCell(
    word: UInt32, base: Int, cx: Double, cy: Double, x: Double, y: Double
  ) -> Bool {
    var parity = UInt8(truncatingIfNeeded: word & 1)
    var e = base &+ Int(word >> 8)
    var count = Int((word >> 1) & 0x7F)
    if count == 0 {
      count = Int(edges[4 &* e]) | Int(edges[4 &* e &+ 1]) << 16
      e &+= 1
    }
    let end = e &+ count
    while e < end {
      let x0 = Double(edges[4 &* e])
      let y0 = Double(edges[4 &* e &+ 1])
      let x1 = Double(edges[4 &* e &+ 2])
      let y1 = Double(edges[4 &* e &+ 3])
      parity ^= GSHHGBinRaster.flipBit(x0, y0, x1, y1, cx: cx, cy: cy, x: x, y: y)
      e &+= 1
    }
    return parity == 1
  }

  /// What the raster alone says at a position, and whether its cell is subdivided (for tests
  /// and statistics).
  func cellKind(longitude: Double, latitude: Double) -> (kind: GSHHGCellKind, subdivided: Bool) {
    guard let (bin, u, v) = locate(longitude: longitude, latitude: latitude) else {
      return (.outside, false)
    }
    let slot = binClass[bin]
    if slot < 0 { return (slot == -2 ? .land : .sea, false) }
    let n = GSHHGBinRaster.cellsPerSide
    let i = min(Int(u * Double(n)), n - 1)
    let j = min(Int(v * Double(n)), n - 1)
    var word = cells[(Int(slot) * n + j) * n + i]
    let subdivided = word >= GSHHGBinRaster.subdividedFlag
    if subdivided {
      let k = GSHHGBinRaster.subcellsPerSide
      let si = min(Int((u * Double(n) - Double(i)) * Double(k)), k - 1)
      let sj = min(Int((v * Double(n) - Double(j)) * Double(k)), k - 1)
      word = subcells[Int(word & ~GSHHGBinRaster.subdividedFlag) * k * k + sj * k + si]
    }
    return (word >= 2 ? .mixed : (word == 1 ? .land : .sea), subdivided)
  }
}

/// The raster's verdict for a cell.
enum GSHHGCellKind: Equatable {
  case outside, sea, land, mixed
}
