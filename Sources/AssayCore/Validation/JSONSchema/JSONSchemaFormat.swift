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
        case "duration": return isDuration(string)
        case "idn-email": return isIDNEmail(string)
        case "idn-hostname": return isIDNHostname(string)
        case "uri-reference": return isURIReference(string)
        case "iri": return isURI(asciiStandIn(string))
        case "iri-reference": return isURIReference(asciiStandIn(string))
        case "json-pointer": return isJSONPointer(string)
        case "relative-json-pointer": return isRelativeJSONPointer(string)
        case "uri-template": return isURITemplate(string)
        case "regex": return JSONSchemaRegex.shared.expression(for: string) != nil
        case "byte": return isBase64(string)
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
            // An integer literal beyond Int64 is read as the nearest double, and the nearest
            // double to -9223372036854775809 is -2^63 itself: any double of that magnitude
            // came from a literal out of range (Int64's own bounds read as integers).
            if case .double(let value) = number, value.magnitude >= 9_223_372_036_854_775_808.0 { return false }
            return (JSONSchemaNumber.compare(number, .integer(Int.min)) ?? -1) >= 0
                && (JSONSchemaNumber.compare(number, .integer(Int.max)) ?? 1) <= 0
        default:
            return true
        }
    }

    /// The format names this checker asserts.
    static let known: Set<String> = [
        "date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid", "int32", "int64",
        "duration", "idn-email", "idn-hostname", "uri-reference", "iri", "iri-reference", "json-pointer",
        "relative-json-pointer", "uri-template", "regex", "byte",
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

    // MARK: - Formats beyond the common ones

    /// RFC 3339 appendix A `duration`: `P1Y2M3DT4H5M6S`, `PT15M`, `P2W`; the date and time
    /// components in order and without gaps (`P1Y1D` is not one).
    static func isDuration(_ string: String) -> Bool {
        guard string.hasPrefix("P") else { return false }
        var rest = Substring(string.dropFirst())
        /// Reads `digits letter` components whose letters are a contiguous run of `units`.
        func components(_ units: [Character]) -> Bool? {
            var expected: Int?
            var found = false
            while let digitsEnd = rest.firstIndex(where: { !($0.isASCII && $0.isNumber) }), digitsEnd != rest.startIndex {
                let unit = rest[digitsEnd]
                guard let position = units.firstIndex(of: unit) else { break }
                if let expected, position != expected { return nil }
                expected = position + 1
                found = true
                rest = rest[rest.index(after: digitsEnd)...]
            }
            return found
        }
        if let w = rest.firstIndex(of: "W") {
            return w != rest.startIndex && rest[..<w].allSatisfy { $0.isASCII && $0.isNumber } && rest.index(after: w) == rest.endIndex
        }
        guard let hasDate = components(["Y", "M", "D"]) else { return false }
        if rest.first == "T" {
            rest = rest.dropFirst()
            guard let hasTime = components(["H", "M", "S"]), hasTime else { return false }
            return rest.isEmpty
        }
        return hasDate && rest.isEmpty
    }

    /// RFC 6531 mailbox: an e-mail address whose local part and domain may hold non-ASCII
    /// text (the domain an internationalized host name).
    static func isIDNEmail(_ string: String) -> Bool {
        guard let at = string.lastIndex(of: "@") else { return false }
        let local = string[..<at]
        let domain = String(string[string.index(after: at)...])
        guard !local.isEmpty else { return false }
        // Stand non-ASCII text in for ASCII letters, then apply the RFC 5321 rules.
        let standIn = String(String.UnicodeScalarView(local.unicodeScalars.map { $0.isASCII ? $0 : (isGraphic($0) ? "a" : "\u{1}") }))
        if domain.hasPrefix("[") { return isEmail(standIn + "@" + domain) }
        return isEmail(standIn + "@example.com") && isIDNHostname(domain)
    }

    /// An internationalized host name (RFC 5890–5893, pragmatically): labels of letters,
    /// marks and digits of any script with inner hyphens, the contextual rules for the
    /// few punctuation marks IDNA allows, valid `xn--` labels, and the bidi rule's core
    /// (right-to-left labels hold no left-to-right letters, no label starts with a digit).
    static func isIDNHostname(_ string: String) -> Bool {
        guard !string.isEmpty, string.unicodeScalars.count <= 253 else { return false }
        // IDNA maps the ideographic and fullwidth full stops to `.`.
        let dots: Set<Unicode.Scalar> = [".", "\u{3002}", "\u{FF0E}", "\u{FF61}"]
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in string.unicodeScalars {
            if dots.contains(scalar) { labels.append([]) } else { labels[labels.count - 1].append(scalar) }
        }
        var decoded: [[Unicode.Scalar]] = []
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-" else { return false }
            if label.allSatisfy(\.isASCII) {
                guard label.allSatisfy({ Character($0).isLetter || Character($0).isNumber || $0 == "-" }) else { return false }
                // `??--` is reserved for A-labels, which must decode to a valid U-label.
                if label.count >= 4, label[2] == "-", label[3] == "-" {
                    guard String(String.UnicodeScalarView(label.prefix(2))).lowercased() == "xn",
                        let unicode = punycodeDecode(Array(label.dropFirst(4))), !unicode.isEmpty,
                        !unicode.allSatisfy(\.isASCII), isULabel(unicode)
                    else { return false }
                    decoded.append(unicode)
                } else {
                    decoded.append(label)
                }
                continue
            }
            guard isULabel(label) else { return false }
            decoded.append(label)
        }
        return satisfiesBidiRule(decoded)
    }

    /// Code points IDNA 2008 disallows though their category looks harmless.
    private static let idnaDisallowed: Set<UInt32> = [0x0640, 0x07FA, 0x302E, 0x302F, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303B]
    /// Exceptions IDNA 2008 allows though their category would not.
    private static let idnaAllowed: Set<UInt32> = [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007]

    private static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard let first = label.first, !isMark(first), label.first != "-", label.last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        var arabicIndic = false
        var extendedArabicIndic = false
        for (index, scalar) in label.enumerated() {
            let before = index > 0 ? label[index - 1] : nil
            let after = index + 1 < label.count ? label[index + 1] : nil
            if idnaDisallowed.contains(scalar.value) { return false }
            if idnaAllowed.contains(scalar.value) { continue }
            switch scalar.value {
            case 0x00B7:
                // MIDDLE DOT only in `l·l` (Catalan).
                guard before == "l", after == "l" else { return false }
            case 0x0375:
                // GREEK KERAIA before a Greek letter.
                guard let after, (0x0370...0x03FF).contains(after.value) || (0x1F00...0x1FFF).contains(after.value) else { return false }
            case 0x05F3, 0x05F4:
                // HEBREW GERESH and GERSHAYIM after a Hebrew letter.
                guard let before, (0x0590...0x05FF).contains(before.value) else { return false }
            case 0x30FB:
                // KATAKANA MIDDLE DOT in a label with Japanese script.
                let japanese = label.contains { (0x3040...0x30FA).contains($0.value) || (0x30FC...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
                guard japanese else { return false }
            case 0x200C, 0x200D:
                // ZERO WIDTH (NON-)JOINER after a virama; ZWNJ also between joining letters.
                let afterVirama = before.map { $0.properties.canonicalCombiningClass.rawValue == 9 } ?? false
                let joining = scalar.value == 0x200C && before.map { isArabicLetter($0) } == true && after.map { isArabicLetter($0) } == true
                guard afterVirama || joining else { return false }
            case 0x0660...0x0669: arabicIndic = true
            case 0x06F0...0x06F9: extendedArabicIndic = true
            default:
                guard isLetter(scalar) || isMark(scalar) || scalar.properties.generalCategory == .decimalNumber || scalar == "-" else { return false }
            }
        }
        return !(arabicIndic && extendedArabicIndic)
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        ((0x0620...0x064A).contains(scalar.value) || (0x066E...0x06D3).contains(scalar.value)) && isLetter(scalar)
    }

    private static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x05FF, 0x0600...0x065F, 0x066A...0x06EF, 0x06FA...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return true
        default: return false
        }
    }

    /// RFC 5893, in its essentials: in a name with right-to-left labels, every label starts
    /// with a letter, and right-to-left labels hold no left-to-right letters nor both kinds
    /// of digits.
    private static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        guard labels.contains(where: { $0.contains(where: isRightToLeft) }) else { return true }
        for label in labels {
            guard let first = label.first, isLetter(first) || isRightToLeft(first) else { return false }
            guard label.contains(where: isRightToLeft) else { continue }
            if label.contains(where: { isLetter($0) && !isRightToLeft($0) }) { return false }
            let european = label.contains { ("0"..."9").contains($0) }
            let arabic = label.contains { (0x0660...0x0669).contains($0.value) || (0x06F0...0x06F9).contains($0.value) }
            if european && arabic { return false }
        }
        return true
    }

    /// RFC 3492 Punycode decoding of the part after `xn--`; `nil` when malformed.
    static func punycodeDecode(_ input: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
        var output: [Unicode.Scalar] = []
        var rest = input[...]
        if let delimiter = input.lastIndex(of: "-") {
            output = Array(input[..<delimiter])
            guard output.allSatisfy(\.isASCII) else { return nil }
            rest = input[(delimiter + 1)...]
        }
        func digit(_ scalar: Unicode.Scalar) -> Int? {
            switch scalar.value {
            case 0x30...0x39: Int(scalar.value) - 22
            case 0x41...0x5A: Int(scalar.value) - 0x41
            case 0x61...0x7A: Int(scalar.value) - 0x61
            default: nil
            }
        }
        var n = 128, i = 0, bias = 72
        var cursor = rest.startIndex
        while cursor < rest.endIndex {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard cursor < rest.endIndex, let value = digit(rest[cursor]) else { return nil }
                cursor += 1
                let (step, overflow) = value.multipliedReportingOverflow(by: weight)
                guard !overflow, i <= Int(Int32.max) - step else { return nil }
                i += step
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if value < t { break }
                weight *= base - t
                guard weight < Int(Int32.max) else { return nil }
                k += base
            }
            // Adapt the bias (RFC 3492 section 6.1).
            var delta = oldI == 0 ? (i - oldI) / damp : (i - oldI) / 2
            delta += delta / (output.count + 1)
            var shifts = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                shifts += base
            }
            bias = shifts + (base * delta) / (delta + skew)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return output
    }

    /// An RFC 3986 URI or relative reference (`/orders/1?x=2`, `../a`, `#frag`, ``).
    static func isURIReference(_ string: String) -> Bool {
        let parts = SchemaURI.parse(string)
        if parts.scheme != nil { return isURI(string) }
        guard hasValidPercentEncoding(string) else { return false }
        // Without a scheme the first path segment may not hold a `:` (it would read as one).
        if parts.authority == nil, let segment = parts.path.split(separator: "/", omittingEmptySubsequences: false).first,
            segment.contains(":")
        {
            return false
        }
        // Check the rest as if it hung off a scheme.
        return isURI("x:" + string)
    }

    /// Replaces the non-ASCII characters RFC 3987 allows in an IRI with an unreserved ASCII
    /// letter, so the URI checks apply to the rest.
    static func asciiStandIn(_ string: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in string.unicodeScalars {
            if scalar.isASCII {
                result.append(scalar)
            } else if scalar.value >= 0xA0, !(0xFDD0...0xFDEF).contains(scalar.value), scalar.value & 0xFFFE != 0xFFFE,
                !(0x2028...0x2029).contains(scalar.value), isGraphic(scalar)
            {
                result.append("a")
            } else {
                result.append(" ")
            }
        }
        return String(result)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    private static func isGraphic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    /// RFC 6901: empty, or `/`-prefixed reference tokens where `~` is only `~0` or `~1`.
    static func isJSONPointer(_ string: String) -> Bool {
        if string.isEmpty { return true }
        guard string.hasPrefix("/") else { return false }
        return hasValidTildes(string)
    }

    private static func hasValidTildes(_ string: String) -> Bool {
        var scalars = string.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "~" {
                guard let next = scalars.next(), next == "0" || next == "1" else { return false }
            }
        }
        return true
    }

    /// draft-handrews-relative-json-pointer: a non-negative integer without leading zeros
    /// (optionally with a `+n`/`-n` index adjustment), then `#` or a JSON pointer.
    static func isRelativeJSONPointer(_ string: String) -> Bool {
        let digits = string.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits == "0" || !digits.hasPrefix("0") else { return false }
        var rest = string.dropFirst(digits.count)
        if let sign = rest.first, sign == "+" || sign == "-" {
            let adjustment = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !adjustment.isEmpty, adjustment == "0" || !adjustment.hasPrefix("0") else { return false }
            rest = rest.dropFirst(1 + adjustment.count)
        }
        return rest == "#" || isJSONPointer(String(rest))
    }

    /// RFC 6570 URI Template: literal URI characters and `{op varspec,…}` expressions whose
    /// variable names are letters, digits, `_`, `.` and percent-escapes, with `:n` or `*`.
    static func isURITemplate(_ string: String) -> Bool {
        var scalars = Substring(string).unicodeScalars[...]
        let forbidden = CharacterSet(charactersIn: " \"<>\\^`|}\u{7F}")
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if scalar == "{" {
                guard let close = scalars.firstIndex(of: "}") else { return false }
                var body = scalars[..<close]
                scalars = scalars[scalars.index(after: close)...]
                if let op = body.first, "+#./;?&=,!@|".unicodeScalars.contains(op) { body = body.dropFirst() }
                for spec in String(body).split(separator: ",", omittingEmptySubsequences: false) {
                    var name = Substring(spec)
                    if name.hasSuffix("*") {
                        name = name.dropLast()
                    } else if let colon = name.firstIndex(of: ":") {
                        let length = name[name.index(after: colon)...]
                        guard (1...4).contains(length.count), length.allSatisfy({ $0.isASCII && $0.isNumber }), !length.hasPrefix("0") else { return false }
                        name = name[..<colon]
                    }
                    guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains(".."), hasValidPercentEncoding(String(name)),
                        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "%") })
                    else { return false }
                }
                continue
            }
            guard scalar.value > 0x20, !forbidden.contains(scalar) else { return false }
            if scalar == "%" {
                let escape = scalars.prefix(2)
                guard escape.count == 2, escape.allSatisfy({ $0.isASCII && Character($0).isHexDigit }) else { return false }
            }
        }
        return true
    }

    /// RFC 4648 base64 (OpenAPI's `byte`): the standard alphabet in groups of four, with
    /// `=` padding only at the end.
    static func isBase64(_ string: String) -> Bool {
        let bytes = Array(string.utf8)
        guard bytes.count % 4 == 0 else { return false }
        let padding = bytes.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        guard padding <= 2 else { return false }
        for byte in bytes.dropLast(padding) {
            let valid = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
            guard valid else { return false }
        }
        return true
    }
}
