import AssayCore
import AssayData
import Foundation
import OrderedCollections

/// Builds valid requests for an operation from the data engine: every required
/// parameter and body member, or every one the description declares.
struct RequestFactory: Sendable {
    /// Which members a request carries.
    enum Fill: String, Sendable {
        /// Only what is required.
        case required
        /// Every declared parameter and property.
        case all
    }

    /// Why an operation gets no valid request.
    struct Failure: Error, Sendable {
        var reason: String
    }

    let model: APIModel
    private let requiredOnly: SchemaValueGenerator
    private let allFields: SchemaValueGenerator

    init(model: APIModel, locale: LocalePack) {
        self.model = model
        requiredOnly = SchemaValueGenerator(
            model: model, options: GenerationOptions(direction: .request, optionalProperties: .none, locale: locale))
        allFields = SchemaValueGenerator(
            model: model, options: GenerationOptions(direction: .request, optionalProperties: .all, locale: locale))
    }

    /// Headers OpenAPI says a description may not define as parameters (they come from
    /// the body and the security schemes).
    static let reservedHeaders: Set<String> = ["accept", "content-type", "authorization"]

    /// Optional request headers that make a valid request answer 304 or 412 by design.
    static let conditionalHeaders: Set<String> = ["if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range"]

    /// The parameters a request of this fill sends. Optional conditional headers are left
    /// out: a made-up `If-None-Match` rightly turns a 200 into a 304.
    func parameters(of operation: AssayCore.Operation, fill: Fill) -> [AssayCore.Parameter] {
        operation.parameters.filter { parameter in
            if parameter.location == .header && Self.reservedHeaders.contains(parameter.name.lowercased()) { return false }
            if parameter.location == .header && !parameter.required && Self.conditionalHeaders.contains(parameter.name.lowercased()) { return false }
            return parameter.location == .path || parameter.required || fill == .all
        }
    }

    /// The documented default of an optional parameter, when it is a plain value of the
    /// schema's type (and in its enum): a request with every parameter sends the value the
    /// API expects, not a random duration or size (httpbin's `/drip?delay=821.95` waits
    /// 822 s, as documented).
    static func documentedDefault(of parameter: AssayCore.Parameter) -> JSONValue? {
        guard !parameter.required, parameter.location != .path, let schema = parameter.schema?.value, let value = schema["default"] else { return nil }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) { return nil }
        switch (schema["type"]?.stringValue, value) {
        case ("integer", .integer), ("number", .integer), ("number", .double), ("boolean", .bool): return value
        case ("string", .string(let text)) where !text.isEmpty: return value
        default: return nil
        }
    }

    /// A valid value for a parameter.
    func value(of parameter: AssayCore.Parameter, fill: Fill, random: inout SeededRandom) throws(Failure) -> JSONValue {
        guard let schema = parameter.schema ?? parameter.content.first?.schema else {
            if let example = parameter.example ?? parameter.content.first?.example { return example }
            return .string("assay")
        }
        if let value = Self.documentedDefault(of: parameter) { return value }
        let generator = fill == .all ? allFields : requiredOnly
        // A path segment may not be empty, and some values only look valid: try a few.
        var last: JSONValue = .string("assay")
        for _ in 0..<4 {
            do {
                last = try generator.value(forSchemaAt: schema.pointer, random: &random)
            } catch {
                throw Failure(reason: "\(parameter.location.rawValue) parameter '\(parameter.name)': \(error.message)")
            }
            if parameter.location != .path || !last.wireText.isEmpty { return last }
        }
        if parameter.location == .path {
            throw Failure(reason: "path parameter '\(parameter.name)' only admits an empty value")
        }
        return last
    }

    /// The request body media type to send: JSON first, then forms, then text, then anything.
    static func bodyMediaType(of body: RequestBody) -> (MediaType, RequestTemplate.Body.Encoding)? {
        func isJSON(_ type: String) -> Bool {
            let type = type.lowercased()
            return type == "application/json" || type.hasSuffix("+json") || type == "*/*" || type.hasPrefix("application/json;")
        }
        if let json = body.content.first(where: { isJSON($0.contentType) }) { return (json, .json) }
        if let form = body.content.first(where: { $0.contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") }) { return (form, .form) }
        if let multipart = body.content.first(where: { $0.contentType.lowercased().hasPrefix("multipart/") }) { return (multipart, .multipart) }
        if let other = body.content.first { return (other, .text) }
        return nil
    }

    /// A valid body, or `nil` when the fill leaves an optional body out.
    func body(of operation: AssayCore.Operation, fill: Fill, random: inout SeededRandom) throws(Failure) -> RequestTemplate.Body? {
        guard let body = operation.requestBody, body.required || fill == .all else { return nil }
        guard let (media, encoding) = Self.bodyMediaType(of: body) else { return nil }
        let contentType = media.contentType == "*/*" ? "application/json" : media.contentType
        var value: JSONValue
        if let schema = media.schema {
            do {
                value = try (fill == .all ? allFields : requiredOnly).value(forSchemaAt: schema.pointer, random: &random)
            } catch {
                throw Failure(reason: "request body (\(media.contentType)): \(error.message)")
            }
        } else {
            let named = media.examples.sorted { $0.key < $1.key }.first?.value
            let fallback: JSONValue = encoding == .json ? .object([:]) : .string("assay")
            value = media.example ?? named ?? fallback
        }
        switch encoding {
        case .form, .multipart:
            // Fields travel as an object; a non-object schema has nothing to split.
            if case .object = value {} else { value = ["value": value] }
        case .text:
            if case .string = value {} else { value = .string(JSONWriter().string(value)) }
        case .json:
            break
        }
        return RequestTemplate.Body(contentType: contentType, encoding: encoding, value: .literal(value))
    }

    /// A valid request of the operation.
    func request(for operation: AssayCore.Operation, fill: Fill, random: inout SeededRandom) throws(Failure) -> RequestTemplate {
        var request = RequestTemplate(method: operation.method, path: operation.path)
        for parameter in parameters(of: operation, fill: fill) {
            let value = try value(of: parameter, fill: fill, random: &random)
            let entry = RequestTemplate.Parameter(name: parameter.name, value: .literal(value), explode: parameter.explode)
            switch parameter.location {
            case .path: request.pathParameters.append(entry)
            case .query: request.query.append(entry)
            case .header: request.headers.append(entry)
            case .cookie: request.cookies.append(entry)
            }
        }
        // A path variable the description forgot to declare still needs a value.
        for name in operation.pathVariables where !request.pathParameters.contains(where: { $0.name == name }) {
            request.pathParameters.append(RequestTemplate.Parameter(name: name, value: .literal(.string("assay"))))
        }
        request.body = try body(of: operation, fill: fill, random: &random)
        return request
    }
}
