/// Global attributes of a trajectory file beyond the CF ones the writer always sets.
///
/// The OpenDrift names (`opendrift_module`, `opendrift_class`, `time_step_calculation`,
/// `time_step_output`) let OpenDrift's `opendrift.open()` rebuild a simulation object of the right
/// class from the file and read its time steps; other tools ignore them.
public struct TrajectoryFileMetadata: Sendable, Equatable {
  /// `title`.
  public var title: String
  /// Model time step, seconds (written as `time_step_calculation`, "H:MM:SS").
  public var calculationStepSeconds: Double?
  /// Output time step, seconds (written as `time_step_output`).
  public var outputStepSeconds: Double?
  /// OpenDrift module and class whose element type matches these particles; nil writes neither
  /// (OpenDrift then falls back to OceanDrift).
  public var openDriftModule: String?
  public var openDriftClass: String?
  /// Further global text attributes (e.g. `object_class`, `seed`), in order.
  public var extraAttributes: [(name: String, value: String)]

  public init(
    title: String = "Sarex Leeway drift simulation", calculationStepSeconds: Double? = nil,
    outputStepSeconds: Double? = nil, openDriftModule: String? = "opendrift.models.leeway",
    openDriftClass: String? = "Leeway", extraAttributes: [(name: String, value: String)] = []
  ) {
    self.title = title
    self.calculationStepSeconds = calculationStepSeconds
    self.outputStepSeconds = outputStepSeconds
    self.openDriftModule = openDriftModule
    self.openDriftClass = openDriftClass
    self.extraAttributes = extraAttributes
  }

  public static func == (lhs: TrajectoryFileMetadata, rhs: TrajectoryFileMetadata) -> Bool {
    lhs.title == rhs.title && lhs.calculationStepSeconds == rhs.calculationStepSeconds
      && lhs.outputStepSeconds == rhs.outputStepSeconds
      && lhs.openDriftModule == rhs.openDriftModule && lhs.openDriftClass == rhs.openDriftClass
      && lhs.extraAttributes.elementsEqual(rhs.extraAttributes) { $0 == $1 }
  }

  /// A duration as Python's `str(timedelta)` writes it ("0:10:00", "1 day, 2:00:00"), which is
  /// what OpenDrift parses; the sign is dropped (backward runs have negative steps).
  static func timedeltaText(seconds: Double) -> String {
    let total = Int(abs(seconds).rounded())
    let days = total / 86_400
    let rest = total % 86_400
    let clock =
      "\(rest / 3600):" + String(format: "%02d:%02d", (rest % 3600) / 60, rest % 60)
    switch days {
    case 0: return clock
    case 1: return "1 day, " + clock
    default: return "\(days) days, " + clock
    }
  }
}
