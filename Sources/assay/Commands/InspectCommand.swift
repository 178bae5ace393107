import ArgumentParser
import AssayCore
import Foundation
import OrderedCollections
import Rainbow

/// `assay inspect`: load an API description and say what is in it.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Load an API description and summarize it: operations, schemas, security, warnings.",
        discussion: """
            SPEC is a file path, - for standard input, or an http(s) URL.

            Exit codes: 0 loaded; 1 loaded with warnings under --strict; 2 unusable input.

            Examples:
              assay inspect examples/petstore.yaml
              assay inspect https://example.com/openapi.json --format json
              cat api.yaml | assay inspect - --strict
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The API description: a path, - for stdin, or an http(s) URL.")
    var spec: String

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var loading: SpecLoadingOptions

    func run() async throws {
        let loader = SpecLoader(options: loading.loadOptions)
        do {
            let result = try await loader.load(SpecSource(argument: spec))
            let summary = result.model.summary(warnings: result.warnings)
            switch format {
            case .json: print(JSONWriter(pretty: true).string(summary))
            case .text: printText(result)
            }
        } catch let error as LoadError {
            if error.code == .strictViolation {
                reportStrict(error)
                throw ExitStatus.findings
            }
            if format == .json {
                print(JSONWriter(pretty: true).string(Self.errorJSON(error)))
            } else {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            }
            throw ExitStatus.unusable
        }
    }

    private func reportStrict(_ error: LoadError) {
        if format == .json {
            print(JSONWriter(pretty: true).string(Self.errorJSON(error)))
            return
        }
        var text = "error: \(error.source ?? spec): \(error.message)\n"
        for diagnostic in error.diagnostics {
            text += "  warning: \(diagnostic)\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func errorJSON(_ error: LoadError) -> JSONValue {
        var object: JSONObject = ["code": .string(error.code.rawValue), "message": .string(error.message)]
        if let source = error.source { object["source"] = .string(source) }
        if let pointer = error.pointer { object["pointer"] = .string(pointer.description) }
        if let line = error.line { object["line"] = .integer(line) }
        if let column = error.column { object["column"] = .integer(column) }
        if !error.diagnostics.isEmpty {
            object["details"] = .array(error.diagnostics.map { .string($0.description) })
        }
        return ["error": .object(object)]
    }

    private func printText(_ result: SpecLoader.Result) {
        let model = result.model
        var lines: [String] = []
        lines.append("\(model.info.title.bold) \(model.info.version)")
        lines.append("  \(model.sourceFormat)\(model.sourceFormat == .swagger2 ? " (converted to OpenAPI 3.0)" : "") from \(model.source)")
        lines.append("")
        lines.append("Servers".bold)
        for server in model.servers {
            lines.append("  \(server.url)\(server.description.map { "  \($0)".dim } ?? "")")
        }
        lines.append("")
        lines.append("\("Operations".bold) \(model.operations.count)")
        let byMethod = HTTPMethod.allCases.compactMap { method -> String? in
            let count = model.operations.filter { $0.method == method }.count
            return count == 0 ? nil : "\(method.name) \(count)"
        }
        lines.append("  by method: \(byMethod.isEmpty ? "none" : byMethod.joined(separator: ", "))")
        var byTag: [(String, Int)] = []
        for operation in model.operations {
            for tag in operation.tags.isEmpty ? ["(untagged)"] : operation.tags {
                if let index = byTag.firstIndex(where: { $0.0 == tag }) { byTag[index].1 += 1 } else { byTag.append((tag, 1)) }
            }
        }
        if !byTag.isEmpty {
            lines.append("  by tag:")
            let shown = byTag.prefix(40)
            let width = shown.map(\.0.count).max() ?? 0
            for (tag, count) in shown {
                lines.append("    \(tag.padding(toLength: width, withPad: " ", startingAt: 0))  \(count)")
            }
            if byTag.count > shown.count { lines.append("    … and \(byTag.count - shown.count) more tags") }
        }
        lines.append("")
        lines.append("\("Schemas".bold) \(model.schemas.count)")
        lines.append("")
        lines.append("\("Security schemes".bold) \(model.securitySchemes.count)")
        for scheme in model.securitySchemes.values {
            let detail: String
            switch scheme.kind {
            case .apiKey(let name, let location): detail = "API key \(name) in \(location.rawValue)"
            case .http(let httpScheme, let bearerFormat): detail = "HTTP \(httpScheme)\(bearerFormat.map { " (\($0))" } ?? "")"
            case .oauth2(let flows): detail = "OAuth 2.0 flows: \(flows.keys.joined(separator: ", "))"
            case .openIDConnect(let url): detail = "OpenID Connect \(url)"
            case .mutualTLS: detail = "mutual TLS"
            }
            lines.append("  \(scheme.name): \(detail)")
        }
        lines.append("")
        lines.append("\("Warnings".bold) \(result.warnings.count)")
        for warning in result.warnings.prefix(50) {
            lines.append("  \("warning".yellow): \(warning)")
        }
        if result.warnings.count > 50 {
            lines.append("  … and \(result.warnings.count - 50) more (use --format json for all)")
        }
        print(lines.joined(separator: "\n"))
    }
}
