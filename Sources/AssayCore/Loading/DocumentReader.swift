import OrderedCollections

/// Turns the bytes of one document (JSON or YAML) into a ``JSONValue`` tree.
///
/// Before parsing it repairs what real specs get wrong at the byte level, each repair a
/// warning: a byte-order mark, UTF-16 text, invalid UTF-8, and stray control characters
/// (which YAML forbids and some exporters leave in descriptions).
enum DocumentReader {
    /// Parses `bytes` from `source`.
    ///
    /// - Returns: the root value and the warnings.
    /// - Throws: ``LoadError`` with the source, pointer, line and column of the problem.
    static func read(_ bytes: [UInt8], source: String, limits: LoadLimits, deadline: Deadline) throws(LoadError) -> (JSONValue, [Diagnostic]) {
        guard bytes.count <= limits.maxBytes else {
            throw LoadError(.tooLarge, "the document is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes", source: source)
        }
        var warnings: [Diagnostic] = []
        let text = sanitize(bytes, source: source, warnings: &warnings)
        guard let first = text.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw LoadError(.notAnAPIDescription, "the document is empty", source: source)
        }
        do throws(LoadError) {
            let value: JSONValue
            let parseWarnings: [Diagnostic]
            if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") {
                (value, parseWarnings) = try JSONParser.parse(text, limits: limits, deadline: deadline)
            } else {
                let (parsed, yamlWarnings) = try readYAML(text, limits: limits, deadline: deadline)
                guard let parsed else { throw LoadError(.notAnAPIDescription, "the document is empty") }
                (value, parseWarnings) = (parsed, yamlWarnings)
            }
            warnings += parseWarnings.map {
                var warning = $0
                warning.source = source
                return warning
            }
            return (value, warnings)
        } catch {
            throw error.attributed(to: source)
        }
    }

    /// Parses YAML, repairing tabs used as indentation (a flaw exporters leave in block
    /// scalars) one reported line at a time, each with a warning.
    private static func readYAML(_ text: [UInt8], limits: LoadLimits, deadline: Deadline) throws(LoadError) -> (JSONValue?, [Diagnostic]) {
        var text = text
        var repairs: [Diagnostic] = []
        while true {
            do throws(LoadError) {
                let (value, warnings) = try YAMLReader.parse(text, limits: limits, deadline: deadline)
                return (value, repairs + warnings)
            } catch {
                guard error.code == .syntax, error.message.contains("found a tab character"), let line = error.line,
                    repairs.count < 100, let repaired = replacingIndentationTabs(in: text, line: line)
                else { throw error }
                text = repaired
                repairs.append(
                    Diagnostic(.warning, code: "tab-indentation", "a tab is used as indentation; read as a space", line: line)
                )
            }
        }
    }

    /// `text` with the tabs in the leading white space of 1-based `line` replaced by spaces, or `nil` if there are none.
    static func replacingIndentationTabs(in text: [UInt8], line: Int) -> [UInt8]? {
        var currentLine = 1
        var index = 0
        while currentLine < line, index < text.count {
            if text[index] == 0x0A { currentLine += 1 }
            index += 1
        }
        var end = index
        while end < text.count, text[end] == 0x20 || text[end] == 0x09 { end += 1 }
        if end == text.count || text[end] == 0x0A || text[end] == 0x0D {
            // A line of nothing but white space: in a block scalar it reads as an empty line.
            guard end > index else { return nil }
            var output = text
            output.removeSubrange(index..<end)
            return output
        }
        var output = text
        var changed = false
        while index < output.count, output[index] == 0x20 || output[index] == 0x09 {
            if output[index] == 0x09 {
                output[index] = 0x20
                changed = true
            }
            index += 1
        }
        return changed ? output : nil
    }

    /// Returns UTF-8 text with no BOM, no invalid sequences and no control characters but tab, LF and CR.
    static func sanitize(_ bytes: [UInt8], source: String, warnings: inout [Diagnostic]) -> [UInt8] {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = 2
            while index + 1 < bytes.count {
                let unit = littleEndian ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8 : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                units.append(unit)
                index += 2
            }
            bytes = Array(String(decoding: units, as: UTF16.self).utf8)
            warnings.append(Diagnostic(.warning, code: "utf16", "the document is UTF-16; it was read as such and converted to UTF-8", source: source))
        }

        if String(validating: bytes, as: UTF8.self) == nil {
            let (line, column) = firstInvalidUTF8(bytes)
            bytes = Array(String(decoding: bytes, as: UTF8.self).utf8)
            warnings.append(
                Diagnostic(.warning, code: "invalid-utf8", "invalid UTF-8 replaced by U+FFFD", source: source, line: line, column: column)
            )
        }

        // Control characters: C0 but tab/LF/CR, DEL, and C1 (U+0080–U+009F, encoded C2 80–C2 9F).
        var firstAt: (line: Int, column: Int)?
        var removed = 0
        var needsRewrite = false
        for index in bytes.indices {
            let byte = bytes[index]
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F
                || (byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]))
            {
                needsRewrite = true
                break
            }
        }
        guard needsRewrite else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                lineStart = output.count + 1
            }
            let isC1 = byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
            if (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || isC1 {
                if firstAt == nil { firstAt = (line, output.count - lineStart + 1) }
                removed += 1
                index += isC1 ? 2 : 1
                continue
            }
            output.append(byte)
            index += 1
        }
        warnings.append(
            Diagnostic(
                .warning,
                code: "control-character",
                "\(removed) stray control character\(removed == 1 ? "" : "s") removed (YAML and JSON forbid them)",
                source: source,
                line: firstAt?.line,
                column: firstAt?.column
            )
        )
        return output
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, index - lineStart + 1)
            }
            if index + length > bytes.count || String(validating: bytes[index..<(index + length)], as: UTF8.self) == nil {
                return (line, index - lineStart + 1)
            }
            if byte == 0x0A {
                line += 1
                lineStart = index + 1
            }
            index += length
        }
        return (line, 1)
    }
}
