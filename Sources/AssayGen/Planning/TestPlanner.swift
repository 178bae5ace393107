public import AssayCore
import AssayData
import Foundation
import OrderedCollections

/// Builds a ``TestPlan`` from an API model: per operation, the cases of the kinds the
/// strategy makes, each with values from the data engine.
///
/// Each operation draws from its own random stream, derived from the seed and the
/// operation's id: the cases of an operation do not change when other operations are
/// added or removed, which incremental regeneration relies on.
public struct TestPlanner: Sendable {
    public let model: APIModel
    public let options: PlannerOptions
    let factory: RequestFactory
    let negative: NegativeGenerator
    let validator: JSONSchemaValidator
    /// Per path shape (``shape(of:)``): the first operation on it and every method its
    /// paths document. Computed once: the 405 cases ask for every operation.
    let routes: [String: (first: String, methods: Set<HTTPMethod>)]
    /// Operations that no request tells apart from an earlier one (``indistinguishableKey(of:)``):
    /// their id → the id of the first of them, the one tested. OpenAPI forbids such paths
    /// (`/{applicationId}` beside `/{applicationDefinitionId}`); a server, the mock included,
    /// can only route them one way, so cases planned for the others would test the first.
    let shadowedBy: [String: String]
    /// The first operations of those groups: tested, but not with requests a server must
    /// refuse, which another of the group may accept.
    let hasTwins: Set<String>
    /// The operations that get cases: all but those ``shadowedBy`` names.
    let testedOperations: [AssayCore.Operation]
    /// Every path parameter of the model by name, one per distinct schema: what a value a
    /// flow shares between operations must satisfy (``sharedPathValue(_:named:random:)``).
    let pathParameters: [String: [AssayCore.Parameter]]

    public init(model: APIModel, options: PlannerOptions = PlannerOptions()) {
        self.model = model
        self.options = options
        factory = RequestFactory(model: model, locale: options.locale)
        negative = NegativeGenerator(document: model.document, dialect: model.schemaDialect, direction: .request)
        validator = JSONSchemaValidator(dialect: model.schemaDialect).prepared(for: model.document)
        var routes: [String: (first: String, methods: Set<HTTPMethod>)] = [:]
        for operation in model.operations {
            let shape = Self.shape(of: operation.path)
            routes[shape, default: (operation.id, [])].methods.insert(operation.method)
        }
        self.routes = routes
        var firsts: [String: String] = [:]
        var shadowedBy: [String: String] = [:]
        for operation in model.operations {
            let key = Self.indistinguishableKey(of: operation)
            if let first = firsts[key] { shadowedBy[operation.id] = first } else { firsts[key] = operation.id }
        }
        self.shadowedBy = shadowedBy
        hasTwins = Set(shadowedBy.values)
        testedOperations = shadowedBy.isEmpty ? model.operations : model.operations.filter { shadowedBy[$0.id] == nil }
        var pathParameters: [String: [AssayCore.Parameter]] = [:]
        var seen: [String: Set<JSONValue>] = [:]
        for operation in model.operations {
            for parameter in operation.parameters(in: .path) {
                if seen[parameter.name, default: []].insert(parameter.schema?.value ?? .null).inserted {
                    pathParameters[parameter.name, default: []].append(parameter)
                }
            }
        }
        self.pathParameters = pathParameters
    }

    /// What routes a request to an operation: method, path shape (variables unnamed),
    /// fragment, and the query parameters it requires.
    static func indistinguishableKey(of operation: AssayCore.Operation) -> String {
        let required = operation.parameters(in: .query).filter(\.required).map(\.name).sorted()
        let fragment = PathTemplateParts(operation.path).fragment.map(String.init) ?? ""
        return [operation.method.rawValue, shape(of: operation.path), fragment, required.joined(separator: "&")].joined(separator: " ")
    }

