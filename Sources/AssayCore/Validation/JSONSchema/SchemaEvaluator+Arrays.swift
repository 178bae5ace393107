import OrderedCollections

extension SchemaEvaluator {
    /// `items`/`additionalItems` (draft 4), `prefixItems`/`items` (2020-12), `contains` with
    /// `minContains`/`maxContains`, `minItems`, `maxItems`, `uniqueItems`.
    func applyArray(_ array: [JSONValue], _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        var prefix: [JSONValue]?
        var prefixKeyword = "prefixItems"
        var rest: JSONValue?
        var restKeyword = "items"
        switch draft {
        case .draft4:
            if case .array(let schemas)? = schema["items"] {
                prefix = schemas
                prefixKeyword = "items"
                rest = schema["additionalItems"]
                restKeyword = "additionalItems"
            } else {
                rest = schema["items"]
            }
        case .draft2020_12:
            if case .array(let schemas)? = schema["prefixItems"] {
                prefix = schemas
            }
            if case .array(let schemas)? = schema["items"] {
                // The draft 2019-09 tuple form, read as `prefixItems` for robustness.
                if prefix == nil {
                    prefix = schemas
                    prefixKeyword = "items"
                }
            } else {
                rest = schema["items"]
            }
        }
        var covered = 0
        if let prefix {
            covered = min(prefix.count, array.count)
            for index in 0..<covered {
                result.absorbErrors(
                    of: evaluate(array[index], prefix[index], frame, path: [prefixKeyword, String(index)], instance: [String(index)])
                )
                if stop(frame, result) { return }
            }
            result.evaluatedPrefix = max(result.evaluatedPrefix, covered)
        }
        if let rest, covered < array.count {
            for index in covered..<array.count {
                result.absorbErrors(of: evaluate(array[index], rest, frame, path: [restKeyword], instance: [String(index)]))
                if stop(frame, result) { return }
            }
            result.evaluatedAllItems = true
        }
        if let minimum = Self.count(schema["minItems"]), array.count < minimum {
            result.errors.append(error(frame, "minItems", "the array has \(array.count) items, fewer than the minimum \(minimum)"))
        }
        if let maximum = Self.count(schema["maxItems"]), array.count > maximum {
            result.errors.append(error(frame, "maxItems", "the array has \(array.count) items, more than the maximum \(maximum)"))
        }
        if schema["uniqueItems"] == .bool(true), let (first, second) = Self.firstDuplicate(array) {
            result.errors.append(error(frame, "uniqueItems", "items \(first) and \(second) are equal, but items must be unique"))
        }
        if draft == .draft2020_12, let contains = schema["contains"] {
            var matched: Set<Int> = []
            for (index, item) in array.enumerated()
            where evaluate(item, contains, frame, path: ["contains"], instance: [String(index)], quiet: true).isValid {
                matched.insert(index)
            }
            let minimum = Self.count(schema["minContains"]) ?? 1
            if matched.count < minimum {
                let message =
                    matched.isEmpty
                    ? "no item matches the contains schema"
                    : "only \(matched.count) items match the contains schema, fewer than minContains \(minimum)"
                let keyword = schema["minContains"] == nil ? "contains" : "minContains"
                result.errors.append(error(frame, keyword, message))
            }
            if let maximum = Self.count(schema["maxContains"]), matched.count > maximum {
                result.errors.append(
                    error(frame, "maxContains", "\(matched.count) items match the contains schema, more than maxContains \(maximum)")
                )
            }
            result.evaluatedIndices.formUnion(matched)
        }
    }

    /// The indices of the first two equal items, by JSON equality.
    static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        guard array.count > 1 else { return nil }
        for second in 1..<array.count {
            for first in 0..<second where JSONSchemaValue.equal(array[first], array[second]) {
                return (first, second)
            }
        }
        return nil
    }

    /// `unevaluatedItems`: items no keyword of this schema (or of its valid in-place
    /// subschemas) evaluated.
    func applyUnevaluatedItems(_ array: [JSONValue], _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        guard let unevaluated = schema["unevaluatedItems"], !result.evaluatedAllItems else { return }
        for index in result.evaluatedPrefix..<max(result.evaluatedPrefix, array.count) where !result.evaluatedIndices.contains(index) {
            let evaluation = evaluate(array[index], unevaluated, frame, path: ["unevaluatedItems"], instance: [String(index)])
            if !evaluation.isValid {
                if case .bool(false) = unevaluated {
                    result.errors.append(
                        SchemaValidationError(
                            instancePointer: frame.instancePath.appending(index),
                            keywordPointer: frame.location.pointer.appending("unevaluatedItems"),
                            keyword: "unevaluatedItems",
                            message: "item \(index) is not allowed (no schema evaluates it)"
                        )
                    )
                } else {
                    result.errors.append(contentsOf: evaluation.errors)
                }
                if stop(frame, result) { return }
            }
        }
        if result.isValid { result.evaluatedAllItems = true }
    }
}
