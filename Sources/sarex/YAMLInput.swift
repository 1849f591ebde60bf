import Foundation
import Yams

/// Reads the YAML files users write (drift scenarios, planning cases) into `Decodable` values,
/// turning every decoding error into one sentence that names the file and the field.
enum YAMLInput {
  /// Reads and decodes `url`; `kind` names the file in errors ("scenario file", "case file").
  static func load<T: Decodable>(_ type: T.Type, from url: URL, kind: String) throws -> T {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw CLIError("Cannot read \(kind) \(url.path): \(error.localizedDescription).")
    }
    let label = kind.prefix(1).uppercased() + kind.dropFirst()
    return try decode(type, from: text, source: "\(label) \(url.path)")
  }

  /// Decodes YAML `text`; `source` starts every error sentence.
  static func decode<T: Decodable>(_ type: T.Type, from text: String, source: String) throws -> T {
    do {
      return try YAMLDecoder().decode(type, from: text)
    } catch let DecodingError.keyNotFound(key, context) {
      throw CLIError("\(source): missing field '\(path(context.codingPath + [key]))'.")
    } catch let DecodingError.typeMismatch(type, context) {
      throw CLIError("\(source): field '\(path(context.codingPath))' should be a \(type).")
    } catch let DecodingError.valueNotFound(type, context) {
      throw CLIError("\(source): field '\(path(context.codingPath))' needs a \(type) value.")
    } catch let DecodingError.dataCorrupted(context) {
      throw CLIError("\(source): \(context.debugDescription) at '\(path(context.codingPath))'.")
    } catch {
      throw CLIError("\(source) is not valid YAML: \(error).")
    }
  }

  /// `seeding[0].point.lon` from a coding path.
  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
      .replacingOccurrences(of: ".[", with: "[")
  }
}
