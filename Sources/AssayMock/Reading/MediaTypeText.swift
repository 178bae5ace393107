/// Media type strings: `application/json; charset=utf-8`.
enum MediaTypeText {
    /// The type without parameters, lower-cased: `application/json`.
    static func bare(_ text: String) -> String {
        (text.split(separator: ";", maxSplits: 1).first ?? "").trimmingSpaces.lowercased()
    }

    /// A parameter's value (`boundary`, `name`), unquoted; `nil` when absent.
    static func parameter(_ name: String, of text: String) -> String? {
        for part in text.split(separator: ";").dropFirst() {
            let trimmed = part.trimmingSpaces
            guard let equals = trimmed.firstIndex(of: "="), trimmed[..<equals].trimmingSpaces.lowercased() == name else { continue }
            var value = trimmed[trimmed.index(after: equals)...].trimmingSpaces
            if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    /// JSON or a `+json` type.
    static func isJSON(_ text: String) -> Bool {
        let type = bare(text)
        return type == "application/json" || type.hasSuffix("+json")
    }

    /// Whether a documented media range (`*/*`, `application/*`, `application/json`) covers a sent type.
    static func covers(_ range: String, _ sent: String) -> Bool {
        let range = bare(range)
        let sent = bare(sent)
        if range == sent || range == "*/*" || range == "*" { return true }
        if range.hasSuffix("/*") { return sent.hasPrefix(String(range.dropLast())) }
        return false
    }
}
