import Foundation

/// An RFC 6901 JSON pointer: where a value sits in a document.
///
/// Every diagnostic Assay prints names its place with one, for example
/// `/paths/~1pets~1{petId}/get/responses/200`.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The unescaped reference tokens, outermost first.
    public private(set) var tokens: [String]

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// Creates a pointer from unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// Parses the string form (`/a/b~1c`), or the fragment of a URI reference (`#/a/b`).
    ///
    /// - Returns: `nil` when the text is not a pointer (it neither is empty nor starts with `/`).
    public init?(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("#") { text = text.dropFirst() }
        // Validators parse a pointer per `$ref` they follow: skip Foundation's decoding
        // unless there is something to decode.
        let decoded = text.utf8.contains(UInt8(ascii: "%")) ? String(text).removingPercentEncodingIfValid : String(text)
        if decoded.isEmpty {
            self.tokens = []
            return
        }
        guard decoded.hasPrefix("/") else { return nil }
        let escaped = decoded.utf8.contains(UInt8(ascii: "~"))
        self.tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            escaped ? $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") : String($0)
        }
    }

    /// A token as it is written in a pointer: `~` as `~0`, `/` as `~1`.
    public static func escaped(_ token: String) -> String {
        // Most tokens need no escape; Foundation's replacing is slow enough to show when a
        // plan writes tens of thousands of pointers.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The pointer one level deeper.
    public func appending(_ token: String) -> JSONPointer {
        var copy = self
        copy.tokens.append(token)
        return copy
    }

    /// The pointer one level deeper, into an array element.
    public func appending(_ index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The pointer to the enclosing value, or `nil` at the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The last token, or `nil` at the root.
    public var lastToken: String? { tokens.last }

    /// Whether `other` is this pointer or lies inside it.
    public func contains(_ other: JSONPointer) -> Bool {
        other.tokens.count >= tokens.count && Array(other.tokens.prefix(tokens.count)) == tokens
    }

    /// The escaped string form, `""` for the root.
    public var description: String {
        var result = ""
        for token in tokens {
            result.append("/")
            result.append(Self.escaped(token))
        }
        return result
    }

    /// The form used inside a `$ref`: `#` followed by the escaped pointer.
    public var fragment: String { "#" + description }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

extension String {
    /// Percent-decodes the string when it holds valid escapes; otherwise returns it unchanged.
    ///
    /// `$ref` fragments are URI fragments, so `%7B` may stand for `{`; a stray `%` in a
    /// real spec must not make the reference unusable.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next(), let low = iterator.next(),
                    let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
                else { return self }
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }
}
