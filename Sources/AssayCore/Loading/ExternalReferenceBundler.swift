import Foundation
import OrderedCollections

/// Brings the documents that external `$ref`s point at (sibling files, URLs) into the root
/// document, so everything downstream resolves references inside one tree.
///
/// Schemas are hoisted into the root's schema components (`definitions` for Swagger 2.0,
/// `components/schemas` for OpenAPI 3.x) under the name of their last pointer token, and the
/// reference rewritten to point there: recursion through external files stays a reference,
/// not an endless copy. Anything else (parameters, responses, path items, …) is inlined at
/// the reference; an inlining chain that comes back to itself is a ``LoadError/Code/referenceCycle``.
/// Remote documents are fetched through ``SpecFetcher``, so the SSRF guard applies to them too.
struct ExternalReferenceBundler {
    let fetcher: SpecFetcher
    let limits: LoadLimits
    let deadline: Deadline
    let schemaContainer: JSONPointer
    private(set) var warnings: [Diagnostic] = []
    private var documents: [URL: JSONValue] = [:]
    private var hoisted: [String: String] = [:]
    private var hoistedSchemas = JSONObject()
    private var inlining: [String] = []
    private var failedDocuments: Set<URL> = []

    init(fetcher: SpecFetcher, limits: LoadLimits, deadline: Deadline, isSwagger2: Bool) {
        self.fetcher = fetcher
        self.limits = limits
        self.deadline = deadline
        self.schemaContainer = isSwagger2 ? JSONPointer(tokens: ["definitions"]) : JSONPointer(tokens: ["components", "schemas"])
    }

    /// Whether `value` holds any `$ref` that does not start with `#`.
    static func hasExternalReferences(_ value: JSONValue) -> Bool {
        var references: [(String, JSONPointer)] = []
        APIModelBuilder.collectReferences(in: value, at: .root, into: &references)
        return references.contains { !$0.0.hasPrefix("#") }
    }

    /// Returns the root with every external reference brought in.
    mutating func bundle(_ root: JSONValue, base: URL) async throws(LoadError) -> JSONValue {
        var result = try await rewrite(root, at: .root, base: base, documentRoot: nil)
        guard !hoistedSchemas.isEmpty, case .object(var object) = result else { return result }
        var container = object
        // Insert the hoisted schemas at schemaContainer, creating the objects on the way.
        let tokens = schemaContainer.tokens
        if tokens.count == 1 {
            var schemas = container[tokens[0]]?.objectValue ?? [:]
            for (name, schema) in hoistedSchemas where schemas[name] == nil { schemas[name] = schema }
            container[tokens[0]] = .object(schemas)
        } else {
            var components = container[tokens[0]]?.objectValue ?? [:]
            var schemas = components[tokens[1]]?.objectValue ?? [:]
            for (name, schema) in hoistedSchemas where schemas[name] == nil { schemas[name] = schema }
            components[tokens[1]] = .object(schemas)
            container[tokens[0]] = .object(components)
        }
        object = container
        result = .object(object)
        return result
    }

