import ArgumentParser
import AssayCore
import Foundation

/// The `assay` command: generate, run and gate API test suites from an API description.
@main
struct Assay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay",
        abstract: "Generate, run and gate API test suites from OpenAPI and Swagger descriptions.",
        discussion: """
            Assay reads an API description (OpenAPI 3.0/3.1 or Swagger 2.0, from a file, \
            standard input or a URL) and works from it.

            Example:
              assay inspect examples/petstore.yaml
            """,
        version: AssayVersion.current,
        subcommands: [
            InspectCommand.self, DataCommand.self, GenerateCommand.self, RunCommand.self, MockCommand.self, GateCommand.self, MigrateCommand.self,
            JobsCommand.self, TokensCommand.self, ServeCommand.self,
        ]
    )
}

extension Assay {
    /// Runs the command, with one change to ArgumentParser's exit codes: a bad option or
    /// argument exits 2 ("unusable input", as every command documents) rather than 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.isEmpty ? "error: invalid usage" : message).utf8 + [0x0A]))
                Foundation.exit(ExitStatus.unusable.rawValue)
            }
            exit(withError: error)
        }
    }
}
