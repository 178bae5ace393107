/// The `Cookie` request header: `a=1; b="two"`.
enum CookieHeader {
    /// The cookies of every `Cookie` field, in order; quoted values lose their quotes
    /// (clients quote values holding spaces or commas).
    static func cookies(in headers: [MockHeader]) -> [(name: String, value: String)] {
        var result: [(String, String)] = []
        for field in headers.values(of: "Cookie") {
            for part in field.split(separator: ";") {
                let trimmed = part.trimmingSpaces
                guard let equals = trimmed.firstIndex(of: "=") else { continue }
                var value = trimmed[trimmed.index(after: equals)...]
                if value.count >= 2, value.first == "\"", value.last == "\"" {
                    value = value.dropFirst().dropLast()
                    result.append((String(trimmed[..<equals]), unescape(value)))
                } else {
                    result.append((String(trimmed[..<equals]), String(value)))
                }
            }
        }
        return result
    }

    /// `\"` → `"` and the escapes Python's cookie quoting writes (`\054` for a comma).
    private static func unescape(_ text: Substring) -> String {
        var result = ""
        var characters = text[...]
        while let character = characters.popFirst() {
            guard character == "\\", let next = characters.first else {
                result.append(character)
                continue
            }
            let octal = characters.prefix(3)
            if octal.count == 3, octal.allSatisfy({ ("0"..."7").contains($0) }), let code = UInt8(String(octal), radix: 8) {
                result.unicodeScalars.append(Unicode.Scalar(code))
                characters = characters.dropFirst(3)
            } else {
                result.append(next)
                characters = characters.dropFirst()
            }
        }
        return result
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
