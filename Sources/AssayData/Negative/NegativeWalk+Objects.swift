import AssayCore
import OrderedCollections

extension NegativeWalk {
    /// Most properties added to break `maxProperties`.
    static let maxBuiltProperties = 1_000

    /// `required`, `additionalProperties`/`unevaluatedProperties: false`, `minProperties`,
    /// `maxProperties`, and `dependentRequired` (draft 4: `dependencies` with names).
    mutating func proposeObject(_ object: JSONObject, at pointer: JSONPointer, _ node: NegativeSchemaNode, _ set: NegativeNodeSet) {
        let place = NegativeText.place(pointer)
        if case .array(let required)? = node.schema["required"] {
            for case .string(let name) in required {
                guard let member = object[name], !isSkipped(memberNodes(name, member, of: pointer, in: set)) else { continue }
                var smaller = object
                smaller.removeValue(forKey: name)
                submit(
                    attempt(.missingRequired(property: name), "required", node, pointer, [.object(smaller)]) { _ in
                        "missing required property '\(name)' at \(place)"
                    },
                    node
                )
                if isSaturated { return }
            }
        }
        for keyword in isDraft4 ? ["additionalProperties"] : ["additionalProperties", "unevaluatedProperties"]
        where node.schema[keyword] == .bool(false) {
            let name = unusedName(in: object, node)
            var larger = object
            larger[name] = "unexpected"
            var proposal = attempt(.additionalProperty(name: name), keyword, node, pointer, [.object(larger)]) { _ in
                "unexpected property '\(name)' at \(place)"
            }
            proposal.instancePointer = pointer.appending(name)
            submit(proposal, node)
        }
        if let minimum = Self.count(node.schema["minProperties"]), minimum >= 1, object.count >= minimum {
            var required: Set<String> = []
            for other in set.nodes {
                if case .array(let names)? = other.schema["required"] { required.formUnion(names.compactMap(\.stringValue)) }
            }
            // Optional properties go first, from the end, so `required` stays satisfied when it can.
            let order = object.keys.reversed().filter { !required.contains($0) } + object.keys.reversed().filter { required.contains($0) }
            var smaller = object
            for name in order.prefix(object.count - minimum + 1) { smaller.removeValue(forKey: name) }
            submit(
                attempt(.tooFewProperties, "minProperties", node, pointer, [.object(smaller)]) { _ in
                    "an object of \(minimum - 1) properties is below minProperties \(minimum) at \(place)"
                },
                node
            )
        }
        if let maximum = Self.count(node.schema["maxProperties"]), maximum >= 0, maximum < Self.maxBuiltProperties, object.count <= maximum {
            var larger = object
            var number = 1
            while larger.count <= maximum {
                let name = "extraProperty\(number)"
                if larger[name] == nil { larger[name] = "extra" }
                number += 1
            }
            submit(
                attempt(.tooManyProperties, "maxProperties", node, pointer, [.object(larger)]) { _ in
                    "an object of \(maximum + 1) properties is above maxProperties \(maximum) at \(place)"
                },
                node
            )
        }
        let dependencyKeyword = isDraft4 ? "dependencies" : "dependentRequired"
        if case .object(let dependencies)? = node.schema[dependencyKeyword] {
            for (trigger, dependents) in dependencies where object[trigger] != nil {
                guard case .array(let names) = dependents else { continue }
                for case .string(let dependent) in names {
                    guard let member = object[dependent], !isSkipped(memberNodes(dependent, member, of: pointer, in: set)) else { continue }
                    var smaller = object
                    smaller.removeValue(forKey: dependent)
                    var proposal = attempt(
                        .dependentRequiredMissing(property: trigger, dependent: dependent),
                        dependencyKeyword,
                        node,
                        pointer,
                        [.object(smaller)]
                    ) { _ in "missing property '\(dependent)', required when '\(trigger)' is present, at \(place)" }
                    proposal.schemaPointer = node.pointer.appending(dependencyKeyword).appending(trigger)
                    submit(proposal, node)
                    if isSaturated { return }
                }
            }
        }
    }

    /// A property name the object does not have and the schema does not name or match:
    /// `unexpectedProperty`, or a numbered variant of it.
    func unusedName(in object: JSONObject, _ node: NegativeSchemaNode) -> String {
        let properties = node.schema["properties"]?.objectValue
        let patterns = node.schema["patternProperties"]?.objectValue?.keys.map { $0 } ?? []
        var number = 1
        while true {
            let name = number == 1 ? "unexpectedProperty" : "unexpectedProperty\(number)"
            if object[name] == nil, properties?[name] == nil,
                !patterns.contains(where: { JSONSchemaValidator.patternMatches($0, name) == true })
            {
                return name
            }
            number += 1
            if number > 50 { return name }
        }
    }
}
