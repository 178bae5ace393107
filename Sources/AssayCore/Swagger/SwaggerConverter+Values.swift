import Foundation
import OrderedCollections

/// Reading source values leniently: every coercion or drop is reported as a warning.
extension SwaggerConverter {
    /// Records a lenient repair at `pointer` in the source document.
    mutating func warn(_ code: String, _ message: String, at pointer: JSONPointer) {
        warnings.append(Diagnostic(.warning, code: code, message, source: source, pointer: pointer))
    }

    /// Reports a member that is neither a known field nor an `x-` extension; it is dropped.
    mutating func unknownField(_ key: String, at pointer: JSONPointer) {
        warn("unknown-field", "\"\(key)\" is not a Swagger 2.0 field here; it is dropped", at: pointer.appending(key))
    }

    /// Whether `key` is a specification extension (`x-…`, any case, as OpenAPI tools compare it).
    static func isExtension(_ key: String) -> Bool {
        var bytes = key.utf8.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "x") || first == UInt8(ascii: "X") else { return false }
        return bytes.next() == UInt8(ascii: "-")
    }

    /// Copies the `x-` members of `object` into `output` (references inside rewritten) and
    /// reports every member that is neither in `known` nor an extension.
    mutating func copyExtensions(of object: JSONObject, into output: inout JSONObject, at pointer: JSONPointer, known: Set<String>) {
        for (key, value) in object {
            if Self.isExtension(key) {
                output[key] = rewritingReferences(in: value)
            } else if !known.contains(key) {
                unknownField(key, at: pointer)
            }
        }
    }

    /// The kind of `value` with its indefinite article, for messages: "an object", "a string".
    static func kind(of value: JSONValue) -> String {
        let name = value.kindName
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }

    /// The text of a number or boolean, as it would be written in the source.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let string): return string
        case .integer(let int): return String(int)
        case .double(let double): return double.isFinite ? double.description : nil
        case .bool(let bool): return bool ? "true" : "false"
        default: return nil
        }
    }

    /// A string member; numbers and booleans are stringified with a warning, other kinds dropped with one.
    mutating func string(_ value: JSONValue?, at pointer: JSONPointer) -> String? {
        guard let value else { return nil }
        if case .string(let string) = value { return string }
        if let text = Self.scalarText(value) {
            warn("non-string-value", "expected a string but found the \(value.kindName) \(text); it is read as the string \"\(text)\"", at: pointer)
            return text
        }
        warn("invalid-type", "expected a string but found \(Self.kind(of: value)); it is ignored", at: pointer)
        return nil
    }

    /// A boolean member; the strings `"true"` and `"false"` are accepted with a warning.
    mutating func bool(_ value: JSONValue?, at pointer: JSONPointer) -> Bool? {
        guard let value else { return nil }
        switch value {
        case .bool(let bool):
            return bool
        case .string("true"), .string("false"):
            let bool = value.stringValue == "true"
            warn("non-boolean-value", "expected a boolean but found the string \"\(bool)\"; it is read as \(bool)", at: pointer)
            return bool
        default:
            warn("invalid-type", "expected a boolean but found \(Self.kind(of: value)); it is ignored", at: pointer)
            return nil
        }
    }

    /// An object member, or `nil` with a warning when the value is of another kind.
    mutating func object(_ value: JSONValue, at pointer: JSONPointer) -> JSONObject? {
        if case .object(let object) = value { return object }
        warn("invalid-type", "expected an object but found \(Self.kind(of: value)); it is skipped", at: pointer)
        return nil
    }

    /// An array member, or `nil` with a warning when the value is of another kind.
    mutating func array(_ value: JSONValue, at pointer: JSONPointer) -> [JSONValue]? {
        if case .array(let array) = value { return array }
        warn("invalid-type", "expected an array but found \(Self.kind(of: value)); it is skipped", at: pointer)
        return nil
    }

    /// A list of strings; a single string is accepted as a one-element list, with a warning.
    mutating func strings(_ value: JSONValue?, at pointer: JSONPointer) -> [String]? {
        guard let value else { return nil }
        if case .string(let string) = value {
            warn("non-array-value", "expected an array of strings but found a single string; it is read as a one-element array", at: pointer)
            return [string]
        }
        guard let elements = array(value, at: pointer) else { return nil }
        var result: [String] = []
        for (index, element) in elements.enumerated() {
            if let string = string(element, at: pointer.appending(index)) { result.append(string) }
        }
        return result
    }

    /// A URL member. A URL with characters a URL may not hold (spaces, `{`) is
    /// percent-encoded with a warning; one that cannot be repaired is dropped with a warning.
    mutating func url(_ value: JSONValue?, at pointer: JSONPointer) -> String? {
        guard let text = string(value, at: pointer) else { return nil }
        if URL(string: text, encodingInvalidCharacters: false) != nil { return text }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, let repaired = URL(string: trimmed, encodingInvalidCharacters: true)?.absoluteString,
            URL(string: repaired, encodingInvalidCharacters: false) != nil
        {
            warn("invalid-url", "\"\(text)\" is not a valid URL; it is read as \"\(repaired)\"", at: pointer)
            return repaired
        }
        warn("invalid-url", "\"\(text)\" is not a valid URL; it is dropped", at: pointer)
        return nil
    }

    // MARK: Media types

    /// A `consumes` or `produces` list: media types in order, each once. Invalid entries are
    /// dropped with a warning; a comma-separated entry is split. `nil` when absent.
    mutating func mediaTypes(_ value: JSONValue?, at pointer: JSONPointer) -> [String]? {
        guard let list = strings(value, at: pointer) else { return nil }
        var result: [String] = []
        for (index, entry) in list.enumerated() {
            let parts = entry.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if parts.count > 1 {
                warn(
                    "invalid-media-type",
                    "\"\(entry)\" lists several media types in one entry; they are read separately",
                    at: pointer.appending(index)
                )
            }
            for part in parts {
                guard let mediaType = validMediaType(part, at: pointer.appending(index)), !result.contains(mediaType) else { continue }
                result.append(mediaType)
            }
        }
        return result
    }

    /// `text` when it is a `type/subtype` media type with well-formed `name=value`
    /// parameters; malformed parameters are dropped with a warning, anything else is `nil`.
    mutating func validMediaType(_ text: String, at pointer: JSONPointer) -> String? {
        let parts = text.split(separator: ";", omittingEmptySubsequences: false)
        let essence = (parts.first.map(String.init) ?? text).trimmingCharacters(in: .whitespaces)
        let halves = essence.split(separator: "/", omittingEmptySubsequences: false)
        guard halves.count == 2, !halves[0].isEmpty, !halves[1].isEmpty, !essence.contains(" ") else {
            warn("invalid-media-type", "\"\(text)\" is not a media type (type/subtype); it is dropped", at: pointer)
            return nil
        }
        var result = essence
        var dropped = false
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", omittingEmptySubsequences: false)
            if pair.count == 2, !pair[0].trimmingCharacters(in: .whitespaces).isEmpty {
                result += ";" + parameter
            } else if !parameter.trimmingCharacters(in: .whitespaces).isEmpty {
                dropped = true
            }
        }
        if dropped {
            warn("invalid-media-type", "\"\(text)\" has a malformed parameter; it is read as \"\(result)\"", at: pointer)
        }
        return result
    }

    /// The media type without parameters, lowercased: `multipart/form-data; boundary=x` → `multipart/form-data`.
    static func essence(of mediaType: String) -> String {
        let head = mediaType.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? mediaType
        return head.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
