import OrderedCollections

/// Rewriting `$ref`s.
///
/// References to a whole definition, parameter or response point to the matching
/// component. A local reference to anything else (say `#/definitions/Pet/properties/id`,
/// or `#/paths/~1pets/get/responses/200/schema`) cannot keep its pointer: the target moves
/// or changes shape in the conversion, and OpenAPI tooling only resolves references into
/// `components` when they name a whole component. So:
/// - in a schema position, the target schema is converted once into the root extension
///   ``innerSchemasKey`` (keyed by its source pointer) and the reference points there. A
///   copy in place would not do: such references are often recursive (Azure specs use
///   them for mutually recursive types), and copies of copies grow without bound. A
///   target that is itself just a reference is followed instead;
/// - in a parameter or response position, the target is converted in place (a copy);
///   these are small and never recursive, and a body parameter must become a request body.
extension SwaggerConverter {
    /// The root extension holding schemas that local references point into.
    static let innerSchemasKey = "x-assay-inner-schemas"

    /// The source value at a local pointer.
    func sourceValue(at pointer: JSONPointer) -> JSONValue? {
        JSONValue.object(root).value(at: pointer)
    }

    /// The output form of a `$ref` found where a schema is expected.
    mutating func schemaReference(_ reference: String, at pointer: JSONPointer) -> String {
        guard reference.hasPrefix("#") else { return reference }
        guard var target = JSONPointer(reference) else {
            warn("unresolved-reference", "\(reference) is not a JSON pointer into this document; it is kept as it is", at: pointer)
            return reference
        }
        var visited: [JSONPointer] = []
        while true {
            if target.tokens.count == 2, target.tokens[0] == "definitions" {
                let name = target.tokens[1]
                if let componentName = schemaNames[name] {
                    return "#/components/schemas/" + componentName
                }
                warn("unresolved-reference", "\(reference) refers to a definition that does not exist; the reference is kept", at: pointer)
                return "#/components/schemas/" + Self.sanitizedComponentName(name)
            }
            guard let value = sourceValue(at: target) else {
                warn("unresolved-reference", "\(reference) refers to nothing in this document; it is kept as it is", at: pointer)
                return reference
            }
            // A target that is only a reference: follow it rather than keep a copy of it.
            if case .object(let object) = value, object.count == 1, case .string(let next)? = object["$ref"] {
                guard next.hasPrefix("#") else { return next }
                if let nextTarget = JSONPointer(next), !visited.contains(nextTarget), visited.count < 64 {
                    visited.append(target)
                    target = nextTarget
                    continue
                }
                warn("reference-cycle", "\(reference) leads back to itself through references only; it refers to no schema", at: pointer)
            }
            return innerSchemaReference(target, value: value)
        }
    }

    /// The reference to the converted copy of the schema at `target` in ``innerSchemasKey``.
    ///
    /// The first use reserves the entry and queues the conversion (see
    /// ``convertInnerSchemas()``), so a schema that refers to itself gets a reference
    /// rather than endless recursion, and nesting never grows with the length of a chain.
    private mutating func innerSchemaReference(_ target: JSONPointer, value: JSONValue) -> String {
        let key = String(target.description.dropFirst())
        if innerSchemas[key] == nil {
            innerSchemas[key] = .object([:])
            pendingInnerSchemas.append((key, target, value))
        }
        return JSONPointer(tokens: [Self.innerSchemasKey, key]).fragment
    }

    /// Converts the queued inner schemas, and those they queue in turn, in order.
    mutating func convertInnerSchemas() {
        var next = 0
        while next < pendingInnerSchemas.count {
            let (key, target, value) = pendingInnerSchemas[next]
            next += 1
            innerSchemas[key] = convertSchema(value, at: target)
        }
        pendingInnerSchemas = []
    }

    /// Starts replacing the local reference to `target` (a parameter or response) by a
    /// copy, or reports why it cannot.
    ///
    /// - Returns: `false` (after a warning) when the reference leads back to itself or the
    ///   copy budget is spent. On `true` the caller must call ``endInlining()`` when done.
    mutating func beginInlining(_ target: JSONPointer, reference: String, at pointer: JSONPointer) -> Bool {
        if inlining.contains(target) {
            warn("reference-cycle", "\(reference) leads back to itself through local references; it is dropped", at: pointer)
            return false
        }
        guard inlinedReferences < Self.maxInlinedReferences else {
            warn(
                "too-many-references",
                "more than \(Self.maxInlinedReferences) local references had to be copied; \(reference) is dropped",
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
