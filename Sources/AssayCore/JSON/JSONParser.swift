import OrderedCollections

/// A strict, fast JSON reader that produces ``JSONValue`` trees under ``LoadLimits``.
///
/// Foundation's `JSONSerialization` neither reports line and column nor bounds depth, and
/// loses member order; this reader does all three, and reads a 3 MB spec in milliseconds.
/// It is lenient in two ways real specs need, each reported as a warning: raw control
/// characters inside strings and duplicate member names (the last one wins).
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    private let limits: LoadLimits
    private let deadline: Deadline
    private var steps = 0
    private(set) var warnings: [Diagnostic] = []
    private var path: [String] = []

    /// Parses `text` as one JSON document.
    static func parse(_ text: [UInt8], limits: LoadLimits, deadline: Deadline) throws(LoadError) -> (JSONValue, [Diagnostic]) {
        let result: Result<(JSONValue, [Diagnostic]), LoadError> = text.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, limits: limits, deadline: deadline)
            do {
                parser.skipWhitespace()
                let value = try parser.parseValue()
                parser.skipWhitespace()
                if parser.index < buffer.count {
                    throw parser.syntaxError("unexpected content after the end of the document")
                }
                return .success((value, parser.warnings))
            } catch let error as LoadError {
                return .failure(error)
            } catch {
                return .failure(LoadError(.syntax, "\(error)"))
            }
        }
        return try result.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, limits: LoadLimits, deadline: Deadline) {
        self.bytes = bytes
        self.limits = limits
        self.deadline = deadline
    }

    // MARK: Values

    private mutating func parseValue() throws(LoadError) -> JSONValue {
        guard index < bytes.count else { throw syntaxError("unexpected end of input, expected a value") }
        steps &+= 1
        if steps & 0xFFF == 0 { try deadline.check("reading JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default:
            throw syntaxError("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func enter() throws(LoadError) {
        depth += 1
        if depth > limits.maxDepth {
            throw LoadError(
                .tooDeep,
                "the document nests deeper than the limit of \(limits.maxDepth) levels",
                pointer: JSONPointer(tokens: path),
                line: position().line,
                column: position().column
            )
        }
    }

    private mutating func parseObject() throws(LoadError) -> JSONValue {
        try enter()
        index += 1
        var object = JSONObject()
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else { throw syntaxError("expected a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else { throw syntaxError("expected ':' after the member name \"\(key)\"") }
            index += 1
            skipWhitespace()
            path.append(key)
            let value = try parseValue()
            path.removeLast()
            if object.updateValue(value, forKey: key) != nil {
                warnings.append(
                    Diagnostic(
                        .warning,
                        code: "duplicate-key",
                        "duplicate member \"\(key)\"; the last one is used",
                        pointer: JSONPointer(tokens: path + [key]),
                        line: position().line
                    )
                )
            }
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                depth -= 1
                return .object(object)
            default: throw syntaxError("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray() throws(LoadError) -> JSONValue {
        try enter()
        index += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            path.append(String(array.count))
            array.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                depth -= 1
                return .array(array)
            default: throw syntaxError("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func parseString() throws(LoadError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes and no control characters.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return string
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            index += 1
        }
        var scalars: [UInt8] = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw syntaxError("unterminated escape sequence") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""): scalars.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): scalars.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): scalars.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try parseHex4()
                    if (0xD800..<0xDC00).contains(code), peek() == UInt8(ascii: "\\"), peek(1) == UInt8(ascii: "u") {
                        index += 2
                        let low = try parseHex4()
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            scalars.append(contentsOf: Array(String(Unicode.Scalar(0xFFFD)!).utf8))
                            code = low
                        }
                    }
                    let scalar = Unicode.Scalar(code) ?? Unicode.Scalar(0xFFFD)!
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    index -= 1
                    throw syntaxError("invalid escape sequence \\\(describe(escape))")
                }
            default:
                if byte < 0x20 {
                    noteControlCharacter()
                }
                scalars.append(byte)
                index += 1
            }
        }
        throw syntaxError("unterminated string")
    }

    private mutating func noteControlCharacter() {
        if warnings.contains(where: { $0.code == "control-character" }) { return }
        let where_ = position()
        warnings.append(
            Diagnostic(
                .warning,
                code: "control-character",
                "raw control character U+\(String(bytes[index], radix: 16, uppercase: true)) inside a string; kept as is",
                pointer: JSONPointer(tokens: path),
                line: where_.line,
                column: where_.column
            )
        )
    }

    private mutating func parseHex4() throws(LoadError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw syntaxError("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw syntaxError("invalid hexadecimal digit in a \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(LoadError) -> JSONValue {
        let start = index
        var isInteger = true
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            throw syntaxError("expected a digit")
        }
        if first == UInt8(ascii: "0") {
            index += 1
        } else {
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw syntaxError("expected a digit after the decimal point")
            }
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else {
                throw syntaxError("expected a digit in the exponent")
            }
            while let byte = peek(), (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        if isInteger, let int = Int(text) { return .integer(int) }
        guard let double = Double(text) else { throw syntaxError("invalid number \(text)") }
        return .double(double)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(LoadError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw syntaxError("unexpected end of input") }
        let matches = literal.withUTF8Buffer { expected in
            (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        }
        guard matches else { throw syntaxError("invalid literal, expected \(literal)") }
        index += count
    }

    // MARK: Helpers

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(String(byte, radix: 16, uppercase: true))"
    }

    /// The 1-based line and column (in characters) of the current index.
    private func position() -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(index, bytes.count)
        for offset in 0..<end where bytes[offset] == 0x0A {
            line += 1
            lineStart = offset + 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).count + 1
        return (line, column)
    }

    private func syntaxError(_ message: String) -> LoadError {
        let where_ = position()
        return LoadError(
            .syntax,
            "invalid JSON: \(message)",
            pointer: JSONPointer(tokens: path),
            line: where_.line,
            column: where_.column
        )
    }
}
