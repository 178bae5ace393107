import AssayCore
import AssayData
import Foundation
import OrderedCollections

extension TestPlanner {
    /// The required-only request and, when it differs, the all-fields one; each expecting a
    /// documented 2xx. The last case's request is the richest valid request.
    func positiveCases(for operation: AssayCore.Operation, random: inout SeededRandom) throws(RequestFactory.Failure) -> [TestCase] {
        let key = Self.key(of: operation)
        let expect = positiveExpectation(for: operation)
        let minimal = try factory.request(for: operation, fill: .required, random: &random)
        var cases = [
            TestCase(
                id: "\(key).positive.required",
                kind: .positive,
                title: "\(operation.id) with only the required values succeeds",
                description: "Sends every required parameter and body member with valid, realistic values, and "
                    + "expects \(expect.status) as the description documents\(expect.schema == nil ? "" : ", with a body that matches the response schema").",
                steps: [step(operation, minimal, expect: expect)]
            )
        ]
        let full = try factory.request(for: operation, fill: .all, random: &random)
        if Self.addsMembers(full, to: minimal) {
            cases.append(
                TestCase(
                    id: "\(key).positive.all-fields",
                    kind: .positive,
                    title: "\(operation.id) with every documented value succeeds",
                    description: "Sends every parameter and body property the description declares, with valid values, and expects \(expect.status).",
                    steps: [step(operation, full, expect: expect)]
                ))
        }
        return cases
    }

    /// Whether `full` sends a parameter, a body or a body member that `minimal` leaves out.
    static func addsMembers(_ full: RequestTemplate, to minimal: RequestTemplate) -> Bool {
        func names(_ parameters: [RequestTemplate.Parameter]) -> Set<String> { Set(parameters.map(\.name)) }
        if names(full.query) != names(minimal.query) || names(full.headers) != names(minimal.headers)
            || names(full.cookies) != names(minimal.cookies)
        {
            return true
        }
        switch (full.body?.value, minimal.body?.value) {
        case (nil, nil): return false
        case (_?, nil), (nil, _?): return true
        case (.literal(let a)?, .literal(let b)?): return memberCount(a) > memberCount(b)
        default: return false
        }
    }

    /// How many object members a value holds at any depth.
    static func memberCount(_ value: JSONValue) -> Int {
        switch value {
        case .object(let object): return object.count + object.values.reduce(0) { $0 + memberCount($1) }
        case .array(let items): return items.reduce(0) { $0 + memberCount($1) }
        default: return 0
        }
    }

    /// What a valid request must get: a documented 2xx with its media type, schema and
    /// required headers.
    func positiveExpectation(for operation: AssayCore.Operation) -> Expectation {
        let exact = operation.responses.filter { $0.statusCode.map { (200..<300).contains($0) } == true }
        let ranged = operation.responses.contains { $0.status.uppercased() == "2XX" }
        var status = StatusExpectation(codes: exact.compactMap(\.statusCode), classes: ranged ? [2] : [])
        if status.codes.isEmpty && status.classes.isEmpty {
            // An operation that documents only redirects (`/redirect-to`: 302) succeeds with
            // one; redirects are never followed, so that is the answer checked.
            let redirects = operation.responses.compactMap(\.statusCode).filter { (300..<400).contains($0) }
            let redirectRange = operation.responses.contains { $0.status.uppercased() == "3XX" }
            if !redirects.isEmpty || redirectRange {
                return Expectation(status: StatusExpectation(codes: redirects, classes: redirectRange ? [3] : []))
            }
            status.classes = [2]
        }
        // One documented success: its body and headers are checked too. Several with
        // different bodies: only the status (which body applies depends on the code).
        let successes = exact + operation.responses.filter { $0.status.uppercased() == "2XX" }
        var expectation = Expectation(status: status)
        let candidates = successes.isEmpty ? operation.responses.filter { $0.status == "default" } : successes
        if successes.count == 1 || Set(candidates.map { $0.content.first?.schema?.pointer }).count == 1, let response = candidates.first {
            // JSON bodies are checked (the request asks for JSON with `Accept`); other media
            // types vary with content negotiation, so only the status is.
            if let media = response.content.first(where: { Self.isJSON($0.contentType) }) {
                expectation.contentType = Self.bareMediaType(media.contentType)
                expectation.schema = media.schema?.pointer
            }
            if successes.count == 1 {
                expectation.headers = response.headers.filter(\.required).map(\.name)
            }
        }
        return expectation
    }

    static func isJSON(_ type: String) -> Bool {
        let type = bareMediaType(type)
        return type == "application/json" || type.hasSuffix("+json")
    }

    /// `application/json` of `application/json; charset=utf-8`, lower-cased.
    static func bareMediaType(_ type: String) -> String {
        String(type.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}
