public import AssayCore
import Foundation
import OrderedCollections

/// Python source for JSON values and strings: what `json.loads` would give, written the
/// way a person would (short values on one line, long ones one member a line).
public enum PythonLiteral {
    /// A Python expression equal to `value`, indented to `indent` spaces past the first line.
    public static func render(_ value: JSONValue, indent: Int = 0) -> String {
        let flat = renderFlat(value)
        if flat.count + indent <= 88 { return flat }
        let pad = String(repeating: " ", count: indent + 4)
        let close = String(repeating: " ", count: indent)
        switch value {
        case .array(let items):
            return "[\n" + items.map { pad + render($0, indent: indent + 4) + ",\n" }.joined() + close + "]"
        case .object(let object):
            return "{\n" + object.map { pad + string($0.key) + ": " + render($0.value, indent: indent + 4) + ",\n" }.joined() + close + "}"
        default:
            return flat
        }
    }

    /// A Python tuple of integers: `()`, `(404,)`, `(200, 201)`.
    public static func tuple(_ values: [Int]) -> String {
        values.isEmpty ? "()" : "(" + values.map(String.init).joined(separator: ", ") + (values.count == 1 ? ",)" : ")")
    }

    /// The value on one line.
    public static func renderFlat(_ value: JSONValue) -> String {
        switch value {
        case .null: return "None"
        case .bool(let bool): return bool ? "True" : "False"
        case .integer(let int): return String(int)
        case .double(let double):
            // JSON numbers are finite; Python reads JSONWriter's form (1.5, 1e+300) as a float.
            let text = JSONWriter().string(.double(double))
            return text.contains(".") || text.contains("e") || text.contains("E") ? text : text + ".0"
        case .string(let string): return self.string(string)
        case .array(let items): return "[" + items.map(renderFlat).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.map { string($0.key) + ": " + renderFlat($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Runs of one character at least this long are written as a repetition.
    static let shortestRepeatedRun = 32

    /// A Python expression for `text`: a double-quoted literal, or, when the text holds a
    /// long run of one character (a string built to break `maxLength`), literals joined
    /// with repetitions (`"ab" + "c" * 5000`) so the file stays readable. Non-ASCII text
    /// stays readable; control and line-breaking characters, quotes and backslashes are
    /// escaped.
    public static func string(_ text: String) -> String {
        // Most values are short printable ASCII: no escaping, no runs.
        if text.utf8.count < shortestRepeatedRun,
            text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") })
        {
            return "\"" + text + "\""
        }
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var literal: [UInt8] = []
        func flushLiteral() {
            guard !literal.isEmpty else { return }
            parts.append("\"" + String(decoding: literal, as: UTF8.self) + "\"")
            literal.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < scalars.count {
            var end = index + 1
            while end < scalars.count && scalars[end] == scalars[index] { end += 1 }
            if end - index >= shortestRepeatedRun {
                flushLiteral()
                var one: [UInt8] = []
                appendEscaped(scalars[index], to: &one)
                parts.append("\"" + String(decoding: one, as: UTF8.self) + "\" * \(end - index)")
            } else {
                for position in index..<end { appendEscaped(scalars[position], to: &literal) }
            }
            index = end
        }
        flushLiteral()
        return parts.isEmpty ? "\"\"" : parts.joined(separator: " + ")
    }

    /// Appends the UTF-8 of `scalar` as it goes inside a double-quoted literal.
    private static func appendEscaped(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        switch scalar {
        case "\\": bytes += Array("\\\\".utf8)
        case "\"": bytes += Array("\\\"".utf8)
        case "\n": bytes += Array("\\n".utf8)
        case "\r": bytes += Array("\\r".utf8)
        case "\t": bytes += Array("\\t".utf8)
        default:
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                || (0xD800...0xDFFF).contains(value) || value == 0xFEFF
            {
                bytes += Array((value <= 0xFF ? "\\x" + hex(value, width: 2) : "\\u" + hex(value, width: 4)).utf8)
            } else {
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
    }

    /// Text for a `"""docstring"""`: backslashes and quote runs escaped; control
    /// characters dropped (they would end the file's tokens oddly and carry no meaning here).
    public static func docstring(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var quotes = 0
        for scalar in text.unicodeScalars {
            if scalar == "\"" {
                quotes += 1
                if quotes == 3 {
                    result.append(contentsOf: "\\\"\\\"\\\"".unicodeScalars)
                    quotes = 0
                }
                continue
            }
            for _ in 0..<quotes { result.append("\"") }
            quotes = 0
            if scalar == "\\" {
                result.append(contentsOf: "\\\\".unicodeScalars)
            } else if scalar.value >= 0x20 || scalar == "\n" {
                result.append(scalar)
            }
        }
        for _ in 0..<quotes { result.append("\"") }
        // A closing `"""` right after a quote would read as four quotes.
        if result.last == "\"" { result.append(" ") }
        return String(result)
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Python identifiers made from API names.
public enum PythonName {
    /// `createPet` → `create_pet`, `GET /pets/{id}` → `get_pets_id`; ASCII letters, digits
    /// and underscores only, never empty, never starting with a digit.
    public static func snake(_ text: String) -> String {
        var result = ""
        var previous: Character?
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                    result += "_"
                }
                result += character.lowercased()
            } else if !result.hasSuffix("_") && !result.isEmpty {
                result += "_"
            }
            previous = character
        }
        while result.hasSuffix("_") { result.removeLast() }
        if result.isEmpty { return "x" }
        if result.first!.isNumber { result = "n" + result }
        return result
    }

    /// Wraps `text` into lines of at most `width` characters, each prefixed by `indent`.
    public static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        // Lengths are kept as counts: `String.count` walks the string each time.
        let indentLength = indent.count
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineLength = 0
            for word in paragraph.split(separator: " ") {
                let wordLength = word.count
                if lineLength > 0 && indentLength + lineLength + 1 + wordLength > width {
                    lines.append(indent + line)
                    line = ""
                    lineLength = 0
                }
                if lineLength > 0 {
                    line += " "
                    lineLength += 1
                }
                line += word
                lineLength += wordLength
            }
            lines.append(line.isEmpty ? "" : indent + line)
        }
        return lines
    }
}
