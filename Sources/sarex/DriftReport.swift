import Foundation
import SarexDrift

/// The few lines a planner reads after a drift: what was run, where the cloud ended, what was
/// written.
enum DriftReport {
  static func text(spec: DriftRunSpec, result: DriftRunner.Result, outputs: DriftOutputPaths)
    -> String
  {
    var lines: [String] = []
    let config = spec.configuration
    lines.append(
      "Drift \(spec.name): \(result.ensemble.count) particles, "
        + "\(UTCDateParser.string(config.start)) for \(hours(config.duration)) h "
        + (config.timeStep < 0 ? "backward " : "")
        + "in \(Int(abs(config.timeStep))) s steps, \(String(format: "%.2f", result.wallSeconds)) s."
    )
    if let last = result.summaries.rows.last {
      lines.append(
        "At \(UTCDateParser.string(last.time)): \(last.activeCount) active, "
          + "\(last.strandedCount) stranded, \(last.missingDataCount) missing data.")
      if let lon = last.meanLongitudeActiveDegrees, let lat = last.meanLatitudeActiveDegrees,
        let a = last.semiMajor1SigmaMeters, let b = last.semiMinor1SigmaMeters,
        let az = last.majorAxisAzimuthDegrees
      {
        lines.append(
          String(
            format: "Centroid %.5f E %.5f N; 1-sigma ellipse %.2f x %.2f NM, major axis %.0f deg.",
            lon, lat, a / 1852, b / 1852, az))
      }
    }
    let written =
      [outputs.trajectories, outputs.summary, outputs.finalPositions, outputs.containment]
      .compactMap { $0 } + outputs.maps
    if !written.isEmpty { lines.append("Wrote " + written.joined(separator: ", ") + ".") }
    return lines.joined(separator: "\n")
  }

  private static func hours(_ seconds: Double) -> String {
    let h = seconds / 3600
    return h == h.rounded() ? String(Int(h)) : String(format: "%.1f", h)
  }
}
