import OrderedCollections

/// Parameters and request bodies.
///
/// Query, path, header (and cookie) parameters keep their place; their `type`, `format`,
/// `items`, `enum`, bounds and so on move into `schema`, and `collectionFormat` becomes
/// `style`/`explode`. A body parameter becomes the operation's `requestBody`, one media
/// type per `consumes` entry; formData parameters become one form `requestBody` whose
/// schema is an object with a property per parameter.
extension SwaggerConverter {
    /// One entry of a `parameters` list after following local references.
    struct ParameterEntry {
        /// What the entry converts to.
        enum Content {
            /// A parameter object of the source, converted in place.
            case inline(JSONObject)
            /// A reference to a component parameter (already rewritten).
            case reference(String)
            /// A reference to a component request body (a global body parameter).
            case bodyReference(String)
            /// An external reference, kept as it is.
            case external(String)
        }

        var content: Content
        /// `in`, when known.
        var location: String?
        /// `name`, when known.
        var name: String?
        /// Where the parameter object is in the source.
        var pointer: JSONPointer

        /// What makes two parameters of one list the same: location and name, and a single body.
        var identity: String? {
            guard let location else { return nil }
            if location == "body" { return "body" }
            guard let name else { return nil }
            return location + "\u{0}" + name
        }

        var isBody: Bool { location == "body" }
        var isFormData: Bool { location == "formData" }
    }

    /// The parameter locations Swagger 2.0 knows, plus `cookie`, which OpenAPI 3.0 accepts.
    static let parameterLocations: Set<String> = ["query", "header", "path", "formData", "body", "cookie"]

    /// The members of a non-body parameter, header or items object that describe its value.
    static let simpleSchemaFields: Set<String> = [
        "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
        "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum", "multipleOf",
    ]

    /// Every field of a Swagger 2.0 parameter object.
    static let parameterFields: Set<String> = simpleSchemaFields.union([
        "name", "in", "description", "required", "schema", "allowEmptyValue", "collectionFormat",
    ])

    static let formURLEncoded = "application/x-www-form-urlencoded"
    static let multipartFormData = "multipart/form-data"

    // MARK: Resolving

    /// The entries of a `parameters` list; invalid and duplicate entries are dropped with a warning.
    mutating func resolveParameters(_ value: JSONValue?, at pointer: JSONPointer) -> [ParameterEntry] {
        guard let value, let elements = array(value, at: pointer) else { return [] }
        var result: [ParameterEntry] = []
        var seen: Set<String> = []
        for (index, element) in elements.enumerated() {
            let elementPointer = pointer.appending(index)
            guard let entry = resolveParameter(element, at: elementPointer) else { continue }
            if let identity = entry.identity, !seen.insert(identity).inserted {
                if entry.isBody {
                    warn("duplicate-parameter", "an operation can have only one body parameter; this one is dropped", at: elementPointer)
                } else {
                    warn(
                        "duplicate-parameter",
                        "the \(entry.location ?? "") parameter \"\(entry.name ?? "")\" is declared more than once in this list; only the first is kept",
                        at: elementPointer
                    )
                }
                continue
            }
            result.append(entry)
        }
        return result
    }

