import OrderedCollections

/// The identifiers of every schema resource the validation can reach: `$id`s (draft 4
/// `id`s), `$anchor`s and `$dynamicAnchor`s, with the base URI around each.
///
/// Built only when a reference needs more than a JSON pointer into the root document, so
/// validating against an OpenAPI document's `#/components/schemas/…` costs no indexing.
struct SchemaIndex {
    /// A schema an identifier names, and the base URI in effect just outside it (the
    /// schema's own `$id` is applied again when it is evaluated).
    struct Entry {
        var location: SchemaLocation
        var parentBase: String
    }

    private(set) var resources: [String: Entry] = [:]
    private(set) var anchors: [String: Entry] = [:]
    private(set) var dynamicAnchors: [String: Entry] = [:]
    let draft: JSONSchemaValidator.Draft

    /// Keywords whose value is one subschema.
    static let singleSchemaKeywords = [
        "additionalItems", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties", "items", "contentSchema",
    ]
    /// Keywords whose value is an array of subschemas.
    static let schemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    /// Keywords whose value maps names to subschemas.
    static let schemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"]

    init(draft: JSONSchemaValidator.Draft) {
        self.draft = draft
    }

    /// Registers a whole document under `base`, walking it as a schema.
    mutating func addDocument(_ value: JSONValue, index document: Int, base: String) {
        let root = SchemaLocation(document: document, pointer: .root)
        if resources[base] == nil { resources[base] = Entry(location: root, parentBase: base) }
        if case .object(let object) = value, object["openapi"] != nil || object["swagger"] != nil {
            // An OpenAPI description: its schemas sit under components (definitions in Swagger 2.0).
            for container in [["components", "schemas"], ["definitions"], ["$defs"]] {
                let pointer = JSONPointer(tokens: container)
                guard case .object(let schemas)? = value.value(at: pointer) else { continue }
                for (name, schema) in schemas {
                    walk(schema, at: SchemaLocation(document: document, pointer: pointer.appending(name)), parentBase: base)
                }
            }
        } else {
            walk(value, at: root, parentBase: base)
        }
    }

    /// Registers the schema at `location` (for a schema that the document walk may not reach).
    mutating func addSchema(_ value: JSONValue, at location: SchemaLocation, parentBase: String) {
        walk(value, at: location, parentBase: parentBase)
    }

    private mutating func walk(_ value: JSONValue, at location: SchemaLocation, parentBase: String) {
        guard case .object(let object) = value else { return }
        var base = parentBase
        if let (resolved, fragment) = Self.identifier(of: object, draft: draft, parentBase: parentBase) {
            base = resolved
            if let fragment {
                // Draft 4's location-independent identifier: `"id": "#foo"`.
                anchors[resolved + "#" + fragment] = anchors[resolved + "#" + fragment] ?? Entry(location: location, parentBase: parentBase)
            } else {
                resources[resolved] = resources[resolved] ?? Entry(location: location, parentBase: parentBase)
            }
        }
        if draft == .draft2020_12 {
            if case .string(let name)? = object["$anchor"] {
                anchors[base + "#" + name] = anchors[base + "#" + name] ?? Entry(location: location, parentBase: parentBase)
            }
            if case .string(let name)? = object["$dynamicAnchor"] {
                let entry = Entry(location: location, parentBase: parentBase)
                anchors[base + "#" + name] = anchors[base + "#" + name] ?? entry
                dynamicAnchors[base + "#" + name] = dynamicAnchors[base + "#" + name] ?? entry
            }
        }
        for keyword in Self.singleSchemaKeywords {
            if let child = object[keyword], child.objectValue != nil {
                walk(child, at: location.appending(keyword), parentBase: base)
            }
        }
        for keyword in Self.schemaArrayKeywords {
            if case .array(let children)? = object[keyword] {
                for (index, child) in children.enumerated() {
                    walk(child, at: location.appending(keyword).appending(index), parentBase: base)
                }
            }
        }
        for keyword in Self.schemaMapKeywords {
            if case .object(let children)? = object[keyword] {
                for (name, child) in children {
                    walk(child, at: location.appending(keyword).appending(name), parentBase: base)
                }
            }
        }
    }

    /// The base URI a schema object establishes with `$id` (draft 4: `id`, ignored next to
    /// `$ref`), and the fragment of a draft 4 location-independent identifier.
    static func identifier(
        of object: JSONObject,
        draft: JSONSchemaValidator.Draft,
        parentBase: String
    ) -> (base: String, fragment: String?)? {
        let id: String
        switch draft {
        case .draft4:
            guard case .string(let text)? = object["id"], object["$ref"] == nil else { return nil }
            id = text
        case .draft2020_12:
            guard case .string(let text)? = object["$id"] else { return nil }
            id = text
        }
        let (absolute, fragment) = SchemaURI.split(SchemaURI.resolve(id, against: parentBase))
        guard !absolute.isEmpty else { return nil }
        return (absolute, fragment)
    }

    /// The base URI a schema object establishes, or `parentBase` when it has no `$id`.
    static func base(of value: JSONValue, draft: JSONSchemaValidator.Draft, parentBase: String) -> String {
        guard case .object(let object) = value, let (base, _) = identifier(of: object, draft: draft, parentBase: parentBase)
        else { return parentBase }
        return base
    }

    func resource(_ uri: String) -> Entry? { resources[uri] }
    func anchor(_ uri: String) -> Entry? { anchors[uri] }
    func dynamicAnchor(_ uri: String) -> Entry? { dynamicAnchors[uri] }
}
