public import AssayCore
public import AssayGen
import Foundation
import OrderedCollections

/// How much of an API a plan exercises, by the REST coverage criteria of Martin-Lopez,
/// Segura and Ruiz-Cortés ("Test coverage criteria for RESTful web APIs", 2019): paths,
/// operations, parameters, parameter values, content types, status codes, status classes
/// and response properties.
///
/// Measured on the plan (what its requests send and its expectations assert), so it needs
/// no run; each criterion is `covered ÷ total` with both counts kept, and a criterion with
/// nothing to cover counts as met.
public struct APICoverage: Sendable, Hashable {
    /// One criterion's counts.
    public struct Criterion: Sendable, Hashable {
        public var covered: Int
        public var total: Int
        public var ratio: Double { total == 0 ? 1 : Double(covered) / Double(total) }
    }

    public var paths: Criterion
    public var operations: Criterion
    public var parameters: Criterion
    public var parameterValues: Criterion
    public var contentTypes: Criterion
    public var statusCodes: Criterion
    public var statusClasses: Criterion
    public var responseProperties: Criterion

    /// Each criterion under its metric name, in report order.
    public var criteria: [(metric: String, criterion: Criterion)] {
        [
            ("path_coverage", paths), ("operation_coverage", operations), ("parameter_coverage", parameters),
            ("parameter_value_coverage", parameterValues), ("content_type_coverage", contentTypes),
            ("status_code_coverage", statusCodes), ("status_class_coverage", statusClasses),
            ("response_property_coverage", responseProperties),
        ]
    }

    /// The mean of the criteria.
    public var mean: Double { criteria.reduce(0) { $0 + $1.criterion.ratio } / Double(criteria.count) }

    /// The metrics, by ``QualityMetrics`` name.
    public var metrics: [String: Double] {
        var metrics = Dictionary(uniqueKeysWithValues: criteria.map { ($0.metric, $0.criterion.ratio) })
        metrics["coverage"] = mean
        return metrics
    }

    /// Measures `plan` against the description it was made from.
    public init(plan: TestPlan, model: APIModel) {
        var steps: [String: [TestStep]] = [:]
        for testCase in plan.cases {
            for step in testCase.steps { steps[step.operation, default: []].append(step) }
        }
        let operations = model.operations
        let allPaths = Set(operations.map(\.path))
        let coveredPaths = Set(operations.filter { steps[$0.id] != nil }.map(\.path))
        self.paths = Criterion(covered: coveredPaths.count, total: allPaths.count)
        self.operations = Criterion(covered: operations.count { steps[$0.id] != nil }, total: operations.count)

        var parameters = Criterion(covered: 0, total: 0)
        var values = Criterion(covered: 0, total: 0)
        var media = Criterion(covered: 0, total: 0)
        var codes = Criterion(covered: 0, total: 0)
        var classes = Criterion(covered: 0, total: 0)
        var properties = Criterion(covered: 0, total: 0)
        for operation in operations {
            let mine = steps[operation.id] ?? []
            // Parameters, and the values of enums and booleans.
            for parameter in operation.parameters {
                let sent = mine.compactMap { Self.sentValue(of: parameter, in: $0.request) }
                parameters.total += 1
                if !sent.isEmpty { parameters.covered += 1 }
                let domain = Self.valueDomain(of: parameter.schema?.value, model: model)
                values.total += domain.count
                values.covered += domain.count { value in sent.contains(value) }
            }
            if let body = operation.requestBody {
                parameters.total += 1
                if mine.contains(where: { $0.request.body != nil }) { parameters.covered += 1 }
                for type in Set(body.content.map { $0.contentType.lowercased() }) {
                    media.total += 1
                    if mine.contains(where: { $0.request.body?.contentType.lowercased() == type }) { media.covered += 1 }
                }
            }
            // Response media types, status codes and classes.
            var documentedClasses: Set<Int> = []
            for response in operation.responses {
                if let code = response.statusCode {
                    codes.total += 1
                    if mine.contains(where: { $0.expect.status.codes.contains(code) }) { codes.covered += 1 }
                    documentedClasses.insert(code / 100)
                } else if response.status.count == 3, let digit = response.status.first?.wholeNumberValue,
                    response.status.uppercased().hasSuffix("XX")
                {
                    documentedClasses.insert(digit)
                }
                let code = response.statusCode
                for type in Set(response.content.map { $0.contentType.lowercased() }) {
                    media.total += 1
                    let checked = mine.contains { step in
                        step.expect.contentType?.lowercased() == type && code.map { step.expect.status.accepts($0) } != false
                    }
                    if checked { media.covered += 1 }
                }
                // Properties of success bodies.
                guard let code, (200..<300).contains(code),
                    let schema = response.content.first(where: { Self.isJSON($0.contentType) })?.schema?.value
                else { continue }
                let names = Self.propertyPaths(of: schema, model: model)
                guard !names.isEmpty else { continue }
                properties.total += names.count
                let relevant = mine.filter { $0.expect.status.accepts(code) }
                if relevant.contains(where: { $0.expect.schema != nil }) {
                    properties.covered += names.count
                } else {
                    let read = Set(relevant.flatMap { $0.expect.bodyValues.map { Self.normalized($0.pointer.description) } })
                    properties.covered += names.count { read.contains($0) }
                }
            }
            for documentedClass in documentedClasses {
                classes.total += 1
                let expected = mine.contains { step in
                    step.expect.status.classes.contains(documentedClass)
                        || step.expect.status.codes.contains { $0 / 100 == documentedClass }
                }
                if expected { classes.covered += 1 }
            }
        }
        self.parameters = parameters
        self.parameterValues = values
        self.contentTypes = media
        self.statusCodes = codes
        self.statusClasses = classes
        self.responseProperties = properties
    }

