import OrderedCollections

extension SchemaEvaluator {
    /// `properties`, `patternProperties`, `additionalProperties`, `required`,
    /// `minProperties`, `maxProperties`, `dependencies` (draft 4), `dependentRequired` and
    /// `propertyNames` (2020-12).
    func applyObject(_ object: JSONObject, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        // The members `properties` and `patternProperties` evaluated matter only to
        // `additionalProperties` here and to an `unevaluatedProperties` around.
        let additional = schema["additionalProperties"]
        let recordsMatches = additional != nil || tracksAnnotations
        var matched: Set<String> = []
        if case .object(let properties)? = schema["properties"] {
            for (name, subschema) in properties {
                guard let value = object[name] else { continue }
                if recordsMatches { matched.insert(name) }
                result.absorbErrors(of: evaluate(value, subschema, frame, path: ["properties", name], instance: [name]))
                if stop(frame, result) { return }
            }
        }
        if case .object(let patterns)? = schema["patternProperties"] {
            for (pattern, subschema) in patterns {
                for (name, value) in object where JSONSchemaRegex.shared.matches(pattern, name) == true {
                    matched.insert(name)
                    result.absorbErrors(of: evaluate(value, subschema, frame, path: ["patternProperties", pattern], instance: [name]))
                    if stop(frame, result) { return }
                }
            }
        }
        if let additional {
            for (name, value) in object where !matched.contains(name) {
                let evaluation = evaluate(value, additional, frame, path: ["additionalProperties"], instance: [name])
                if case .bool(false) = additional, !evaluation.isValid {
                    result.errors.append(
                        SchemaValidationError(
                            instancePointer: frame.instancePath.appending(name),
                            keywordPointer: frame.location.pointer.appending("additionalProperties"),
                            keyword: "additionalProperties",
                            message: "the property \"\(name)\" is not allowed"
                        )
                    )
                } else {
                    result.absorbErrors(of: evaluation)
                }
                if stop(frame, result) { return }
            }
            if tracksAnnotations { result.evaluatedProperties.formUnion(object.keys) }
        } else if tracksAnnotations {
            result.evaluatedProperties.formUnion(matched)
        }
        if case .array(let required)? = schema["required"] {
            for case .string(let name) in required where object[name] == nil && requiredExemption?(schema, name) != true {
                result.errors.append(error(frame, "required", "the required property \"\(name)\" is missing"))
            }
        }
        if let minimum = Self.count(schema["minProperties"]), object.count < minimum {
            result.errors.append(error(frame, "minProperties", "the object has \(object.count) properties, fewer than the minimum \(minimum)"))
        }
        if let maximum = Self.count(schema["maxProperties"]), object.count > maximum {
            result.errors.append(error(frame, "maxProperties", "the object has \(object.count) properties, more than the maximum \(maximum)"))
        }
        if stop(frame, result) { return }
        switch draft {
        case .draft4:
            if case .object(let dependencies)? = schema["dependencies"] {
                for (name, dependency) in dependencies where object[name] != nil {
                    if case .array(let names) = dependency {
                        requireDependents(names, of: name, in: object, keyword: "dependencies", frame, into: &result)
                    } else {
                        result.absorb(evaluate(.object(object), dependency, frame, path: ["dependencies", name]))
                    }
                    if stop(frame, result) { return }
                }
            }
        case .draft2020_12:
            if case .object(let dependencies)? = schema["dependentRequired"] {
                for (name, dependency) in dependencies where object[name] != nil {
                    if case .array(let names) = dependency {
                        requireDependents(names, of: name, in: object, keyword: "dependentRequired", frame, into: &result)
                    }
                }
            }
            if let names = schema["propertyNames"] {
                for name in object.keys {
                    let evaluation = evaluate(.string(name), names, frame, path: ["propertyNames"], quiet: true)
                    if !evaluation.isValid {
                        result.errors.append(
                            SchemaValidationError(
                                instancePointer: frame.instancePath.appending(name),
                                keywordPointer: frame.location.pointer.appending("propertyNames"),
                                keyword: "propertyNames",
                                message: "the property name \"\(name)\" is not allowed: "
                                    + (evaluation.errors.first?.message ?? "it does not match the propertyNames schema")
                            )
                        )
                        if stop(frame, result) { return }
                    }
                }
            }
        }
    }

    private func requireDependents(
        _ names: [JSONValue],
        of name: String,
        in object: JSONObject,
        keyword: String,
        _ frame: Frame,
        into result: inout SchemaEvaluation
    ) {
        for case .string(let dependent) in names where object[dependent] == nil {
            result.errors.append(
                SchemaValidationError(
                    instancePointer: frame.instancePath,
                    keywordPointer: frame.location.pointer.appending(keyword).appending(name),
                    keyword: keyword,
                    message: "the property \"\(dependent)\" is required when \"\(name)\" is present"
                )
            )
        }
    }

    /// `dependentSchemas` (2020-12): in-place subschemas applied when a property is present.
    func applyDependentSchemas(
        _ object: JSONObject,
        _ instance: JSONValue,
        _ schema: JSONObject,
        _ frame: Frame,
        into result: inout SchemaEvaluation
    ) {
        guard case .object(let dependencies)? = schema["dependentSchemas"] else { return }
        for (name, dependency) in dependencies where object[name] != nil {
            result.absorb(evaluate(instance, dependency, frame, path: ["dependentSchemas", name]))
            if stop(frame, result) { return }
        }
    }

    /// `unevaluatedProperties`: members no keyword of this schema (or of its valid in-place
    /// subschemas) evaluated.
    func applyUnevaluatedProperties(_ object: JSONObject, _ schema: JSONObject, _ frame: Frame, into result: inout SchemaEvaluation) {
        guard let unevaluated = schema["unevaluatedProperties"] else { return }
        for (name, value) in object where !result.evaluatedProperties.contains(name) {
            let evaluation = evaluate(value, unevaluated, frame, path: ["unevaluatedProperties"], instance: [name])
            if !evaluation.isValid {
                if case .bool(false) = unevaluated {
                    result.errors.append(
                        SchemaValidationError(
                            instancePointer: frame.instancePath.appending(name),
                            keywordPointer: frame.location.pointer.appending("unevaluatedProperties"),
                            keyword: "unevaluatedProperties",
                            message: "the property \"\(name)\" is not allowed (no schema evaluates it)"
                        )
                    )
                } else {
                    result.errors.append(contentsOf: evaluation.errors)
                }
                if stop(frame, result) { return }
            }
        }
        if result.isValid && tracksAnnotations { result.evaluatedProperties.formUnion(object.keys) }
    }
}