    /// The plan for every operation.
    /// - Parameter progress: called after each operation with (done, total), one call at a
    ///   time, from the threads that plan.
    public func plan(progress: (@Sendable (Int, Int) -> Void)? = nil) -> TestPlan {
        plan(contracts: OperationContract.contracts(of: model), progress: progress)
    }

    /// The plan for every operation, with the contracts of the model already made (they do
    /// not depend on the seed: rounds of several seeds make them once).
    func plan(contracts: [OperationContract], progress: (@Sendable (Int, Int) -> Void)? = nil) -> TestPlan {
        assemble(cases(for: model.operations, progress: progress), flows: plannedFlows(), contracts: contracts)
    }

    /// The cases of each of `operations`, in their order.
    ///
    /// Operations are independent (each has its own random stream), so they are planned on
    /// every core and gathered in order: the result is the same either way.
    func cases(for operations: [AssayCore.Operation], progress: (@Sendable (Int, Int) -> Void)?) -> [(cases: [TestCase], skipped: String?)] {
        let total = operations.count
        return ParallelMap.map(operations) { done in progress?(done, total) } transform: { cases(for: $0) }
    }

    /// The flows, when the kinds include them.
    func plannedFlows() -> [(suite: String, testCase: TestCase)] {
        options.effectiveKinds.contains(.flow) ? flowCases() : []
    }

    /// The plan from each operation's cases (in the model's order) and the flows.
    func assemble(
        _ results: [(cases: [TestCase], skipped: String?)],
        flows: [(suite: String, testCase: TestCase)],
        contracts: [OperationContract]
    ) -> TestPlan {
        var suites: [String: TestSuite] = [:]
        var order: [String] = []
        var skipped: [SkippedOperation] = []
        func add(_ cases: [TestCase], to name: String) {
            if suites[name] == nil {
                order.append(name)
                suites[name] = TestSuite(name: name, description: model.tags.first { $0.name == name }?.description, cases: [])
            }
            suites[name]!.cases += cases
        }
        for (operation, result) in zip(model.operations, results) {
            if let reason = result.skipped { skipped.append(SkippedOperation(operation: operation.id, reason: reason)) }
            if !result.cases.isEmpty { add(result.cases, to: Self.suiteName(of: operation)) }
        }
        // Flows span operations: each goes to the suite of the operation that starts it.
        for (name, testCase) in flows { add([testCase], to: name) }
        var plan = TestPlan(
            api: APIReference(
                title: model.info.title,
                version: model.info.version,
                source: model.source,
                baseURL: model.servers.first?.url,
                operationCount: model.operations.count
            ),
            strategy: options.strategy,
            seed: options.seed,
            suites: order.map { suites[$0]! },
            skipped: skipped,
            settings: PlanSettings(options),
            contracts: contracts,
            credentials: CredentialScheme.schemes(of: model)
        )
        plan.load = loadProfile(for: plan)
        let tested = plan.coveredOperations
        for operation in model.operations where tested.contains(operation.id) {
            let documented = DocumentedResponse.responses(of: operation)
            if documented.contains(where: { !$0.mediaTypes.isEmpty || !$0.headers.isEmpty }) { plan.responses[operation.id] = documented }
        }
        let headerSchemas = plan.responses.values.flatMap { $0.flatMap { $0.headers.map(\.schema) } }
        let pointers = Set(plan.cases.flatMap { $0.steps.compactMap(\.expect.schema) } + headerSchemas)
        if !pointers.isEmpty { plan.schemas = SchemaBundle(model: model, pointers: pointers.sorted()) }
        return plan
    }

    /// The suite an operation's cases go to: its first tag, else the first path segment
    /// that names a resource (`/v1/customers/{id}` → `customers`: a version or `api`
    /// prefix would put a whole untagged API such as Stripe's in one module).
    static func suiteName(of operation: AssayCore.Operation) -> String {
        if let tag = operation.tags.first, !tag.trimmingCharacters(in: .whitespaces).isEmpty { return tag }
        let segments = operation.path.split(separator: "/").filter { !$0.hasPrefix("{") }
        let segment = segments.first { !isPrefixSegment($0) } ?? segments.last
        return segment.map(String.init) ?? "root"
    }

