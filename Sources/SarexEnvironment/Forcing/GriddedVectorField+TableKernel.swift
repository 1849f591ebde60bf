extension GriddedVectorField {
  /// The sampling loops for grids located by a lookup table, per block of `blockSize`
  /// particles in two passes over contiguous scratch on the stack:
  ///
  /// 1. eight particles per iteration (AVX2 vectors): table cell, the cell's polynomials
  ///    (float32, fused multiply-adds), grid cell, bilinear weights, rotation and validity;
  /// 2. eight particles per iteration: the four grid nodes' 16-byte groups (x, y at both
  ///    times) interpolated bilinearly in float32 (two particles per eight-lane vector),
  ///    transposed to one eight-lane vector per component, then linearly in time in float32,
  ///    rotated to east/north and stored eight at a time; the last n mod 8 particles one at
  ///    a time (`one`, four-lane vectors).
  ///
  /// Pass 1 reads the eight lanes' table cells in pairs of floats and shuffles them into one
  /// vector per number (`CellRows`). Particles are kept in Morton order, so runs share cells:
  /// when eight particles of pass 2 share a grid cell its nodes are loaded once. All paths do
  /// `one`'s operations per lane (bit-identical results).
  ///
  /// OpenDrift interpolates in space with float64 weights and rounds to float32; here the
  /// weights and arithmetic are float32 (differences of a few 1e-8 m/s, see the tests).
  /// `CLeewayReference` mirrors this arithmetic operation by operation. Needs nx, ny >= 2 (table
  /// grids are checked at load) and fewer than 2^22 nodes each way (float32 index arithmetic).
  @inline(__always)
  static func tableKernel(
    _ table: LonLatLookupTable, cells: UnsafePointer<Float>, n: Int, lon: UnsafePointer<Double>,
    lat: UnsafePointer<Double>, slices s: TimeSlices, nx: Int, ny: Int,
    east: UnsafeMutablePointer<Double>, north: UnsafeMutablePointer<Double>,
    valid: UnsafeMutablePointer<Bool>
  ) {
    typealias F8 = SIMD8<Float>
    typealias D4 = SIMD4<Double>
    let cellLanes = TableCellLanes(table)
    let maxI = F8(repeating: Float(nx - 1))
    let maxJ = F8(repeating: Float(ny - 1))
    let lastI = F8(repeating: Float(nx - 2))
    let lastJ = F8(repeating: Float(ny - 2))
    let nxLanes = SIMD8<Int32>(repeating: Int32(truncatingIfNeeded: nx))
    let per = LonLatLookupTable.floatsPerCell
    let values = s.base.assumingMemoryBound(to: Float.self) + s.offset / 4
    let rowFloats = 4 &* nx
    withUnsafeTemporaryAllocation(of: Float.self, capacity: 6 * blockSize) { scratch in
      let node = UnsafeMutableRawPointer(scratch.baseAddress.unsafelyUnwrapped)
        .assumingMemoryBound(to: Int32.self)
      let wxs = scratch.baseAddress.unsafelyUnwrapped + blockSize
      let wys = wxs + blockSize
      let coss = wys + blockSize
      let sins = coss + blockSize
      let oks = UnsafeMutableRawPointer(sins + blockSize).assumingMemoryBound(to: Int32.self)
      var first = 0
      while first < n {
        let count = min(blockSize, n &- first)
        var k = 0
        while k < count {
          // Eight particles; past the end, lanes repeat the block's first particle (never stored
          // beyond the scratch).
          @inline(__always) func lanes(_ p: UnsafePointer<Double>, _ from: Int) -> D4 {
            if k &+ from &+ 4 <= count {
              return UnsafeRawPointer(p + (first &+ k &+ from)).loadUnaligned(as: D4.self)
            }
            var v = D4(repeating: p[first])
            for l in 0..<4 where k &+ from &+ l < count { v[l] = p[first &+ k &+ from &+ l] }
            return v
          }
          let a = cellLanes.locate(lanes(lon, 0), lanes(lat, 0))
          let b = cellLanes.locate(lanes(lon, 4), lanes(lat, 4))
          let c0 = cells + Int(a.cell[0]) &* per
          let c1 = cells + Int(a.cell[1]) &* per
          let c2 = cells + Int(a.cell[2]) &* per
          let c3 = cells + Int(a.cell[3]) &* per
          let c4 = cells + Int(b.cell[0]) &* per
          let c5 = cells + Int(b.cell[1]) &* per
          let c6 = cells + Int(b.cell[2]) &* per
          let c7 = cells + Int(b.cell[3]) &* per
          let ss = F8(lowHalf: a.s, highHalf: b.s)
          let ts = F8(lowHalf: a.t, highHalf: b.t)
          // Read in pairs and shuffled even when the eight share a cell: a broadcast path for
          // that case (22 % of groups) measured no faster (see BENCHMARKS.md).
          let rows = CellRows(c0, c1, c2, c3, c4, c5, c6, c7)
          let e = LonLatLookupTable.evaluate(ss, ts) { q in rows.row(q) }
          @inline(__always) func flags(_ m: SIMDMask<SIMD4<Int64>>) -> SIMD4<Int32> {
            SIMD4<Int32>(
              truncatingIfNeeded: SIMD4<Int64>(repeating: 0).replacing(with: -1, where: m))
          }
          let insideTable = SIMD8<Int32>(lowHalf: flags(a.inside), highHalf: flags(b.inside))
          // Grid cell and weights: index = base + floor(local), weight = local - floor(local);
          // the cell is clamped to the grid (always two nodes each way), the weight follows.
          @inline(__always) func axis(_ base: F8, _ local: F8, _ maxIndex: F8, _ lastCell: F8) -> (
            cell: SIMD8<Int32>, weight: F8, inside: SIMDMask<SIMD8<Int32>>
          ) {
            let floor = local.rounded(.down)
            let fraction = local - floor
            let index = base + floor
            let inside =
              (index .>= 0)
              .& ((index .< maxIndex) .| ((index .== maxIndex) .& (fraction .== 0)))
            var cell = index.replacing(with: 0, where: .!(index .>= 0))
            cell.replace(with: lastCell, where: .!(cell .<= lastCell))
            let weight = (index - cell) + fraction
            // Integers below 2^22: the low mantissa bits of cell + 1.5 * 2^23.
            let bits = unsafeBitCast(cell + 12_582_912, to: SIMD8<Int32>.self) & 0x3F_FFFF
            return (bits, weight, inside)
          }
          let gi = axis(e.iBase, e.i, maxI, lastI)
          let gj = axis(e.jBase, e.j, maxJ, lastJ)
          let nodes = gj.cell &* nxLanes &+ gi.cell
          let ok = insideTable.replacing(with: 0, where: .!(gi.inside .& gj.inside))
          @inline(__always) func put<T: SIMD>(_ v: T, _ p: UnsafeMutablePointer<T.Scalar>) {
            UnsafeMutableRawPointer(p + k).storeBytes(of: v, as: T.self)
          }
          put(nodes, node)
          put(gi.weight, wxs)
          put(gj.weight, wys)
          put(e.cos, coss)
          put(e.sin, sins)
          put(ok, oks)
          k &+= 8
        }
        let wBefore = s.wBefore
        let wAfter = s.wAfter
        let exact = s.exact
        let exactBits = SIMD8<Int32>(repeating: exact ? -1 : 0)
        let start = first
        @inline(__always) func group(_ q: UnsafePointer<Float>) -> SIMD4<Float> {
          UnsafeRawPointer(q).loadUnaligned(as: SIMD4<Float>.self)
        }
        /// The 16-byte groups of particle k's grid cell's four nodes.
        @inline(__always) func corners(_ k: Int) -> (
          n00: SIMD4<Float>, n10: SIMD4<Float>, n01: SIMD4<Float>, n11: SIMD4<Float>
        ) {
          let p = values + Int(truncatingIfNeeded: node[k]) &* 4
          return (group(p), group(p + 4), group(p + rowFloats), group(p + (rowFloats &+ 4)))
        }
        @inline(__always) func one(_ k: Int) {
          let (n00, n10, n01, n11) = corners(k)
          let wx = wxs[k]
          let wy = wys[k]
          // Bilinear on (x before, y before, x after, y after) at once.
          let bottom = n00.addingProduct(wx, n10 - n00)
          let top = n01.addingProduct(wx, n11 - n01)
          let r = bottom.addingProduct(wy, top - bottom)
          // Linear in time in float32.
          let uv = exact ? r.lowHalf : (r.lowHalf * wBefore).addingProduct(r.highHalf, wAfter)
          let u = uv.x
          let v = uv.y
          let good = oks[k] != 0 && u == u && v == v
          let c = coss[k]
          let sn = sins[k]
          let e = (u * c).addingProduct(v, sn)
          let nn = (v * c).addingProduct(-u, sn)
          east[start &+ k] = good ? Double(e) : 0
          north[start &+ k] = good ? Double(nn) : 0
          valid[start &+ k] = good
        }
        /// Rotates, validates and stores eight particles' interpolated (u, v) with the
        /// operations of `one` per lane.
        @inline(__always) func store(_ k: Int, _ u: F8, _ v: F8) {
          @inline(__always) func load(_ q: UnsafeMutablePointer<Float>) -> F8 {
            UnsafeRawPointer(q + k).loadUnaligned(as: F8.self)
          }
          // Lane flags as 0 or -1 (no mask conversions, which compile to per-lane loops).
          @inline(__always) func bits(_ m: SIMDMask<SIMD8<Int32>>) -> SIMD8<Int32> {
            unsafeBitCast(m, to: SIMD8<Int32>.self)
          }
          let goodBits =
            UnsafeRawPointer(oks + k).loadUnaligned(as: SIMD8<Int32>.self) & bits(u .== u)
            & bits(v .== v)
          let c = load(coss)
          let sn = load(sins)
          // Invalid lanes become +0 in float32 (so +0 in float64), as in `one`. Converted and
          // stored by halves: the 8-lane conversion compiles to two-lane pieces.
          @inline(__always) func put(_ x: F8, _ to: UnsafeMutablePointer<Double>) {
            let kept = unsafeBitCast(
              unsafeBitCast(x, to: SIMD8<Int32>.self) & goodBits, to: F8.self)
            let target = UnsafeMutableRawPointer(to + (start &+ k))
            target.storeBytes(of: SIMD4<Double>(kept.lowHalf), as: SIMD4<Double>.self)
            target.storeBytes(
              of: SIMD4<Double>(kept.highHalf), toByteOffset: 32, as: SIMD4<Double>.self)
          }
          put((u * c).addingProduct(v, sn), east)
          put((v * c).addingProduct(-u, sn), north)
          let flags = SIMD8<UInt8>(truncatingIfNeeded: goodBits & 1)
          UnsafeMutableRawPointer(valid + (start &+ k)).storeBytes(of: flags, as: SIMD8<UInt8>.self)
        }
        @inline(__always) func weights(_ k: Int) -> (wx: F8, wy: F8) {
          (
            UnsafeRawPointer(wxs + k).loadUnaligned(as: F8.self),
            UnsafeRawPointer(wys + k).loadUnaligned(as: F8.self)
          )
        }
        /// Eight particles in one grid cell: the four nodes' groups are loaded once and each
        /// component is interpolated on eight lanes, with the operations of `one` per lane.
        @inline(__always) func eight(_ k: Int) {
          let (n00, n10, n01, n11) = corners(k)
          let d0 = n10 - n00
          let d1 = n11 - n01
          let (wx, wy) = weights(k)
          @inline(__always) func component(_ c: Int) -> F8 {
            let bottom = F8(repeating: n00[c]).addingProduct(wx, F8(repeating: d0[c]))
            let top = F8(repeating: n01[c]).addingProduct(wx, F8(repeating: d1[c]))
            return bottom.addingProduct(wy, top - bottom)
          }
          let u =
            exact ? component(0) : (component(0) * wBefore).addingProduct(component(2), wAfter)
          let v =
            exact ? component(1) : (component(1) * wBefore).addingProduct(component(3), wAfter)
          store(k, u, v)
        }
        /// Eight particles in any grid cells: particles k + l and k + l + 4 are interpolated
        /// together, their nodes' 16-byte groups joined into eight-lane vectors (the operations
        /// of `one` per lane); the four results are transposed into one eight-lane vector per
        /// component (two rounds of interleaving shuffles), then taken on in time, rotated and
        /// stored eight at a time.
        @inline(__always) func gathered(_ k: Int) {
          @inline(__always) func pair(_ l: Int) -> F8 {
            let a = values + Int(truncatingIfNeeded: node[k &+ l]) &* 4
            let b = values + Int(truncatingIfNeeded: node[k &+ l &+ 4]) &* 4
            @inline(__always) func joined(_ o: Int) -> F8 {
              F8(lowHalf: group(a + o), highHalf: group(b + o))
            }
            @inline(__always) func weight(_ w: UnsafeMutablePointer<Float>) -> F8 {
              F8(
                lowHalf: SIMD4(repeating: w[k &+ l]), highHalf: SIMD4(repeating: w[k &+ l &+ 4]))
            }
            let n00 = joined(0)
            let n10 = joined(4)
            let n01 = joined(rowFloats)
            let n11 = joined(rowFloats &+ 4)
            let wx = weight(wxs)
            let wy = weight(wys)
            let bottom = n00.addingProduct(wx, n10 - n00)
            let top = n01.addingProduct(wx, n11 - n01)
            return bottom.addingProduct(wy, top - bottom)
          }
          let r0 = pair(0)
          let r1 = pair(1)
          let r2 = pair(2)
          let r3 = pair(3)
          let (x0, y0, x1, y1) = GriddedVectorField.transposed(r0, r1, r2, r3)
          // At a forcing time the first slice as is, chosen by bit masks: a branch here lets
          // the compiler narrow the vectors to the lanes each side uses (per-lane shuffles).
          @inline(__always) func inTime(_ before: F8, _ after: F8) -> F8 {
            let both = (before * wBefore).addingProduct(after, wAfter)
            let b = unsafeBitCast(before, to: SIMD8<Int32>.self)
            let l = unsafeBitCast(both, to: SIMD8<Int32>.self)
            return unsafeBitCast((b & exactBits) | (l & ~exactBits), to: F8.self)
          }
          store(k, inTime(x0, x1), inTime(y0, y1))
        }
        var m = 0
        while m &+ 8 <= count {
          let nodes = UnsafeRawPointer(node + m).loadUnaligned(as: SIMD8<Int32>.self)
          if all(nodes .== SIMD8<Int32>(repeating: nodes[0])) {
            eight(m)
          } else {
            gathered(m)
          }
          m &+= 8
        }
        while m < count {
          one(m)
          m &+= 1
        }
        first &+= count
      }
    }
  }

  /// The components of four pairs of (x before, y before, x after, y after) groups, each pair
  /// the groups of particles l and l + 4: x before, y before, x after, y after on lanes
  /// 0-7 for particles 0-7 (two rounds of interleaving shuffles). Not inlined: inlined, the
  /// compiler moves the shuffles ahead of the arithmetic that produced the groups and narrows
  /// it to two-lane pieces with single-lane inserts (perf annotate), which costs more.
  @inline(never)
  static func transposed(
    _ r0: SIMD8<Float>, _ r1: SIMD8<Float>, _ r2: SIMD8<Float>, _ r3: SIMD8<Float>
  ) -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) {
    typealias F8 = SIMD8<Float>
    typealias F4 = SIMD4<Float>
    // Written on 128-bit halves (the shuffles work within halves): the compiler then emits
    // few 256-bit shuffles, where the same lanes picked from whole 8-lane vectors gave
    // about twice as many (perf annotate).
    @inline(__always) func halves(_ a: F8, _ b: F8, _ f: (F4, F4) -> F4) -> F8 {
      F8(lowHalf: f(a.lowHalf, b.lowHalf), highHalf: f(a.highHalf, b.highHalf))
    }
    /// Lanes 0, 1 of each half of `a` interleaved with those of `b`, or lanes 2, 3.
    @inline(__always) func low(_ a: F8, _ b: F8) -> F8 {
      halves(a, b) { a, b in F4(a[0], b[0], a[1], b[1]) }
    }
    @inline(__always) func high(_ a: F8, _ b: F8) -> F8 {
      halves(a, b) { a, b in F4(a[2], b[2], a[3], b[3]) }
    }
    /// Lane pairs 0-1 of each half of `a` and `b`, or lane pairs 2-3.
    @inline(__always) func lowPairs(_ a: F8, _ b: F8) -> F8 {
      halves(a, b) { a, b in F4(lowHalf: a.lowHalf, highHalf: b.lowHalf) }
    }
    @inline(__always) func highPairs(_ a: F8, _ b: F8) -> F8 {
      halves(a, b) { a, b in F4(lowHalf: a.highHalf, highHalf: b.highHalf) }
    }
    let t0 = low(r0, r1)
    let t1 = high(r0, r1)
    let t2 = low(r2, r3)
    let t3 = high(r2, r3)
    return (lowPairs(t0, t2), highPairs(t0, t2), lowPairs(t1, t3), highPairs(t1, t3))
  }

  /// The lookup-table cell of four positions, in the arithmetic of `LonLatLookupTable.cell`
  /// (float64): a value type with a method rather than a nested function, which the compiler
  /// emitted out of line (vector arguments through memory, ~8 % of the drift's samples).
  struct TableCellLanes {
    typealias D4 = SIMD4<Double>
    let windowWest: Double
    let west: Double
    let south: Double
    let inverseStep: Double
    let width: Double
    let height: Double
    let lastCellX: Double
    let lastCellY: Double

    init(_ table: LonLatLookupTable) {
      windowWest = table.windowWest
      west = table.west
      south = table.south
      inverseStep = table.inverseStep
      width = Double(table.cellsX)
      height = Double(table.cellsY)
      lastCellX = width - 1
      lastCellY = height - 1
    }

    /// Cell numbers, local coordinates (s, t) and inside flags of longitudes `x` and latitudes
    /// `y` (degrees). Transparent (mandatory inlining): with `@inline(__always)` the
    /// compiler still emitted it out of line.
    @_transparent
    func locate(_ x: D4, _ y: D4) -> (
      cell: SIMD4<Int64>, s: SIMD4<Float>, t: SIMD4<Float>, inside: SIMDMask<SIMD4<Int64>>
    ) {
      let wrapped = x - 360 * ((x - windowWest) * (1.0 / 360)).rounded(.down)
      let u = (wrapped - west) * inverseStep
      let v = (y - south) * inverseStep
      let inside = (u .>= 0) .& (u .<= width) .& (v .>= 0) .& (v .<= height)
      var uc = u.replacing(with: 0, where: .!(u .>= 0))
      uc.replace(with: width, where: .!(uc .<= width))
      var vc = v.replacing(with: 0, where: .!(v .>= 0))
      vc.replace(with: height, where: .!(vc .<= height))
      var ic = uc.rounded(.down)
      ic.replace(with: lastCellX, where: ic .> lastCellX)
      var jc = vc.rounded(.down)
      jc.replace(with: lastCellY, where: jc .> lastCellY)
      // The cell number is an integer below 2^31: read it from the mantissa.
      let number = (jc * D4(repeating: width) + ic) + 6_755_399_441_055_744.0
      let cell = unsafeBitCast(number, to: SIMD4<Int64>.self) & 0xFFFF_FFFF
      return (cell, SIMD4<Float>(uc - ic), SIMD4<Float>(vc - jc), inside)
    }
  }

  /// The 18 numbers of eight lanes' table cells as 18 eight-lane vectors (number k of lane l
  /// on lane l of vector k). Read as pairs of numbers (8-byte loads): lanes 0, 1, 4, 5 in one
  /// vector and 2, 3, 6, 7 in another, each number then one in-half shuffle of the two
  /// (`vshufps`). The 144 single-lane inserts this replaces were most of pass 1; this form
  /// compiles to `vmovsd`/`vmovhps`/`vinsertf128`/`vshufps` and eight-lane arithmetic (a 4 x 4
  /// transposition of 16-byte loads compiled to single-lane shuffles and four-lane
  /// arithmetic, and was no faster; see BENCHMARKS.md).
  struct CellRows {
    typealias F8 = SIMD8<Float>
    typealias F4 = SIMD4<Float>
    let q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14, q15, q16, q17: F8

    @inline(__always)
    init(
      _ c0: UnsafePointer<Float>, _ c1: UnsafePointer<Float>, _ c2: UnsafePointer<Float>,
      _ c3: UnsafePointer<Float>, _ c4: UnsafePointer<Float>, _ c5: UnsafePointer<Float>,
      _ c6: UnsafePointer<Float>, _ c7: UnsafePointer<Float>
    ) {
      /// Numbers o and o + 1 of the eight lanes: 8-byte loads (pairs of lanes 0, 1 | 4, 5 and
      /// 2, 3 | 6, 7 in two vectors), then one in-half shuffle for each number.
      @inline(__always) func pair(_ o: Int) -> (F8, F8) {
        typealias D4 = SIMD4<Double>
        @inline(__always) func load(_ c: UnsafePointer<Float>) -> Double {
          UnsafeRawPointer(c + o).loadUnaligned(as: Double.self)
        }
        let x = unsafeBitCast(D4(load(c0), load(c1), load(c4), load(c5)), to: F8.self)
        let y = unsafeBitCast(D4(load(c2), load(c3), load(c6), load(c7)), to: F8.self)
        @inline(__always) func halves(_ f: (F4, F4) -> F4) -> F8 {
          F8(lowHalf: f(x.lowHalf, y.lowHalf), highHalf: f(x.highHalf, y.highHalf))
        }
        return (
          halves { a, b in F4(a[0], a[2], b[0], b[2]) },
          halves { a, b in F4(a[1], a[3], b[1], b[3]) }
        )
      }
      (q0, q1) = pair(0)
      (q2, q3) = pair(2)
      (q4, q5) = pair(4)
      (q6, q7) = pair(6)
      (q8, q9) = pair(8)
      (q10, q11) = pair(10)
      (q12, q13) = pair(12)
      (q14, q15) = pair(14)
      (q16, q17) = pair(16)
    }

    /// Number `k` of the eight lanes' cells (a constant after inlining).
    @inline(__always)
    func row(_ k: Int) -> F8 {
      switch k {
      case 0: q0
      case 1: q1
      case 2: q2
      case 3: q3
      case 4: q4
      case 5: q5
      case 6: q6
      case 7: q7
      case 8: q8
      case 9: q9
      case 10: q10
      case 11: q11
      case 12: q12
      case 13: q13
      case 14: q14
      case 15: q15
      case 16: q16
      default: q17
      }
    }
  }
}
