import OrderedCollections

/// Security: `securityDefinitions` become `components/securitySchemes`, and security
/// requirements are copied with their scheme names mapped.
///
/// `basic` becomes `http`/`basic`; `apiKey` is kept; `oauth2` gets one flow: `implicit`,
/// `password`, `application` → `clientCredentials`, `accessCode` → `authorizationCode`.
extension SwaggerConverter {
    /// Every field of a Swagger 2.0 Security Scheme object.
    static let securitySchemeFields: Set<String> = ["type", "description", "name", "in", "flow", "authorizationUrl", "tokenUrl", "scopes"]

    /// Converts the security definitions up front, so requirements can tell which schemes exist.
    mutating func prepareSecuritySchemes() {
        let pointer = JSONPointer.root.appending("securityDefinitions")
        guard let value = root["securityDefinitions"], let definitions = object(value, at: pointer) else { return }
        for (name, definition) in definitions {
            if let scheme = convertSecurityScheme(definition, at: pointer.appending(name)) {
                securitySchemes[securitySchemeNames[name] ?? Self.sanitizedComponentName(name)] = .object(scheme)
            }
        }
    }

    private mutating func convertSecurityScheme(_ value: JSONValue, at pointer: JSONPointer) -> JSONObject? {
        guard let scheme = object(value, at: pointer) else { return nil }
        guard let type = string(scheme["type"], at: pointer.appending("type")) else {
            warn("invalid-security-scheme", "the security scheme has no type; it is dropped", at: pointer)
            return nil
        }
        var output = JSONObject()
        let description = string(scheme["description"], at: pointer.appending("description"))
        switch type {
        case "basic":
            output["type"] = "http"
            if let description { output["description"] = .string(description) }
            output["scheme"] = "basic"
        case "apiKey":
            guard let name = string(scheme["name"], at: pointer.appending("name")) else {
                warn("invalid-security-scheme", "the apiKey security scheme has no name; it is dropped", at: pointer)
                return nil
            }
            guard let location = string(scheme["in"], at: pointer.appending("in")), ["query", "header", "cookie"].contains(location) else {
                warn("invalid-security-scheme", "the apiKey security scheme has no valid in (query or header); it is dropped", at: pointer)
                return nil
            }
            output["type"] = "apiKey"
            if let description { output["description"] = .string(description) }
            output["name"] = .string(name)
            output["in"] = .string(location)
        case "oauth2":
            guard let flows = convertOAuthFlow(scheme, at: pointer) else { return nil }
            output["type"] = "oauth2"
            if let description { output["description"] = .string(description) }
            output["flows"] = .object(flows)
        default:
            warn(
                "invalid-security-scheme",
                "\"\(type)\" is not a security scheme type (basic, apiKey, oauth2); the scheme is dropped",
                at: pointer.appending("type")
            )
            return nil
        }
        copyExtensions(of: scheme, into: &output, at: pointer, known: Self.securitySchemeFields)
        return output
    }

    /// The `flows` object of an OAuth 2 scheme, or `nil` (with a warning) when the flow is unusable.
    private mutating func convertOAuthFlow(_ scheme: JSONObject, at pointer: JSONPointer) -> JSONObject? {
        let flowPointer = pointer.appending("flow")
        guard let flow = string(scheme["flow"], at: flowPointer) else {
            warn("invalid-security-scheme", "the oauth2 security scheme has no flow; it is dropped", at: pointer)
            return nil
        }
        let name: String
        let needsAuthorizationURL: Bool
        let needsTokenURL: Bool
        switch flow {
        case "implicit": (name, needsAuthorizationURL, needsTokenURL) = ("implicit", true, false)
        case "password": (name, needsAuthorizationURL, needsTokenURL) = ("password", false, true)
        case "application": (name, needsAuthorizationURL, needsTokenURL) = ("clientCredentials", false, true)
        case "accessCode": (name, needsAuthorizationURL, needsTokenURL) = ("authorizationCode", true, true)
        default:
            warn(
                "invalid-security-scheme",
                "\"\(flow)\" is not an oauth2 flow (implicit, password, application, accessCode); the scheme is dropped",
                at: flowPointer
            )
            return nil
        }
        var output = JSONObject()
        if needsAuthorizationURL {
            guard let link = url(scheme["authorizationUrl"], at: pointer.appending("authorizationUrl")) else {
                warn("invalid-security-scheme", "the oauth2 \(flow) flow needs an authorizationUrl; the scheme is dropped", at: pointer)
                return nil
            }
            output["authorizationUrl"] = .string(link)
        }
        if needsTokenURL {
            guard let link = url(scheme["tokenUrl"], at: pointer.appending("tokenUrl")) else {
                warn("invalid-security-scheme", "the oauth2 \(flow) flow needs a tokenUrl; the scheme is dropped", at: pointer)
                return nil
            }
            output["tokenUrl"] = .string(link)
        }
        var scopes = JSONObject()
        if let value = scheme["scopes"], let source = object(value, at: pointer.appending("scopes")) {
            for (scope, description) in source {
                scopes[scope] = .string(string(description, at: pointer.appending("scopes").appending(scope)) ?? "")
            }
        } else if scheme["scopes"] == nil {
            warn("missing-scopes", "the oauth2 security scheme has no scopes; an empty map is filled in", at: pointer)
        }
        output["scopes"] = .object(scopes)
        return [name: .object(output)]
    }

    /// A list of security requirements; names of schemes that do not exist are dropped
    /// with a warning, and so is an alternative left empty by that.
    mutating func convertSecurityRequirements(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let requirements = array(value, at: pointer) else { return nil }
        var output: [JSONValue] = []
        for (index, element) in requirements.enumerated() {
            let requirementPointer = pointer.appending(index)
            guard let requirement = object(element, at: requirementPointer) else { continue }
            var converted = JSONObject()
            for (name, scopes) in requirement {
                guard let componentName = securitySchemeNames[name], securitySchemes[componentName] != nil else {
                    warn(
                        "unknown-security-scheme",
                        "\"\(name)\" is not a usable security scheme of securityDefinitions; it is dropped from this requirement",
                        at: requirementPointer.appending(name)
                    )
                    continue
                }
                let list = strings(scopes, at: requirementPointer.appending(name)) ?? []
                converted[componentName] = .array(list.map(JSONValue.string))
            }
            if converted.isEmpty && !requirement.isEmpty { continue }
            output.append(.object(converted))
        }
        return .array(output)
    }
}
