import AssayCore
import OrderedCollections

extension NegativeWalk {
    /// `type`, `nullable`, `enum`, `const` and `format`.
    mutating func proposeTypeAndValue(_ value: JSONValue, at pointer: JSONPointer, _ node: NegativeSchemaNode, _ set: NegativeNodeSet) {
        let types = Self.typeNames(node.schema)
        // A type break cannot be told apart from an `enum` or `const` that also rejects it.
        let fenced = set.nodes.contains { $0.schema["enum"]?.arrayValue?.isEmpty == false || (!isDraft4 && $0.schema["const"] != nil) }
        if !types.isEmpty, !fenced {
            let expected = types.joined(separator: " or ")
            if let (replacement, actual) = Self.wrongTypeValue(for: types) {
                submit(
                    attempt(.wrongType(expected: types, actual: actual), "type", node, pointer, [replacement]) {
                        "\(actual) \(NegativeText.value($0)) where \(expected) is expected at \(NegativeText.place(pointer))"
                    },
                    node
                )
            }
            // `int32`/`int64` reject a fraction too, when formats are asserted.
            let integralFormat = formats && set.nodes.contains { ["int32", "int64"].contains($0.schema["format"]?.stringValue ?? "") }
            if types.contains("integer"), !types.contains("number"), !integralFormat {
                // The boundary of `integer`: a number with a fraction.
                let base = ScaledNumber(value) ?? ScaledNumber(mantissa: 0, scale: 0)
                let half = ScaledNumber(mantissa: 5, scale: 1)
                let candidates = [base.adding(half), half.negated.flatMap { base.adding($0) }].compactMap { $0?.jsonValue }
                submit(
                    attempt(.wrongType(expected: types, actual: "number"), "type", node, pointer, candidates) {
                        "number \(NegativeText.value($0)) where \(expected) is expected at \(NegativeText.place(pointer))"
                    },
                    node
                )
            }
            if !types.contains("null"), !value.isNull, !set.nullable {
                submit(
                    attempt(.nullNotAllowed, "type", node, pointer, [.null]) { _ in
                        "null where \(expected) is expected at \(NegativeText.place(pointer))"
                    },
                    node
                )
            }
        }
        if case .array(let allowed)? = node.schema["enum"], !allowed.isEmpty {
            submit(
                attempt(.notInEnum, "enum", node, pointer, Self.outsiders(of: allowed, like: value)) {
                    "\(NegativeText.value($0)) is not one of the \(allowed.count) enum values at \(NegativeText.place(pointer))"
                },
                node
            )
        }
        if !isDraft4, let constant = node.schema["const"] {
            submit(
                attempt(.notConst, "const", node, pointer, Self.outsiders(of: [constant], like: value)) {
                    "\(NegativeText.value($0)) is not the const value \(NegativeText.value(constant)) at \(NegativeText.place(pointer))"
                },
                node
            )
        }
        if formats, case .string(let format)? = node.schema["format"] {
            let candidates = Self.formatBreakers(format, for: value)
            submit(
                attempt(.formatMismatch(format: format), "format", node, pointer, candidates) {
                    "\(NegativeText.value($0)) is not a valid \(format) at \(NegativeText.place(pointer))"
                },
                node
            )
        }
    }

    /// An attempt whose break replaces the value at `pointer` and is reported there.
    func attempt(
        _ rule: NegativeRule,
        _ keyword: String,
        _ node: NegativeSchemaNode,
        _ pointer: JSONPointer,
        _ candidates: [JSONValue],
        label: @escaping (JSONValue) -> String
    ) -> NegativeAttempt {
        NegativeAttempt(
            rule: rule,
            keyword: keyword,
            schemaPointer: node.pointer.appending(keyword),
            instancePointer: pointer,
            editPointer: pointer,
            candidates: candidates,
            label: label
        )
    }

    /// The type names `type` lists (one name or an array of them).
    static func typeNames(_ schema: JSONObject) -> [String] {
        switch schema["type"] {
        case .string(let name)?: return [name]
        case .array(let names)?: return names.compactMap(\.stringValue)
        default: return []
        }
    }

