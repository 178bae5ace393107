import AssayCore
import OrderedCollections

/// One run of ``NegativeGenerator``: walks the valid instance and the schema together,
/// proposes breaks at every value, and keeps the candidates that fail for exactly their rule.
struct NegativeWalk {
    let document: JSONValue
    let dialect: SchemaDialect
    let direction: NegativeDirection
    /// Whether formats are asserted (and so may be broken).
    let formats: Bool
    /// The largest array built to break `maxItems`.
    let maxBuiltItems: Int
    let checker: JSONSchemaValidator
    let root: JSONValue
    let rootSchema: JSONValue
    let rootPointer: JSONPointer
    let limit: Int
    var random: SeededRandom

    private(set) var variants: [NegativeVariant] = []
    private(set) var dropped = 0
    /// Instances already emitted: two schema paths proposing the same break give one variant.
    private var emitted: Set<JSONValue> = []
    /// Proposed breaks of specific assertions (bounds, lengths, required, …), in walk order.
    private var specific: [(NegativeAttempt, NegativeSchemaNode)] = []
    /// Proposed type breaks (wrong type, null), in walk order: checked after the specific ones,
    /// so that a limit keeps the more telling variants.
    private var typeBreaks: [(NegativeAttempt, NegativeSchemaNode)] = []

    /// Deepest instance nesting walked.
    static let maxInstanceDepth = 64
    /// Most schema objects gathered for one value (a guard against reference mazes).
    static let maxNodesPerValue = 256

    init(
        document: JSONValue,
        dialect: SchemaDialect,
        direction: NegativeDirection,
        formats: Bool,
        maxBuiltItems: Int,
        checker: JSONSchemaValidator,
        root: JSONValue,
        rootSchema: JSONValue,
        rootPointer: JSONPointer,
        limit: Int,
        random: SeededRandom
    ) {
        self.document = document
        self.dialect = dialect
        self.direction = direction
        self.formats = formats
        self.maxBuiltItems = maxBuiltItems
        self.checker = checker
        self.root = root
        self.rootSchema = rootSchema
        self.rootPointer = rootPointer
        self.limit = limit
        self.random = random
    }

    var isDraft4: Bool { dialect == .openAPI30 }
    var isFull: Bool { variants.count >= limit }
    /// Whether enough breaks are proposed to fill the limit even if most are dropped.
    var isSaturated: Bool { specific.count >= limit.multipliedReportingOverflow(by: 4).partialValue }

    mutating func run() {
        let set = nodes(for: rootSchema, at: rootPointer, instance: root, instancePointer: .root, branch: nil)
        visit(root, at: .root, set, depth: 0)
        for (attempt, node) in specific + typeBreaks {
            if isFull { break }
            check(attempt, node)
        }
    }

    /// Queues a proposed break; ``run()`` checks them once the walk is done.
    mutating func submit(_ attempt: NegativeAttempt, _ node: NegativeSchemaNode) {
        guard !attempt.candidates.isEmpty else { return }
        switch attempt.rule {
        case .wrongType, .nullNotAllowed: typeBreaks.append((attempt, node))
        default: specific.append((attempt, node))
        }
    }

    // MARK: Walking

    /// Proposes the breaks of one value, then walks its members or items.
    mutating func visit(_ value: JSONValue, at pointer: JSONPointer, _ set: NegativeNodeSet, depth: Int) {
        guard !isSaturated, depth <= Self.maxInstanceDepth, !set.nodes.isEmpty, !isSkipped(set) else { return }
        for node in set.nodes {
            proposeTypeAndValue(value, at: pointer, node, set)
            switch value {
            case .integer, .double: proposeNumeric(value, at: pointer, node, set)
            case .string(let string): proposeString(string, at: pointer, node, set)
            case .object(let object): proposeObject(object, at: pointer, node, set)
            case .array(let array): proposeArray(array, at: pointer, node, set)
            default: break
            }
            if isSaturated { return }
        }
        switch value {
        case .object(let object):
            for (name, member) in object {
                let child = memberNodes(name, member, of: pointer, in: set)
                visit(member, at: pointer.appending(name), child, depth: depth + 1)
                if isSaturated { return }
            }
        case .array(let array):
            for (index, item) in array.enumerated() {
                let child = itemNodes(index, item, of: pointer, in: set)
                visit(item, at: pointer.appending(index), child, depth: depth + 1)
                if isSaturated { return }
            }
        default:
            break
        }
    }