    /// Whether a path segment is a prefix shared by the whole API rather than a resource:
    /// `api`, `rest`, a version (`v1`, `v2.1`, `1.0`) or a date version (`2020-08-27`).
    static func isPrefixSegment(_ segment: Substring) -> Bool {
        let lowered = segment.lowercased()
        if ["api", "apis", "rest", "latest", "public"].contains(lowered) { return true }
        var body = Substring(lowered)
        if body.first == "v" { body = body.dropFirst() }
        guard let first = body.first, first.isASCII, first.isNumber else { return false }
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." || $0 == "-" || $0 == "_" }
    }

    /// The cases of one operation, and the reason when it gets no positive case.
    public func cases(for operation: AssayCore.Operation) -> (cases: [TestCase], skipped: String?) {
        let kinds = options.effectiveKinds
        if let first = shadowedBy[operation.id] {
            return ([], "no request tells it apart from \(first): same method and path but for the variable names, which OpenAPI forbids")
        }
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash(operation.id))
        var cases: [TestCase] = []
        var skipped: String?
        var valid: RequestTemplate?
        do throws(RequestFactory.Failure) {
            let positives = try positiveCases(for: operation, random: &random)
            valid = positives.last?.steps.first?.request
            if kinds.contains(.positive) { cases += positives }
        } catch {
            skipped = "no valid request: \(error.reason)"
        }
        if let valid {
            // A request the first of a group of twins must refuse, another may accept (a
            // body only the first's schema rejects).
            if kinds.contains(.validation) && !hasTwins.contains(operation.id) {
                cases += validationCases(for: operation, valid: valid, random: &random)
            }
            if kinds.contains(.error) { cases += errorCases(for: operation, valid: valid, random: &random) }
            if kinds.contains(.performance) { cases += performanceCases(for: operation, valid: valid) }
        }
        return (Self.uniqued(cases), skipped)
    }

    /// Case ids made unique within an operation: a repeated id gets `-2`, `-3`, ….
    static func uniqued(_ cases: [TestCase]) -> [TestCase] {
        var seen: [String: Int] = [:]
        return cases.map { testCase in
            var testCase = testCase
            let count = (seen[testCase.id] ?? 0) + 1
            seen[testCase.id] = count
            if count > 1 { testCase.id += "-\(count)" }
            return testCase
        }
    }

    /// The stable key of an operation in case ids: its operationId, else method and path.
    static func key(of operation: AssayCore.Operation) -> String {
        if let id = operation.operationID, !id.isEmpty { return id }
        return operation.method.rawValue + "-" + slug(operation.path)
    }

    /// Lower-case letters, digits and dashes: `missing required property 'name'` →
    /// `missing-required-property-name`.
    static func slug(_ text: String) -> String {
        // Case ids are made from rule labels and paths, almost always ASCII: byte by byte,
        // without the Unicode property lookups and a lower-cased String per character.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(min(text.utf8.count, 80))
            var dash = false
            for byte in text.utf8 {
                let lowered = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
                if (0x61...0x7A).contains(lowered) || (0x30...0x39).contains(lowered) {
                    if dash && !bytes.isEmpty { bytes.append(0x2D) }
                    bytes.append(lowered)
                    dash = false
                } else {
                    dash = true
                }
            }
            return bytes.isEmpty ? "x" : String(decoding: bytes.prefix(80), as: UTF8.self)
        }
        var result = ""
        var dash = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if dash && !result.isEmpty { result.append("-") }
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                dash = false
            } else {
                dash = true
            }
        }
        return result.isEmpty ? "x" : String(result.prefix(80))
    }

    /// A step of `operation` sending `request`.
    func step(_ operation: AssayCore.Operation, _ request: RequestTemplate, expect: Expectation) -> TestStep {
        TestStep(operation: operation.id, operationID: operation.operationID, request: request, expect: expect)
    }
}
