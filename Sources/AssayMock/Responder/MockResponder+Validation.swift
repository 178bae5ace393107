import AssayCore
import OrderedCollections

extension MockResponder {
    /// Headers OpenAPI says a description may not define as parameters (they come from
    /// the body and the security schemes).
    static let reservedHeaders: Set<String> = ["accept", "content-type", "authorization"]

    /// The keywords of a value outside its documented bounds.
    static let boundKeywords: Set<String> = [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
    ]

    /// Reads and checks the parameters and the body; the error response when one is
    /// wrong (415 for the media type, else 400 or 422 naming every problem found).
    func readRequest(_ exchange: inout Exchange) -> MockResponse? {
        let validate = options.mutant != .acceptsInvalidInput
        let operation = exchange.operation
        let outcome = bodies.read(exchange.request, for: operation, validate: validate, anyMediaType: options.mutant == .ignoresContentType)
        if case .unsupported(let type) = outcome {
            let accepted = operation.requestBody?.content.map(\.contentType).joined(separator: ", ") ?? ""
            return problem(415, "unsupported_media_type", "\(operation.id) takes \(accepted), not \(type).", operation: operation)
        }

        var details: [JSONValue] = []
        var keywords: Set<String> = []
        let cookies = CookieHeader.cookies(in: exchange.request.headers)
        for parameter in operation.parameters {
            if parameter.location == .header && Self.reservedHeaders.contains(parameter.name.lowercased()) { continue }
            let texts: [String]
            switch parameter.location {
            case .path: texts = exchange.bindings[parameter.name].map { [$0] } ?? []
            case .query: texts = exchange.query.filter { $0.name == parameter.name }.map(\.value)
            case .header: texts = exchange.request.headers.values(of: parameter.name)
            case .cookie: texts = cookies.filter { $0.name == parameter.name }.map(\.value)
            }
            switch parameters.read(parameter, texts: texts, query: exchange.query) {
            case .value(let value):
                exchange.values[parameter.location, default: [:]][parameter.name] = value
            case .absent:
                if parameter.required && validate {
                    details.append(.object(Self.detail(parameter.location.rawValue, name: parameter.name, message: "the required \(parameter.location.rawValue) parameter is missing", keyword: "required")))
                    keywords.insert("required")
                }
            case .invalid(let shown, let errors):
                if validate {
                    for error in errors.prefix(5) {
                        details.append(
                            .object(
                                Self.detail(
                                    parameter.location.rawValue, name: parameter.name, message: "'\(Self.shorten(shown))': \(error.message)",
                                    keyword: error.keyword)))
                        keywords.insert(error.keyword)
                    }
                    if errors.isEmpty {
                        details.append(.object(Self.detail(parameter.location.rawValue, name: parameter.name, message: "'\(Self.shorten(shown))' is not valid", keyword: "type")))
                    }
                } else {
                    exchange.values[parameter.location, default: [:]][parameter.name] = .string(shown)
                }
            }
        }

        switch outcome {
        case .absent:
            if operation.requestBody?.required == true && validate {
                details.append(.object(Self.detail("body", name: nil, message: "the request body is required", keyword: "required")))
                keywords.insert("required")
            }
        case .value(let value, let media):
            exchange.body = value
            exchange.media = media
        case .malformed(let message):
            if validate {
                details.append(.object(Self.detail("body", name: nil, message: message, keyword: "syntax")))
                keywords.insert("syntax")
            }
        case .invalid(let value, let media, let errors):
            exchange.body = value
            exchange.media = media
            for error in errors.prefix(10) {
                var detail = Self.detail("body", name: nil, message: error.message, keyword: error.keyword)
                detail["pointer"] = .string(error.instancePointer.description)
                details.append(.object(detail))
                keywords.insert(error.keyword)
            }
        case .unsupported:
            break
        }
        guard !details.isEmpty else { return nil }
        if options.mutant == .crashOnOutOfRange && !keywords.isDisjoint(with: Self.boundKeywords) {
            return MockResponse(
                status: 500, headers: [MockHeader("Content-Type", "text/plain; charset=utf-8")],
                body: Array("Internal Server Error".utf8))
        }
        let count = details.count == 1 ? "one problem" : "\(details.count) problems"
        return problem(
            validationStatus(operation), "invalid_request", "The request to \(operation.id) is not valid (\(count), see details).",
            details: details, operation: operation)
    }

    /// 400, unless the operation documents 422 and not 400.
    func validationStatus(_ operation: AssayCore.Operation) -> Int {
        let documented = Set(operation.responses.compactMap(\.statusCode))
        return !documented.contains(400) && documented.contains(422) ? 422 : 400
    }

    /// One entry of an error's `details`: where (`in`, `name` or `pointer`), which rule, and what.
    static func detail(_ place: String, name: String?, message: String, keyword: String) -> JSONObject {
        var object: JSONObject = ["in": .string(place)]
        if let name { object["name"] = .string(name) }
        object["keyword"] = .string(keyword)
        object["message"] = .string(message)
        return object
    }

    static func shorten(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }
}