    /// Whether the direction says to leave this value alone.
    func isSkipped(_ set: NegativeNodeSet) -> Bool {
        switch direction {
        case .request: return set.readOnly
        case .response: return set.writeOnly
        }
    }

    /// The schemas that apply to member `name` of the object at `pointer`.
    func memberNodes(_ name: String, _ member: JSONValue, of pointer: JSONPointer, in set: NegativeNodeSet) -> NegativeNodeSet {
        var result = NegativeNodeSet()
        var visited: Set<JSONPointer> = []
        let memberPointer = pointer.appending(name)
        for node in set.nodes {
            var matched = false
            if case .object(let properties)? = node.schema["properties"], let schema = properties[name] {
                matched = true
                collect(schema, at: node.pointer.appending("properties").appending(name), member, memberPointer, node.branch, &result, &visited)
            }
            if case .object(let patterns)? = node.schema["patternProperties"] {
                for (pattern, schema) in patterns where JSONSchemaValidator.patternMatches(pattern, name) == true {
                    matched = true
                    collect(
                        schema,
                        at: node.pointer.appending("patternProperties").appending(pattern),
                        member,
                        memberPointer,
                        node.branch,
                        &result,
                        &visited
                    )
                }
            }
            if !matched, let schema = node.schema["additionalProperties"], case .object = schema {
                collect(schema, at: node.pointer.appending("additionalProperties"), member, memberPointer, node.branch, &result, &visited)
            }
        }
        return result
    }

    /// The schemas that apply to item `index` of the array at `pointer`.
    func itemNodes(_ index: Int, _ item: JSONValue, of pointer: JSONPointer, in set: NegativeNodeSet) -> NegativeNodeSet {
        var result = NegativeNodeSet()
        var visited: Set<JSONPointer> = []
        let itemPointer = pointer.appending(index)
        for node in set.nodes {
            var tuple: [JSONValue]?
            var tupleKeyword = "items"
            var rest: (JSONValue, String)?
            if isDraft4 {
                if case .array(let schemas)? = node.schema["items"] {
                    tuple = schemas
                    if let additional = node.schema["additionalItems"] { rest = (additional, "additionalItems") }
                } else if let items = node.schema["items"] {
                    rest = (items, "items")
                }
            } else {
                if case .array(let schemas)? = node.schema["prefixItems"] {
                    tuple = schemas
                    tupleKeyword = "prefixItems"
                } else if case .array(let schemas)? = node.schema["items"] {
                    tuple = schemas
                }
                if let items = node.schema["items"], items.arrayValue == nil { rest = (items, "items") }
            }
            if let tuple, index < tuple.count {
                collect(tuple[index], at: node.pointer.appending(tupleKeyword).appending(index), item, itemPointer, node.branch, &result, &visited)
            } else if let (schema, keyword) = rest {
                collect(schema, at: node.pointer.appending(keyword), item, itemPointer, node.branch, &result, &visited)
            }
        }
        return result
    }

    // MARK: Gathering schemas

    /// The schema objects that apply to `instance` when `schema` (at `pointer`) does.
    func nodes(
        for schema: JSONValue,
        at pointer: JSONPointer,
        instance: JSONValue,
        instancePointer: JSONPointer,
        branch: NegativeBranch?
    ) -> NegativeNodeSet {
        var result = NegativeNodeSet()
        var visited: Set<JSONPointer> = []
        collect(schema, at: pointer, instance, instancePointer, branch, &result, &visited)
        return result
    }

