import Foundation

/// Reads, masks, gap-fills and interleaves forcing planes of a field
/// (`GriddedVectorField.values`): plane t holds, per node, x and y at time t, then x and y at
/// t + 1 (at t again for the last time), 16 bytes written at once.
///
/// Two of these run at once on two threads, one taking planes from the first time forwards, the
/// other from the last time backwards, one plane at a time from a shared `PlaneClaims`, until
/// they meet: whichever thread gets less processor time (the other field's work, the coastline
/// and the seeding run beside them) loads fewer planes, so neither waits for the other at the end.
/// Each holds the netCDF lock only for its reads, so one masks, fills and writes while the other
/// reads. A thread reads each time once as it goes (the time where they meet is read by both)
/// and writes each of its planes whole, so the threads never write the same cache lines. Every
/// slice is processed on its own, so the split does not change the values.
///
/// `@unchecked Sendable`: the file is only read, and netCDF-C calls take the process-wide lock
/// (`NetCDFLibrary`); `out` is written only in the planes this job claims, disjoint from the
/// other job's, and outlives the job, which is joined before the array is finished.
struct ForcingPlaneLoad: @unchecked Sendable {
  let file: NetCDFFile
  let source: CFVectorSource
  let kind: VectorFieldKind
  let claims: PlaneClaims
  /// True: claims planes from the last backwards; false: from the first forwards.
  let backwards: Bool
  let out: UnsafeMutableBufferPointer<Float>

  func run() throws {
    let nt = source.times.count
    guard var p = backwards ? claims.claimLast() : claims.claimFirst() else { return }
    var x = try SliceReader(file: file, variable: source.x, source: source, kind: kind)
    var y = try SliceReader(file: file, variable: source.y, source: source, kind: kind)
    let plane = x.plane
    // Forwards: `heldX/Y` hold time p and `otherX/Y` receive p + 1. Backwards: `heldX/Y` hold
    // time p + 1 and `otherX/Y` receive p.
    var heldX = [Float](repeating: 0, count: plane)
    var heldY = heldX
    var otherX = heldX
    var otherY = heldX
    let first = backwards ? min(p + 1, nt - 1) : p
    try x.read(time: first, into: &heldX)
    try y.read(time: first, into: &heldY)
    while true {
      let wanted = backwards ? p : min(p + 1, nt - 1)
      let held = backwards ? min(p + 1, nt - 1) : p
      if wanted != held {
        try x.read(time: wanted, into: &otherX)
        try y.read(time: wanted, into: &otherY)
      } else {
        otherX = heldX
        otherY = heldY
      }
      let slot = UnsafeMutableBufferPointer(
        rebasing: out[(p * plane * 4)..<((p + 1) * plane * 4)])
      if backwards {
        Self.interleave(otherX, otherY, heldX, heldY, into: slot)
      } else {
        Self.interleave(heldX, heldY, otherX, otherY, into: slot)
      }
      swap(&heldX, &otherX)
      swap(&heldY, &otherY)
      // The next plane is the neighbour of this one (only this job claims from its end).
      guard let next = backwards ? claims.claimLast() : claims.claimFirst() else { return }
      p = next
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

/// The planes not yet claimed, `first ..< end`, handed out one at a time from either end.
///
/// `@unchecked Sendable`: the bounds are only touched under `lock`.
final class PlaneClaims: @unchecked Sendable {
  private let lock = NSLock()
  private var first: Int
  private var end: Int

  init(_ planes: Range<Int>) {
    first = planes.lowerBound
    end = planes.upperBound
  }

  /// The first unclaimed plane, or nil when none is left.
  func claimFirst() -> Int? {
    lock.withLock {
      guard first < end else { return nil }
      first += 1
      return first - 1
    }
  }

  /// The last unclaimed plane, or nil when none is left.
  func claimLast() -> Int? {
    lock.withLock {
      guard first < end else { return nil }
      end -= 1
      return end
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
