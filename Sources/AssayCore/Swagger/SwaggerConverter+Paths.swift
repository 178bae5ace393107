import OrderedCollections

/// Paths, path items and operations.
///
/// Path-level query, path and header parameters stay on the path item; path-level body
/// and formData parameters are pushed down into each operation's request body (unless
/// the operation declares its own). Operations keep their source order.
extension SwaggerConverter {
    /// The fields of a Swagger 2.0 Operation object.
    static let operationFields: Set<String> = [
        "tags", "summary", "description", "externalDocs", "operationId", "consumes", "produces", "parameters",
        "responses", "schemes", "deprecated", "security",
    ]

    mutating func convertPaths(_ value: JSONValue?) -> JSONObject {
        let pointer = JSONPointer.root.appending("paths")
        guard let value else {
            warn("missing-paths", "the description has no paths; an empty paths object is used", at: .root)
            return [:]
        }
        guard let paths = object(value, at: pointer) else { return [:] }
        var output = JSONObject()
        for (path, item) in paths {
            if Self.isExtension(path) {
                output[path] = rewritingReferences(in: item)
                continue
            }
            let itemPointer = pointer.appending(path)
            guard let item = object(item, at: itemPointer) else { continue }
            var key = path
            if !path.hasPrefix("/") {
                key = "/" + path
                warn("invalid-path", "the path \"\(path)\" does not start with /; it is read as \"\(key)\"", at: itemPointer)
                if paths[key] != nil || output[key] != nil {
                    warn("duplicate-path", "the path \"\(key)\" is declared twice; only the first is kept", at: itemPointer)
                    continue
                }
            }
            output[key] = .object(convertPathItem(item, at: itemPointer))
        }
        return output
    }

    private mutating func convertPathItem(_ item: JSONObject, at pointer: JSONPointer) -> JSONObject {
        var output = JSONObject()
        if let reference = item["$ref"] {
            // A path item reference points to another file's path item; it is kept as it is.
            if let text = string(reference, at: pointer.appending("$ref")) { output["$ref"] = .string(text) }
        }
        let entries = resolveParameters(item["parameters"], at: pointer.appending("parameters"))
        var shared: [JSONValue] = []
        for entry in entries where !entry.isBody && !entry.isFormData {
            shared.append(parameterValue(entry))
        }
        if !shared.isEmpty {
            output["parameters"] = .array(shared)
        }
        let inherited = entries.filter { $0.isBody || $0.isFormData }
        for (key, value) in item {
            if Self.methods.contains(key) {
                let operationPointer = pointer.appending(key)
                guard let operation = object(value, at: operationPointer) else { continue }
                output[key] = .object(convertOperation(operation, at: operationPointer, inherited: inherited))
            } else if Self.isExtension(key) {
                output[key] = rewritingReferences(in: value)
            } else if key != "parameters" && key != "$ref" {
                unknownField(key, at: pointer)
            }
        }
        return output
    }

    /// Converts an operation; `inherited` are the path-level body and formData parameters.
    private mutating func convertOperation(_ operation: JSONObject, at pointer: JSONPointer, inherited: [ParameterEntry]) -> JSONObject {
        let operationConsumes = mediaTypes(operation["consumes"], at: pointer.appending("consumes"))
        let operationProduces = mediaTypes(operation["produces"], at: pointer.appending("produces"))
        let consumes = operationConsumes.flatMap { $0.isEmpty ? nil : $0 } ?? self.consumes
        let produces = operationProduces.flatMap { $0.isEmpty ? nil : $0 } ?? self.produces
        let consumesDeclared = operationConsumes?.isEmpty == false || root["consumes"] != nil

        let entries = resolveParameters(operation["parameters"], at: pointer.appending("parameters"))
        var body = entries.first { $0.isBody }
        var forms = entries.filter(\.isFormData)
        // The operation's own request parameters win over the path item's: its own formData
        // parameters shadow an inherited body, its own body shadows inherited formData.
        let identities = Set(entries.compactMap(\.identity))
        let ownBody = body != nil
        let ownForms = !forms.isEmpty
        for entry in inherited {
            if entry.isBody {
                if !ownBody && !ownForms { body = entry }
            } else if !ownBody, let identity = entry.identity, !identities.contains(identity) {
                forms.append(entry)
            }
        }
        if body != nil && !forms.isEmpty {
            warn(
                "body-and-form-parameters",
                "an operation cannot have both a body parameter and formData parameters; the formData parameters are dropped",
                at: pointer.appending("parameters")
            )
            forms = []
        }

        var output = JSONObject()
        if let tags = strings(operation["tags"], at: pointer.appending("tags")) {
            output["tags"] = .array(tags.map(JSONValue.string))
        }
        for key in ["summary", "description"] {
            if let text = string(operation[key], at: pointer.appending(key)) { output[key] = .string(text) }
        }
        if let value = operation["externalDocs"], let docs = convertExternalDocs(value, at: pointer.appending("externalDocs")) {
            output["externalDocs"] = docs
        }
        if let operationId = string(operation["operationId"], at: pointer.appending("operationId")) {
            output["operationId"] = .string(operationId)
        }
        var parameters: [JSONValue] = []
        for entry in entries where !entry.isBody && !entry.isFormData {
            parameters.append(parameterValue(entry))
        }
        if !parameters.isEmpty {
            output["parameters"] = .array(parameters)
        }
        if let body {
            switch body.content {
            case .inline(let parameter):
                output["requestBody"] = .object(convertBodyParameter(parameter, at: body.pointer, consumes: consumes))
            case .bodyReference(let reference), .reference(let reference), .external(let reference):
                output["requestBody"] = ["$ref": .string(reference)]
            }
        } else if !forms.isEmpty {
            output["requestBody"] = .object(convertFormParameters(forms, consumes: consumes, consumesDeclared: consumesDeclared, at: pointer))
        }
        output["responses"] = .object(convertResponses(operation["responses"], operationPointer: pointer, produces: produces))
        if let deprecated = bool(operation["deprecated"], at: pointer.appending("deprecated")) {
            output["deprecated"] = .bool(deprecated)
        }
        if let value = operation["security"], let security = convertSecurityRequirements(value, at: pointer.appending("security")) {
            output["security"] = security
        }
        if let operationSchemes = serverSchemes(operation["schemes"], at: pointer.appending("schemes")), !operationSchemes.isEmpty,
            host != nil, let servers = servers(schemes: operationSchemes), servers != self.servers(schemes: schemes)
        {
            output["servers"] = .array(servers)
        }
        copyExtensions(of: operation, into: &output, at: pointer, known: Self.operationFields)
        return output
    }
}
