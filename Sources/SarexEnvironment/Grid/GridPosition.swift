/// Where a geographic position falls on a forcing grid: fractional grid indices (0 at the
/// first node) and the rotation from grid axes to east/north, as cos and sin of the azimuth
/// (clockwise from north) of the grid's y axis. `inside` is false outside the locator's area.
struct GridPosition {
  var i: Double
  var j: Double
  var cosAzimuth: Double
  var sinAzimuth: Double
  var inside: Bool
}

/// Maps longitude/latitude (degrees) to a `GridPosition`. Implementations are small value types
/// whose `locate` is inlined into the sampling loop; one loop is compiled per implementation.
protocol GridLocator {
  func locate(longitude: Double, latitude: Double) -> GridPosition
}

/// The trap-free floor of a value already clamped to [0, 2^31): adds 1.5 * 2^52 so the integer
/// sits in the low mantissa bits, and reads them. Unlike `Int(x)` it has no trap path, so loops
/// using it vectorise (see PLATFORM.md).
@inline(__always)
func clampedFloorIndex(_ x: Double) -> Int {
  Int(truncatingIfNeeded: (x.rounded(.down) + 6_755_399_441_055_744.0).bitPattern & 0xFFFF_FFFF)
}

/// `x` clamped to [0, upper]; NaN becomes 0. Written with selects so it stays branch-free.
@inline(__always)
func clamp0(_ x: Double, _ upper: Double) -> Double {
  let a = x >= 0 ? x : 0
  return a <= upper ? a : upper
}