    /// Adds `schema` and every schema it applies in place to `instance`: references, `allOf`,
    /// the branches of `oneOf`/`anyOf` the instance matches, `then`/`else`, dependent schemas.
    func collect(
        _ schema: JSONValue,
        at pointer: JSONPointer,
        _ instance: JSONValue,
        _ instancePointer: JSONPointer,
        _ branch: NegativeBranch?,
        _ result: inout NegativeNodeSet,
        _ visited: inout Set<JSONPointer>
    ) {
        guard case .object(let object) = schema, visited.count < Self.maxNodesPerValue, visited.insert(pointer).inserted else { return }
        if object["readOnly"] == .bool(true) { result.readOnly = true }
        if object["writeOnly"] == .bool(true) { result.writeOnly = true }
        if isDraft4, object["nullable"] == .bool(true) { result.nullable = true }
        let reference = object["$ref"]?.stringValue
        if isDraft4, let reference {
            // Draft 4: `$ref` stands for the whole schema object.
            if let (target, targetPointer) = resolve(reference) {
                collect(target, at: targetPointer, instance, instancePointer, branch, &result, &visited)
            }
            return
        }
        result.nodes.append(NegativeSchemaNode(schema: object, pointer: pointer, branch: branch))
        if let reference, let (target, targetPointer) = resolve(reference) {
            collect(target, at: targetPointer, instance, instancePointer, branch, &result, &visited)
        }
        if case .array(let schemas)? = object["allOf"] {
            for (index, subschema) in schemas.enumerated() {
                collect(subschema, at: pointer.appending("allOf").appending(index), instance, instancePointer, branch, &result, &visited)
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let schemas)? = object[keyword] else { continue }
            let combinator = branch ?? NegativeBranch(keyword: keyword, instancePointer: instancePointer, schemaPointer: pointer.appending(keyword))
            for (index, subschema) in schemas.enumerated() {
                let subpointer = pointer.appending(keyword).appending(index)
                if checker.isValid(instance, against: subschema, schemaPointer: subpointer) {
                    collect(subschema, at: subpointer, instance, instancePointer, combinator, &result, &visited)
                }
            }
        }
        if !isDraft4, let condition = object["if"] {
            let holds = checker.isValid(instance, against: condition, schemaPointer: pointer.appending("if"))
            let keyword = holds ? "then" : "else"
            if let subschema = object[keyword] {
                collect(subschema, at: pointer.appending(keyword), instance, instancePointer, branch, &result, &visited)
            }
        }
        if case .object(let members) = instance {
            let keyword = isDraft4 ? "dependencies" : "dependentSchemas"
            if case .object(let dependencies)? = object[keyword] {
                for (name, subschema) in dependencies where members[name] != nil && subschema.objectValue != nil {
                    collect(subschema, at: pointer.appending(keyword).appending(name), instance, instancePointer, branch, &result, &visited)
                }
            }
        }
    }

    /// The target of a local reference (`#/components/schemas/Pet`); `nil` for any other.
    func resolve(_ reference: String) -> (JSONValue, JSONPointer)? {
        guard reference.hasPrefix("#"), let pointer = JSONPointer(reference), let target = document.value(at: pointer) else { return nil }
        return (target, pointer)
    }

    // MARK: Checking

    /// Keeps the first candidate that fails for exactly the attempt's rule; counts the
    /// attempt as dropped when none does.
    mutating func check(_ attempt: NegativeAttempt, _ node: NegativeSchemaNode) {
        var rule = attempt.rule
        var keyword = attempt.keyword
        var instancePointer = attempt.instancePointer
        var schemaPointer = attempt.schemaPointer
        var suffix = ""
        if let branch = node.branch {
            rule = .noMatchingBranch(combinator: branch.keyword, cause: rule)
            keyword = branch.keyword
            instancePointer = branch.instancePointer
            schemaPointer = branch.schemaPointer
            suffix = ", so the value at \(NegativeText.place(branch.instancePointer)) matches no branch of \(branch.keyword)"
        }
        for candidate in attempt.candidates {
            let whole = InstanceEdit.replacing(root, at: attempt.editPointer, with: candidate)
            if emitted.contains(whole) { return }
            let errors = checker.validate(whole, against: rootSchema, schemaPointer: rootPointer)
            guard !errors.isEmpty, errors.allSatisfy({ $0.keyword == keyword && $0.instancePointer == instancePointer }) else { continue }
            emitted.insert(whole)
            variants.append(
                NegativeVariant(
                    rule: rule,
                    keyword: keyword,
                    instancePointer: instancePointer,
                    schemaPointer: schemaPointer,
                    value: whole,
                    label: attempt.label(candidate) + suffix
                )
            )
            return
        }
        dropped += 1
    }
}
