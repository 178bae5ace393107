import OrderedCollections

/// Converts a Swagger 2.0 document tree to an OpenAPI 3.0.3 document tree.
///
/// The conversion works on the generic ``JSONValue`` tree, so everything downstream
/// (reference resolution, the model builder) only ever sees OpenAPI 3.0. It is lenient:
/// real Swagger files have flaws, and each one it loads around is reported as a warning
/// whose pointer names the place in the *source* document. Member order follows a fixed
/// canonical order for OpenAPI objects and the source order inside schemas, so the same
/// input always gives the same output.
///
/// The rules, in short:
/// - `host`, `basePath` and `schemes` become `servers`: one server per scheme. Without
///   `schemes` the scheme is `https`, or `http` for a local host (`localhost`,
///   `127.x.x.x`, `0.0.0.0`, `[::1]`, `*.local`, `*.localhost`). Without `host` the
///   server URL is the base path alone (relative); with neither, `servers` is omitted
///   (OpenAPI then means `/`). A trailing `/` of the base path is dropped.
/// - `definitions`, `parameters`, `responses` and `securityDefinitions` become
///   `components`; body parameters become `components/requestBodies`, and formData
///   parameters (which OpenAPI 3.0 cannot hold as components) are inlined where used.
///   Component names that OpenAPI 3.0 does not allow (it requires
///   `^[a-zA-Z0-9._-]+$`) are rewritten, every other character becoming `_`.
/// - `$ref`s to `#/definitions/X`, `#/parameters/X` and `#/responses/X` point to the
///   matching component; external references are kept as they are. Other local
///   references (into a definition, into `paths`) cannot keep their pointer, because the
///   target moves during the conversion: a schema target is converted once into the root
///   extension `x-assay-inner-schemas` and referenced there, a parameter or response
///   target is copied in place (see `SwaggerConverter+References.swift`).
/// - Operations get `requestBody` from their body or formData parameters (media types
///   from `consumes`) and response `content` from `schema` and `examples` (media types
///   from `produces`); the default media type is `application/json`.
struct SwaggerConverter {
    /// The operation keys of a path item, in the order OpenAPI lists them.
    static let methods = ["get", "put", "post", "delete", "options", "head", "patch"]
    /// Deepest schema nesting walked; deeper schemas are replaced by `{}`.
    static let maxSchemaDepth = 512
    /// Most local references to parameters and responses replaced by a copy in one document.
    static let maxInlinedReferences = 10_000
    /// The media type used when neither the operation nor the document names one.
    static let defaultMediaType = "application/json"
    /// Filled in when `info.title` is missing.
    static let placeholderTitle = "Untitled API"
    /// Filled in when `info.version` is missing.
    static let placeholderVersion = "unversioned"

    /// How a global parameter is used once converted.
    enum ParameterKind {
        /// `in: body`: a component request body.
        case body
        /// `in: formData`: inlined into each operation's request body.
        case formData
        /// Query, path, header: a component parameter.
        case other
    }

    /// The file path or URL, for diagnostics.
    let source: String?
    /// The source document.
    let root: JSONObject
    /// The lenient repairs made so far.
    var warnings: [Diagnostic] = []

    /// The document-level `consumes`, or the default media type.
    var consumes: [String] = [defaultMediaType]
    /// The document-level `produces`, or the default media type.
    var produces: [String] = [defaultMediaType]
    /// The document-level schemes, lowercased, or empty when `schemes` is absent.
    var schemes: [String] = []
    /// The host (without a scheme), or `nil`.
    var host: String?
    /// The base path, starting with `/` and without a trailing `/`; empty when absent.
    var basePath = ""
    /// Whether the source had a `basePath`.
    var hasBasePath = false

    /// Definition name → component schema name.
    var schemaNames: [String: String] = [:]
    /// Global parameter name → component parameter or request body name.
    var parameterNames: [String: String] = [:]
    /// Global response name → component response name.
    var responseNames: [String: String] = [:]
    /// Security definition name → component security scheme name.
    var securitySchemeNames: [String: String] = [:]
    /// How each usable global parameter converts.
    var parameterKinds: [String: ParameterKind] = [:]
    /// The converted security schemes, by component name.
    var securitySchemes = JSONObject()

    /// Source pointers of the local references being replaced by a copy, innermost last.
    var inlining: [JSONPointer] = []
    /// How many references were replaced by a copy so far.
    var inlinedReferences = 0
    /// Converted schemas that local references point into, by escaped source pointer.
    var innerSchemas = JSONObject()
    /// Inner schemas reserved but not converted yet: key, source pointer, source value.
    var pendingInnerSchemas: [(String, JSONPointer, JSONValue)] = []

