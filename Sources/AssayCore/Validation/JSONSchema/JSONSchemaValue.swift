import OrderedCollections

/// JSON Schema's view of values: equality where `1 == 1.0` and member order does not
/// matter, and short renderings for messages.
enum JSONSchemaValue {
    /// JSON equality as `enum`, `const` and `uniqueItems` define it: numbers by value,
    /// strings and member names by code points, objects regardless of member order.
    ///
    /// Iterative, so that deeply nested instances cannot exhaust the stack.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        var pending: [(JSONValue, JSONValue)] = [(lhs, rhs)]
        while let (a, b) = pending.popLast() {
            switch (a, b) {
            case (.null, .null): continue
            case (.bool(let x), .bool(let y)): if x != y { return false }
            case (.string(let x), .string(let y)): if !sameCodePoints(x, y) { return false }
            case (.integer, .integer), (.integer, .double), (.double, .integer), (.double, .double):
                if !JSONSchemaNumber.equal(a, b) { return false }
            case (.array(let x), .array(let y)):
                guard x.count == y.count else { return false }
                pending.append(contentsOf: zip(x, y))
            case (.object(let x), .object(let y)):
                guard x.count == y.count else { return false }
                for (key, value) in x {
                    guard let other = y[key] else { return false }
                    pending.append((value, other))
                }
                // Dictionary lookup uses Swift's canonical equivalence; JSON names compare by code points.
                if !(x.keys.allSatisfy(isASCII) && y.keys.allSatisfy(isASCII)) {
                    let names = Set(y.keys.map { Array($0.unicodeScalars) })
                    guard x.keys.allSatisfy({ names.contains(Array($0.unicodeScalars)) }) else { return false }
                }
            default:
                return false
            }
        }
        return true
    }

    /// Code-point equality: "é" and "e\u{301}" are different JSON strings.
    static func sameCodePoints(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.elementsEqual(rhs.unicodeScalars)
    }

    private static func isASCII(_ string: String) -> Bool {
        string.utf8.allSatisfy { $0 < 0x80 }
    }

    /// A compact JSON rendering, cut to about `limit` characters (large values are not
    /// written out in full).
    static func text(_ value: JSONValue, limit: Int = 80) -> String {
        var output = ""
        render(value, into: &output, limit: limit, depth: 0)
        return output.count > limit ? String(output.prefix(limit)) + "…" : output
    }

    private static func render(_ value: JSONValue, into output: inout String, limit: Int, depth: Int) {
        guard output.count <= limit else { return }
        switch value {
        case .array(let array):
            guard depth < 8 else {
                output += "[…]"
                return
            }
            output += "["
            for (index, element) in array.enumerated() {
                if index > 0 { output += "," }
                if output.count > limit { break }
                render(element, into: &output, limit: limit, depth: depth + 1)
            }
            output += "]"
        case .object(let object):
            guard depth < 8 else {
                output += "{…}"
                return
            }
            output += "{"
            for (index, (key, member)) in object.enumerated() {
                if index > 0 { output += "," }
                if output.count > limit { break }
                output += JSONWriter().string(.string(key)) + ":"
                render(member, into: &output, limit: limit, depth: depth + 1)
            }
            output += "}"
        case .string(let string):
            output += JSONWriter().string(.string(string.count > limit ? String(string.prefix(limit)) : string))
        default:
            output += JSONWriter().string(value)
        }
    }
}
