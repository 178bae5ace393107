import Foundation

/// Checks for the common `format` values, used when a validator asserts formats.
///
/// By default `format` is only an annotation (JSON Schema 2020-12); with
/// ``JSONSchemaValidator/assertFormats`` on, these formats are checked (plus OpenAPI's
/// `int32` and `int64` ranges for numbers) and any other format name is accepted.
enum JSONSchemaFormat {
    /// Whether `string` conforms to `format`; `true` for formats this checker does not know.
    static func isValid(_ string: String, format: String) -> Bool {
        switch format {
        case "date-time": return isDateTime(string)
        case "date": return isDate(string)
        case "time": return isTime(string)
        case "email": return isEmail(string)
        case "hostname": return isHostname(string)
        case "ipv4": return isIPv4(string)
        case "ipv6": return isIPv6(string)
        case "uri": return isURI(string)
        case "uuid": return isUUID(string)
        default: return true
        }
    }

    /// Whether a number conforms to OpenAPI's `int32` or `int64`; `true` for other formats.
    static func isValid(number: JSONValue, format: String) -> Bool {
        switch format {
        case "int32":
            guard JSONSchemaNumber.isIntegral(number) else { return false }
            return (JSONSchemaNumber.compare(number, .integer(Int(Int32.min))) ?? -1) >= 0
                && (JSONSchemaNumber.compare(number, .integer(Int(Int32.max))) ?? 1) <= 0
        case "int64":
            guard JSONSchemaNumber.isIntegral(number) else { return false }
            return (JSONSchemaNumber.compare(number, .integer(Int.min)) ?? -1) >= 0
                && (JSONSchemaNumber.compare(number, .integer(Int.max)) ?? 1) <= 0
        default:
            return true
        }
    }

    /// The format names this checker asserts.
    static let known: Set<String> = [
        "date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid", "int32", "int64",
    ]

