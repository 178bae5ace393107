import Foundation
import OrderedCollections

/// Loads an API description from a file, standard input or a URL into an ``APIModel``.
///
/// The steps, each bounded by ``LoadOptions/limits``: read the bytes (size cap), parse
/// JSON or YAML (depth, alias and node caps), bring in external `$ref`s, convert Swagger
/// 2.0 to OpenAPI 3.0, check references (cycles are errors), build the model, and, under
/// `--strict` or `--validate`, check the structure with OpenAPIKit. Flaws real specs have are warnings; `--strict` turns any
/// warning into a failure.
///
/// ```swift
/// let loaded = try await SpecLoader().load(.file("petstore.yaml"))
/// print(loaded.model.operations.count, loaded.warnings.count)
/// ```
public struct SpecLoader: Sendable {
    /// What a successful load returns: the model and the warnings made on the way.
    public struct Result: Sendable {
        public var model: APIModel
        public var warnings: [Diagnostic]
    }

    public let options: LoadOptions

    /// Creates a loader.
    public init(options: LoadOptions = LoadOptions()) {
        self.options = options
    }

    /// Loads `source`.
    ///
    /// - Throws: ``LoadError``: unusable input, or any warning under `--strict`.
    public func load(_ source: SpecSource) async throws(LoadError) -> Result {
        let deadline = Deadline(seconds: options.limits.timeoutSeconds)
        let name = source.description
        let bytes: [UInt8]
        let base: URL
        let fetcher = SpecFetcher(policy: effectiveFetchPolicy)
        switch source {
        case .file(let path):
            bytes = try Self.readFile(path, maxBytes: options.limits.maxBytes)
            base = URL(fileURLWithPath: path).absoluteURL
        case .standardInput:
            bytes = try Self.readStandardInput(maxBytes: options.limits.maxBytes)
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/stdin")
        case .url(let url):
            let fetched = try await fetcher.fetch(url)
            bytes = fetched.body
            base = fetched.finalURL
        case .text(let text, _):
            bytes = Array(text.utf8)
            base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/" + name)
        }
        return try await load(bytes: bytes, name: name, base: base, fetcher: fetcher, deadline: deadline)
    }

    /// Reads `source` as a plain JSON or YAML document (a standalone JSON Schema, say),
    /// with the same limits and repairs as a description but no OpenAPI interpretation.
    /// External references are not followed.
    public func loadDocument(_ source: SpecSource) async throws(LoadError) -> (document: JSONValue, warnings: [Diagnostic]) {
        let deadline = Deadline(seconds: options.limits.timeoutSeconds)
        let bytes: [UInt8]
        switch source {
        case .file(let path): bytes = try Self.readFile(path, maxBytes: options.limits.maxBytes)
        case .standardInput: bytes = try Self.readStandardInput(maxBytes: options.limits.maxBytes)
        case .url(let url): bytes = try await SpecFetcher(policy: effectiveFetchPolicy).fetch(url).body
        case .text(let text, _): bytes = Array(text.utf8)
        }
        let (root, warnings) = try DocumentReader.read(bytes, source: source.description, limits: options.limits, deadline: deadline)
        return (root, warnings)
    }

    private var effectiveFetchPolicy: FetchPolicy {
        var policy = options.fetch
        policy.maxBytes = min(policy.maxBytes, options.limits.maxBytes)
        return policy
    }

    private func load(bytes: [UInt8], name: String, base: URL, fetcher: SpecFetcher, deadline: Deadline) async throws(LoadError) -> Result {
        var (root, warnings) = try DocumentReader.read(bytes, source: name, limits: options.limits, deadline: deadline)
        var format = try Self.detectFormat(root, source: name)

        if ExternalReferenceBundler.hasExternalReferences(root) {
            var bundler = ExternalReferenceBundler(fetcher: fetcher, limits: options.limits, deadline: deadline, isSwagger2: format == .swagger2)
            do {
                root = try await bundler.bundle(root, base: base)
            } catch {
                throw error.attributed(to: name)
            }
            warnings += bundler.warnings.map {
                var warning = $0
                if warning.source == nil { warning.source = name }
                return warning
            }
        }

        if format == .swagger2 {
            let converted = try SwaggerConverter.convert(root, source: name)
            root = converted.document
            warnings += converted.warnings
            format = .swagger2
        }
        try deadline.check("converting")

        var builder = APIModelBuilder(document: root, source: name, format: format)
        let model = try builder.build()
        warnings += builder.warnings
        try deadline.check("building the model")

        if options.validateStructure || options.strict {
            warnings += StructureValidator.check(root, format: format, source: name)
        }
        if options.strict, !warnings.isEmpty {
            throw LoadError(
                .strictViolation,
                "\(warnings.count) warning\(warnings.count == 1 ? "" : "s") under --strict",
                source: name,
                diagnostics: warnings
            )
        }
        return Result(model: model, warnings: warnings)
    }

    /// Reads which language the root is written in.
    static func detectFormat(_ root: JSONValue, source: String) throws(LoadError) -> SpecFormat {
        guard case .object(let object) = root else {
            throw LoadError(.notAnAPIDescription, "the document is a \(root.kindName), not an OpenAPI or Swagger object", source: source)
        }
        if let swagger = object["swagger"] {
            let version = APIModelBuilder.text(swagger) ?? ""
            guard version == "2.0" || version == "2" else {
                throw LoadError(
                    .unsupportedVersion,
                    "swagger version \(version) is not supported; Assay reads 2.0",
                    source: source,
                    pointer: JSONPointer(tokens: ["swagger"])
                )
            }
            return .swagger2
        }
        if let openapi = object["openapi"] {
            let version = APIModelBuilder.text(openapi) ?? ""
            if version.hasPrefix("3.0") { return .openAPI30(version) }
            if version.hasPrefix("3.1") { return .openAPI31(version) }
            throw LoadError(
                .unsupportedVersion,
                "openapi version \(version) is not supported; Assay reads 3.0.x and 3.1.x (and Swagger 2.0)",
                source: source,
                pointer: JSONPointer(tokens: ["openapi"])
            )
        }
        throw LoadError(.notAnAPIDescription, "the document has neither an openapi nor a swagger field", source: source)
    }

    /// Reads a file, refusing it before reading when it is over `maxBytes`.
    static func readFile(_ path: String, maxBytes: Int) throws(LoadError) -> [UInt8] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LoadError(.unreadable, "no such file", source: path)
        }
        guard !isDirectory.boolValue else { throw LoadError(.unreadable, "is a directory, not a file", source: path) }
        if let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int, size > maxBytes {
            throw LoadError(.tooLarge, "the file is \(size) bytes, over the limit of \(maxBytes) bytes", source: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(.unreadable, "cannot open the file for reading", source: path)
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grows while read is still refused.
        let data = (try? handle.read(upToCount: maxBytes + 1)) ?? Data()
        guard data.count <= maxBytes else {
            throw LoadError(.tooLarge, "the file is over the limit of \(maxBytes) bytes", source: path)
        }
        return [UInt8](data)
    }

    static func readStandardInput(maxBytes: Int) throws(LoadError) -> [UInt8] {
        var bytes: [UInt8] = []
        let handle = FileHandle.standardInput
        while true {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else { break }
            bytes.append(contentsOf: chunk)
            if bytes.count > maxBytes {
                throw LoadError(.tooLarge, "standard input is over the limit of \(maxBytes) bytes", source: "<stdin>")
            }
        }
        return bytes
    }
}
