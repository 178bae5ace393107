import AssayCore
import AssayData
import Foundation
import OrderedCollections

extension TestPlanner {
    /// Request headers the HTTP client writes on every request.
    static let transportHeaders: Set<String> = ["accept-encoding", "user-agent", "host", "connection", "content-length", "transfer-encoding", "te"]

    /// One case per broken rule: a missing required body or parameter, then the data
    /// engine's negative variants of the body and of each parameter. Each expects a 4xx.
    func validationCases(for operation: AssayCore.Operation, valid: RequestTemplate, random: inout SeededRandom) -> [TestCase] {
        let key = Self.key(of: operation)
        var cases: [TestCase] = []
        // Where the description names its validation status (400 or 422) and no range or
        // default covers the rest, the 4xx that comes back must be one it documents.
        let documentedValidationStatuses: StatusExpectation? = {
            let statuses = operation.responses.map { $0.status.uppercased() }
            guard statuses.contains("400") || statuses.contains("422"), !statuses.contains("4XX"), !statuses.contains("DEFAULT") else { return nil }
            return StatusExpectation(codes: operation.responses.compactMap(\.statusCode).filter { (400..<500).contains($0) }.sorted())
        }()
        func add(_ slug: String, _ rule: String, _ request: RequestTemplate) {
            cases.append(
                TestCase(
                    id: "\(key).validation.\(Self.slug(slug))",
                    kind: .validation,
                    title: "\(operation.id) rejects \(rule)",
                    description: "The request is valid but for one broken rule: \(rule). A conformant API answers with a 4xx; "
                        + "a 2xx means the rule is not enforced, a 5xx that the input reached code that did not expect it.",
                    rule: rule,
                    steps: [step(operation, request, expect: Expectation(status: StatusExpectation(classes: [4]), documented: documentedValidationStatuses))]
                ))
        }

        // A form with no fields is sent as no body at all (requests does so), so a form body
        // that requires no field cannot tell "missing" from "empty and valid".
        let emptyForm: Bool = {
            guard let body = valid.body, body.encoding == .form || body.encoding == .multipart else { return false }
            guard let requestBody = operation.requestBody, let (media, _) = RequestFactory.bodyMediaType(of: requestBody),
                let schema = media.schema?.value
            else { return true }
            return (resolve(schema)["required"]?.arrayValue ?? []).isEmpty
        }()
        if operation.requestBody?.required == true, valid.body != nil, !emptyForm {
            var request = valid
            request.body = nil
            add("missing-body", "a request without its required body", request)
        }
        // What a path's fragment names (`/distribution#WithTags`) tells this operation from
        // another on the same path: without it the request is a valid call of that other one.
        // So do query pairs written into the path (`/build/{file}?view=fileinfo`): a request
        // always carries them, whatever its parameters say.
        let discriminators = PathTemplateParts(operation.path).fixedNames
        for parameter in operation.parameters where parameter.required && parameter.location != .path {
            if discriminators.contains(parameter.name.lowercased()) { continue }
            // Headers the HTTP stack always writes itself (requests and the runner both send
            // Accept-Encoding) cannot be left out.
            if parameter.location == .header && Self.transportHeaders.contains(parameter.name.lowercased()) { continue }
            var request = valid
            switch parameter.location {
            case .query: request.query.removeAll { $0.name == parameter.name }
            case .header: request.headers.removeAll { $0.name == parameter.name }
            case .cookie: request.cookies.removeAll { $0.name == parameter.name }
            case .path: continue
            }
            guard request != valid else { continue }
            add("missing-\(parameter.location.rawValue)-\(parameter.name)", "a request without the required \(parameter.location.rawValue) parameter '\(parameter.name)'", request)
        }

        let budget = options.maxValidationCasesPerOperation
        if let body = valid.body, body.encoding == .json, case .literal(let value) = body.value,
            let media = operation.requestBody.flatMap(RequestFactory.bodyMediaType(of:))?.0, let schema = media.schema
        {
            for variant in negative.variants(of: value, schemaAt: schema.pointer, random: &random, limit: budget) {
                var request = valid
                request.body?.value = .literal(variant.value)
                let label = variant.label.replacingOccurrences(of: " at the root", with: "")
                add("body-\(Self.ruleKey(variant.rule))-\(variant.instancePointer.tokens.joined(separator: "-"))", "a body with \(label)", request)
            }
        }
        for parameter in operation.parameters {
            if parameter.location == .query && discriminators.contains(parameter.name.lowercased()) { continue }
            guard let schema = parameter.schema, let current = Self.literal(of: parameter, in: valid), Self.isScalar(current) else { continue }
            let variants = negative.variants(of: current, schemaAt: schema.pointer, random: &random, limit: 8)
            var taken = 0
            for variant in variants where taken < 3 && Self.isScalar(variant.value) {
                let text = variant.value.wireText
                // On the wire every value is text: a break that reads back as a valid value
                // (the integer 5 for a string, null as an empty string) breaks nothing.
                guard !readsBackValid(text, schema: schema) else { continue }
                if parameter.location == .header || parameter.location == .cookie,
                    text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value >= 0x7F || $0 == ";" })
                {
                    continue
                }
                // A header value's leading and trailing spaces are not part of it (RFC 9110,
                // 5.5): servers read `'9AVj7rM '` as `9AVj7rM`, which may well be valid.
                if parameter.location == .header, text.first == " " || text.first == "\t" || text.last == " " || text.last == "\t",
                    readsBackValid(text.trimmingCharacters(in: CharacterSet(charactersIn: " \t")), schema: schema)
                {
                    continue
                }
                if parameter.location == .path && text.isEmpty { continue }
                var request = valid
                request.replace(parameter: parameter.name, in: parameter.location, with: .string(text))
                add(
                    "\(parameter.location.rawValue)-\(parameter.name)-\(variant.rule.name)",
                    "the \(parameter.location.rawValue) parameter '\(parameter.name)' \(Self.valueLabel(variant))",
                    request)
                taken += 1
            }
        }
        return Array(cases.prefix(budget))
    }

    /// The rule in a case id: its name and what it names, never a generated value, so
    /// the id stays the same under another seed.
    static func ruleKey(_ rule: NegativeRule) -> String {
        switch rule {
        case .missingRequired(let property): return "missing-\(property)"
        case .wrongType(_, let actual): return "type-\(actual)"
        case .formatMismatch(let format): return "format-\(format)"
        case .dependentRequiredMissing(let property, let dependent): return "missing-\(dependent)-with-\(property)"
        case .noMatchingBranch(let combinator, let cause): return "\(combinator)-\(ruleKey(cause))"
        default: return rule.name
        }
    }

    /// "'abc' (not an integer)": the value sent and what it breaks.
    static func valueLabel(_ variant: NegativeVariant) -> String {
        let text = variant.value.wireText
        let shown = text.count > 40 ? String(text.prefix(37)) + "…" : text
        let rule = variant.label.replacingOccurrences(of: " at the root", with: "")
        return "set to '\(shown)': \(rule)"
    }

    /// The literal a valid request sends for a parameter.
    static func literal(of parameter: AssayCore.Parameter, in request: RequestTemplate) -> JSONValue? {
        guard case .literal(let value)? = request.parameters(in: parameter.location).first(where: { $0.name == parameter.name })?.value
        else { return nil }
        return value
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// Whether `text`, read back as a string, a number or a boolean, is valid against the schema.
    func readsBackValid(_ text: String, schema: Schema) -> Bool {
        var readings: [JSONValue] = [.string(text)]
        if let integer = Int(text) { readings.append(.integer(integer)) }
        if let double = Double(text), double.isFinite { readings.append(.double(double)) }
        if text == "true" || text == "false" { readings.append(.bool(text == "true")) }
        if text.isEmpty || text == "null" { readings.append(.null) }
        return readings.contains { validator.isValid($0, against: schema.value, schemaPointer: schema.pointer) }
    }
}

extension RequestTemplate {
    /// Sets the literal of a parameter (added when the request does not send it yet).
    mutating func replace(parameter name: String, in location: AssayCore.Parameter.Location, with value: JSONValue) {
        func update(_ list: inout [Parameter]) {
            if let index = list.firstIndex(where: { $0.name == name }) {
                list[index].value = .literal(value)
            } else {
                list.append(Parameter(name: name, value: .literal(value)))
            }
        }
        switch location {
        case .path: update(&pathParameters)
        case .query: update(&query)
        case .header: update(&headers)
        case .cookie: update(&cookies)
        }
    }
}
