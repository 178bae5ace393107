import OrderedCollections

/// Builds an ``APIModel`` from an OpenAPI 3.x document tree, loading around the flaws
/// real specs have.
///
/// Every repair is a warning with a pointer: a duplicate `operationId` is renamed, an
/// operation without responses keeps an empty list, a parameter without a name is
/// dropped, a path parameter the template uses but nobody declared is added as a string.
/// A `$ref` that cannot be resolved is a warning wherever it is; `$ref`s that only lead
/// to each other are an error (``LoadError/Code/referenceCycle``).
struct APIModelBuilder {
    let document: JSONValue
    let source: String
    let format: SpecFormat
    private(set) var warnings: [Diagnostic] = []
    private var warnedReferences: Set<String> = []

    init(document: JSONValue, source: String, format: SpecFormat) {
        self.document = document
        self.source = source
        self.format = format
    }

    mutating func build() throws(LoadError) -> APIModel {
        try checkReferences()
        let root = document.objectValue ?? [:]
        let info = buildInfo(root["info"])
        let servers = buildServers(root["servers"], at: JSONPointer(tokens: ["servers"])) ?? [Server(url: "/", description: nil, variables: [:])]
        let security = buildSecurity(root["security"], at: JSONPointer(tokens: ["security"])) ?? []

        var schemas = OrderedDictionary<String, Schema>()
        let schemasPointer = JSONPointer(tokens: ["components", "schemas"])
        if let objects = document.value(at: schemasPointer)?.objectValue {
            for (name, value) in objects {
                schemas[name] = Schema(value: value, pointer: schemasPointer.appending(name))
            }
        }

        var securitySchemes = OrderedDictionary<String, SecurityScheme>()
        let schemesPointer = JSONPointer(tokens: ["components", "securitySchemes"])
        for (name, value) in document.value(at: schemesPointer)?.objectValue ?? [:] {
            if let scheme = buildSecurityScheme(name: name, value, at: schemesPointer.appending(name)) {
                securitySchemes[name] = scheme
            }
        }

        var tags: [APIModel.Tag] = []
        for case .object(let tag) in root["tags"]?.arrayValue ?? [] {
            if let name = Self.text(tag["name"]) {
                tags.append(APIModel.Tag(name: name, description: Self.text(tag["description"])))
            }
        }

        let operations = buildOperations(root["paths"], documentSecurity: security, securitySchemes: securitySchemes)

        return APIModel(
            info: info,
            sourceFormat: format,
            schemaDialect: {
                if case .openAPI31 = format { return .openAPI31 }
                return .openAPI30
            }(),
            servers: servers,
            operations: operations,
            schemas: schemas,
            securitySchemes: securitySchemes,
            security: security,
            tags: tags,
            document: document,
            source: source
        )
    }

    // MARK: Diagnostics

    private mutating func warn(_ code: String, _ message: String, at pointer: JSONPointer) {
        warnings.append(Diagnostic(.warning, code: code, message, source: source, pointer: pointer))
    }

