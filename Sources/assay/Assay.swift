import ArgumentParser
import AssayCore

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
        subcommands: [InspectCommand.self, DataCommand.self, GenerateCommand.self]
    )
}
