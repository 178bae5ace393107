import Foundation

/// ECMA-262 patterns on top of `NSRegularExpression` (ICU), with a thread-safe cache.
///
/// JSON Schema patterns are ECMA-262 regular expressions. ICU agrees on almost all of the
/// syntax; the differences that matter in practice are translated: `\d`, `\w` and their
/// negations are ASCII-only in ECMA-262, and `$` without the multiline flag matches only
/// at the very end of the input (ICU also matches before a final line terminator), and
/// `\s` includes U+FEFF.
final class JSONSchemaRegex: @unchecked Sendable {
    /// The process-wide cache of compiled patterns.
    static let shared = JSONSchemaRegex()

    /// Most patterns kept; the cache is cleared when it grows past this (hostile schemas
    /// can carry any number of distinct patterns).
    private let capacity = 4096
    private let lock = NSLock()
    // Guarded by `lock`. A `nil` entry records a pattern that does not compile.
    private var cache: [String: NSRegularExpression?] = [:]

    /// The compiled form of an ECMA-262 pattern, or `nil` when it does not compile.
    func expression(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        if let cached = cache[pattern] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let compiled = try? NSRegularExpression(pattern: Self.translate(pattern), options: [])
        lock.lock()
        if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
        cache[pattern] = .some(compiled)
        lock.unlock()
        return compiled
    }

    /// Whether `pattern` matches anywhere in `string`; `nil` when the pattern does not compile.
    func matches(_ pattern: String, _ string: String) -> Bool? {
        guard let expression = expression(for: pattern) else { return nil }
        let range = NSRange(string.startIndex..<string.endIndex, in: string)
        return expression.firstMatch(in: string, options: [], range: range) != nil
    }

    private static let notDigit = "\\x{0}-\\x{2F}\\x{3A}-\\x{10FFFF}"
    private static let notWord = "\\x{0}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{5E}\\x{60}\\x{7B}-\\x{10FFFF}"

    /// Rewrites the ECMA-262 constructs whose ICU meaning differs.
    static func translate(_ pattern: String) -> String {
        var output = ""
        var inClass = false
        var iterator = Array(pattern).makeIterator()
        while let character = iterator.next() {
            switch character {
            case "\\":
                guard let next = iterator.next() else {
                    output.append("\\\\")
                    continue
                }
                switch next {
                case "d": output += inClass ? "0-9" : "[0-9]"
                case "D": output += inClass ? notDigit : "[" + notDigit + "]"
                case "w": output += inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]"
                case "W": output += inClass ? notWord : "[" + notWord + "]"
                // ECMA-262 white space includes U+FEFF, which ICU's `\s` leaves out.
                case "s": output += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
                case "S" where !inClass: output += "[^\\s\\x{FEFF}]"
                default:
                    output.append("\\")
                    output.append(next)
                }
            case "[" where !inClass:
                inClass = true
                output.append(character)
            // A leading `]` or `^]` is literal in ICU but ends an empty class in ECMA; rare, kept as is.
            case "[" where inClass:
                // ICU treats a nested `[` as a set operation; ECMA-262 as a literal.
                output += "\\["
            case "]" where inClass:
                inClass = false
                output.append(character)
            case "$" where !inClass:
                output += "(?![\\s\\S])"
            default:
                output.append(character)
            }
        }
        return output
    }
}
