import Dispatch
import Foundation

/// Orders particles along a Morton (Z-order) curve of their positions, so that particles near in
/// memory are near in space: a block's forcing lookups and land raster reads then hit the same
/// cache lines instead of gathering from all over multi-megabyte tables.
///
/// The key interleaves 16 bits of longitude and of latitude, quantised on a square grid (in
/// metres at the cloud's mean latitude) over the particles' bounding box; a two-pass radix sort
/// (16 bits a pass, stable) turns the keys into a permutation. Buffers are allocated once per run.
///
/// Keys, box and sort run on `parts` contiguous parts of the particles at once (the drift's
/// workers wait for the order, so a serial sort would leave the other processors idle): each
/// part counts its own histogram, and part p's particles of a digit go after those of parts
/// before p, so the sort stays stable and the permutation is the one a serial sort gives (it is
/// unique given the keys).
///
/// `@unchecked Sendable`: used by the drift's serial step between the parallel passes only; the
/// parallel parts write disjoint entries.
final class SpatialOrder: @unchecked Sendable {
  let count: Int
  /// Contiguous parts of the particles sorted at once.
  let parts: Int
  private let keys: UnsafeMutablePointer<UInt32>
  private let sortedKeys: UnsafeMutablePointer<UInt32>
  private let order: UnsafeMutablePointer<Int>
  private let sortedOrder: UnsafeMutablePointer<Int>
  /// `radix` counters per part, part after part.
  private let histograms: UnsafeMutablePointer<Int>
  /// Per part: west, east, south, north of its positions.
  private let boxes: UnsafeMutablePointer<Double>

  private static let radix = 1 << 16

  /// `parts`: 1 for a serial sort; the drift uses its worker count. Parts of fewer than
  /// `minimumPartSize` particles are not worth a thread.
  init(count: Int, parts: Int = 1) {
    self.count = count
    self.parts = max(1, min(parts, count / Self.minimumPartSize))
    let n = max(count, 1)
    keys = .allocate(capacity: n)
    sortedKeys = .allocate(capacity: n)
    order = .allocate(capacity: n)
    sortedOrder = .allocate(capacity: n)
    histograms = .allocate(capacity: Self.radix * self.parts)
    boxes = .allocate(capacity: 4 * self.parts)
  }

  static let minimumPartSize = 16_384

  deinit {
    keys.deallocate()
    sortedKeys.deallocate()
    order.deallocate()
    sortedOrder.deallocate()
    histograms.deallocate()
    boxes.deallocate()
  }

  private func range(ofPart p: Int) -> Range<Int> {
    (p * count / parts)..<((p + 1) * count / parts)
  }

  /// Runs `body(part)` for every part, on all processors when there is more than one.
  private func forEachPart(_ body: (Int) -> Void) {
    if parts == 1 {
      body(0)
    } else {
      withoutActuallyEscaping(body) { body in
        nonisolated(unsafe) let body = body
        DispatchQueue.concurrentPerform(iterations: parts) { body($0) }
      }
    }
  }

  /// Particles of the last permutation that are settled (stranded or without forcing: they never
  /// move again); the permutation puts them last, so the steps can stop before them.
  private(set) var settledCount = 0

  /// Whether a particle with this status is settled for the rest of the run.
  @inline(__always)
  static func isSettled(_ status: UInt8) -> Bool {
    status == ParticleStatus.stranded.rawValue || status == ParticleStatus.missingData.rawValue
  }

  /// Key of settled particles: above every position's key (those are capped one below).
  static let settledKey = UInt32.max

