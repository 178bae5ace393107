public import AssayCore
import Foundation
import OrderedCollections

extension SpecDiff {
    /// The diff as JSON (`spec-diff.json`, docs/plan.md).
    public var json: JSONValue {
        let breaking = breakingChanges
        return [
            "summary": [
                "added": .integer(added.count),
                "removed": .integer(removed.count),
                "changed": .integer(changed.count),
                "unchanged": .integer(unchanged.count),
                "breaking": .integer(breaking.count),
            ],
            "added": .array(added.map(JSONValue.string)),
            "removed": .array(removed.map(JSONValue.string)),
            "changed": .array(
                changed.map { change in
                    [
                        "operation": .string(change.operation),
                        "breaking": .array(change.breaking.map { ["kind": .string($0.kind.rawValue), "detail": .string($0.detail)] }),
                        "notes": .array(change.notes.map(JSONValue.string)),
                    ]
                }),
            "breaking": .array(
                breaking.map { ["operation": .string($0.operation), "kind": .string($0.kind.rawValue), "detail": .string($0.detail)] }),
        ]
    }

    /// The diff for a person: counts, then each added, removed and changed operation, with
    /// breaking changes marked. At most `limit` lines of detail.
    public func report(limit: Int = 60) -> String {
        let breaking = breakingChanges
        var lines = [
            "spec diff: \(added.count) added, \(removed.count) removed, \(changed.count) changed, \(unchanged.count) unchanged; "
                + (breaking.isEmpty ? "no breaking change" : "\(breaking.count) breaking change\(breaking.count == 1 ? "" : "s")")
        ]
        var detail: [String] = []
        for operation in added { detail.append("  + \(operation)") }
        for operation in removed { detail.append("  - \(operation)  BREAKING: the operation was removed") }
        for change in changed {
            detail.append("  ~ \(change.operation)")
            for item in change.breaking { detail.append("      BREAKING (\(item.kind.rawValue)): \(item.detail)") }
            for note in change.notes { detail.append("      \(note)") }
            if change.breaking.isEmpty && change.notes.isEmpty { detail.append("      wording or nested details changed") }
        }
        lines += detail.prefix(limit)
        if detail.count > limit { lines.append("  … \(detail.count - limit) more lines in spec-diff.json") }
        return lines.joined(separator: "\n")
    }
}