    private static func digits(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s)
    }

    /// RFC 3339 `full-date`: `2024-02-29`.
    static func isDate(_ string: String) -> Bool {
        let parts = string.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = digits(parts[0]), let month = digits(parts[1]), let day = digits(parts[2]),
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    /// RFC 3339 `full-time`: `23:59:60.5+01:00` (a leap second only at 23:59 UTC).
    static func isTime(_ string: String) -> Bool {
        let s = Substring(string)
        guard s.count >= 9 else { return false }
        let chars = Array(s)
        guard chars[2] == ":", chars[5] == ":",
            let hour = digits(s.prefix(2)), let minute = digits(s.dropFirst(3).prefix(2)),
            let second = digits(s.dropFirst(6).prefix(2)), hour <= 23, minute <= 59, second <= 60
        else { return false }
        var rest = s.dropFirst(8)
        if rest.first == "." {
            rest = rest.dropFirst()
            let fraction = rest.prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(fraction.count)
        }
        var offsetMinutes = 0
        if rest == "Z" || rest == "z" {
            offsetMinutes = 0
        } else {
            guard rest.count == 6, let sign = rest.first, sign == "+" || sign == "-" else { return false }
            let offset = rest.dropFirst()
            guard Array(offset)[2] == ":", let oh = digits(offset.prefix(2)), let om = digits(offset.suffix(2)),
                oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (sign == "+" ? 1 : -1)
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// RFC 3339 `date-time`.
    static func isDateTime(_ string: String) -> Bool {
        guard let t = string.firstIndex(where: { $0 == "T" || $0 == "t" }) else { return false }
        return isDate(String(string[..<t])) && isTime(String(string[string.index(after: t)...]))
    }

    /// A pragmatic RFC 5321 mailbox: `local@domain`, the local part a dot-atom or a quoted
    /// string, the domain a host name or an address literal.
    static func isEmail(_ string: String) -> Bool {
        guard let at = string.lastIndex(of: "@") else { return false }
        let local = string[..<at]
        let domain = string[string.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64 else { return false }
        if local.count >= 2, local.hasPrefix("\""), local.hasSuffix("\"") {
            // A quoted string: any printable ASCII, with `"` and `\` escaped.
            var escaped = false
            for scalar in local.dropFirst().dropLast().unicodeScalars {
                if escaped {
                    escaped = false
                    continue
                }
                if scalar == "\\" {
                    escaped = true
                    continue
                }
                guard scalar.value >= 0x20, scalar.value < 0x7F, scalar != "\"" else { return false }
            }
            if escaped { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.")
            guard local.unicodeScalars.allSatisfy({ allowed.contains($0) }) else { return false }
        }
        if domain.hasPrefix("[") && domain.hasSuffix("]") {
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(String(literal.dropFirst(5))) }
            return isIPv4(String(literal))
        }
        return isHostname(String(domain))
    }

    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens.
    static func isHostname(_ string: String) -> Bool {
        guard !string.isEmpty, string.utf8.count <= 253 else { return false }
        for label in string.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
        }
        return true
    }

    /// Dotted-quad IPv4 without leading zeros.
    static func isIPv4(_ string: String) -> Bool {
        let parts = string.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard let value = digits(part), part.count <= 3, value <= 255, part.count == 1 || part.first != "0"
            else { return false }
        }
        return true
    }

    /// RFC 4291 text form, with `::` compression and an optional trailing IPv4.
    static func isIPv6(_ string: String) -> Bool {
        guard !string.isEmpty, string.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else { return false }
        let compressed = string.components(separatedBy: "::")
        guard compressed.count <= 2 else { return false }
        var groups = 0
        for (index, half) in compressed.enumerated() where !half.isEmpty {
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                if piece.contains(".") {
                    let isLast = index == compressed.count - 1 && position == pieces.count - 1
                    guard isLast, isIPv4(String(piece)) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(piece.count) else { return false }
                    groups += 1
                }
            }
        }
        return compressed.count == 2 ? groups <= 7 : groups == 8
    }

    /// An absolute RFC 3986 URI: a scheme, an optional authority (user information, host,
    /// numeric port), and a path, query and fragment of URI characters and valid
    /// percent-encodings.
    static func isURI(_ string: String) -> Bool {
        let parts = SchemaURI.parse(string)
        guard let scheme = parts.scheme, !scheme.isEmpty, hasValidPercentEncoding(string) else { return false }
        let unreserved = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
        let subDelimiters = "!$&'()*+,;="
        let pathCharacters = CharacterSet(charactersIn: unreserved + subDelimiters + ":@/%")
        let queryCharacters = CharacterSet(charactersIn: unreserved + subDelimiters + ":@/?%")
        guard parts.path.unicodeScalars.allSatisfy({ pathCharacters.contains($0) }),
            (parts.query ?? "").unicodeScalars.allSatisfy({ queryCharacters.contains($0) }),
            (parts.fragment ?? "").unicodeScalars.allSatisfy({ queryCharacters.contains($0) })
        else { return false }
        guard let authorityText = parts.authority else { return true }
        var authority = Substring(authorityText)
        if let at = authority.lastIndex(of: "@") {
            let userCharacters = CharacterSet(charactersIn: unreserved + subDelimiters + ":%")
            guard authority[..<at].unicodeScalars.allSatisfy({ userCharacters.contains($0) }) else { return false }
            authority = authority[authority.index(after: at)...]
        }
        var host = authority
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return false }
            let literal = authority[authority.index(after: authority.startIndex)..<close]
            guard isIPv6(String(literal)) else { return false }
            let rest = authority[authority.index(after: close)...]
            if rest.isEmpty { return true }
            guard rest.hasPrefix(":") else { return false }
            return rest.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
        }
        if let colon = authority.lastIndex(of: ":") {
            guard authority[authority.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
            host = authority[..<colon]
        }
        let hostCharacters = CharacterSet(charactersIn: unreserved + subDelimiters + "%")
        return host.unicodeScalars.allSatisfy { hostCharacters.contains($0) }
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// Whether every `%` starts a two-hex-digit escape.
    private static func hasValidPercentEncoding(_ string: String) -> Bool {
        var utf8 = Substring(string).utf8[...]
        while let percent = utf8.firstIndex(of: UInt8(ascii: "%")) {
            let escape = utf8[utf8.index(after: percent)...].prefix(2)
            guard escape.count == 2, escape.allSatisfy(isHexDigit) else { return false }
            utf8 = utf8[utf8.index(percent, offsetBy: 3)...]
        }
        return true
    }

    /// `8-4-4-4-12` hexadecimal digits.
    static func isUUID(_ string: String) -> Bool {
        let groups = string.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy { $0.isASCII && $0.isHexDigit } }
    }
}