  /// The permutation that orders `columns` (same count) along the curve: `order[i]` is the
  /// particle to put at `i`. Settled particles go last, in index order (`settledCount` of them).
  /// Valid until the next call.
  func permutation(of columns: ParticleColumns) -> UnsafePointer<Int> {
    precondition(columns.count == count, "SpatialOrder sized for another ensemble")
    let longitudes = columns.longitudeDegrees
    let latitudes = columns.latitudeDegrees
    let status = columns.status
    forEachPart { p in
      self.bound(p, longitudes: longitudes, latitudes: latitudes, status: status)
    }
    // min and max are exact and order-free: the box of the parts' boxes is the serial one.
    var west = Double.infinity
    var east = -Double.infinity
    var south = Double.infinity
    var north = -Double.infinity
    for p in 0..<parts {
      west = min(west, boxes[4 * p])
      east = max(east, boxes[4 * p + 1])
      south = min(south, boxes[4 * p + 2])
      north = max(north, boxes[4 * p + 3])
    }
    let grid = KeyGrid(west: west, east: east, south: south, north: north)
    forEachPart { p in
      let r = self.range(ofPart: p)
      for i in r { self.order[i] = i }
      if let grid {
        for i in r {
          let key = min(
            grid.key(longitude: longitudes[i], latitude: latitudes[i]), Self.settledKey - 1)
          self.keys[i] = Self.isSettled(status[i]) ? Self.settledKey : key
        }
      } else {
        for i in r { self.keys[i] = Self.isSettled(status[i]) ? Self.settledKey : 0 }
      }
    }
    sortPass(shift: 0, fromKeys: keys, fromOrder: order, toKeys: sortedKeys, toOrder: sortedOrder)
    sortPass(shift: 16, fromKeys: sortedKeys, fromOrder: sortedOrder, toKeys: keys, toOrder: order)
    // The settled particles are the run of the largest key at the end of the sorted keys.
    var settled = 0
    while settled < count && keys[count - 1 - settled] == Self.settledKey { settled += 1 }
    settledCount = settled
    return UnsafePointer(order)
  }

  /// The box of part `p`'s positions into `boxes` (settled particles left out).
  private func bound(
    _ p: Int, longitudes: UnsafePointer<Double>, latitudes: UnsafePointer<Double>,
    status: UnsafePointer<UInt8>
  ) {
    var west = Double.infinity
    var east = -Double.infinity
    var south = Double.infinity
    var north = -Double.infinity
    for i in range(ofPart: p) where !Self.isSettled(status[i]) {
      west = min(west, longitudes[i])
      east = max(east, longitudes[i])
      south = min(south, latitudes[i])
      north = max(north, latitudes[i])
    }
    boxes[4 * p] = west
    boxes[4 * p + 1] = east
    boxes[4 * p + 2] = south
    boxes[4 * p + 3] = north
  }

  /// The square grid of the keys over the particles' box; nil when the box is not finite (then
  /// every key is 0).
  private struct KeyGrid {
    let west: Double
    let south: Double
    let scaleEast: Double
    let scaleNorth: Double

    init?(west: Double, east: Double, south: Double, north: Double) {
      guard west.isFinite, east.isFinite, south.isFinite, north.isFinite else { return nil }
      // The same cell size east and north (degrees of longitude shrink with cos latitude).
      let cosLatitude = max(0.01, cos((south + north) * 0.5 * .pi / 180))
      let span = max((east - west) * cosLatitude, north - south, 1e-9)
      self.west = west
      self.south = south
      scaleNorth = 65535 / span
      scaleEast = scaleNorth * cosLatitude
    }

    @inline(__always)
    func key(longitude: Double, latitude: Double) -> UInt32 {
      @inline(__always) func cell(_ v: Double) -> UInt32 {
        // Trap-free: NaN and out-of-range values clamp to the grid.
        let c = v >= 0 ? (v <= 65535 ? v : 65535) : 0
        return UInt32(truncatingIfNeeded: Int(truncatingIfNeeded: Int64(c.rounded(.down))))
      }
      let x = cell((longitude - west) * scaleEast)
      let y = cell((latitude - south) * scaleNorth)
      return SpatialOrder.spread(x) | (SpatialOrder.spread(y) << 1)
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

  /// One stable counting-sort pass on 16 bits of the key from `shift` on: each part counts its
  /// digits, the counts become each part's first slot per digit (digit by digit, part by part
  /// within a digit), and each part moves its particles to its slots in order.
  private func sortPass(
    shift: UInt32, fromKeys: UnsafePointer<UInt32>, fromOrder: UnsafePointer<Int>,
    toKeys: UnsafeMutablePointer<UInt32>, toOrder: UnsafeMutablePointer<Int>
  ) {
    let radix = Self.radix
    forEachPart { p in
      let h = self.histograms + p * radix
      h.update(repeating: 0, count: radix)
      for i in self.range(ofPart: p) { h[Int((fromKeys[i] >> shift) & 0xffff)] += 1 }
    }
    var total = 0
    for b in 0..<radix {
      for p in 0..<parts {
        let c = histograms[p * radix + b]
        histograms[p * radix + b] = total
        total += c
      }
    }
    forEachPart { p in
      let h = self.histograms + p * radix
      for i in self.range(ofPart: p) {
        let b = Int((fromKeys[i] >> shift) & 0xffff)
        let at = h[b]
        h[b] = at + 1
        toKeys[at] = fromKeys[i]
        toOrder[at] = fromOrder[i]
      }
    }
  }
}
