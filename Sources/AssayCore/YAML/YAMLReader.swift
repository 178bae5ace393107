internal import CYaml
import OrderedCollections

/// Reads YAML into ``JSONValue`` trees straight from libyaml's event stream.
///
/// Yams' `compose` builds a `Node` tree recursively, rejects duplicate keys and expands
/// aliases without a bound; a spec loader needs the opposite on all three. This reader
/// runs libyaml's parser (the copy Yams ships) and composes iteratively, so that:
/// - nesting is bounded by ``LoadLimits/maxDepth`` before any recursion can happen;
/// - every alias use counts against ``LoadLimits/maxAliases`` and adds the size of what it
///   expands to against ``LoadLimits/maxNodes`` (a billion-laughs file stops at once);
/// - duplicate keys, non-standard tags and merge keys are handled leniently, with warnings;
/// - scalars resolve by the YAML 1.2 core schema, as OpenAPI tooling expects.
struct YAMLReader {
    private let limits: LoadLimits
    private let deadline: Deadline
    private(set) var warnings: [Diagnostic] = []

    private struct Anchored {
        var value: JSONValue
        var nodes: Int
    }

    private enum Container {
        case sequence([JSONValue])
        case mapping(JSONObject, pendingKey: String?, merges: [JSONValue])
    }

    private struct Frame {
        var container: Container
        var anchor: String?
        var nodes: Int
        var line: Int
        var key: String?
    }

    /// Stands for a plain `<<` key; a NUL cannot occur in a real key.
    private static let mergeKey = "<<\u{0}merge"

    private var anchors: [String: Anchored] = [:]
    private var aliasUses = 0
    private var totalNodes = 0
    private var stack: [Frame] = []
    private var warnedTags: Set<String> = []

    /// Parses the first document of `text`.
    ///
    /// - Returns: the value (`nil` for an empty stream) and the warnings collected.
    static func parse(_ text: [UInt8], limits: LoadLimits, deadline: Deadline) throws(LoadError) -> (JSONValue?, [Diagnostic]) {
        var reader = YAMLReader(limits: limits, deadline: deadline)
        let value = try reader.run(text)
        return (value, reader.warnings)
    }

    private init(limits: LoadLimits, deadline: Deadline) {
        self.limits = limits
        self.deadline = deadline
    }

    private var currentPath: JSONPointer {
        JSONPointer(tokens: stack.dropFirst().compactMap(\.key))
    }

