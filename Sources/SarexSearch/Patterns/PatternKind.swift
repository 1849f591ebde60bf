/// The IAMSAR Manual Vol II search patterns, with the codes the manual and search action messages
/// use (PS, CS, SS, VS, TSR, TSN).
public enum PatternKind: String, Sendable, Hashable, Codable, CaseIterable {
  case parallelSweep = "PS"
  case creepingLine = "CS"
  case expandingSquare = "SS"
  case sector = "VS"
  case trackLineReturn = "TSR"
  case trackLineNonReturn = "TSN"

  /// The IAMSAR code, as written in a search action message.
  public var code: String { rawValue }

  /// The pattern's name in words.
  public var name: String {
    switch self {
    case .parallelSweep: "parallel sweep"
    case .creepingLine: "creeping line"
    case .expandingSquare: "expanding square"
    case .sector: "sector"
    case .trackLineReturn: "track line, return"
    case .trackLineNonReturn: "track line, non-return"
    }
  }
}

/// Which way a pattern turns (expanding square, sector) or on which side of a track line it
/// searches first.
public enum TurnDirection: String, Sendable, Hashable, Codable {
  case right
  case left

  /// +1 for clockwise (right), -1 for anticlockwise (left): the sign of a bearing change.
  public var sign: Double { self == .right ? 1 : -1 }
}
