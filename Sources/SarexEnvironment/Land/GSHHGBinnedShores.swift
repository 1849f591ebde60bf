import Foundation

/// One GMT bin's land/sea shoreline (GSHHG level 1), in the bin's own lattice: 0...65535 along
/// each axis from the bin's south-west corner, one step being 1/65535 of the bin size.
///
/// GMT clips every shoreline polygon to the bins it crosses: a segment enters the bin on one side
/// and leaves on another, or lies wholly inside as a closed ring (first point repeated last).
/// Together with the levels of the bin's corner nodes this decides land and sea anywhere in the bin.
struct GSHHGBin: Sendable {
  /// Land at the bin's south-west corner.
  var southWestLand: Bool
  /// The node levels of the SW, SE, NE and NW corners as stored (0 sea, 1 land, 2 lake, 3 island
  /// in a lake, 4 pond in such an island).
  var cornerLevels: [Int]
  /// Level-1 segments as polylines of lattice points.
  var segments: [[SIMD2<UInt16>]]
}

/// The level-1 shorelines of all GMT bins that cover a region, read from a binned GSHHG file.
///
/// Lakes count as land. OpenDrift's default land mask (`roaring_landmask` 0.11) tests points
/// against the GSHHG full-resolution level-1 polygons only (checked: Mjøsa, Vänern, Lake Geneva,
/// the Caspian Sea and Lake Superior are all "land" there), so segments of levels 2 to 4 (lake,
/// island in lake, pond) are skipped and a node inside a lake (level 2 or more) is land.
/// Antarctica follows GMT's default: the ice front (level 1, flagged) is the coast and the
/// grounding line (level 6) is skipped.
struct GSHHGBinnedShores: Sendable {
  /// Bin size, degrees.
  var binSizeDegrees: Double
  /// West edge of the first bin column, degrees, in the longitude frame of the requested region.
  var westDegrees: Double
  /// South edge of the first bin row, degrees.
  var southDegrees: Double
  var columns: Int
  var rows: Int
  /// `columns * rows` bins, row by row from the south, west to east within a row.
  var bins: [GSHHGBin]

  /// The part of the earth these bins cover.
  var coveredBox: LonLatBox {
    LonLatBox(
      westDegrees: westDegrees, eastDegrees: westDegrees + Double(columns) * binSizeDegrees,
      southDegrees: southDegrees, northDegrees: southDegrees + Double(rows) * binSizeDegrees)
  }

  static func read(path: String, resolution: GSHHGResolution, region: LonLatBox)
    throws(GSHHGError) -> GSHHGBinnedShores
  {
    if let problem = region.problem { throw .invalidRegion(problem) }
    let file = try GSHHGNetCDFFile(path: path, resolution: resolution)
    func malformed(_ detail: String) -> GSHHGError { .malformed(path: path, detail: detail) }

    let binMinutes = try file.scalar("Bin_size_in_minutes")
    let nx = try file.scalar("N_bins_in_360_longitude_range")
    let ny = try file.scalar("N_bins_in_180_degree_latitude_range")
    let binCount = try file.scalar("N_bins_in_file")
    guard binMinutes > 0, nx * binMinutes == 360 * 60, ny * binMinutes == 180 * 60,
      binCount == nx * ny
    else {
      throw malformed(
        "bin size \(binMinutes) minutes, \(nx) x \(ny) bins, \(binCount) in file do not tile the globe"
      )
    }
    let segmentCount = try file.length(of: "Embedded_npts_levels_exit_entry_for_a_segment")
    let pointCount = try file.length(of: "Relative_longitude_from_SW_corner_of_bin")
    guard try file.length(of: "Relative_latitude_from_SW_corner_of_bin") == pointCount else {
      throw malformed("the relative longitude and latitude arrays differ in length")
    }
    let firstSegment = try file.int32s("Id_of_first_segment_in_a_bin", start: 0, count: binCount)
    let segmentsInBin = try file.int16s("N_segments_in_a_bin", start: 0, count: binCount)
    let nodeLevels = try file.int16s("Embedded_node_levels_in_a_bin", start: 0, count: binCount)
    let hasAntarcticFlag = file.has("Embedded_ANT_flag")

    let binSize = Double(binMinutes) / 60
    let c0 = Int((region.westDegrees / binSize).rounded(.down))
    let columns = min(Int((region.eastDegrees / binSize).rounded(.down)) + 1 - c0, nx)
    let r0 = max(0, Int(((region.southDegrees + 90) / binSize).rounded(.down)))
    let rows = min(ny, Int(((region.northDegrees + 90) / binSize).rounded(.down)) + 1) - r0

    var bins: [GSHHGBin] = []
    bins.reserveCapacity(columns * rows)
    for r in r0..<(r0 + rows) {
      for c in c0..<(c0 + columns) {
        let index = (ny - 1 - r) * nx + ((c % nx) + nx) % nx
        let info = Int(UInt16(bitPattern: nodeLevels[index]))
        let corners = [(info >> 9) & 7, (info >> 6) & 7, (info >> 3) & 7, info & 7]
        var bin = GSHHGBin(southWestLand: corners[0] >= 1, cornerLevels: corners, segments: [])
        let first = Int(firstSegment[index])
        let count = Int(segmentsInBin[index])
        guard count > 0 else {
          bins.append(bin)
          continue
        }
        guard first >= 0, first + count <= segmentCount else {
          throw malformed(
            "bin \(index) lists segments \(first)..<\(first + count) of \(segmentCount)")
        }
        let packed = try file.int32s(
          "Embedded_npts_levels_exit_entry_for_a_segment", start: first, count: count)
        let starts = try file.int32s("Id_of_first_point_in_a_segment", start: first, count: count)
        let antarctic =
          hasAntarcticFlag
          ? try file.int8s("Embedded_ANT_flag", start: first, count: count)
          : [Int8](repeating: 0, count: count)
        let lowest = Int(starts.min() ?? 0)
        var highest = lowest
        for s in 0..<count { highest = max(highest, Int(starts[s]) + (Int(packed[s]) >> 9)) }
        guard lowest >= 0, highest <= pointCount else {
          throw malformed("bin \(index) lists points \(lowest)..<\(highest) of \(pointCount)")
        }
        let dx = try file.int16s(
          "Relative_longitude_from_SW_corner_of_bin", start: lowest, count: highest - lowest)
        let dy = try file.int16s(
          "Relative_latitude_from_SW_corner_of_bin", start: lowest, count: highest - lowest)
        for s in 0..<count {
          let word = Int(packed[s])
          let level = (word >> 6) & 7
          let n = word >> 9
          guard level == 1 || (antarctic[s] != 0 && level != 6) else { continue }
          guard n >= 2 else { throw malformed("segment \(first + s) has \(n) points") }
          let base = Int(starts[s]) - lowest
          var polyline: [SIMD2<UInt16>] = []
          polyline.reserveCapacity(n)
          for k in base..<(base + n) {
            polyline.append(
              SIMD2(UInt16(bitPattern: dx[k]), UInt16(bitPattern: dy[k])))
          }
          bin.segments.append(polyline)
        }
        bins.append(bin)
      }
    }
    return GSHHGBinnedShores(
      binSizeDegrees: binSize, westDegrees: Double(c0) * binSize,
      southDegrees: -90 + Double(r0) * binSize, columns: columns, rows: rows, bins: bins)
  }
}
