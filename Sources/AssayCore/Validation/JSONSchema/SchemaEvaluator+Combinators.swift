import OrderedCollections

extension SchemaEvaluator {
    /// `allOf`, `anyOf`, `oneOf` and `not`.
    func applyCombinators(_ instance: JSONValue, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        if case .array(let schemas)? = schema["allOf"] {
            for (index, subschema) in schemas.enumerated() {
                result.absorb(evaluate(instance, subschema, frame, path: ["allOf", String(index)]))
                if stop(frame, result) { return }
            }
        }
        if case .array(let schemas)? = schema["anyOf"] {
            var matched = false
            var firstFailure: SchemaValidationError?
            // Every alternative is evaluated: the valid ones all contribute annotations.
            for (index, subschema) in schemas.enumerated() {
                let evaluation = evaluate(instance, subschema, frame, path: ["anyOf", String(index)], quiet: true)
                if evaluation.isValid {
                    matched = true
                    result.absorbAnnotations(of: evaluation)
                } else if firstFailure == nil {
                    firstFailure = evaluation.errors.first
                }
            }
            if !matched {
                let reason = firstFailure.map { " (the first fails because \($0.message))" } ?? ""
                result.errors.append(error(frame, "anyOf", "the value matches none of the \(schemas.count) schemas of anyOf\(reason)"))
                if stop(frame, result) { return }
            }
        }
        if case .array(let schemas)? = schema["oneOf"] {
            var valid: [Int] = []
            var evaluations: [SchemaEvaluation] = []
            var firstFailure: SchemaValidationError?
            for (index, subschema) in schemas.enumerated() {
                let evaluation = evaluate(instance, subschema, frame, path: ["oneOf", String(index)], quiet: true)
                if evaluation.isValid {
                    valid.append(index)
                    evaluations.append(evaluation)
                } else if firstFailure == nil {
                    firstFailure = evaluation.errors.first
                }
            }
            if valid.count == 1, let only = evaluations.first {
                result.absorbAnnotations(of: only)
            } else if valid.isEmpty {
                let reason = firstFailure.map { " (the first fails because \($0.message))" } ?? ""
                result.errors.append(error(frame, "oneOf", "the value matches none of the \(schemas.count) schemas of oneOf\(reason)"))
            } else {
                let list = valid.map(String.init).joined(separator: ", ")
                result.errors.append(error(frame, "oneOf", "the value matches \(valid.count) schemas of oneOf (\(list)), but must match exactly one"))
            }
            if stop(frame, result) { return }
        }
        if let negated = schema["not"] {
            if evaluate(instance, negated, frame, path: ["not"], quiet: true).isValid {
                result.errors.append(error(frame, "not", "the value must not match the schema of not"))
            }
        }
    }

    /// `if`/`then`/`else` (2020-12).
    func applyConditional(_ instance: JSONValue, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        guard let condition = schema["if"] else { return }
        let test = evaluate(instance, condition, frame, path: ["if"], quiet: true)
        if test.isValid {
            result.absorbAnnotations(of: test)
            if let then = schema["then"] {
                result.absorb(evaluate(instance, then, frame, path: ["then"]))
            }
        } else if let otherwise = schema["else"] {
            result.absorb(evaluate(instance, otherwise, frame, path: ["else"]))
        }
    }
}
