import AssayCore
import OrderedCollections

/// Short renderings of values and places for variant labels.
enum NegativeText {
    /// `"abc"`, `42`, `1.5`, `true`, `null`, `{…}`, `[…]`; long strings are cut.
    static func value(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .integer(let int): return String(int)
        case .double(let double): return ScaledNumber(value).map { $0.text } ?? String(double)
        case .string(let string):
            let scalars = string.unicodeScalars
            if scalars.count <= 40 { return "'" + string + "'" }
            return "'" + String(String.UnicodeScalarView(scalars.prefix(37))) + "…' (\(scalars.count) characters)"
        case .array: return "[…]"
        case .object: return "{…}"
        }
    }

    /// The pointer, or "the root".
    static func place(_ pointer: JSONPointer) -> String {
        pointer.tokens.isEmpty ? "the root" : pointer.description
    }
}
