import Foundation
import SarexEnvironment

/// Starts loading the coastline (a GSHHG land mask) on a thread of its own as soon as its region
/// is known, while the forcing still loads: the region depends on the seeds' box and on both
/// forcing fields' boxes (``DriftRunner/landRegion(seeds:durationSeconds:forcing:)``), and each
/// is offered by the job that learns it (the seeding when done, each field as soon as its grid's
/// extent is known, long before its planes are read). The last offer starts the load.
///
/// `@unchecked Sendable`: the offers and the job are only touched under `lock`.
final class CoastlineStart: @unchecked Sendable {
  /// What the region is made of.
  enum Part: Int, CaseIterable {
    case seeds, wind, current
  }

  private let lock = NSLock()
  private var boxes: [Part: LonLatBox?] = [:]
  private var job: BackgroundJob<GSHHGLandMask, any Error>? = nil
  private let resolution: GSHHGResolution
  private let durationSeconds: Double

  init(resolution: GSHHGResolution, durationSeconds: Double) {
    self.resolution = resolution
    self.durationSeconds = durationSeconds
  }

  /// Gives one part of the region (nil: a field that bounds nothing); starts the load when every
  /// part is known. Each part is offered at most once.
  func offer(_ part: Part, box: LonLatBox?) {
    lock.lock()
    defer { lock.unlock() }
    boxes[part] = .some(box)
    guard job == nil, boxes.count == Part.allCases.count, let seeds = boxes[.seeds] ?? nil
    else { return }
    let region = DriftRunner.landRegion(
      seeds: seeds, durationSeconds: durationSeconds,
      forcing: [boxes[.wind] ?? nil, boxes[.current] ?? nil])
    let resolution = self.resolution
    job = BackgroundJob { () throws -> GSHHGLandMask in
      try describe { try GSHHGLandMask(region: region, resolution: resolution) }
    }
  }

  /// Waits for the coastline if its load was started: the mask or the load's error; nil when
  /// some part was never offered (a job failed before it knew its box).
  func join() -> Result<GSHHGLandMask, any Error>? {
    lock.lock()
    let job = self.job
    self.job = nil
    lock.unlock()
    return job.map { job in Result { try job.wait() } }
  }
}
