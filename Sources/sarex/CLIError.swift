/// An error the command line reports as one sentence, then exits non-zero.
struct CLIError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
