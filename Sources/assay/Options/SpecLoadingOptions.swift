import ArgumentParser
import AssayCore
import Foundation

/// The options of every command that reads an API description.
struct SpecLoadingOptions: ParsableArguments {
    @Flag(help: "Fail (exit 1) on any warning instead of loading around flaws.")
    var strict = false

    @Flag(
        help: ArgumentHelp(
            "Allow fetching from loopback, private and link-local addresses.",
            discussion: "Refused by default to prevent server-side request forgery. Also enabled by ASSAY_ALLOW_PRIVATE=1."
        )
    )
    var allowPrivate = false

    @Option(help: "Largest document accepted, in bytes.")
    var maxBytes: Int = LoadLimits.default.maxBytes

    @Option(help: "Deepest nesting accepted.")
    var maxDepth: Int = LoadLimits.default.maxDepth

    @Option(help: "Most YAML alias uses accepted.")
    var maxAliases: Int = LoadLimits.default.maxAliases

    @Option(help: "Time bound for loading, in seconds.")
    var timeout: Double = LoadLimits.default.timeoutSeconds

    @Flag(
        name: .customLong("validate"),
        help: "Check the structure with OpenAPIKit's validator and report its findings as warnings (always on with --strict)."
    )
    var validateStructure = false

    func validate() throws {
        guard maxBytes > 0, maxDepth > 0, maxAliases >= 0, timeout > 0 else {
            throw ValidationError("--max-bytes, --max-depth and --timeout must be positive")
        }
    }

    /// The loader options these flags describe.
    var loadOptions: LoadOptions {
        let environment = ProcessInfo.processInfo.environment["ASSAY_ALLOW_PRIVATE"]?.lowercased()
        let allowPrivateFromEnvironment = environment == "1" || environment == "true" || environment == "yes"
        var limits = LoadLimits.default
        limits.maxBytes = maxBytes
        limits.maxDepth = maxDepth
        limits.maxAliases = maxAliases
        limits.timeoutSeconds = timeout
        return LoadOptions(
            strict: strict,
            limits: limits,
            fetch: FetchPolicy(allowPrivateAddresses: allowPrivate || allowPrivateFromEnvironment, maxBytes: maxBytes),
            validateStructure: validateStructure
        )
    }

    /// The model of the description `argument` names; a load failure is printed and
    /// exits 2, as every command that needs a model documents.
    func model(of argument: String) async throws -> APIModel {
        try await Self.model(of: argument, options: loadOptions)
    }

    /// The model of the description `argument` names, loaded with `options`; a load failure
    /// is printed and exits 2.
    static func model(of argument: String, options: LoadOptions) async throws -> APIModel {
        do {
            return try await SpecLoader(options: options).load(SpecSource(argument: argument)).model
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
    }
}
