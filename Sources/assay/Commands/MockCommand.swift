import ArgumentParser
import AssayCore
import AssayMock
import Foundation

/// `assay mock`: serve an API description as a conformant mock, or as one of its mutants.
struct MockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mock",
        abstract: "Serve a mock of an API description: schema-valid answers, validated requests, CRUD state.",
        discussion: """
            Every operation answers with a documented 2xx and a body generated from its response \
            schema; the same seed and the same requests give the same bytes. Requests are \
            checked: parameters and bodies against their schemas (400 with \
            {"error": {"code", "message", "details"}} naming each problem, or 422 when only \
            that is documented), the body's media type (415), undocumented methods (405).

            Resources are kept: a POST on a collection creates (201 with Location when \
            documented), the item path reads, replaces (PUT, which may also create), updates \
            (PATCH) and deletes; a deleted id then reads 404. An id never created reads as if it \
            existed, except the ids generated suites use to expect 404 (integers \
            2147483000-2147483600, 999999937, 987654; strings starting with assay-missing; UUIDs \
            starting with 00000000-0000-4000-8000-).

            Security: each operation's requirements are honoured (API keys in headers, queries \
            or cookies; HTTP basic and bearer; OAuth 2 and OpenID Connect as bearer tokens). \
            Without credentials the answer is 401 with WWW-Authenticate; a credential starting \
            with assay-invalid is refused; with --credential only the values given are accepted \
            (for basic, the password or user:password). OAuth 2 client credentials: POST \
            /__assay/oauth/token gives a token (set the suite's ASSAY_AUTH_<SCHEME>_TOKEN_URL to it).

            --mutant serves a mock broken in one documented way, for measuring what a test \
            suite catches; --list-mutants lists them.

            Exit codes: 0 stopped normally (SIGINT or SIGTERM); 2 unusable input (unreadable \
            description, unknown mutant, bad option, port in use).

            Examples:
              assay mock examples/petstore.yaml --port 8080
              assay mock examples/petstore.yaml --port 8080 --seed 7 --credential secret
              assay mock examples/petstore.yaml --port 8081 --mutant delete-does-nothing
              assay mock --list-mutants
            """
    )

    @Argument(help: "The API description: a file path or an http(s) URL.")
    var spec: String?

    @Option(help: "The port to listen on (0 for any free port; the one bound is printed).")
    var port: Int = 8080

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The seed of every generated value.")
    var seed: UInt64 = 1

    @Option(help: "Serve this mutant instead of the conformant mock (see --list-mutants).")
    var mutant: String?

    @Flag(help: "List the mutants and what each breaks, then exit.")
    var listMutants = false

    @Option(help: "A credential value to accept (repeatable); without one, any value not starting with assay-invalid is accepted.")
    var credential: [String] = []

    @OptionGroup var loading: SpecLoadingOptions

    func validate() throws {
        if listMutants { return }
        guard spec != nil else { throw ValidationError("missing the API description (SPEC)") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        if let mutant, MutantCatalog.named(mutant) == nil {
            throw ValidationError("unknown mutant '\(mutant)'; the mutants are \(MutantCatalog.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() async throws {
        if listMutants {
            print(MutantCatalog.listing)
            return
        }
        guard let spec else { throw ExitStatus.unusable }
        let model = try await loading.model(of: spec)
        let chosen = mutant.flatMap(MutantCatalog.named)
        let options = MockOptions(seed: seed, mutant: chosen, credentials: credential)
        let server = MockServer(model: model, options: options, host: host, port: port)
        let host = self.host
        let base = server.basePath
        do {
            try await server.run(handlingSignals: true) { bound in
                var line = "assay mock: \(model.info.title) \(model.info.version), \(model.operations.count) operations, on http://\(host):\(bound)\(base) (seed \(options.seed)"
                if let chosen { line += ", mutant \(chosen.name): \(chosen.summary)" }
                FileHandle.standardError.write(Data((line + ")\n").utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("error: cannot serve on \(host):\(port): \(error)\n".utf8))
            throw ExitStatus.unusable
        }
    }
}
