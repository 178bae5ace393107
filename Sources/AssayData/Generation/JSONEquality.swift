import AssayCore
import OrderedCollections

/// JSON Schema's notion of equal instances (for `enum`, `const` and `uniqueItems`):
/// numbers by value (`1 == 1.0`), objects regardless of member order.
enum JSONEquality {
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.integer, .double), (.double, .integer), (.double, .double):
            return lhs.doubleValue == rhs.doubleValue
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a {
                guard let other = b[key], equal(value, other) else { return false }
            }
            return true
        default:
            return lhs == rhs
        }
    }

    /// A key equal for equal instances (for hashing in uniqueness checks).
    static func key(_ value: JSONValue) -> String {
        var output = ""
        append(value, to: &output)
        return output
    }

    private static func append(_ value: JSONValue, to output: inout String) {
        switch value {
        case .null: output += "n"
        case .bool(let bool): output += bool ? "t" : "f"
        case .integer(let int): output += "#\(Double(int))"
        case .double(let double): output += "#\(double)"
        case .string(let string):
            output += "s\(string.utf8.count):"
            output += string
        case .array(let array):
            output += "[\(array.count)"
            for element in array { append(element, to: &output) }
            output += "]"
        case .object(let object):
            output += "{\(object.count)"
            for key in object.keys.sorted() {
                output += "k\(key.utf8.count):\(key)"
                append(object[key]!, to: &output)
            }
            output += "}"
        }
    }
}
