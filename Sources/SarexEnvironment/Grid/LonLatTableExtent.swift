/// Where a lookup table lies: its south-west corner and cell size (degrees) and its number of
/// cells. Known from the grid's coordinates alone, before any node is computed, so a caller can
/// learn a field's geographic box (`box`) while its table and planes are still being built.
struct LonLatTableExtent: Sendable, Equatable {
  let west: Double
  let south: Double
  let step: Double
  let cellsX: Int
  let cellsY: Int

  /// The table's box (degrees), its north edge at most the pole.
  var box: LonLatBox {
    LonLatBox(
      westDegrees: west, eastDegrees: west + Double(cellsX) * step, southDegrees: south,
      northDegrees: min(90, south + Double(cellsY) * step))
  }
}
