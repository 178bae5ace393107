import OrderedCollections
public import AssayCore
public import AssayMock

/// Whether a mutant is valid for a description: whether the description gives it anything
/// to break. A mutant with nothing to break behaves exactly as the conformant mock (an
/// equivalent mutant), and counting it would punish every suite alike.
///
/// The rules read the description only, never a suite, and lean towards validity: when in
/// doubt a mutant counts, so the score is never flattered.
public enum MutantApplicability {
    /// `nil` when `mutant` is valid for `model`, else why it is not.
    public static func reasonInvalid(_ mutant: Mutant, model: APIModel) -> String? {
        let operations = model.operations
        let paths = Dictionary(grouping: operations, by: \.path)
        func has(_ method: HTTPMethod, on path: String) -> Bool { paths[path]?.contains { $0.method == method } ?? false }
        let successes = operations.flatMap { operation in
            operation.responses.filter { ($0.statusCode ?? 0) >= 200 && ($0.statusCode ?? 0) < 300 }
        }
        let jsonBodies = successes.compactMap { response in
            response.content.first { $0.contentType.lowercased().contains("json") }
        }
        switch mutant {
        case .wrongStatus:
            return successes.contains { $0.statusCode != 203 } ? nil : "no operation documents a 2xx status other than 203"
        case .missingRequiredField:
            return jsonBodies.contains { requires(members: $0.schema?.value, model: model) }
                ? nil : "no success body requires a member"
        case .wrongType:
            return jsonBodies.contains { hasTypedMembers($0.schema?.value, model: model) }
                ? nil : "no success body has typed members"
        case .wrongContentType:
            return jsonBodies.isEmpty ? "no success body is JSON" : nil
        case .missingHeader:
            return successes.contains { $0.headers.contains { $0.required || $0.name.lowercased() == "location" } }
                ? nil : "no success response documents a required header or a Location"
        case .wrongLocation, .createIgnoresInput:
            let creates = operations.contains { operation in
                operation.method == .post && (paths.keys.contains { itemPath($0, of: operation.path) && has(.get, on: $0) })
            }
            let putCreates = operations.contains { $0.method == .put && has(.get, on: $0.path) && !$0.pathVariables.isEmpty }
            if mutant == .wrongLocation {
                return creates ? nil : "no POST creates an item its path can read back"
            }
            return creates || putCreates ? nil : "no operation creates a resource a GET can read back"
        case .acceptsInvalidInput:
            return operations.contains { !$0.parameters.isEmpty || $0.requestBody != nil }
                ? nil : "no operation takes a parameter or a body"
        case .crashOnOutOfRange:
            let bounded = operations.contains { operation in
                operation.parameters.contains { hasBounds($0.schema?.value, model: model) }
                    || (operation.requestBody?.content.contains { hasBounds($0.schema?.value, model: model) } ?? false)
            }
            return bounded ? nil : "no parameter or body declares a bound (minimum, maximum, lengths, item counts)"
        case .ignoresAuth, .acceptsInvalidCredentials:
            return operations.contains(where: \.isSecured) ? nil : "no operation is secured"
        case .ignoresUnknownID:
            return operations.contains { operation in
                !operation.pathVariables.isEmpty && operation.responses.contains { $0.status == "404" || $0.status.uppercased() == "4XX" }
            } ? nil : "no operation with a path variable documents 404"
        case .ignoresMethod:
            let allMethods: Set<HTTPMethod> = [.get, .post, .put, .patch, .delete]
            return paths.values.contains { !allMethods.isSubset(of: Set($0.map(\.method))) }
                ? nil : "every path documents every method"
        case .ignoresContentType:
            let strict = operations.contains { operation in
                guard let body = operation.requestBody, !body.content.isEmpty else { return false }
                return !body.content.contains { ["text/plain", "text/*", "*/*"].contains($0.contentType.lowercased()) }
            }
            return strict ? nil : "no request body is limited to specific media types"
        case .deleteDoesNothing:
            return operations.contains { $0.method == .delete && has(.get, on: $0.path) } ? nil : "no DELETE on a path a GET reads"
        case .staleReadAfterUpdate:
            return operations.contains { ($0.method == .put || $0.method == .patch) && has(.get, on: $0.path) }
                ? nil : "no PUT or PATCH on a path a GET reads"
        case .nonIdempotentPut:
            return operations.contains { $0.method == .put && !$0.pathVariables.isEmpty && has(.get, on: $0.path) }
                ? nil : "no PUT on an item path a GET reads"
        case .putMerges:
            let optional = operations.contains { operation in
                operation.method == .put && has(.get, on: operation.path)
                    && (operation.requestBody?.content.contains { hasOptionalMembers($0.schema?.value, model: model) } ?? false)
            }
            return optional ? nil : "no PUT body on a readable path has an optional member"
        case .slowResponse:
            return operations.contains { $0.method == .get } ? nil : "no GET operation"
        case .htmlErrors:
            let documented = operations.contains { operation in
                operation.responses.contains { response in
                    let status = response.status.uppercased()
                    let clientError = status == "4XX" || status == "DEFAULT" || (response.statusCode.map { (400..<500).contains($0) } ?? false)
                    return clientError && !response.content.isEmpty
                        && !response.content.contains { ["text/html", "text/*", "*/*", "*"].contains($0.contentType.lowercased()) }
                }
            }
            return documented ? nil : "no client error response documents a media type that excludes HTML"
        case .malformedHeader:
            let typed = successes.contains { response in
                response.headers.contains { header in
                    guard let schema = header.schema?.value, !["content-type", "content-length"].contains(header.name.lowercased()) else { return false }
                    return nodes(schema, model: model).contains { node in
                        guard case .object(let object) = node else { return false }
                        if case .string(let type)? = object["type"], type != "string" { return true }
                        return ["enum", "format", "pattern", "minLength", "maxLength", "const"].contains { object[$0] != nil }
                    }
                }
            }
            return typed ? nil : "no success response documents a header whose schema refuses some value"
        }
    }

