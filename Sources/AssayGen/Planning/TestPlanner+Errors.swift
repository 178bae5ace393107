import AssayCore
import AssayData
import Foundation
import OrderedCollections

extension TestPlanner {
    /// Error scenarios: missing and invalid credentials on a secured operation, an unknown
    /// resource id, an unsupported method on the path, a body in the wrong media type.
    func errorCases(for operation: AssayCore.Operation, valid: RequestTemplate, random: inout SeededRandom) -> [TestCase] {
        let key = Self.key(of: operation)
        var cases: [TestCase] = []
        func add(_ suffix: String, _ title: String, _ description: String, _ request: RequestTemplate, _ status: StatusExpectation, operationID: String? = nil) {
            cases.append(
                TestCase(
                    id: "\(key).error.\(suffix)",
                    kind: .error,
                    title: "\(operation.id) \(title)",
                    description: description,
                    steps: [step(operation, request, expect: Expectation(status: status))]
                ))
        }
        let denied = StatusExpectation(codes: [401, 403])
        // Twins (``TestPlanner/hasTwins``): only the 405 case holds for every one of them; a
        // request this operation must refuse, a twin may accept.
        let twins = hasTwins.contains(operation.id)

        if operation.isSecured && !twins {
            var request = valid
            request.credentials = .none
            add("no-credentials", "refuses a request without credentials",
                "The operation is secured (\(operation.security.flatMap { $0.schemes.map(\.name) }.joined(separator: ", "))). "
                    + "Without credentials the API must answer 401 or 403, and never serve the resource.",
                request, denied)
            request.credentials = .invalid
            add("invalid-credentials", "refuses a request with invalid credentials",
                "The request carries credentials of the right form that no server issued; the API must answer 401 or 403.",
                request, denied)
        }

        if !twins, let request = unknownResourceRequest(for: operation, valid: valid, random: &random) {
            add("unknown-id", "answers 404 for an unknown id",
                "The last path parameter names a resource that does not exist (a valid value no server has issued). "
                    + "The API must answer 404, not 200 with an empty body or a 5xx.",
                request, StatusExpectation(codes: [404]))
        }

        if let method = unsupportedMethod(for: operation) {
            var request = valid
            request.method = method
            request.body = nil
            add("method-not-allowed", "answers 405 to \(method.name) on \(operation.path)",
                "\(operation.path) documents no \(method.name) operation. The API must answer 405 Method Not Allowed.",
                request, StatusExpectation(codes: [405]))
        }

        // A text/plain body is wrong only where the operation takes no text: one that
        // documents text/plain, text/* or */* may rightly accept it.
        if !twins, let body = valid.body, body.encoding == .json, !Self.acceptsText(operation) {
            var request = valid
            request.body = RequestTemplate.Body(contentType: "text/plain", encoding: .text, value: .literal("assay: this body is not JSON"))
            add("unsupported-media-type", "answers 415 to a text/plain body",
                "The operation takes \(body.contentType); a text/plain body must be refused with 415 Unsupported Media Type.",
                request, StatusExpectation(codes: [415]))
        }
        return cases
    }

    /// A request naming a resource that does not exist: the last path segment is a
    /// parameter, set to a valid value no server is likely to have issued.
    func unknownResourceRequest(for operation: AssayCore.Operation, valid: RequestTemplate, random: inout SeededRandom) -> RequestTemplate? {
        guard let last = operation.path.split(separator: "/").last, last.hasPrefix("{"), last.hasSuffix("}") else { return nil }
        let name = String(last.dropFirst().dropLast())
        // Only where the description says an unknown id gets 404 (or some 4xx): many paths
        // end in a variable that names no resource (httpbin's `/delay/{delay}`,
        // `/base64/{value}`), and a PUT may create what it names.
        let documents404 = operation.responses.contains { $0.status == "404" || $0.status.uppercased() == "4XX" }
        guard documents404 else { return nil }
        guard let parameter = operation.parameters.first(where: { $0.location == .path && $0.name == name }),
            let schema = parameter.schema
        else { return nil }
        // The candidates are the ones Assay's mock recognises as naming nothing.
        var candidates = UnknownResourceID.candidates(random: &random)
        if case .literal(let current)? = valid.pathParameters.first(where: { $0.name == name })?.value {
            candidates.removeAll { $0 == current }
        }
        guard let unknown = candidates.first(where: { validator.isValid($0, against: schema.value, schemaPointer: schema.pointer) }) else {
            return nil
        }
        var request = valid
        request.replace(parameter: name, in: .path, with: unknown)
        return request
    }

    /// Whether the operation's body may be sent as text.
    static func acceptsText(_ operation: AssayCore.Operation) -> Bool {
        (operation.requestBody?.content ?? []).contains { media in
            let type = bareMediaType(media.contentType)
            return type == "text/plain" || type == "text/*" || type == "*/*"
        }
    }

    /// A path with its variables unnamed and no trailing slash: `/v1/{parent}` and
    /// `/v1/{name}/` have one shape, and a server routes them alike. A fragment
    /// (`/tags/{arn}#tagKeys`) tells operations apart; it is not in the path.
    static func shape(of path: String) -> String {
        var result = ""
        var inVariable = false
        for character in PathTemplateParts(path).sent {
            if character == "{" {
                inVariable = true
                result += "{}"
            } else if character == "}" {
                inVariable = false
            } else if !inVariable {
                result.append(character)
            }
        }
        while result.count > 1 && result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// A method no path of the operation's shape documents, for the first documented
    /// operation of each shape only (one 405 case per path). Paths of one shape share a
    /// route on the server: a method another of them documents is not unsupported.
    func unsupportedMethod(for operation: AssayCore.Operation) -> HTTPMethod? {
        guard let route = routes[Self.shape(of: operation.path)], route.first == operation.id else { return nil }
        let documented = route.methods
        return [HTTPMethod.delete, .patch, .put, .post].first { !documented.contains($0) }
    }

    /// A latency budget on the side-effect-free (`GET`) operations.
    func performanceCases(for operation: AssayCore.Operation, valid: RequestTemplate) -> [TestCase] {
        guard operation.method == .get else { return [] }
        var expect = positiveExpectation(for: operation)
        expect.latencyBudgetMilliseconds = options.latencyBudgetMilliseconds
        return [
            TestCase(
                id: "\(Self.key(of: operation)).performance.latency",
                kind: .performance,
                title: "\(operation.id) answers within \(options.latencyBudgetMilliseconds) ms",
                description: "A valid request must succeed within the budget of \(options.latencyBudgetMilliseconds) ms "
                    + "(the p95 of the load profile is held to the same budget).",
                steps: [step(operation, valid, expect: expect)]
            )
        ]
    }

    /// The load profile: the performance cases in equal measure, a few requests at once,
    /// bounded in time and in count.
    func loadProfile(for plan: TestPlan) -> LoadProfile? {
        let mix = plan.cases.filter { $0.kind == .performance }.map { (caseID: $0.id, weight: 1) }
        guard !mix.isEmpty else { return nil }
        return LoadProfile(concurrency: 4, durationSeconds: 30, maxRequests: 10_000, mix: mix)
    }
}