    private mutating func run(_ text: [UInt8]) throws(LoadError) -> JSONValue? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw LoadError(.syntax, "could not initialise the YAML parser")
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        let result: Result<JSONValue?, LoadError> = text.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do {
                return .success(try compose(&parser))
            } catch let error as LoadError {
                return .failure(error)
            } catch {
                return .failure(LoadError(.syntax, "\(error)"))
            }
        }
        return try result.get()
    }

    private mutating func compose(_ parser: inout yaml_parser_t) throws(LoadError) -> JSONValue? {
        var root: JSONValue?
        var documents = 0
        var steps = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw syntaxError(parser)
            }
            defer { yaml_event_delete(&event) }
            steps &+= 1
            if steps & 0xFFF == 0 { try deadline.check("reading YAML") }

            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    warnings.append(
                        Diagnostic(
                            .warning,
                            code: "multiple-documents",
                            "the YAML stream holds more than one document; only the first is read",
                            line: Int(event.start_mark.line) + 1
                        )
                    )
                    return root
                }
            case YAML_DOCUMENT_END_EVENT, YAML_STREAM_START_EVENT, YAML_NO_EVENT:
                continue
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.data.alias.anchor) ?? ""
                guard let anchored = anchors[name] else {
                    throw LoadError(
                        .syntax,
                        "invalid YAML: alias *\(name) refers to no anchor defined before it",
                        pointer: currentPath,
                        line: Int(event.start_mark.line) + 1,
                        column: Int(event.start_mark.column) + 1
                    )
                }
                aliasUses += 1
                if aliasUses > limits.maxAliases {
                    throw LoadError(
                        .tooManyAliases,
                        "the YAML uses more than \(limits.maxAliases) aliases; refused as a possible alias bomb",
                        pointer: currentPath,
                        line: Int(event.start_mark.line) + 1,
                        column: Int(event.start_mark.column) + 1
                    )
                }
                try add(anchored.value, nodes: anchored.nodes, line: Int(event.start_mark.line) + 1, into: &root)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)), as: UTF8.self)
                let tag = Self.string(scalar.tag)
                let line = Int(event.start_mark.line) + 1
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                if isMappingKeyPosition {
                    if let anchor = Self.string(scalar.anchor) {
                        anchors[anchor] = Anchored(value: .string(text), nodes: 1)
                    }
                    try addKey(text, isPlain: isPlain, line: line)
                    continue
                }
                let value = resolve(text, tag: tag, plain: isPlain, line: line)
                try add(value, nodes: 1, line: line, into: &root)
                if let anchor = Self.string(scalar.anchor) {
                    anchors[anchor] = Anchored(value: value, nodes: 1)
                }
            case YAML_SEQUENCE_START_EVENT:
                try push(.sequence([]), anchor: Self.string(event.data.sequence_start.anchor), event: event)
                noteTag(Self.string(event.data.sequence_start.tag), line: Int(event.start_mark.line) + 1)
            case YAML_MAPPING_START_EVENT:
                try push(.mapping(JSONObject(), pendingKey: nil, merges: []), anchor: Self.string(event.data.mapping_start.anchor), event: event)
                noteTag(Self.string(event.data.mapping_start.tag), line: Int(event.start_mark.line) + 1)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let frame = stack.removeLast()
                let value: JSONValue
                switch frame.container {
                case .sequence(let array):
                    value = .array(array)
                case .mapping(var object, _, let merges):
                    Self.applyMerges(merges, into: &object)
                    value = .object(object)
                }
                if let anchor = frame.anchor {
                    anchors[anchor] = Anchored(value: value, nodes: frame.nodes)
                }
                // Its nodes were counted toward the total as they were read.
                try add(value, nodes: frame.nodes, line: frame.line, into: &root, alreadyCounted: true)
            default:
                continue
            }
        }
    }

    /// Whether the next scalar is a mapping key (the innermost container is a mapping with no pending key).
    private var isMappingKeyPosition: Bool {
        guard let last = stack.last, case .mapping(_, let pendingKey, _) = last.container else { return false }
        return pendingKey == nil
    }

    private mutating func push(_ container: Container, anchor: String?, event: yaml_event_t) throws(LoadError) {
        let line = Int(event.start_mark.line) + 1
        if stack.count >= limits.maxDepth {
            throw LoadError(
                .tooDeep,
                "the document nests deeper than the limit of \(limits.maxDepth) levels",
                pointer: currentPath,
                line: line,
                column: Int(event.start_mark.column) + 1
            )
        }
        if let last = stack.last, case .mapping(_, .none, _) = last.container {
            // A collection used as a mapping key: JSON has no such thing.
            warnings.append(
                Diagnostic(
                    .warning,
                    code: "complex-key",
                    "a collection is used as a mapping key; it is read as its JSON text",
                    pointer: currentPath,
                    line: line
                )
            )
        }
        try countNodes(1, line: line)
        stack.append(Frame(container: container, anchor: anchor, nodes: 1, line: line, key: nil))
        if stack.count >= 2 {
            // Name the new frame after its place in the parent, for pointers in messages.
            switch stack[stack.count - 2].container {
            case .sequence(let array): stack[stack.count - 1].key = String(array.count)
            case .mapping(_, let pendingKey, _): stack[stack.count - 1].key = pendingKey
            }
        }
    }

    private mutating func countNodes(_ count: Int, line: Int) throws(LoadError) {
        totalNodes += count
        if totalNodes > limits.maxNodes {
            throw LoadError(
                .tooManyAliases,
                "the YAML expands to more than \(limits.maxNodes) values (aliases included); refused as a possible alias bomb",
                pointer: currentPath,
                line: line
            )
        }
    }

    private mutating func addKey(_ text: String, isPlain: Bool, line: Int) throws(LoadError) {
        guard case .mapping(let object, _, let merges) = stack[stack.count - 1].container else { return }
        stack[stack.count - 1].container = .mapping(object, pendingKey: (isPlain && text == "<<") ? Self.mergeKey : text, merges: merges)
        _ = line
    }

    /// Adds a completed value to the innermost container, or makes it the root.
    ///
    /// - Parameter nodes: the size of the value's subtree, alias expansions included.
    private mutating func add(
        _ value: JSONValue,
        nodes: Int,
        line: Int,
        into root: inout JSONValue?,
        alreadyCounted: Bool = false
    ) throws(LoadError) {
        if !alreadyCounted { try countNodes(nodes, line: line) }
        guard !stack.isEmpty else {
            root = value
            return
        }
        stack[stack.count - 1].nodes += nodes
        switch stack[stack.count - 1].container {
        case .sequence(var array):
            stack[stack.count - 1].container = .sequence([])
            array.append(value)
            stack[stack.count - 1].container = .sequence(array)
        case .mapping(var object, let pendingKey, var merges):
            guard let key = pendingKey else {
                // A value completed in key position (an alias, or a collection): a scalar is
                // its own text; a collection, which JSON keys cannot be, its JSON text.
                let keyText: String
                switch value {
                case .string(let string): keyText = string
                case .integer, .double, .bool, .null: keyText = APIModelBuilder.text(value) ?? "null"
                default: keyText = JSONWriter().string(value)
                }
                stack[stack.count - 1].container = .mapping(object, pendingKey: keyText, merges: merges)
                return
            }
            stack[stack.count - 1].container = .sequence([])
            if key == Self.mergeKey {
                merges.append(value)
            } else if object.updateValue(value, forKey: key) != nil {
                warnings.append(
                    Diagnostic(
                        .warning,
                        code: "duplicate-key",
                        "duplicate key \"\(key)\"; the last one is used",
                        pointer: currentPath.appending(key),
                        line: line
                    )
                )
            }
            stack[stack.count - 1].container = .mapping(object, pendingKey: nil, merges: merges)
        }
    }

    /// YAML merge keys (`<<: *base`): members of the merged mappings that the mapping does not set itself.
    private static func applyMerges(_ merges: [JSONValue], into object: inout JSONObject) {
        for merge in merges {
            let sources: [JSONValue] = merge.arrayValue ?? [merge]
            for case .object(let source) in sources {
                for (key, value) in source where object[key] == nil {
                    object[key] = value
                }
            }
        }
    }

    // MARK: Scalars

    private mutating func noteTag(_ tag: String?, line: Int) {
        guard let tag, !tag.hasPrefix("tag:yaml.org,2002:") else { return }
        guard warnedTags.insert(tag).inserted else { return }
        warnings.append(
            Diagnostic(
                .warning,
                code: "yaml-tag",
                "non-standard YAML tag \(tag) is ignored; the value is read as plain YAML",
                pointer: currentPath,
                line: line
            )
        )
    }

    private mutating func resolve(_ text: String, tag: String?, plain: Bool, line: Int) -> JSONValue {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp": return .string(text)
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float":
                return Self.resolvePlain(text)
            case "!":
                return .string(text)
            default:
                noteTag(tag, line: line)
            }
        }
        return plain ? Self.resolvePlain(text) : .string(text)
    }

    /// The YAML 1.2 core schema: null, booleans, integers (decimal, 0o, 0x), floats, else a string.
    static func resolvePlain(_ text: String) -> JSONValue {
        guard let first = text.utf8.first else { return .null }
        switch first {
        case UInt8(ascii: "~"): if text == "~" { return .null }
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if text == "null" || text == "Null" || text == "NULL" { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if text == "true" || text == "True" || text == "TRUE" { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if text == "false" || text == "False" || text == "FALSE" { return .bool(false) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return resolveNumber(text) ?? .string(text)
        default:
            break
        }
        return .string(text)
    }

    private static func resolveNumber(_ text: String) -> JSONValue? {
        let utf8 = Array(text.utf8)
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        if utf8.count > 2, utf8[0] == UInt8(ascii: "0") {
            if utf8[1] == UInt8(ascii: "x"), let value = Int(String(decoding: utf8[2...], as: UTF8.self), radix: 16) { return .integer(value) }
            if utf8[1] == UInt8(ascii: "o"), let value = Int(String(decoding: utf8[2...], as: UTF8.self), radix: 8) { return .integer(value) }
        }
        var index = 0
        if utf8[index] == UInt8(ascii: "-") || utf8[index] == UInt8(ascii: "+") { index += 1 }
        guard index < utf8.count else { return nil }
        let rest = String(decoding: utf8[index...], as: UTF8.self)
        switch rest {
        case ".inf", ".Inf", ".INF": return .double(utf8[0] == UInt8(ascii: "-") ? -.infinity : .infinity)
        case ".nan", ".NaN", ".NAN":
            // Not a ternary: its `nil` would be JSONValue's nil literal, a JSON null.
            guard index == 0 else { return nil }
            return .double(.nan)
        default: break
        }
        // [0-9]+ → integer; ( \.[0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? → float
        var digitsBefore = 0
        var cursor = index
        while cursor < utf8.count, isDigit(utf8[cursor]) {
            cursor += 1
            digitsBefore += 1
        }
        if cursor == utf8.count {
            guard digitsBefore > 0 else { return nil }
            if let int = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return .integer(int) }
            return Double(text).map(JSONValue.double)
        }
        var digitsAfter = 0
        if utf8[cursor] == UInt8(ascii: ".") {
            cursor += 1
            while cursor < utf8.count, isDigit(utf8[cursor]) {
                cursor += 1
                digitsAfter += 1
            }
        }
        guard digitsBefore + digitsAfter > 0 else { return nil }
        if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "e") || utf8[cursor] == UInt8(ascii: "E") {
            cursor += 1
            if cursor < utf8.count, utf8[cursor] == UInt8(ascii: "-") || utf8[cursor] == UInt8(ascii: "+") { cursor += 1 }
            var exponentDigits = 0
            while cursor < utf8.count, isDigit(utf8[cursor]) {
                cursor += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard cursor == utf8.count, let double = Double(text) else { return nil }
        return .double(double)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }

    private func syntaxError(_ parser: yaml_parser_t) -> LoadError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if problem.hasPrefix("Maximum nesting level") {
            // libyaml's scanner runs ahead of the events, so its own bound (1,000) can trip first.
            return LoadError(
                .tooDeep,
                "the document nests deeper than the limit of \(limits.maxDepth) levels",
                pointer: currentPath,
                line: Int(parser.problem_mark.line) + 1,
                column: Int(parser.problem_mark.column) + 1
            )
        }
        var message = "invalid YAML: \(problem)"
        if let context = parser.context.map({ String(cString: $0) }) {
            message += " (\(context) at line \(parser.context_mark.line + 1))"
        }
        return LoadError(
            .syntax,
            message,
            pointer: currentPath,
            line: Int(parser.problem_mark.line) + 1,
            column: Int(parser.problem_mark.column) + 1
        )
    }
}