    /// One parameter, following local references that do not name a global parameter
    /// (and, with `followGlobals`, those that do: a component cannot be a reference).
    mutating func resolveParameter(_ value: JSONValue, at pointer: JSONPointer, followGlobals: Bool = false) -> ParameterEntry? {
        var value = value
        var pointer = pointer
        var visited: [JSONPointer] = []
        while true {
            guard case .object(let parameter) = value else {
                warn("invalid-parameter", "expected a parameter object but found \(Self.kind(of: value)); it is dropped", at: pointer)
                return nil
            }
            guard let referenceValue = parameter["$ref"] else { return inlineParameter(parameter, at: pointer) }
            let referencePointer = pointer.appending("$ref")
            guard case .string(let reference) = referenceValue else {
                warn(
                    "invalid-reference",
                    "$ref should be a string but is \(Self.kind(of: referenceValue)); the parameter is dropped",
                    at: referencePointer
                )
                return nil
            }
            guard reference.hasPrefix("#") else {
                return ParameterEntry(content: .external(reference), location: nil, name: nil, pointer: pointer)
            }
            guard let target = JSONPointer(reference), let targetValue = sourceValue(at: target) else {
                warn("unresolved-reference", "\(reference) refers to nothing in this document; the parameter is dropped", at: referencePointer)
                return nil
            }
            if !followGlobals, target.tokens.count == 2, target.tokens[0] == "parameters" {
                let name = target.tokens[1]
                let componentName = parameterNames[name] ?? Self.sanitizedComponentName(name)
                let location = targetValue["in"]?.stringValue
                let parameterName = targetValue["name"].flatMap(Self.scalarText)
                switch parameterKinds[name] {
                case .body?:
                    return ParameterEntry(
                        content: .bodyReference("#/components/requestBodies/" + componentName),
                        location: "body",
                        name: parameterName,
                        pointer: pointer
                    )
                case .other?:
                    return ParameterEntry(
                        content: .reference("#/components/parameters/" + componentName),
                        location: location,
                        name: parameterName,
                        pointer: pointer
                    )
                case .formData?:
                    break  // inlined: OpenAPI 3.0 has no component for a form field
                case nil:
                    warn(
                        "unresolved-reference",
                        "\(reference) refers to a parameter that cannot be used (see its own warning); the parameter is dropped",
                        at: referencePointer
                    )
                    return nil
                }
            }
            if visited.contains(target) || visited.count >= 64 {
                warn("reference-cycle", "\(reference) leads back to itself through local references; the parameter is dropped", at: referencePointer)
                return nil
            }
            visited.append(target)
            value = targetValue
            pointer = target
        }
    }

    /// An inline parameter, when it has a usable location and name.
    private mutating func inlineParameter(_ parameter: JSONObject, at pointer: JSONPointer) -> ParameterEntry? {
        guard let location = string(parameter["in"], at: pointer.appending("in")) else {
            warn("missing-parameter-location", "the parameter has no in (its location); it is dropped", at: pointer)
            return nil
        }
        guard Self.parameterLocations.contains(location) else {
            warn("invalid-parameter-location", "\"\(location)\" is not a parameter location; the parameter is dropped", at: pointer.appending("in"))
            return nil
        }
        let name = string(parameter["name"], at: pointer.appending("name"))
        if name == nil {
            if location == "body" {
                warn("missing-parameter-name", "the body parameter has no name; it is kept, since a request body needs none", at: pointer)
            } else {
                warn("missing-parameter-name", "the \(location) parameter has no name; it is dropped", at: pointer)
                return nil
            }
        }
        return ParameterEntry(content: .inline(parameter), location: location, name: name, pointer: pointer)
    }

    /// The output form of a non-body, non-form entry.
    mutating func parameterValue(_ entry: ParameterEntry) -> JSONValue {
        switch entry.content {
        case .inline(let parameter): return .object(convertParameter(parameter, at: entry.pointer))
        case .reference(let reference), .external(let reference), .bodyReference(let reference): return ["$ref": .string(reference)]
        }
    }

    // MARK: Query, path, header

