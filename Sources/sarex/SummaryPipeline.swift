import Dispatch
import Foundation
import SarexDrift

/// Computes the drift summary rows on a thread of their own, in output order, while the drift
/// steps on. Each row is two serial passes over all particles (about 1 ms per 100,000); on the
/// drift's thread the step workers would wait for it at every output.
///
/// The rows are the ones computed inline: the same function on copies of the same columns, one
/// row after the other. `@unchecked Sendable`: `rows` is touched only on `queue`, and `table()`
/// reads it on the queue after the queued rows.
final class SummaryPipeline: @unchecked Sendable {
  private let queue = DispatchQueue(label: "sarex.drift-summary", qos: .userInitiated)
  private var rows: [EnsembleSummary] = []
  private let startTime: Date

  init(startTime: Date) { self.startTime = startTime }

  /// Queues the row at `time`; the columns are copied before this returns, so the caller may
  /// change them at once.
  func append(
    time: Date, longitudesDegrees: UnsafeBufferPointer<Double>,
    latitudesDegrees: UnsafeBufferPointer<Double>, statusCodes: UnsafeBufferPointer<UInt8>
  ) {
    let longitudes = Array(longitudesDegrees)
    let latitudes = Array(latitudesDegrees)
    let codes = Array(statusCodes)
    let start = startTime
    queue.async { [self] in
      let row = longitudes.withUnsafeBufferPointer { lon in
        latitudes.withUnsafeBufferPointer { lat in
          codes.withUnsafeBufferPointer { status in
            EnsembleSummary(
              time: time, startTime: start, longitudesDegrees: lon, latitudesDegrees: lat,
              statusCodes: status)
          }
        }
      }
      rows.append(row)
    }
  }

  /// The rows queued so far, in order, once all are computed.
  func table() -> EnsembleSummaryTable {
    queue.sync { EnsembleSummaryTable(rows: rows) }
  }
}
