import Foundation

/// Reads, masks, gap-fills and interleaves the forcing planes `planes` of a field
/// (`GriddedVectorField.values`): plane t holds, per node, x and y at time t, then x and y at
/// t + 1 (at t again for the last time), 16 bytes written at once.
///
/// The field's planes are split into two ranges loaded on two threads: each holds the netCDF
/// lock only for its reads, so one masks, fills and writes while the other reads. Each thread
/// reads the slices its planes need (both components of times `planes.lowerBound` through
/// `planes.upperBound`; the time at the boundary is read by both threads) and writes its planes
/// whole and in order, so the threads never write the same cache lines. Every slice is
/// processed on its own, so the split does not change the values.
///
/// `@unchecked Sendable`: the file is only read, and netCDF-C calls take the process-wide lock
/// (`NetCDFLibrary`); `out` is written only in this job's planes, disjoint from the other
/// job's, and outlives the job, which is joined before the array is finished.
struct ForcingPlaneLoad: @unchecked Sendable {
  let file: NetCDFFile
  let source: CFVectorSource
  let kind: VectorFieldKind
  let planes: Range<Int>
  let out: UnsafeMutableBufferPointer<Float>

  func run() throws {
    guard !planes.isEmpty else { return }
    let nt = source.times.count
    var x = try SliceReader(file: file, variable: source.x, source: source, kind: kind)
    var y = try SliceReader(file: file, variable: source.y, source: source, kind: kind)
    let plane = x.plane
    var previousX = [Float](repeating: 0, count: plane)
    var previousY = previousX
    var currentX = previousX
    var currentY = previousX
    try x.read(time: planes.lowerBound, into: &previousX)
    try y.read(time: planes.lowerBound, into: &previousY)
    for p in planes {
      let next = min(p + 1, nt - 1)
      if next != p {
        try x.read(time: next, into: &currentX)
        try y.read(time: next, into: &currentY)
      } else {
        currentX = previousX
        currentY = previousY
      }
      Self.interleave(
        previousX, previousY, currentX, currentY,
        into: UnsafeMutableBufferPointer(rebasing: out[(p * plane * 4)..<((p + 1) * plane * 4)]))
      swap(&previousX, &currentX)
      swap(&previousY, &currentY)
    }
  }

  /// Writes (a[k], b[k], c[k], d[k]) at out[4k ..< 4k + 4] for every node k.
  private static func interleave(
    _ a: [Float], _ b: [Float], _ c: [Float], _ d: [Float],
    into out: UnsafeMutableBufferPointer<Float>
  ) {
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        c.withUnsafeBufferPointer { c in
          d.withUnsafeBufferPointer { d in
            let raw = UnsafeMutableRawPointer(out.baseAddress.unsafelyUnwrapped)
            for k in 0..<min(a.count, out.count / 4) {
              raw.storeBytes(
                of: SIMD4<Float>(a[k], b[k], c[k], d[k]), toByteOffset: k &* 16,
                as: SIMD4<Float>.self)
            }
          }
        }
      }
    }
  }
}

/// One component's slices, read one time at a time: converted to m/s, implausible values
/// masked (OpenDrift's limits), and the coastal gap fill applied (its schedule rebuilt only
/// when the missing cells change). Reuses its read scratch: nothing allocated per slice.
struct SliceReader {
  let file: NetCDFFile
  let variable: NetCDFVariable
  let source: CFVectorSource
  let nx: Int
  let ny: Int
  var plane: Int { nx * ny }
  private let packing: NetCDFPacking
  private let limit: Float
  private let factor: Float
  private var start: [Int]
  private let count: [Int]
  private var scratch = NetCDFReadScratch()
  private var schedule: CoastalGapFill? = nil

  init(file: NetCDFFile, variable: NetCDFVariable, source: CFVectorSource, kind: VectorFieldKind)
    throws
  {
    self.file = file
    self.variable = variable
    self.source = source
    let dims = variable.dimensions
    nx = dims[dims.count - 1].length
    ny = dims[dims.count - 2].length
    start = source.fixedIndices.map { max($0, 0) }
    var count = [Int](repeating: 1, count: dims.count)
    count[dims.count - 1] = nx
    count[dims.count - 2] = ny
    self.count = count
    limit = GriddedVectorField.validMagnitude(kind)
    factor = Float(source.unitFactor)
    packing = try file.packing(of: variable)
  }

  /// Time `t`'s slice into `slice` (`plane` values, row-major [y][x]).
  mutating func read(time t: Int, into slice: inout [Float]) throws {
    start[source.timeDimension] = t
    let (limit, factor, plane) = (self.limit, self.factor, self.plane)
    try slice.withUnsafeMutableBufferPointer { buffer in
      try file.readFloats(
        variable, start: start, count: count, packing: packing, into: buffer, scratch: &scratch)
      // Multiplying by 1 is exact, and NaN fails the comparison: the same values as
      // converting only when the factor is not 1. Branch-free, so the loop vectorises.
      var missingCount = 0
      for k in 0..<plane {
        let v = buffer[k] * factor
        let w = abs(v) <= limit ? v : .nan
        buffer[k] = w
        missingCount &+= w != w ? 1 : 0
      }
      let view = UnsafeBufferPointer(buffer)
      if schedule?.matches(view, missingCount: missingCount) != true {
        schedule = CoastalGapFill(values: view, nx: nx, ny: ny)
      }
      schedule?.apply(to: buffer)
    }
  }
}
