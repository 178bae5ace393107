import AssayCore
import OrderedCollections

/// Replaces one value deep inside an instance, keeping the rest (and member order) intact.
enum InstanceEdit {
    /// `root` with the value at `pointer` replaced by `replacement`; `root` unchanged when
    /// the pointer leads nowhere.
    static func replacing(_ root: JSONValue, at pointer: JSONPointer, with replacement: JSONValue) -> JSONValue {
        replacing(root, tokens: pointer.tokens[...], with: replacement)
    }

    private static func replacing(_ value: JSONValue, tokens: ArraySlice<String>, with replacement: JSONValue) -> JSONValue {
        guard let token = tokens.first else { return replacement }
        switch value {
        case .object(var object):
            guard let member = object[token] else { return value }
            object[token] = replacing(member, tokens: tokens.dropFirst(), with: replacement)
            return .object(object)
        case .array(var array):
            guard let index = Int(token), array.indices.contains(index) else { return value }
            array[index] = replacing(array[index], tokens: tokens.dropFirst(), with: replacement)
            return .array(array)
        default:
            return value
        }
    }
}