    /// The literal value a request sends for `parameter`, if it sends one.
    static func sentValue(of parameter: Parameter, in request: RequestTemplate) -> JSONValue? {
        let list = request.parameters(in: parameter.location)
        let caseless = parameter.location == .header
        guard let sent = list.first(where: { caseless ? $0.name.lowercased() == parameter.name.lowercased() : $0.name == parameter.name })
        else { return nil }
        if case .literal(let value) = sent.value { return value }
        return .string("(captured)")
    }

    /// The finite values a parameter's schema allows, when it is an enum or a boolean.
    static func valueDomain(of schema: JSONValue?, model: APIModel) -> [JSONValue] {
        guard let schema = resolved(schema, model: model) else { return [] }
        if let values = schema["enum"]?.arrayValue { return values }
        if schema["type"]?.stringValue == "boolean" { return [.bool(true), .bool(false)] }
        return []
    }

    /// `schema` with `$ref`s followed (a few levels).
    static func resolved(_ schema: JSONValue?, model: APIModel) -> JSONValue? {
        var current = schema
        var hops = 0
        while let reference = current?["$ref"]?.stringValue, hops < 8 {
            current = model.resolve(reference: reference)
            hops += 1
        }
        return current
    }

    /// The member paths (`/id`, `/owner/name`, `/tags/name`) of an object schema, through
    /// `$ref`, `allOf` and array items, at most four levels deep.
    static func propertyPaths(of schema: JSONValue, model: APIModel) -> [String] {
        var paths: [String] = []
        var seen: Set<String> = []
        func walk(_ schema: JSONValue?, prefix: String, depth: Int, references: Set<String>) {
            guard depth < 4, var node = schema else { return }
            var references = references
            while let reference = node["$ref"]?.stringValue {
                guard !references.contains(reference), let target = model.resolve(reference: reference) else { return }
                references.insert(reference)
                node = target
            }
            for part in node["allOf"]?.arrayValue ?? [] { walk(part, prefix: prefix, depth: depth, references: references) }
            if let items = node["items"] { walk(items, prefix: prefix, depth: depth + 1, references: references) }
            for (name, member) in node["properties"]?.objectValue ?? [:] {
                let path = prefix + "/" + name
                if seen.insert(path).inserted { paths.append(path) }
                walk(member, prefix: path, depth: depth + 1, references: references)
            }
        }
        walk(schema, prefix: "", depth: 0, references: [])
        return paths
    }

    /// A body-value pointer without array indexes (`/items/0/name` → `/items/name`), as
    /// ``propertyPaths(of:model:)`` names members.
    static func normalized(_ pointer: String) -> String {
        pointer.split(separator: "/").filter { Int($0) == nil }.map { "/" + $0 }.joined()
    }

    static func isJSON(_ contentType: String) -> Bool {
        let type = contentType.lowercased()
        return type.contains("json") || type == "*/*"
    }
}
