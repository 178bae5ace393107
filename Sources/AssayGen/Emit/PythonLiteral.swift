import AssayCore
import Foundation
import OrderedCollections

/// Python source for JSON values and strings: what `json.loads` would give, written the
/// way a person would (short values on one line, long ones one member a line).
enum PythonLiteral {
    /// A Python expression equal to `value`, indented to `indent` spaces past the first line.
    static func render(_ value: JSONValue, indent: Int = 0) -> String {
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

    /// The value on one line.
    static func renderFlat(_ value: JSONValue) -> String {
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

    /// A double-quoted Python string literal. Non-ASCII text stays readable; control and
    /// line-breaking characters, quotes and backslashes are escaped.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || value == 0x2028 || value == 0x2029
                    || (0xD800...0xDFFF).contains(value) || value == 0xFEFF
                {
                    result += value <= 0xFF ? "\\x" + hex(value, width: 2) : "\\u" + hex(value, width: 4)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// Text for a `"""docstring"""`: backslashes and quote runs escaped.
    static func docstring(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"\"\"", with: "\\\"\\\"\\\"")
        if escaped.hasSuffix("\"") { escaped += " " }
        // Control characters would end the file's tokens oddly; they carry no meaning here.
        escaped = String(escaped.unicodeScalars.filter { $0.value >= 0x20 || $0 == "\n" }.map(Character.init))
        return escaped
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Python identifiers made from API names.
enum PythonName {
    /// `createPet` → `create_pet`, `GET /pets/{id}` → `get_pets_id`; ASCII letters, digits
    /// and underscores only, never empty, never starting with a digit.
    static func snake(_ text: String) -> String {
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
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && indent.count + line.count + 1 + word.count > width {
                    lines.append(indent + line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(line.isEmpty ? "" : indent + line)
        }
        return lines
    }
}
