import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An output folder that receives a run's files all at once or not at all.
///
/// Every file is written into a hidden staging folder on the same file system, so moving out of
/// it is a rename: inside the real folder when that exists (`.sarex-partial-UUID`, so no write
/// access to its parent is needed), else beside it (`.NAME.sarex-partial-UUID`). When the whole
/// run has succeeded, ``commit()`` renames the files into the real folder (or renames the staging
/// folder itself into place when the real one did not exist); on any error ``discard()`` removes
/// the staging folder and any parent folders made for it, so a failed run leaves the disk as it
/// found it. (A run killed by a signal can leave the hidden folder behind.)
struct StagedOutputFolder {
  /// The folder the user asked for.
  let destination: URL
  /// Where the run writes meanwhile.
  let staging: URL
  /// The outermost parent folder created to hold the staging folder, removed on discard.
  private let createdParent: URL?
  /// Whether the staging folder is inside an existing destination (else beside a new one).
  private let stagesInside: Bool

  init(destination path: String) throws {
    let fm = FileManager.default
    destination = URL(fileURLWithPath: path).standardizedFileURL
    var isFolder: ObjCBool = false
    if fm.fileExists(atPath: destination.path, isDirectory: &isFolder), !isFolder.boolValue {
      throw CLIError("The output folder \(path) is a file; give a folder for --out.")
    }
    let tag = "sarex-partial-\(UUID().uuidString)"
    var outermost: URL?
    if isFolder.boolValue {
      staging = destination.appendingPathComponent(".\(tag)")
    } else {
      let parent = destination.deletingLastPathComponent()
      var probe = parent
      while !fm.fileExists(atPath: probe.path), probe.path != "/" {
        outermost = probe
        probe = probe.deletingLastPathComponent()
      }
      staging = parent.appendingPathComponent(".\(destination.lastPathComponent).\(tag)")
    }
    createdParent = outermost
    stagesInside = isFolder.boolValue
    do {
      try fm.createDirectory(at: staging, withIntermediateDirectories: true)
    } catch {
      if let outermost { try? fm.removeItem(at: outermost) }
      throw CLIError("Cannot create the output folder \(path): \(error.localizedDescription).")
    }
  }

  /// The staging path of `name` (the path the run writes to).
  func path(_ name: String) -> String { staging.appendingPathComponent(name).path }

  /// The final path of a file written at `stagedPath`.
  func finalPath(of stagedPath: String) -> String {
    let prefix = staging.path + "/"
    guard stagedPath.hasPrefix(prefix) else { return stagedPath }
    return destination.appendingPathComponent(String(stagedPath.dropFirst(prefix.count))).path
  }

  /// Moves every staged file into the destination, replacing files of the same name there.
  func commit() throws {
    let fm = FileManager.default
    if !stagesInside {
      guard rename(staging.path, destination.path) == 0 else {
        let reason = String(cString: strerror(errno))
        discard()
        throw CLIError("Cannot move the outputs into \(destination.path): \(reason).")
      }
      return
    }
    do {
      for name in try fm.contentsOfDirectory(atPath: staging.path).sorted() {
        let from = staging.appendingPathComponent(name).path
        let to = destination.appendingPathComponent(name).path
        // rename(2) replaces an existing file of the same name atomically.
        guard rename(from, to) == 0 else {
          throw CLIError(
            "Cannot move \(name) into \(destination.path): \(String(cString: strerror(errno))).")
        }
      }
      try fm.removeItem(at: staging)
    } catch let error as CLIError {
      discard()
      throw error
    } catch {
      discard()
      throw CLIError("Cannot move the outputs into \(destination.path): \(error).")
    }
  }

  /// Removes everything the run wrote, and the parent folders made for it.
  func discard() {
    try? FileManager.default.removeItem(at: createdParent ?? staging)
  }

  /// Runs `body` with this staging folder and commits on success, discards on any error.
  func run<T>(_ body: (StagedOutputFolder) throws -> T) throws -> T {
    let value: T
    do {
      value = try body(self)
    } catch {
      discard()
      throw error
    }
    try commit()
    return value
  }
}