    /// Converts a Swagger 2.0 document tree to an OpenAPI 3.0.3 document tree.
    ///
    /// - Parameters:
    ///   - document: the parsed Swagger 2.0 root.
    ///   - source: file path or URL for diagnostics.
    /// - Returns: the OpenAPI 3.0.3 root and the warnings (lenient repairs) made on the way.
    /// - Throws: `LoadError(.invalidDescription, ...)` only when the root is not an object.
    static func convert(_ document: JSONValue, source: String?) throws(LoadError) -> (document: JSONValue, warnings: [Diagnostic]) {
        guard case .object(let root) = document else {
            throw LoadError(
                .invalidDescription,
                "a Swagger 2.0 description must be an object at the top level, but this one is \(kind(of: document))",
                source: source,
                pointer: .root
            )
        }
        var converter = SwaggerConverter(root: root, source: source)
        converter.prepare()
        let output = converter.convertRoot()
        return (.object(output), converter.uniqueWarnings)
    }

    private init(root: JSONObject, source: String?) {
        self.root = root
        self.source = source
    }

    /// The warnings, each reported once (a reference copied several times repeats its target's).
    private var uniqueWarnings: [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return warnings.filter { seen.insert($0).inserted }
    }

    // MARK: Preparation

    /// Reads what every later step depends on: names, defaults, parameter kinds, security schemes.
    private mutating func prepare() {
        schemaNames = Self.componentNames(for: root["definitions"]?.objectValue.map { Array($0.keys) } ?? [])
        parameterNames = Self.componentNames(for: root["parameters"]?.objectValue.map { Array($0.keys) } ?? [])
        responseNames = Self.componentNames(for: root["responses"]?.objectValue.map { Array($0.keys) } ?? [])
        securitySchemeNames = Self.componentNames(for: root["securityDefinitions"]?.objectValue.map { Array($0.keys) } ?? [])

        if let list = mediaTypes(root["consumes"], at: JSONPointer.root.appending("consumes")), !list.isEmpty {
            consumes = list
        }
        if let list = mediaTypes(root["produces"], at: JSONPointer.root.appending("produces")), !list.isEmpty {
            produces = list
        }
        prepareServers()
        prepareParameterKinds()
        prepareSecuritySchemes()
    }

    /// Classifies the global parameters, silently: their flaws are reported when they are converted.
    private mutating func prepareParameterKinds() {
        guard case .object(let parameters)? = root["parameters"] else { return }
        for name in parameters.keys {
            if let kind = parameterKind(at: JSONPointer(tokens: ["parameters", name])) {
                parameterKinds[name] = kind
            }
        }
    }

    /// How the parameter at `pointer` converts, following local references; `nil` when it
    /// is unusable (no location, no name, a broken reference).
    private func parameterKind(at pointer: JSONPointer) -> ParameterKind? {
        var current = pointer
        for _ in 0..<16 {
            guard case .object(let parameter)? = sourceValue(at: current) else { return nil }
            if let reference = parameter["$ref"]?.stringValue {
                guard reference.hasPrefix("#") else { return .other }
                guard let target = JSONPointer(reference) else { return nil }
                current = target
                continue
            }
            let hasName = parameter["name"].flatMap(Self.scalarText) != nil
            switch parameter["in"]?.stringValue {
            case "body"?: return .body
            case "formData"? where hasName: return .formData
            case let location? where hasName && ["query", "header", "path", "cookie"].contains(location): return .other
            default: return nil
            }
        }
        return nil
    }

    // MARK: Root

    static let rootFields: Set<String> = [
        "swagger", "info", "host", "basePath", "schemes", "consumes", "produces", "paths", "definitions",
        "parameters", "responses", "securityDefinitions", "security", "tags", "externalDocs",
    ]

    private mutating func convertRoot() -> JSONObject {
        let pointer = JSONPointer.root
        var output = JSONObject()
        output["openapi"] = "3.0.3"
        output["info"] = convertInfo(root["info"])
        if let value = root["externalDocs"], let docs = convertExternalDocs(value, at: pointer.appending("externalDocs")) {
            output["externalDocs"] = docs
        }
        if let servers = servers(schemes: schemes) {
            output["servers"] = .array(servers)
        } else if root["schemes"] != nil && host == nil {
            warn(
                "schemes-without-host",
                "schemes are given without a host; server URLs are relative to the base path",
                at: pointer.appending("schemes")
            )
        }
        if let value = root["tags"] {
            output["tags"] = .array(convertTags(value, at: pointer.appending("tags")))
        }
        if let value = root["security"], let security = convertSecurityRequirements(value, at: pointer.appending("security")) {
            output["security"] = security
        }
        output["paths"] = .object(convertPaths(root["paths"]))
        let components = convertComponents()
        if !components.isEmpty {
            output["components"] = .object(components)
        }
        convertInnerSchemas()
        if !innerSchemas.isEmpty {
            output[Self.innerSchemasKey] = .object(innerSchemas)
        }
        for (key, value) in root {
            if Self.isExtension(key) {
                output[key] = rewritingReferences(in: value)
            } else if !Self.rootFields.contains(key) {
                unknownField(key, at: pointer)
            }
        }
        if root["swagger"] == nil {
            warn("missing-swagger-version", "the description has no swagger field; it is read as Swagger 2.0", at: pointer)
        }
        return output
    }