    /// A value of a clearly different type than all of `types` (never `null`), and its type name.
    static func wrongTypeValue(for types: [String]) -> (JSONValue, String)? {
        let preference: [String]
        switch types.first {
        case "string"?: preference = ["integer", "object", "array", "boolean"]
        case "integer"?, "number"?: preference = ["string", "boolean", "object", "array"]
        case "boolean"?: preference = ["string", "integer", "object", "array"]
        case "object"?: preference = ["array", "string", "integer"]
        case "array"?: preference = ["object", "string", "integer"]
        default: preference = ["string", "integer", "object", "array"]
        }
        for kind in preference where !types.contains(kind) && !(kind == "integer" && types.contains("number")) {
            switch kind {
            case "integer": return (.integer(12345), kind)
            case "string": return (.string(article(types[0])), kind)
            case "boolean": return (.bool(true), kind)
            case "object": return (.object([:]), kind)
            default: return (.array([]), kind)
            }
        }
        return nil
    }

    /// The text a wrong-type string holds: `not-an-integer`, `not-a-number`.
    static func article(_ type: String) -> String {
        let vowel = type.first.map { "aeiou".contains($0) } ?? false
        return (vowel ? "not-an-" : "not-a-") + type
    }

    /// Values of the same type as `value` that are none of `allowed`, likeliest to keep every
    /// other rule first (a string with its last character nudged keeps its length and shape).
    static func outsiders(of allowed: [JSONValue], like value: JSONValue) -> [JSONValue] {
        var candidates: [JSONValue] = []
        switch value {
        case .string(let string):
            let scalars = Array(string.unicodeScalars)
            if let last = scalars.last {
                candidates.append(.string(String(String.UnicodeScalarView(scalars.dropLast() + [nudged(last)]))))
            }
            if let first = scalars.first {
                candidates.append(.string(String(String.UnicodeScalarView([nudged(first)] + scalars.dropFirst()))))
            }
            candidates += [.string(string + "x"), "invalid-value", "x"]
        case .integer, .double:
            let numbers = allowed.compactMap(ScaledNumber.init)
            let one = ScaledNumber(mantissa: 1, scale: 0)
            if let largest = numbers.max(by: { $0.lessThan($1) }), let above = largest.adding(one) { candidates.append(above.jsonValue) }
            if let smallest = numbers.min(by: { $0.lessThan($1) }), let below = one.negated.flatMap(smallest.adding) {
                candidates.append(below.jsonValue)
            }
            if let own = ScaledNumber(value), let above = own.adding(one) { candidates.append(above.jsonValue) }
        case .bool(let bool):
            candidates.append(.bool(!bool))
        default:
            break
        }
        var seen: [JSONValue] = []
        return candidates.filter { candidate in
            guard !allowed.contains(where: { Self.sameJSON($0, candidate) }), !seen.contains(candidate) else { return false }
            seen.append(candidate)
            return true
        }
    }

    /// The next character of the same kind (`a`→`b`, `z`→`y`, `7`→`8`), or `x`.
    static func nudged(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "a"..."y", "A"..."Y", "0"..."8": return Unicode.Scalar(scalar.value + 1) ?? "x"
        case "z", "Z", "9": return Unicode.Scalar(scalar.value - 1) ?? "x"
        case "x": return "y"
        default: return "x"
        }
    }

    /// JSON equality with `1 == 1.0`, as `enum` compares.
    static func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = ScaledNumber(a), let y = ScaledNumber(b) { return x == y }
        return a == b
    }

    /// Values that break `format`, for the formats a validator asserts.
    static func formatBreakers(_ format: String, for value: JSONValue) -> [JSONValue] {
        if value.doubleValue != nil {
            switch format {
            case "int32": return [.integer(Int(Int32.max) + 1), .integer(Int(Int32.min) - 1)]
            case "int64": return [.double(1e19), .double(-1e19)]
            default: return []
            }
        }
        guard value.stringValue != nil else { return [] }
        switch format {
        case "date-time": return ["2024-13-01T00:00:00Z", "not-a-date-time"]
        case "date": return ["2024-13-01", "not-a-date"]
        case "time": return ["25:00:00Z", "not-a-time"]
        case "email": return ["not-an-email", "no-at-sign.example.com"]
        case "hostname": return ["-invalid-host-", "not a hostname"]
        case "ipv4": return ["256.0.0.1", "not-an-ipv4"]
        case "ipv6": return ["12345::1", "not-an-ipv6"]
        case "uri": return ["not a uri", "no-scheme"]
        case "uuid": return ["00000000-0000-0000-0000-00000000000g", "not-a-uuid"]
        default: return []
        }
    }
}
