import Foundation

/// A smoothed density of a weighted particle cloud on a regular grid of the tangent plane: the
/// raw weight per cell and a Gaussian-smoothed copy (binned kernel density estimate) that ranks
/// cells for highest-density regions.
///
/// Bandwidth per axis by Scott's rule in two dimensions, h = sigma * n^(-1/6) (Scott 1992,
/// "Multivariate Density Estimation", eq. 6.42), with sigma = min(standard deviation,
/// interquartile range / 1.349) so that a few far particles or two distant modes do not blur the
/// estimate (Silverman 1986, section 3.4.2), and n the effective number of particles
/// (sum w)^2 / sum w^2. Cells are half a bandwidth wide, at most `maximumCellsPerAxis` per axis.
struct DensityGrid {
  /// Plane coordinates (metres) of the grid's lower-left corner.
  let originEast: Double
  let originNorth: Double
  /// Cell size along east and north, metres.
  let cellEast: Double
  let cellNorth: Double
  let columns: Int
  let rows: Int
  /// Raw weight per cell, row-major (row = north index).
  var weight: [Double]
  /// Smoothed density per cell (same units as weight; only its order matters).
  var density: [Double]

  /// Smallest bandwidth, metres: a cloud of coincident particles still gets cells of this size.
  static let minimumBandwidthMeters = 10.0

  init(
    east: [Double], north: [Double], weights: [Double], maximumCellsPerAxis: Int = 1024
  ) {
    let totalWeight = weights.reduce(0, +)
    let squares = weights.reduce(0) { $0 + $1 * $1 }
    let effectiveCount = squares > 0 ? totalWeight * totalWeight / squares : 1
    let factor = pow(max(effectiveCount, 1), -1.0 / 6)
    var bandwidthEast = Self.robustSpread(east, weights: weights, total: totalWeight) * factor
    var bandwidthNorth = Self.robustSpread(north, weights: weights, total: totalWeight) * factor
    // A cloud spread along one axis only (a line) borrows the other axis' bandwidth.
    if bandwidthEast < Self.minimumBandwidthMeters { bandwidthEast = bandwidthNorth }
    if bandwidthNorth < Self.minimumBandwidthMeters { bandwidthNorth = bandwidthEast }
    bandwidthEast = max(bandwidthEast, Self.minimumBandwidthMeters)
    bandwidthNorth = max(bandwidthNorth, Self.minimumBandwidthMeters)

    let minEast = east.min() ?? 0
    let maxEast = east.max() ?? 0
    let minNorth = north.min() ?? 0
    let maxNorth = north.max() ?? 0
    // Cells of half a bandwidth, enlarged if the cloud would need too many; the smoothing
    // kernel is cut at 3 bandwidths and the grid padded beyond that, so border cells are empty.
    var cellEast = bandwidthEast / 2
    var cellNorth = bandwidthNorth / 2
    let usableCells = Double(maximumCellsPerAxis - 16)
    cellEast = max(cellEast, (maxEast - minEast + 8 * bandwidthEast) / usableCells)
    cellNorth = max(cellNorth, (maxNorth - minNorth + 8 * bandwidthNorth) / usableCells)
    let padEast = (4 * bandwidthEast / cellEast).rounded(.up) + 2
    let padNorth = (4 * bandwidthNorth / cellNorth).rounded(.up) + 2
    originEast = minEast - padEast * cellEast
    originNorth = minNorth - padNorth * cellNorth
    columns = Int(((maxEast - minEast) / cellEast).rounded(.down)) + 1 + 2 * Int(padEast)
    rows = Int(((maxNorth - minNorth) / cellNorth).rounded(.down)) + 1 + 2 * Int(padNorth)
    self.cellEast = cellEast
    self.cellNorth = cellNorth

    weight = Array(repeating: 0, count: columns * rows)
    for index in east.indices {
      let column = Self.cellIndex((east[index] - originEast) / cellEast, count: columns)
      let row = Self.cellIndex((north[index] - originNorth) / cellNorth, count: rows)
      weight[row * columns + column] += weights[index]
    }
    density = Self.smooth(
      weight, columns: columns, rows: rows, sigmaColumns: bandwidthEast / cellEast,
      sigmaRows: bandwidthNorth / cellNorth)
  }

  /// Trap-free floor of a fractional cell coordinate, clamped into 0..<count.
  @inline(__always)
  static func cellIndex(_ coordinate: Double, count: Int) -> Int {
    let clamped = min(max(coordinate.rounded(.down), 0), Double(count - 1))
    return Int(truncatingIfNeeded: Int64(clamped))
  }

  /// min(weighted standard deviation, interquartile range / 1.349), metres.
  static func robustSpread(_ values: [Double], weights: [Double], total: Double) -> Double {
    guard total > 0, !values.isEmpty else { return 0 }
    var mean = 0.0
    for index in values.indices { mean += weights[index] * values[index] }
    mean /= total
    var variance = 0.0
    for index in values.indices {
      let d = values[index] - mean
      variance += weights[index] * d * d
    }
    let deviation = (variance / total).squareRoot()
    let order = values.indices.sorted { values[$0] < values[$1] }
    func quantile(_ p: Double) -> Double {
      var accumulated = 0.0
      for index in order {
        accumulated += weights[index]
        if accumulated >= p * total { return values[index] }
      }
      return values[order.last!]
    }
    let iqr = quantile(0.75) - quantile(0.25)
    return iqr > 0 ? min(deviation, iqr / 1.349) : deviation
  }

  /// Separable Gaussian smoothing (kernel cut at 3 sigma, in cells).
  static func smooth(
    _ values: [Double], columns: Int, rows: Int, sigmaColumns: Double, sigmaRows: Double
  ) -> [Double] {
    func kernel(_ sigma: Double) -> [Double] {
      let radius = Int((3 * sigma).rounded(.up))
      return (-radius...radius).map { exp(-0.5 * Double($0 * $0) / (sigma * sigma)) }
    }
    let kernelColumns = kernel(sigmaColumns)
    let kernelRows = kernel(sigmaRows)
    let radiusColumns = kernelColumns.count / 2
    let radiusRows = kernelRows.count / 2
    var across = Array(repeating: 0.0, count: values.count)
    for row in 0..<rows {
      let base = row * columns
      for column in 0..<columns where values[base + column] != 0 {
        let value = values[base + column]
        let low = max(column - radiusColumns, 0)
        let high = min(column + radiusColumns, columns - 1)
        for target in low...high {
          across[base + target] += value * kernelColumns[target - column + radiusColumns]
        }
      }
    }
    var result = Array(repeating: 0.0, count: values.count)
    for row in 0..<rows {
      let low = max(row - radiusRows, 0)
      let high = min(row + radiusRows, rows - 1)
      for column in 0..<columns where across[row * columns + column] != 0 {
        let value = across[row * columns + column]
        for target in low...high {
          result[target * columns + column] += value * kernelRows[target - row + radiusRows]
        }
      }
    }
    return result
  }
}
