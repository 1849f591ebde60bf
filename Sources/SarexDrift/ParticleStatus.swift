/// What has become of one particle. Stored as one byte per particle in the ensemble.
///
/// The raw values are written to trajectory files (with CF `flag_values`/`flag_meanings`) and so
/// are part of the file format: never renumber them.
public enum ParticleStatus: UInt8, Sendable, CaseIterable, CustomStringConvertible {
  /// Still drifting.
  case active = 0
  /// Reached land (GSHHG coastline) and stopped there.
  case stranded = 1
  /// Left the forcing's grid or time span: its position is no longer predicted.
  case missingData = 2
  /// Not yet released (seeding over a time window).
  case notSeeded = 3

  public var description: String {
    switch self {
    case .active: "active"
    case .stranded: "stranded"
    case .missingData: "missing_data"
    case .notSeeded: "not_seeded"
    }
  }
}
