import ArgumentParser

/// The `sarex` command-line tool: one entry point to drift, plan, exercise and serve.
@main
struct Sarex: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sarex",
    abstract: "Maritime search and rescue: drift prediction, search planning, exercises.",
    subcommands: [
      DemoCommand.self, DriftCommand.self, PlanCommand.self, ClassesCommand.self, BenchCommand.self,
    ])
}
