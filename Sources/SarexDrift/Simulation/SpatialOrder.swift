import Foundation

/// Orders particles along a Morton (Z-order) curve of their positions, so that particles near in
/// memory are near in space: a block's forcing lookups and land raster reads then hit the same
/// cache lines instead of gathering from all over multi-megabyte tables.
///
/// The key interleaves 16 bits of longitude and of latitude, quantised on a square grid (in
/// metres at the cloud's mean latitude) over the particles' bounding box; a two-pass radix sort
/// (16 bits a pass, stable) turns the keys into a permutation. Buffers are allocated once per run.
///
/// `@unchecked Sendable`: used by the drift's serial step between the parallel passes only.
final class SpatialOrder: @unchecked Sendable {
  let count: Int
  private let keys: UnsafeMutablePointer<UInt32>
  private let sortedKeys: UnsafeMutablePointer<UInt32>
  private let order: UnsafeMutablePointer<Int>
  private let sortedOrder: UnsafeMutablePointer<Int>
  private let histogram: UnsafeMutablePointer<Int>

  private static let radix = 1 << 16

  init(count: Int) {
    self.count = count
    let n = max(count, 1)
    keys = .allocate(capacity: n)
    sortedKeys = .allocate(capacity: n)
    order = .allocate(capacity: n)
    sortedOrder = .allocate(capacity: n)
    histogram = .allocate(capacity: Self.radix)
  }

  deinit {
    keys.deallocate()
    sortedKeys.deallocate()
    order.deallocate()
    sortedOrder.deallocate()
    histogram.deallocate()
  }

  /// The permutation that orders `columns` (same count) along the curve: `order[i]` is the
  /// particle to put at `i`. Valid until the next call.
  func permutation(of columns: ParticleColumns) -> UnsafePointer<Int> {
    precondition(columns.count == count, "SpatialOrder sized for another ensemble")
    computeKeys(longitudes: columns.longitudeDegrees, latitudes: columns.latitudeDegrees)
    for i in 0..<count { order[i] = i }
    sortPass(shift: 0, fromKeys: keys, fromOrder: order, toKeys: sortedKeys, toOrder: sortedOrder)
    sortPass(shift: 16, fromKeys: sortedKeys, fromOrder: sortedOrder, toKeys: keys, toOrder: order)
    return UnsafePointer(order)
  }

  private func computeKeys(
    longitudes: UnsafePointer<Double>, latitudes: UnsafePointer<Double>
  ) {
    var west = Double.infinity
    var east = -Double.infinity
    var south = Double.infinity
    var north = -Double.infinity
    for i in 0..<count {
      west = min(west, longitudes[i])
      east = max(east, longitudes[i])
      south = min(south, latitudes[i])
      north = max(north, latitudes[i])
    }
    guard west.isFinite, east.isFinite, south.isFinite, north.isFinite else {
      for i in 0..<count { keys[i] = 0 }
      return
    }
    // The same cell size east and north (degrees of longitude shrink with cos latitude).
    let cosLatitude = max(0.01, cos((south + north) * 0.5 * .pi / 180))
    let span = max((east - west) * cosLatitude, north - south, 1e-9)
    let scaleNorth = 65535 / span
    let scaleEast = scaleNorth * cosLatitude
    @inline(__always) func cell(_ v: Double) -> UInt32 {
      // Trap-free: NaN and out-of-range values clamp to the grid.
      let c = v >= 0 ? (v <= 65535 ? v : 65535) : 0
      return UInt32(truncatingIfNeeded: Int(truncatingIfNeeded: Int64(c.rounded(.down))))
    }
    for i in 0..<count {
      let x = cell((longitudes[i] - west) * scaleEast)
      let y = cell((latitudes[i] - south) * scaleNorth)
      keys[i] = Self.spread(x) | (Self.spread(y) << 1)
    }
  }

  /// The 16 low bits of `v` moved to the even bit positions.
  @inline(__always)
  static func spread(_ v: UInt32) -> UInt32 {
    var x = v & 0xffff
    x = (x | (x << 8)) & 0x00ff_00ff
    x = (x | (x << 4)) & 0x0f0f_0f0f
    x = (x | (x << 2)) & 0x3333_3333
    x = (x | (x << 1)) & 0x5555_5555
    return x
  }

  /// One stable counting-sort pass on 16 bits of the key from `shift` on.
  private func sortPass(
    shift: UInt32, fromKeys: UnsafePointer<UInt32>, fromOrder: UnsafePointer<Int>,
    toKeys: UnsafeMutablePointer<UInt32>, toOrder: UnsafeMutablePointer<Int>
  ) {
    histogram.update(repeating: 0, count: Self.radix)
    for i in 0..<count { histogram[Int((fromKeys[i] >> shift) & 0xffff)] += 1 }
    var total = 0
    for b in 0..<Self.radix {
      let c = histogram[b]
      histogram[b] = total
      total += c
    }
    for i in 0..<count {
      let b = Int((fromKeys[i] >> shift) & 0xffff)
      let at = histogram[b]
      histogram[b] = at + 1
      toKeys[at] = fromKeys[i]
      toOrder[at] = fromOrder[i]
    }
  }
}
