import ArgumentParser
import SarexDrift

/// `sarex classes`: the Leeway search-object classes and their coefficients.
struct ClassesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classes",
    abstract: "List the Leeway search-object classes (Allen and Plourde 1999; Allen 2005).")

  func run() throws {
    let catalogue = try describe { try LeewayCatalogue.standard() }
    print("number  code                  dwl slope %  dwl offset cm/s  description")
    for c in catalogue.classes {
      let code = c.code.padding(toLength: 20, withPad: " ", startingAt: 0)
      let number = String(c.number).padding(toLength: 6, withPad: " ", startingAt: 0)
      print(
        "\(number)  \(code)  \(String(format: "%10.2f", c.downwind.slopePercent))  "
          + "\(String(format: "%15.2f", c.downwind.offsetCmPerS))  \(c.description)")
    }
  }
}