    /// A scalar as text: real specs write `version: 1.0` and `title: 2048`.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let string): return string
        case .integer(let int): return String(int)
        case .double(let double): return String(double)
        case .bool(let bool): return String(bool)
        default: return nil
        }
    }

    // MARK: References

    /// Checks every `$ref` in the document: unresolvable ones are warnings, cycles an error.
    private mutating func checkReferences() throws(LoadError) {
        var references: [(String, JSONPointer)] = []
        Self.collectReferences(in: document, at: .root, into: &references)
        for (reference, pointer) in references {
            guard reference.hasPrefix("#") else {
                // The bundler has said why; one line per unresolved document keeps the report short.
                let document = ExternalReferenceBundler.split(reference).0
                if warnedReferences.insert(document).inserted {
                    warn("external-reference", "references into \(document) are left unresolved", at: pointer)
                }
                continue
            }
            var chain = [reference]
            var current = reference
            while true {
                guard let target = JSONPointer(current), let value = document.value(at: target) else {
                    if warnedReferences.insert(current).inserted {
                        warn("unresolvable-reference", "$ref \(current) points at nothing in the document", at: pointer)
                    }
                    break
                }
                guard let next = value["$ref"]?.stringValue, next.hasPrefix("#") else { break }
                if chain.contains(next) {
                    throw LoadError(
                        .referenceCycle,
                        "reference cycle: \((chain + [next]).joined(separator: " → ")) never reaches a value",
                        source: source,
                        pointer: pointer
                    )
                }
                chain.append(next)
                current = next
            }
        }
    }

    /// Every `$ref` string in `value`, with where it is; `$ref` used as a property name is skipped.
    static func collectReferences(in value: JSONValue, at pointer: JSONPointer, into references: inout [(String, JSONPointer)]) {
        switch value {
        case .object(let object):
            let isNameMap = ReferenceScope.isNameMap(pointer)
            for (key, member) in object {
                if key == "$ref", !isNameMap, case .string(let reference) = member {
                    references.append((reference, pointer))
                } else if isNameMap || !ReferenceScope.isData(key: key, value: member, in: pointer) {
                    collectReferences(in: member, at: pointer.appending(key), into: &references)
                }
            }
        case .array(let array):
            for (index, element) in array.enumerated() {
                collectReferences(in: element, at: pointer.appending(index), into: &references)
            }
        default:
            break
        }
    }

    /// Follows `$ref`s from `value` to an object, returning it and where it is.
    private mutating func dereference(_ value: JSONValue?, at pointer: JSONPointer) -> (JSONObject, JSONPointer)? {
        var current = value
        var currentPointer = pointer
        for _ in 0..<64 {
            guard case .object(let object) = current else { return nil }
            guard let reference = object["$ref"]?.stringValue else { return (object, currentPointer) }
            guard let target = JSONPointer(reference), reference.hasPrefix("#"), let resolved = document.value(at: target) else {
                return nil
            }
            current = resolved
            currentPointer = target
        }
        return nil
    }

    // MARK: Top level

    private mutating func buildInfo(_ value: JSONValue?) -> APIModel.Info {
        let pointer = JSONPointer(tokens: ["info"])
        guard case .object(let info) = value else {
            warn("missing-info", "the document has no info object", at: pointer)
            return APIModel.Info(title: "Untitled API", version: "0", description: nil)
        }
        let title = Self.text(info["title"])
        let version = Self.text(info["version"])
        if title == nil { warn("missing-title", "info has no title", at: pointer) }
        if version == nil { warn("missing-version", "info has no version", at: pointer) }
        return APIModel.Info(title: title ?? "Untitled API", version: version ?? "0", description: Self.text(info["description"]))
    }

    private mutating func buildServers(_ value: JSONValue?, at pointer: JSONPointer) -> [Server]? {
        guard let array = value?.arrayValue else { return nil }
        var servers: [Server] = []
        for (index, element) in array.enumerated() {
            guard case .object(let server) = element, let url = Self.text(server["url"]) else {
                warn("invalid-server", "a server without a url is ignored", at: pointer.appending(index))
                continue
            }
            var variables = OrderedDictionary<String, Server.Variable>()
            for (name, variable) in server["variables"]?.objectValue ?? [:] {
                let allowed = variable["enum"]?.arrayValue?.compactMap(Self.text) ?? []
                variables[name] = Server.Variable(
                    defaultValue: Self.text(variable["default"]) ?? allowed.first ?? "",
                    allowedValues: allowed,
                    description: Self.text(variable["description"])
                )
            }
            // A `{name}` the server does not declare (Swagger 2.0 has no server variables,
            // yet some basePaths hold one, e.g. `/v2.0/{apikey}`) would otherwise stay in
            // every URL built from it, braces and all: it becomes a variable whose default
            // is its own name, so the default URL is at least a well-formed one.
            for name in Operation.templateVariables(in: url) where variables[name] == nil {
                warn(
                    "undeclared-server-variable",
                    "the server URL \"\(url)\" uses {\(name)} but declares no such variable; it is read as a variable defaulting to \"\(name)\"",
                    at: pointer.appending(index).appending("url")
                )
                variables[name] = Server.Variable(defaultValue: name, allowedValues: [], description: nil)
            }
            servers.append(Server(url: url, description: Self.text(server["description"]), variables: variables))
        }
        return servers.isEmpty ? nil : servers
    }

    private mutating func buildSecurity(_ value: JSONValue?, at pointer: JSONPointer) -> [SecurityRequirement]? {
        guard let value else { return nil }
        guard let array = value.arrayValue else {
            warn("invalid-security", "security must be a list of requirements; ignored", at: pointer)
            return nil
        }
        return array.compactMap { element in
            guard case .object(let requirement) = element else { return nil }
            return SecurityRequirement(
                schemes: requirement.map { (name: $0.key, scopes: $0.value.arrayValue?.compactMap(Self.text) ?? []) }
            )
        }
    }

    private mutating func buildSecurityScheme(name: String, _ value: JSONValue, at pointer: JSONPointer) -> SecurityScheme? {
        guard let (scheme, _) = dereference(value, at: pointer) else {
            warn("invalid-security-scheme", "security scheme \(name) is not an object", at: pointer)
            return nil
        }
        let description = Self.text(scheme["description"])
        let kind: SecurityScheme.Kind
        switch Self.text(scheme["type"]) {
        case "apiKey":
            let location = Self.text(scheme["in"]).flatMap(Parameter.Location.init(rawValue:)) ?? .header
            kind = .apiKey(name: Self.text(scheme["name"]) ?? name, location: location)
        case "http":
            kind = .http(scheme: (Self.text(scheme["scheme"]) ?? "bearer").lowercased(), bearerFormat: Self.text(scheme["bearerFormat"]))
        case "oauth2":
            kind = .oauth2(flows: scheme["flows"]?.objectValue ?? [:])
        case "openIdConnect":
            kind = .openIDConnect(url: Self.text(scheme["openIdConnectUrl"]) ?? "")
        case "mutualTLS":
            kind = .mutualTLS
        default:
            warn("invalid-security-scheme", "security scheme \(name) has an unknown type \(Self.text(scheme["type"]) ?? "(none)")", at: pointer)
            return nil
        }
        return SecurityScheme(name: name, kind: kind, description: description)
    }

    // MARK: Operations

    private mutating func buildOperations(
        _ value: JSONValue?,
        documentSecurity: [SecurityRequirement],
        securitySchemes: OrderedDictionary<String, SecurityScheme>
    ) -> [Operation] {
        let pathsPointer = JSONPointer(tokens: ["paths"])
        guard case .object(let paths) = value else {
            if case .openAPI31 = format, document["webhooks"] != nil || document["components"] != nil {
                // 3.1 allows a document without paths.
            } else {
                warn("missing-paths", "the document has no paths", at: pathsPointer)
            }
            return []
        }
        var operations: [Operation] = []
        var seenOperationIDs: [String: Int] = [:]
        for (path, item) in paths {
            let itemPointer = pathsPointer.appending(path)
            if path.hasPrefix("x-") { continue }
            if !path.hasPrefix("/") {
                warn("invalid-path", "path \(path) does not start with '/'", at: itemPointer)
            }
            guard let (pathItem, resolvedItemPointer) = dereference(item, at: itemPointer) else {
                warn("invalid-path-item", "path item \(path) is not an object or its $ref cannot be resolved", at: itemPointer)
                continue
            }
            let pathParameters = buildParameters(pathItem["parameters"], at: resolvedItemPointer.appending("parameters"))
            let pathServers = buildServers(pathItem["servers"], at: resolvedItemPointer.appending("servers"))
            for (key, operationValue) in pathItem {
                guard let method = HTTPMethod(rawValue: key.lowercased()) else { continue }
                let pointer = resolvedItemPointer.appending(key)
                guard case .object(let operation) = operationValue else {
                    warn("invalid-operation", "\(method.name) \(path) is not an object; ignored", at: pointer)
                    continue
                }
                var built = buildOperation(
                    operation,
                    method: method,
                    path: path,
                    pointer: pointer,
                    inherited: pathParameters,
                    documentSecurity: documentSecurity,
                    servers: pathServers
                )
                if let operationID = built.operationID {
                    if let count = seenOperationIDs[operationID] {
                        let renamed = "\(operationID)_\(count + 1)"
                        warn(
                            "duplicate-operation-id",
                            "operationId \(operationID) is used more than once; this one is renamed \(renamed)",
                            at: pointer.appending("operationId")
                        )
                        seenOperationIDs[operationID] = count + 1
                        built.operationID = renamed
                    } else {
                        seenOperationIDs[operationID] = 1
                    }
                }
                for requirement in built.security {
                    for scheme in requirement.schemes where securitySchemes[scheme.name] == nil {
                        warn("unknown-security-scheme", "security requirement names \(scheme.name), which no security scheme defines", at: pointer)
                    }
                }
                operations.append(built)
            }
        }
        return operations
    }

    private mutating func buildOperation(
        _ operation: JSONObject,
        method: HTTPMethod,
        path: String,
        pointer: JSONPointer,
        inherited: [Parameter],
        documentSecurity: [SecurityRequirement],
        servers: [Server]?
    ) -> Operation {
        var parameters = inherited
        for parameter in buildParameters(operation["parameters"], at: pointer.appending("parameters")) {
            if let index = parameters.firstIndex(where: { $0.name == parameter.name && $0.location == parameter.location }) {
                parameters[index] = parameter
            } else {
                parameters.append(parameter)
            }
        }
        // Path template variables must be declared; add the missing ones as strings so the operation stays callable.
        for name in Operation.templateVariables(in: path) where !parameters.contains(where: { $0.location == .path && $0.name == name }) {
            warn("undeclared-path-parameter", "path parameter {\(name)} is used in the path but not declared; assumed a string", at: pointer)
            parameters.append(
                Parameter(
                    name: name,
                    location: .path,
                    required: true,
                    deprecated: false,
                    description: nil,
                    schema: Schema(value: ["type": "string"], pointer: pointer),
                    style: "simple",
                    explode: false,
                    allowEmptyValue: false,
                    allowReserved: false,
                    example: nil,
                    content: [],
                    pointer: pointer
                )
            )
        }
        let variables = Set(Operation.templateVariables(in: path))
        parameters.removeAll { parameter in
            guard parameter.location == .path, !variables.contains(parameter.name) else { return false }
            warn(
                "unused-path-parameter",
                "path parameter \(parameter.name) is declared but the path has no {\(parameter.name)}; ignored",
                at: parameter.pointer
            )
            return true
        }

        var requestBody: RequestBody?
        if let body = operation["requestBody"] {
            let bodyPointer = pointer.appending("requestBody")
            if let (object, resolvedPointer) = dereference(body, at: bodyPointer) {
                requestBody = RequestBody(
                    required: object["required"]?.boolValue ?? false,
                    description: Self.text(object["description"]),
                    content: buildContent(object["content"], at: resolvedPointer.appending("content")),
                    pointer: resolvedPointer
                )
            } else {
                warn("invalid-request-body", "the request body is not an object or its $ref cannot be resolved", at: bodyPointer)
            }
        }

        var responses: [Response] = []
        let responsesPointer = pointer.appending("responses")
        if case .object(let responseMap) = operation["responses"], !responseMap.isEmpty {
            for (status, value) in responseMap where !status.hasPrefix("x-") {
                if let response = buildResponse(status: status, value, at: responsesPointer.appending(status)) {
                    responses.append(response)
                }
            }
        } else {
            warn("missing-responses", "\(method.name) \(path) documents no responses", at: pointer)
        }

        let security = buildSecurity(operation["security"], at: pointer.appending("security")) ?? documentSecurity
        return Operation(
            method: method,
            path: path,
            operationID: Self.text(operation["operationId"]),
            summary: Self.text(operation["summary"]),
            description: Self.text(operation["description"]),
            tags: operation["tags"]?.arrayValue?.compactMap(Self.text) ?? [],
            parameters: parameters,
            requestBody: requestBody,
            responses: responses,
            security: security,
            servers: buildServers(operation["servers"], at: pointer.appending("servers")) ?? servers ?? [],
            deprecated: operation["deprecated"]?.boolValue ?? false,
            extensions: operation.filter { $0.key.hasPrefix("x-") },
            pointer: pointer
        )
    }


    private mutating func buildParameters(_ value: JSONValue?, at pointer: JSONPointer) -> [Parameter] {
        guard let value else { return [] }
        guard let array = value.arrayValue else {
            warn("invalid-parameters", "parameters must be a list; ignored", at: pointer)
            return []
        }
        var parameters: [Parameter] = []
        for (index, element) in array.enumerated() {
            let elementPointer = pointer.appending(index)
            guard let (parameter, resolvedPointer) = dereference(element, at: elementPointer) else {
                warn("invalid-parameter", "parameter is not an object or its $ref cannot be resolved; ignored", at: elementPointer)
                continue
            }
            guard let name = Self.text(parameter["name"]), let locationText = Self.text(parameter["in"]) else {
                warn("invalid-parameter", "parameter has no name or no location (in); ignored", at: resolvedPointer)
                continue
            }
            guard let location = Parameter.Location(rawValue: locationText) else {
                warn("invalid-parameter", "parameter \(name) has an unknown location \"\(locationText)\"; ignored", at: resolvedPointer)
                continue
            }
            if location == .header, ["accept", "content-type", "authorization"].contains(name.lowercased()) {
                // OpenAPI says these are ignored: they come from content and security.
                continue
            }
            var required = parameter["required"]?.boolValue ?? false
            if location == .path, !required {
                warn("path-parameter-not-required", "path parameter \(name) must be required; treated as required", at: resolvedPointer)
                required = true
            }
            let defaultStyle = (location == .query || location == .cookie) ? "form" : "simple"
            let style = Self.text(parameter["style"]) ?? defaultStyle
            parameters.append(
                Parameter(
                    name: name,
                    location: location,
                    required: required,
                    deprecated: parameter["deprecated"]?.boolValue ?? false,
                    description: Self.text(parameter["description"]),
                    schema: parameter["schema"].map { Schema(value: $0, pointer: resolvedPointer.appending("schema")) },
                    style: style,
                    explode: parameter["explode"]?.boolValue ?? (style == "form"),
                    allowEmptyValue: parameter["allowEmptyValue"]?.boolValue ?? false,
                    allowReserved: parameter["allowReserved"]?.boolValue ?? false,
                    example: parameter["example"],
                    content: buildContent(parameter["content"], at: resolvedPointer.appending("content")),
                    pointer: resolvedPointer
                )
            )
        }
        return parameters
    }

    private mutating func buildContent(_ value: JSONValue?, at pointer: JSONPointer) -> [MediaType] {
        guard case .object(let content) = value else { return [] }
        var media: [MediaType] = []
        for (contentType, entry) in content {
            let entryPointer = pointer.appending(contentType)
            let object = entry.objectValue ?? [:]
            var examples: [String: JSONValue] = [:]
            for (name, example) in object["examples"]?.objectValue ?? [:] {
                if let (resolved, _) = dereference(example, at: entryPointer.appending("examples").appending(name)), let value = resolved["value"] {
                    examples[name] = value
                }
            }
            media.append(
                MediaType(
                    contentType: contentType,
                    schema: object["schema"].map { Schema(value: $0, pointer: entryPointer.appending("schema")) },
                    example: object["example"],
                    examples: examples,
                    encoding: object["encoding"]?.objectValue ?? [:]
                )
            )
        }
        return media
    }

    private mutating func buildResponse(status: String, _ value: JSONValue, at pointer: JSONPointer) -> Response? {
        let normalized = status.uppercased() == "DEFAULT" ? "default" : status.uppercased()
        let isValidStatus =
            normalized == "default" || (normalized.count == 3 && (Int(normalized).map { (100...599).contains($0) } ?? normalized.hasSuffix("XX")))
        if !isValidStatus {
            warn("invalid-status", "response key \(status) is not a status code, a range like 2XX, or default", at: pointer)
        }
        guard let (response, resolvedPointer) = dereference(value, at: pointer) else {
            warn("invalid-response", "response \(status) is not an object or its $ref cannot be resolved; ignored", at: pointer)
            return nil
        }
        var headers: [Header] = []
        for (name, header) in response["headers"]?.objectValue ?? [:] {
            let headerPointer = resolvedPointer.appending("headers").appending(name)
            guard let (object, resolvedHeaderPointer) = dereference(header, at: headerPointer) else { continue }
            headers.append(
                Header(
                    name: name,
                    required: object["required"]?.boolValue ?? false,
                    description: Self.text(object["description"]),
                    schema: object["schema"].map { Schema(value: $0, pointer: resolvedHeaderPointer.appending("schema")) }
                )
            )
        }
        var links: [Link] = []
        for (name, link) in response["links"]?.objectValue ?? [:] {
            guard let (object, _) = dereference(link, at: resolvedPointer.appending("links").appending(name)) else { continue }
            links.append(
                Link(
                    name: name,
                    operationID: Self.text(object["operationId"]),
                    operationRef: Self.text(object["operationRef"]),
                    parameters: object["parameters"]?.objectValue ?? [:],
                    requestBody: object["requestBody"],
                    description: Self.text(object["description"])
                )
            )
        }
        return Response(
            status: normalized,
            description: Self.text(response["description"]) ?? "",
            headers: headers,
            content: buildContent(response["content"], at: resolvedPointer.appending("content")),
            links: links,
            pointer: resolvedPointer
        )
    }
}