    /// Rewrites references inside `value`, which lives in the document at `base`
    /// (`documentRoot` is `nil` for the root document itself).
    private mutating func rewrite(
        _ value: JSONValue,
        at pointer: JSONPointer,
        base: URL,
        documentRoot: JSONValue?
    ) async throws(LoadError) -> JSONValue {
        try deadline.check("bundling external references")
        switch value {
        case .object(let object):
            let isNameMap = ReferenceScope.isNameMap(pointer)
            if !isNameMap, case .string(let reference) = object["$ref"] {
                if let replacement = try await resolve(reference, at: pointer, base: base, documentRoot: documentRoot) {
                    return replacement
                }
                return value
            }
            var copy = JSONObject(minimumCapacity: object.count)
            for (key, member) in object {
                if !isNameMap, ReferenceScope.isData(key: key, value: member, in: pointer) {
                    copy[key] = member
                } else {
                    copy[key] = try await rewrite(member, at: pointer.appending(key), base: base, documentRoot: documentRoot)
                }
            }
            return .object(copy)
        case .array(let array):
            var copy: [JSONValue] = []
            copy.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                copy.append(try await rewrite(element, at: pointer.appending(index), base: base, documentRoot: documentRoot))
            }
            return .array(copy)
        default:
            return value
        }
    }

    /// The replacement for a `$ref` object, or `nil` to keep it as it is.
    private mutating func resolve(
        _ reference: String,
        at pointer: JSONPointer,
        base: URL,
        documentRoot: JSONValue?
    ) async throws(LoadError) -> JSONValue? {
        let isLocal = reference.hasPrefix("#")
        if isLocal && documentRoot == nil { return nil }  // a local reference of the root document
        let (documentPart, fragment) = Self.split(reference)
        let target: URL
        if isLocal {
            target = base
        } else {
            guard let url = URL(string: documentPart, relativeTo: base)?.absoluteURL else {
                warnings.append(Diagnostic(.warning, code: "unresolvable-reference", "$ref \(reference) is not a valid URI", pointer: pointer))
                return nil
            }
            target = url
        }
        let key = target.absoluteString + "#" + fragment
        let document: JSONValue
        do {
            document = try await loadDocument(target, referencedFrom: pointer)
        } catch {
            // A missing sibling file or an unreachable URL leaves the reference unresolved, as
            // any other unresolvable reference: a warning, and a failure under --strict.
            // Limits and cycles stay errors: they are what hostile input looks like.
            guard [.unreadable, .fetchFailed, .blockedAddress, .syntax, .notAnAPIDescription].contains(error.code) else { throw error }
            if failedDocuments.insert(Self.withoutFragment(target)).inserted {
                warnings.append(
                    Diagnostic(
                        .warning,
                        code: "unresolvable-reference",
                        "$ref \(reference) cannot be resolved: \(error.message) [\(error.code)]",
                        source: error.source,
                        pointer: pointer
                    )
                )
            }
            return nil
        }
        guard let jsonPointer = JSONPointer(fragment), let resolved = document.value(at: jsonPointer) else {
            warnings.append(
                Diagnostic(
                    .warning,
                    code: "unresolvable-reference",
                    "$ref \(reference) points at nothing in \(target.absoluteString)",
                    pointer: pointer
                )
            )
            return nil
        }

        if Self.isSchemaContext(pointer) {
            if let local = hoisted[key] { return ["$ref": .string(local)] }
            let name = uniqueName(for: jsonPointer.lastToken ?? target.deletingPathExtension().lastPathComponent)
            let local = schemaContainer.appending(name).fragment
            hoisted[key] = local
            hoistedSchemas[name] = .object([:])  // reserve the name while the schema is rewritten
            hoistedSchemas[name] = try await rewrite(resolved, at: schemaContainer.appending(name), base: target, documentRoot: document)
            return ["$ref": .string(local)]
        }

        if inlining.contains(key) {
            throw LoadError(
                .referenceCycle,
                "reference cycle through external documents: \((inlining + [key]).joined(separator: " → "))",
                pointer: pointer
            )
        }
        inlining.append(key)
        defer { inlining.removeLast() }
        return try await rewrite(resolved, at: pointer, base: target, documentRoot: document)
    }

    private func uniqueName(for candidate: String) -> String {
        let base = candidate.isEmpty ? "External" : candidate
        var name = base
        var counter = 2
        while hoistedSchemas[name] != nil {
            name = "\(base)_\(counter)"
            counter += 1
        }
        return name
    }

    private mutating func loadDocument(_ url: URL, referencedFrom pointer: JSONPointer) async throws(LoadError) -> JSONValue {
        let documentURL = Self.withoutFragment(url)
        if let cached = documents[documentURL] { return cached }
        if failedDocuments.contains(documentURL) {
            throw LoadError(.unreadable, "could not be loaded before", source: documentURL.absoluteString)
        }
        guard documents.count < limits.maxExternalDocuments else {
            throw LoadError(.tooLarge, "more than \(limits.maxExternalDocuments) external documents are referenced", pointer: pointer)
        }
        let bytes: [UInt8]
        if documentURL.isFileURL {
            bytes = try SpecLoader.readFile(documentURL.path, maxBytes: limits.maxBytes)
        } else {
            bytes = try await fetcher.fetch(documentURL).body
        }
        let (value, documentWarnings) = try DocumentReader.read(bytes, source: documentURL.absoluteString, limits: limits, deadline: deadline)
        warnings += documentWarnings
        documents[documentURL] = value
        return value
    }

    /// `other.yaml#/a/b` → (`other.yaml`, `/a/b`).
    static func split(_ reference: String) -> (String, String) {
        guard let hash = reference.firstIndex(of: "#") else { return (reference, "") }
        return (String(reference[..<hash]), String(reference[reference.index(after: hash)...]))
    }

    static func withoutFragment(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        components.fragment = nil
        return components.url ?? url
    }

    /// Whether a reference at `pointer` stands where a schema is expected.
    static func isSchemaContext(_ pointer: JSONPointer) -> Bool {
        let schemaKeys: Set<String> = [
            "schema", "schemas", "definitions", "properties", "items", "allOf", "anyOf", "oneOf", "not",
            "additionalProperties", "patternProperties", "prefixItems", "contains", "if", "then", "else",
            "dependentSchemas", "propertyNames", "unevaluatedProperties", "unevaluatedItems", "\u{24}defs",
        ]
        return pointer.tokens.contains { schemaKeys.contains($0) }
    }
}
