import OrderedCollections

/// Rewriting `$ref`s: component references point into `components`; other local
/// references are replaced by a converted copy of their target.
///
/// A local reference that does not name a whole definition, parameter or response (say
/// `#/definitions/Pet/properties/id`, or `#/paths/~1pets/get/parameters/0`) cannot be
/// kept: its target moves or changes shape in the conversion, and OpenAPI tooling only
/// resolves `#/components/<kind>/<name>` reliably. Copying the converted target keeps
/// the meaning; a chain that leads back to itself is cut with a warning.
extension SwaggerConverter {
    /// What a `$ref` in a schema position becomes.
    enum SchemaReference {
        /// A reference string for the output (a component, or an external reference kept as is).
        case reference(String)
        /// A local reference to replace by a copy of the value at the pointer.
        case inline(JSONPointer, JSONValue)
    }

    /// The source value at a local pointer.
    func sourceValue(at pointer: JSONPointer) -> JSONValue? {
        JSONValue.object(root).value(at: pointer)
    }

    /// Classifies a `$ref` found where a schema is expected.
    mutating func schemaReference(_ reference: String, at pointer: JSONPointer) -> SchemaReference {
        guard reference.hasPrefix("#") else { return .reference(reference) }
        guard let target = JSONPointer(reference) else {
            warn("unresolved-reference", "\(reference) is not a JSON pointer into this document; it is kept as it is", at: pointer)
            return .reference(reference)
        }
        if target.tokens.count == 2, target.tokens[0] == "definitions" {
            let name = target.tokens[1]
            if let componentName = schemaNames[name] {
                return .reference("#/components/schemas/" + componentName)
            }
            warn("unresolved-reference", "\(reference) refers to a definition that does not exist; the reference is kept", at: pointer)
            return .reference("#/components/schemas/" + Self.sanitizedComponentName(name))
        }
        guard let value = sourceValue(at: target) else {
            warn("unresolved-reference", "\(reference) refers to nothing in this document; it is kept as it is", at: pointer)
            return .reference(reference)
        }
        return .inline(target, value)
    }

    /// Starts replacing the local reference to `target` by a copy, or reports why it cannot.
    ///
    /// - Returns: `false` (after a warning) when the reference leads back to itself or the
    ///   copy budget is spent; the caller then uses an empty value. On `true` the caller
    ///   must call ``endInlining()`` when done.
    mutating func beginInlining(_ target: JSONPointer, reference: String, at pointer: JSONPointer) -> Bool {
        if inlining.contains(target) {
            warn("reference-cycle", "\(reference) leads back to itself through local references; the inner use is replaced by an empty value", at: pointer)
            return false
        }
        guard inlinedReferences < Self.maxInlinedReferences else {
            warn(
                "too-many-references",
                "more than \(Self.maxInlinedReferences) local references had to be copied; \(reference) is replaced by an empty value",
                at: pointer
            )
            return false
        }
        inlinedReferences += 1
        inlining.append(target)
        return true
    }

    /// Ends the copy started by a successful ``beginInlining(_:reference:at:)``.
    mutating func endInlining() {
        inlining.removeLast()
    }

    /// The output form of a reference found inside an extension: component references
    /// (deep ones included) point into `components`, anything else is unchanged.
    func mappedReference(_ reference: String) -> String {
        guard reference.hasPrefix("#"), let pointer = JSONPointer(reference), pointer.tokens.count >= 2 else { return reference }
        let name = pointer.tokens[1]
        let rest = pointer.tokens.dropFirst(2)
        let kind: String
        let componentName: String
        switch pointer.tokens[0] {
        case "definitions":
            kind = "schemas"
            componentName = schemaNames[name] ?? Self.sanitizedComponentName(name)
        case "parameters":
            kind = parameterKinds[name] == .body ? "requestBodies" : "parameters"
            componentName = parameterNames[name] ?? Self.sanitizedComponentName(name)
        case "responses":
            kind = "responses"
            componentName = responseNames[name] ?? Self.sanitizedComponentName(name)
        default:
            return reference
        }
        return JSONPointer(tokens: ["components", kind, componentName] + rest).fragment
    }

    /// `value` with every `$ref` string mapped by ``mappedReference(_:)``, for extension
    /// values the converter otherwise copies verbatim. A `$ref` member of a `properties`
    /// map is a property name, not a reference, and is left alone.
    func rewritingReferences(in value: JSONValue) -> JSONValue {
        rewritingReferences(in: value, inProperties: false, depth: 0)
    }

    private func rewritingReferences(in value: JSONValue, inProperties: Bool, depth: Int) -> JSONValue {
        guard depth < Self.maxSchemaDepth else { return value }
        switch value {
        case .object(var object):
            for (key, member) in object {
                switch member {
                case .string(let reference) where key == "$ref" && !inProperties:
                    object[key] = .string(mappedReference(reference))
                case .object, .array:
                    object[key] = rewritingReferences(in: member, inProperties: key == "properties" && !inProperties, depth: depth + 1)
                default:
                    continue
                }
            }
            return .object(object)
        case .array(let elements):
            return .array(elements.map { rewritingReferences(in: $0, inProperties: false, depth: depth + 1) })
        default:
            return value
        }
    }
}