    /// Converts a query, path, header or cookie parameter.
    mutating func convertParameter(_ parameter: JSONObject, at pointer: JSONPointer) -> JSONObject {
        let location = parameter["in"]?.stringValue ?? ""
        var output = JSONObject()
        output["name"] = .string(parameter["name"].flatMap(Self.scalarText) ?? "")
        output["in"] = .string(location)
        if let description = string(parameter["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        }
        let required = bool(parameter["required"], at: pointer.appending("required"))
        if location == "path" {
            if required != true {
                warn(
                    "path-parameter-not-required",
                    "path parameters are always required, but this one says \(required == false ? "required: false" : "nothing"); it is made required",
                    at: pointer
                )
            }
            output["required"] = true
        } else if let required {
            output["required"] = .bool(required)
        }
        if let allowEmptyValue = bool(parameter["allowEmptyValue"], at: pointer.appending("allowEmptyValue")) {
            if location == "query" {
                output["allowEmptyValue"] = .bool(allowEmptyValue)
            } else {
                warn(
                    "invalid-allow-empty-value",
                    "allowEmptyValue applies only to query parameters; it is dropped",
                    at: pointer.appending("allowEmptyValue")
                )
            }
        }
        if parameter["type"]?.stringValue == "array" {
            let (style, explode) = style(for: parameter["collectionFormat"], location: location, at: pointer.appending("collectionFormat"))
            output["style"] = .string(style)
            if let explode { output["explode"] = .bool(explode) }
        }
        output["schema"] = parameterSchema(parameter, at: pointer)
        if let example = parameter["x-example"] {
            output["example"] = example
        }
        copyExtensions(of: parameter, into: &output, at: pointer, known: Self.parameterFields)
        return output
    }

    /// The schema of a non-body parameter or a header: its value-describing members, or a
    /// `schema` member (not allowed outside body parameters, but its meaning is clear).
    mutating func parameterSchema(_ parameter: JSONObject, at pointer: JSONPointer) -> JSONValue {
        if parameter["type"] == nil {
            if let schema = parameter["schema"] {
                warn(
                    "non-body-schema",
                    "only body parameters have a schema in Swagger 2.0; it is used as this value's schema",
                    at: pointer.appending("schema")
                )
                return convertSchema(schema, at: pointer.appending("schema"))
            }
            warn("missing-type", "the value has no type; any value is allowed", at: pointer)
        } else if parameter["schema"] != nil {
            warn(
                "non-body-schema",
                "only body parameters have a schema in Swagger 2.0; it is dropped in favour of type",
                at: pointer.appending("schema")
            )
        }
        return convertSchema(.object(simpleSchema(parameter, at: pointer, depth: 0)), at: pointer)
    }

    /// The Swagger 2.0 schema members of a parameter, header or items object (not yet converted).
    ///
    /// At depth 0 the object's other members belong to the parameter or header and are
    /// handled by its converter; inside `items` they are reported here.
    mutating func simpleSchema(_ object: JSONObject, at pointer: JSONPointer, depth: Int) -> JSONObject {
        var schema = JSONObject()
        for (key, value) in object {
            if key == "items", case .object(let items) = value, items["$ref"] == nil, depth < Self.maxSchemaDepth {
                schema[key] = .object(simpleSchema(items, at: pointer.appending(key), depth: depth + 1))
            } else if key == "collectionFormat" {
                if depth > 0, value.stringValue != "csv" {
                    warn(
                        "unsupported-collection-format",
                        "OpenAPI 3.0 cannot describe how a nested array is delimited; this collectionFormat is dropped",
                        at: pointer.appending(key)
                    )
                }
            } else if depth > 0 || Self.simpleSchemaFields.contains(key) || key == "x-nullable" {
                // Inside items every other member is schema material; the schema walk keeps it.
                schema[key] = value
            }
        }
        return schema
    }

    /// `style` and `explode` for an array parameter's `collectionFormat`.
    private mutating func style(for format: JSONValue?, location: String, at pointer: JSONPointer) -> (String, Bool?) {
        let isQuery = location == "query"
        let defaultStyle: (String, Bool?) = isQuery || location == "cookie" ? ("form", false) : ("simple", nil)
        guard let format else { return defaultStyle }
        switch (format.stringValue, isQuery) {
        case ("csv", _): return defaultStyle
        case ("multi", true): return ("form", true)
        case ("ssv", true): return ("spaceDelimited", nil)
        case ("pipes", true): return ("pipeDelimited", nil)
        case ("tsv", _):
            warn("unsupported-collection-format", "OpenAPI 3.0 has no tab-separated style; collectionFormat tsv is read as csv", at: pointer)
            return defaultStyle
        case (let name?, _) where ["multi", "ssv", "pipes"].contains(name):
            warn(
                "unsupported-collection-format",
                "collectionFormat \(name) is not possible for a \(location) parameter; it is read as csv",
                at: pointer
            )
            return defaultStyle
        default:
            let text = Self.scalarText(format).map { "\"\($0)\"" } ?? Self.kind(of: format)
            warn("unsupported-collection-format", "\(text) is not a collectionFormat; it is read as csv", at: pointer)
            return defaultStyle
        }
    }

    // MARK: Request bodies

    /// A body parameter as a Request Body object, one media type per `consumes` entry.
    mutating func convertBodyParameter(_ parameter: JSONObject, at pointer: JSONPointer, consumes: [String]) -> JSONObject {
        var output = JSONObject()
        if let description = string(parameter["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        }
        var media = JSONObject()
        if let schema = parameter["schema"] {
            media["schema"] = convertSchema(schema, at: pointer.appending("schema"))
        } else {
            warn("missing-schema", "the body parameter has no schema; its content is left without one", at: pointer)
        }
        var content = JSONObject()
        for mediaType in consumes {
            content[mediaType] = .object(media)
        }
        output["content"] = .object(content)
        if let required = bool(parameter["required"], at: pointer.appending("required")) {
            output["required"] = .bool(required)
        }
        copyExtensions(of: parameter, into: &output, at: pointer, known: ["name", "in", "description", "required", "schema"])
        return output
    }

    /// formData parameters as one form Request Body: an object schema with a property per
    /// parameter, under `application/x-www-form-urlencoded` and/or `multipart/form-data`
    /// as `consumes` lists them (multipart when a parameter is a file).
    mutating func convertFormParameters(
        _ entries: [ParameterEntry],
        consumes: [String],
        consumesDeclared: Bool,
        at operationPointer: JSONPointer
    ) -> JSONObject {
        var properties = JSONObject()
        var required: [JSONValue] = []
        var encoding = JSONObject()
        var hasFile = false
        for entry in entries {
            guard case .inline(let parameter) = entry.content, let name = entry.name else { continue }
            let pointer = entry.pointer
            var property = simpleSchema(parameter, at: pointer, depth: 0)
            if parameter["type"] == nil {
                warn("missing-type", "the form parameter has no type; any value is allowed", at: pointer)
            }
            if let description = string(parameter["description"], at: pointer.appending("description")) {
                property["description"] = .string(description)
            }
            for (key, value) in parameter where Self.isExtension(key) {
                property[key] = value
            }
            for key in parameter.keys where !Self.isExtension(key) && !Self.parameterFields.contains(key) {
                unknownField(key, at: pointer)
            }
            if parameter["type"]?.stringValue == "file" { hasFile = true }
            if bool(parameter["required"], at: pointer.appending("required")) == true {
                required.append(.string(name))
            }
            if parameter["type"]?.stringValue == "array", let format = parameter["collectionFormat"] {
                switch format.stringValue {
                case "csv": encoding[name] = ["style": "form", "explode": false]
                case "ssv": encoding[name] = ["style": "spaceDelimited", "explode": false]
                case "pipes": encoding[name] = ["style": "pipeDelimited", "explode": false]
                case "multi": break  // the form default
                default:
                    warn(
                        "unsupported-collection-format",
                        "this collectionFormat has no OpenAPI 3.0 form encoding; the array is sent as repeated fields",
                        at: pointer.appending("collectionFormat")
                    )
                }
            }
            properties[name] = convertSchema(.object(property), at: pointer)
        }

        var schema: JSONObject = ["type": "object", "properties": .object(properties)]
        if !required.isEmpty { schema["required"] = .array(required) }

        var mediaTypes = consumes.filter {
            let essence = Self.essence(of: $0)
            return essence == Self.formURLEncoded || essence == Self.multipartFormData
        }
        if mediaTypes.isEmpty {
            let fallback = hasFile ? Self.multipartFormData : Self.formURLEncoded
            if consumesDeclared {
                warn(
                    "form-media-type",
                    "formData parameters are sent as \(Self.formURLEncoded) or \(Self.multipartFormData), and consumes lists neither; \(fallback) is used",
                    at: operationPointer
                )
            }
            mediaTypes = [fallback]
        } else if hasFile && !mediaTypes.contains(where: { Self.essence(of: $0) == Self.multipartFormData }) {
            warn(
                "form-media-type",
                "a file parameter needs \(Self.multipartFormData), which consumes does not list; it is added",
                at: operationPointer
            )
            mediaTypes.append(Self.multipartFormData)
        }

        var content = JSONObject()
        for mediaType in mediaTypes {
            var media: JSONObject = ["schema": .object(schema)]
            if !encoding.isEmpty && Self.essence(of: mediaType) == Self.formURLEncoded {
                media["encoding"] = .object(encoding)
            }
            content[mediaType] = .object(media)
        }
        var output: JSONObject = ["content": .object(content)]
        if !required.isEmpty { output["required"] = true }
        return output
    }
}
