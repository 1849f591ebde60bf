import Foundation
import Testing

@testable import SarexEnvironment

@Suite struct LookupTableFitTests {
  /// The table's cell fits (each node's angle computed once, rows split between two threads)
  /// equal, bit for bit, a direct per-cell evaluation of the definition: the least-squares
  /// matrices applied to the cell's 9 node values, the base the integer nearest the centre
  /// value, the angles unwrapped around the centre node's. Nodes include NaN (unknown) and
  /// azimuths on both sides of +-180 degrees; 70 rows of cells, so the build is split.
  @Test func cellFitsEqualADirectPerCellFit() {
    let cellsX = 9
    let cellsY = 70
    let nodesX = 2 * cellsX + 1
    let nodesY = 2 * cellsY + 1
    var nodes = [Double](repeating: 0, count: 4 * nodesX * nodesY)
    for r in 0..<nodesY {
      for c in 0..<nodesX {
        let k = 4 * (r * nodesX + c)
        let x = Double(c) * 0.01
        let y = Double(r) * 0.01
        nodes[k] = 3.7 + 41 * x + 2.5 * y + 0.8 * x * y + 0.3 * sin(7 * y)
        nodes[k + 1] = -1.2 + 0.4 * x + 55 * y - 0.6 * x * x
        let azimuth = Double.pi - 0.004 + 0.0003 * Double(c) - 0.0001 * Double(r)
        nodes[k + 2] = cos(azimuth)
        nodes[k + 3] = sin(azimuth)
      }
    }
    nodes[4 * (5 * nodesX + 7)] = .nan
    let table = LonLatLookupTable(
      west: 3, south: 59, step: 0.02, cellsX: cellsX, cellsY: cellsY, nodes: nodes)
    let quadratic = LonLatLookupTable.leastSquares(basis: { s, t in [1, s, t, s * s, s * t, t * t] }
    )
    let linear = LonLatLookupTable.leastSquares(basis: { s, t in [1, s, t] })
    func fit(_ m: [[Double]], _ v: [Double]) -> [Double] {
      m.map { row in (0..<9).reduce(0.0) { $0 + row[$1] * v[$1] } }
    }
    var mismatches = 0
    var nanCells = 0
    for jc in 0..<cellsY {
      for ic in 0..<cellsX {
        func values(_ q: Int) -> [Double] {
          (0..<9).map { n in nodes[4 * ((2 * jc + n / 3) * nodesX + 2 * ic + n % 3) + q] }
        }
        var expected: [Float] = []
        var polynomials: [Float] = []
        for q in 0..<2 {
          var c = fit(quadratic, values(q))
          let centre = c[0] + (c[1] + c[2]) / 2 + (c[3] + c[4] + c[5]) / 4
          let base = centre.isFinite ? centre.rounded() : .nan
          c[0] -= base
          expected.append(Float(base))
          polynomials += c.map { Float($0) }
        }
        expected += polynomials
        let cosines = values(2)
        let sines = values(3)
        let centre = atan2(sines[4], cosines[4])
        let unwrapped = (0..<9).map { n -> Double in
          let d = atan2(sines[n], cosines[n]) - centre
          return centre + d - 2 * Double.pi * (d / (2 * Double.pi)).rounded()
        }
        let a = fit(linear, unwrapped)
        expected += [Float(cos(a[0])), Float(sin(a[0])), Float(a[1]), Float(a[2])]
        let base = (jc * cellsX + ic) * LonLatLookupTable.floatsPerCell
        let got = Array(table.cells[base..<(base + LonLatLookupTable.floatsPerCell)])
        if expected[0].isNaN { nanCells += 1 }
        if got.map(\.bitPattern) != expected.map(\.bitPattern) { mismatches += 1 }
      }
    }
    #expect(mismatches == 0)
    #expect(nanCells >= 1)
  }
}
