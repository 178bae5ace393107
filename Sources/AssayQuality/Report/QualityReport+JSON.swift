public import AssayCore
import OrderedCollections

extension QualityReport {
    /// The report as JSON (what `assay gate --json` writes and the cache keeps).
    public var json: JSONValue {
        func object(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(uniqueKeysWithValues: pairs)) }
        return object([
            ("subject", .string(subject)),
            ("kind", .string(kind)),
            ("contentHash", .string(contentHash)),
            ("metrics", object(metrics.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })),
            ("notMeasured", object(notMeasured.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("weights", object(weights.sorted { $0.key < $1.key }.map { ($0.key, .double($0.value)) })),
            (
                "files",
                .array(
                    files.map {
                        object([
                            ("path", .string($0.path)), ("score", .double($0.score)), ("tests", .integer($0.tests)),
                            ("findings", .array($0.findings.map(JSONValue.string))),
                        ])
                    })
            ),
            (
                "mutants",
                .array(
                    mutants.map {
                        object([("name", .string($0.name)), ("valid", .bool($0.valid)), ("killed", .bool($0.killed)), ("detail", .string($0.detail))])
                    })
            ),
            ("falseFailures", .array(falseFailures.map(JSONValue.string))),
            (
                "coverage",
                .array(coverage.map { object([("metric", .string($0.metric)), ("covered", .integer($0.covered)), ("total", .integer($0.total))]) })
            ),
            ("seconds", .double(seconds)),
        ])
    }

    /// Reads ``json`` back; nil when it is not a report of this shape.
    public init?(json: JSONValue) {
        guard let subject = json["subject"]?.stringValue, let kind = json["kind"]?.stringValue,
            let hash = json["contentHash"]?.stringValue, let metrics = json["metrics"]?.objectValue
        else { return nil }
        self.subject = subject
        self.kind = kind
        self.contentHash = hash
        self.metrics = metrics.reduce(into: [:]) { $0[$1.key] = $1.value.doubleValue }
        notMeasured = (json["notMeasured"]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key] = $1.value.stringValue }
        weights = (json["weights"]?.objectValue ?? [:]).reduce(into: [:]) { $0[$1.key] = $1.value.doubleValue }
        files = (json["files"]?.arrayValue ?? []).map {
            FileScore(
                path: $0["path"]?.stringValue ?? "?", score: $0["score"]?.doubleValue ?? 0, tests: $0["tests"]?.intValue ?? 0,
                findings: ($0["findings"]?.arrayValue ?? []).compactMap(\.stringValue))
        }
        mutants = (json["mutants"]?.arrayValue ?? []).map {
            MutantLine(
                name: $0["name"]?.stringValue ?? "?", valid: $0["valid"]?.boolValue ?? false, killed: $0["killed"]?.boolValue ?? false,
                detail: $0["detail"]?.stringValue ?? "")
        }
        falseFailures = (json["falseFailures"]?.arrayValue ?? []).compactMap(\.stringValue)
        coverage = (json["coverage"]?.arrayValue ?? []).map {
            CoverageLine(metric: $0["metric"]?.stringValue ?? "?", covered: $0["covered"]?.intValue ?? 0, total: $0["total"]?.intValue ?? 0)
        }
        seconds = json["seconds"]?.doubleValue ?? 0
    }
}