    // MARK: Info

    private mutating func convertInfo(_ value: JSONValue?) -> JSONValue {
        let pointer = JSONPointer.root.appending("info")
        guard let value else {
            warn(
                "missing-info",
                "the description has no info object; the title \"\(Self.placeholderTitle)\" and version \"\(Self.placeholderVersion)\" are filled in",
                at: .root
            )
            return ["title": .string(Self.placeholderTitle), "version": .string(Self.placeholderVersion)]
        }
        guard case .object(let info) = value else {
            warn(
                "invalid-info",
                "info should be an object but is \(Self.kind(of: value)); the title \"\(Self.placeholderTitle)\" and version \"\(Self.placeholderVersion)\" are filled in",
                at: pointer
            )
            return ["title": .string(Self.placeholderTitle), "version": .string(Self.placeholderVersion)]
        }
        var output = JSONObject()
        if let title = string(info["title"], at: pointer.appending("title")) {
            output["title"] = .string(title)
        } else {
            warn("missing-title", "info has no title; \"\(Self.placeholderTitle)\" is filled in", at: pointer)
            output["title"] = .string(Self.placeholderTitle)
        }
        if let description = string(info["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        }
        if let terms = url(info["termsOfService"], at: pointer.appending("termsOfService")) {
            output["termsOfService"] = .string(terms)
        }
        if let contact = info["contact"], let converted = convertContact(contact, at: pointer.appending("contact")) {
            output["contact"] = converted
        }
        if let license = info["license"], let converted = convertLicense(license, at: pointer.appending("license")) {
            output["license"] = converted
        }
        if let version = string(info["version"], at: pointer.appending("version")) {
            output["version"] = .string(version)
        } else {
            warn("missing-version", "info has no version; \"\(Self.placeholderVersion)\" is filled in", at: pointer)
            output["version"] = .string(Self.placeholderVersion)
        }
        copyExtensions(of: info, into: &output, at: pointer, known: ["title", "description", "termsOfService", "contact", "license", "version"])
        return .object(output)
    }

    private mutating func convertContact(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let contact = object(value, at: pointer) else { return nil }
        var output = JSONObject()
        if let name = string(contact["name"], at: pointer.appending("name")) { output["name"] = .string(name) }
        if let link = url(contact["url"], at: pointer.appending("url")) { output["url"] = .string(link) }
        if let email = string(contact["email"], at: pointer.appending("email")) { output["email"] = .string(email) }
        copyExtensions(of: contact, into: &output, at: pointer, known: ["name", "url", "email"])
        return .object(output)
    }

    private mutating func convertLicense(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let license = object(value, at: pointer) else { return nil }
        var output = JSONObject()
        if let name = string(license["name"], at: pointer.appending("name")) {
            output["name"] = .string(name)
        } else {
            warn("missing-license-name", "the license has no name; \"License\" is filled in", at: pointer)
            output["name"] = "License"
        }
        if let link = url(license["url"], at: pointer.appending("url")) { output["url"] = .string(link) }
        copyExtensions(of: license, into: &output, at: pointer, known: ["name", "url"])
        return .object(output)
    }

    /// An External Documentation object, or `nil` (with a warning) when it has no usable URL.
    mutating func convertExternalDocs(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let docs = object(value, at: pointer) else { return nil }
        guard let link = url(docs["url"], at: pointer.appending("url")) else {
            if docs["url"] == nil {
                warn("missing-url", "externalDocs has no url; it is dropped", at: pointer)
            }
            return nil
        }
        var output = JSONObject()
        if let description = string(docs["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        }
        output["url"] = .string(link)
        copyExtensions(of: docs, into: &output, at: pointer, known: ["description", "url"])
        return .object(output)
    }

    // MARK: Tags

    private mutating func convertTags(_ value: JSONValue, at pointer: JSONPointer) -> [JSONValue] {
        guard let tags = array(value, at: pointer) else { return [] }
        var output: [JSONValue] = []
        var names: Set<String> = []
        for (index, element) in tags.enumerated() {
            let tagPointer = pointer.appending(index)
            guard let tag = object(element, at: tagPointer) else { continue }
            guard let name = string(tag["name"], at: tagPointer.appending("name")) else {
                if tag["name"] == nil {
                    warn("missing-tag-name", "a tag has no name; it is dropped", at: tagPointer)
                }
                continue
            }
            guard names.insert(name).inserted else {
                warn("duplicate-tag", "the tag \"\(name)\" is declared more than once; only the first declaration is kept", at: tagPointer)
                continue
            }
            var converted = JSONObject()
            converted["name"] = .string(name)
            if let description = string(tag["description"], at: tagPointer.appending("description")) {
                converted["description"] = .string(description)
            }
            if let docs = tag["externalDocs"], let convertedDocs = convertExternalDocs(docs, at: tagPointer.appending("externalDocs")) {
                converted["externalDocs"] = convertedDocs
            }
            copyExtensions(of: tag, into: &converted, at: tagPointer, known: ["name", "description", "externalDocs"])
            output.append(.object(converted))
        }
        return output
    }

    // MARK: Components

    private mutating func convertComponents() -> JSONObject {
        var components = JSONObject()
        let definitionsPointer = JSONPointer.root.appending("definitions")
        if let value = root["definitions"], let definitions = object(value, at: definitionsPointer) {
            var schemas = JSONObject()
            for (name, schema) in definitions {
                let componentName = schemaNames[name] ?? Self.sanitizedComponentName(name)
                schemas[componentName] = convertSchema(schema, at: definitionsPointer.appending(name))
            }
            components["schemas"] = .object(schemas)
        }

        let responsesPointer = JSONPointer.root.appending("responses")
        if let value = root["responses"], let globalResponses = object(value, at: responsesPointer) {
            var responses = JSONObject()
            for (name, response) in globalResponses {
                if let converted = convertResponse(response, at: responsesPointer.appending(name), produces: produces, followComponents: true) {
                    responses[responseNames[name] ?? Self.sanitizedComponentName(name)] = converted
                }
            }
            if !responses.isEmpty { components["responses"] = .object(responses) }
        }

        let parametersPointer = JSONPointer.root.appending("parameters")
        if let value = root["parameters"], let globalParameters = object(value, at: parametersPointer) {
            var parameters = JSONObject()
            var requestBodies = JSONObject()
            for (name, parameter) in globalParameters {
                let componentName = parameterNames[name] ?? Self.sanitizedComponentName(name)
                let pointer = parametersPointer.appending(name)
                guard let entry = resolveParameter(parameter, at: pointer, followGlobals: true) else { continue }
                switch entry.content {
                case .inline(let object) where entry.location == "body":
                    requestBodies[componentName] = .object(convertBodyParameter(object, at: entry.pointer, consumes: consumes))
                case .inline where entry.location == "formData":
                    // OpenAPI 3.0 has no component for a single form field: it is inlined where used.
                    continue
                case .inline(let object):
                    parameters[componentName] = .object(convertParameter(object, at: entry.pointer))
                case .reference(let reference), .external(let reference):
                    parameters[componentName] = ["$ref": .string(reference)]
                case .bodyReference(let reference):
                    requestBodies[componentName] = ["$ref": .string(reference)]
                }
            }
            if !parameters.isEmpty { components["parameters"] = .object(parameters) }
            if !requestBodies.isEmpty { components["requestBodies"] = .object(requestBodies) }
        }

        if !securitySchemes.isEmpty {
            components["securitySchemes"] = .object(securitySchemes)
        }
        return components
    }

    // MARK: Component names

    /// Whether OpenAPI 3.0 accepts `name` as a component key (`^[a-zA-Z0-9._-]+$`).
    static func isValidComponentName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isComponentNameByte)
    }

    private static func isComponentNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    /// `name` with every character OpenAPI 3.0 does not allow in a component key replaced by `_`.
    static func sanitizedComponentName(_ name: String) -> String {
        if isValidComponentName(name) { return name }
        var result = ""
        for scalar in name.unicodeScalars {
            if scalar.isASCII, isComponentNameByte(UInt8(scalar.value)) {
                result.unicodeScalars.append(scalar)
            } else {
                result.append("_")
            }
        }
        return result.isEmpty ? "_" : result
    }

    /// The component key for each source name: itself when valid, else a sanitized name
    /// that collides with no other (a numeric suffix is added when needed).
    static func componentNames(for names: [String]) -> [String: String] {
        var used = Set(names.filter(isValidComponentName))
        var result: [String: String] = [:]
        for name in names {
            if isValidComponentName(name) {
                result[name] = name
                continue
            }
            let base = sanitizedComponentName(name)
            var candidate = base
            var suffix = 2
            while used.contains(candidate) {
                candidate = "\(base)_\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            result[name] = candidate
        }
        return result
    }
}
