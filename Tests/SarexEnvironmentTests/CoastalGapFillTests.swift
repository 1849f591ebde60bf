import Testing

@testable import SarexEnvironment

@Suite struct CoastalGapFillTests {
  /// OpenDrift's expansion: a missing cell takes the largest valid value among its 3 x 3
  /// neighbours, cells farther in take values from cells filled before them, and after 10
  /// steps the rest stays missing.
  @Test func fillsByRepeatedNeighbourMaximumForTenSteps() {
    // One row of 14 cells: valid values at the two left cells, the rest missing.
    var row: [Float] = [1, 3] + [Float](repeating: .nan, count: 12)
    let fill = row.withUnsafeBufferPointer { CoastalGapFill(values: $0, nx: 14, ny: 1) }
    row.withUnsafeMutableBufferPointer { fill.apply(to: $0) }
    #expect(Array(row[2...11]) == [Float](repeating: 3, count: 10))
    #expect(row[12].isNaN && row[13].isNaN)
    // A 3 x 3 block with a missing centre takes the largest of its eight neighbours.
    var block: [Float] = [1, 2, 3, 4, .nan, -6, 0.5, 8, -1]
    let f2 = block.withUnsafeBufferPointer { CoastalGapFill(values: $0, nx: 3, ny: 3) }
    block.withUnsafeMutableBufferPointer { f2.apply(to: $0) }
    #expect(block[4] == 8)
    #expect(block.withUnsafeBufferPointer { f2.matches($0) } == false)
  }

  /// Diagonal neighbours count, and a cell filled in step k is not a source in step k.
  @Test func stepsUseOnlyCellsFilledInEarlierSteps() {
    // 3 x 3, only the top-left cell valid (5), and the right column valid with 9 at the bottom.
    var grid: [Float] = [5, .nan, .nan, .nan, .nan, .nan, .nan, .nan, 9]
    let f = grid.withUnsafeBufferPointer { CoastalGapFill(values: $0, nx: 3, ny: 3) }
    grid.withUnsafeMutableBufferPointer { f.apply(to: $0) }
    // Centre sees both 5 and 9 in step 1; (0,2) and (2,0) see only 5 or 9 ... and the centre.
    #expect(grid[4] == 9)
    #expect(grid[1] == 5)  // neighbours of (1,0) in step 1: only the 5 (9 is not adjacent)
    #expect(grid[5] == 9)
    #expect(grid[2] == 9)  // step 2: from (1,0)=5, (1,1)=9, (2,1)=9
  }

  /// The counted test (the caller's NaN count, then only the schedule's cells) agrees with the
  /// full scan on the mask it was built for and on masks with a cell added, removed or moved.
  @Test func countedMatchAgreesWithTheFullScan() {
    var base = [Float](repeating: 1, count: 40)
    for k in [3, 4, 5, 17, 30] { base[k] = .nan }
    let fill = base.withUnsafeBufferPointer { CoastalGapFill(values: $0, nx: 8, ny: 5) }
    var added = base
    added[9] = .nan
    var removed = base
    removed[17] = 2
    var moved = removed
    moved[18] = .nan
    for (values, expected) in [(base, true), (added, false), (removed, false), (moved, false)] {
      let count = values.filter(\.isNaN).count
      values.withUnsafeBufferPointer { v in
        #expect(fill.matches(v) == expected)
        #expect(fill.matches(v, missingCount: count) == expected)
      }
    }
  }
}
