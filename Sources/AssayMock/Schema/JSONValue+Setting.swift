import AssayCore
import OrderedCollections

extension JSONValue {
    /// This value with `replacement` at `pointer`; unchanged when a token of the pointer
    /// does not name an existing object member or array element (the last token may add a
    /// member).
    func setting(_ replacement: JSONValue, at pointer: JSONPointer) -> JSONValue {
        setting(replacement, tokens: pointer.tokens[...])
    }

    private func setting(_ replacement: JSONValue, tokens: ArraySlice<String>) -> JSONValue {
        guard let token = tokens.first else { return replacement }
        switch self {
        case .object(var object):
            if tokens.count == 1 {
                object[token] = replacement
            } else {
                guard let member = object[token] else { return self }
                object[token] = member.setting(replacement, tokens: tokens.dropFirst())
            }
            return .object(object)
        case .array(var array):
            guard let index = Int(token), array.indices.contains(index) else { return self }
            array[index] = array[index].setting(replacement, tokens: tokens.dropFirst())
            return .array(array)
        default:
            return self
        }
    }
}