    /// `candidate` is `collection/{variable}`.
    static func itemPath(_ candidate: String, of collection: String) -> Bool {
        let prefix = collection.hasSuffix("/") ? collection : collection + "/"
        guard candidate.hasPrefix(prefix) else { return false }
        let rest = candidate.dropFirst(prefix.count)
        return rest.hasPrefix("{") && rest.hasSuffix("}") && !rest.dropFirst().contains("/")
    }

    /// The schema objects reachable from `schema` through `$ref`, `allOf`/`oneOf`/`anyOf`,
    /// items and properties, at most three levels deep.
    static func nodes(_ schema: JSONValue?, model: APIModel, depth: Int = 3) -> [JSONValue] {
        var found: [JSONValue] = []
        var seen: Set<String> = []
        func walk(_ node: JSONValue?, _ level: Int) {
            guard level >= 0, var node else { return }
            while let reference = node["$ref"]?.stringValue {
                guard seen.insert(reference).inserted, let target = model.resolve(reference: reference) else { return }
                node = target
            }
            found.append(node)
            for key in ["allOf", "oneOf", "anyOf"] { for part in node[key]?.arrayValue ?? [] { walk(part, level) } }
            if let items = node["items"] { walk(items, level - 1) }
            for (_, member) in node["properties"]?.objectValue ?? [:] { walk(member, level - 1) }
        }
        walk(schema, depth)
        return found
    }

    static func requires(members schema: JSONValue?, model: APIModel) -> Bool {
        nodes(schema, model: model).contains { !($0["required"]?.arrayValue ?? []).isEmpty }
    }

    static func hasTypedMembers(_ schema: JSONValue?, model: APIModel) -> Bool {
        nodes(schema, model: model).contains { node in
            (node["properties"]?.objectValue ?? [:]).values.contains { member in
                let resolved = APICoverage.resolved(member, model: model)
                return resolved?["type"] != nil || resolved?["properties"] != nil
            }
        }
    }

    static let boundKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems"]

    static func hasBounds(_ schema: JSONValue?, model: APIModel) -> Bool {
        nodes(schema, model: model).contains { node in boundKeywords.contains { node[$0] != nil } }
    }

    static func hasOptionalMembers(_ schema: JSONValue?, model: APIModel) -> Bool {
        nodes(schema, model: model, depth: 0).contains { node in
            let required = Set((node["required"]?.arrayValue ?? []).compactMap(\.stringValue))
            return (node["properties"]?.objectValue ?? [:]).keys.contains { !required.contains($0) }
        }
    }
}
