/// Identifiers, codes and encoded data: UUIDs, base64, pointers, regexes, passwords,
/// phone numbers, ISO codes, colours, versions and slugs.
extension FormatGenerator {
    static func uuid(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard request.allows(36) else { return nil }
        // Version 4, RFC 9562 variant.
        let hex = run(hexDigits, 32, random: &random)
        var scalars = Array(hex)
        scalars[12] = "4"
        scalars[16] = random.pick(Array("89ab"))
        let text = String(scalars)
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(text[text.index(text.startIndex, offsetBy: range.lowerBound)..<text.index(text.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

    /// Standard base64 with padding.
    static func base64(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let b0 = chunk[chunk.startIndex]
            let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
            let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
            text.append(base64Alphabet[Int(b0 >> 2)])
            text.append(base64Alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            text.append(chunk.count > 1 ? base64Alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : "=")
            text.append(chunk.count > 2 ? base64Alphabet[Int(b2 & 0x3F)] : "=")
            index += 3
        }
        return text
    }

    static func byte(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        // Base64 comes in groups of four; pick a group count in range.
        let low = (max(request.range.lowerBound, 0) + 3) / 4
        let high = min(request.range.upperBound / 4, 1_024)
        guard low <= high else { return nil }
        let groups = low >= 4 ? random.int(in: low...min(high, low + 4)) : random.int(in: min(max(low, 4), high)...min(high, 8))
        let count = groups == 0 ? 0 : groups * 3 - random.int(in: 0...2)
        return base64((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) })
    }

    /// Raw octets, each as the scalar of the same value (U+0000–U+00FF).
    static func binary(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 0...65_536, preferred: 8...24, random: &random) else { return nil }
        var text = ""
        for _ in 0..<size { text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: random.next()))) }
        return text
    }

    static func password(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 1...4_096, preferred: 12...16, random: &random) else { return nil }
        let classes = [Array("ABCDEFGHJKLMNPQRSTUVWXYZ"), Array("abcdefghijkmnopqrstuvwxyz"), Array("23456789"), Array("!@#$%^&*-_=+?")]
        // One of each class where the length allows, the rest from all of them, shuffled.
        var characters = classes.prefix(size).map { random.pick($0) }
        let all = classes.flatMap { $0 }
        while characters.count < size { characters.append(random.pick(all)) }
        for index in characters.indices.reversed() where index > 0 {
            characters.swapAt(index, random.index(index + 1))
        }
        return String(characters)
    }

    /// E.164: `+`, a country code and the national number, 8 to 15 digits in all.
    static func phone(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        if request.allows(12) {
            // North American numbers in the fictional 555-01xx range.
            let areas = ["212", "415", "312", "617", "206", "512", "303", "404", "720", "646"]
            return "+1" + random.pick(areas) + "55501" + run(Array("0123456789"), 2, random: &random)
        }
        guard let size = request.length(natural: 9...16, preferred: 11...13, random: &random) else { return nil }
        let codes = ["44", "49", "33", "34", "39", "81", "61", "31", "46", "55"]
        return "+" + random.pick(codes) + String(random.int(in: 1...9)) + run(Array("0123456789"), size - 4, random: &random)
    }

    static func country(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard request.allows(2) else { return nil }
        return random.chance(0.7) ? random.pick(FormatTables.commonCountries) : random.pick(FormatTables.countries)
    }

    static func currency(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard request.allows(3) else { return nil }
        return random.chance(0.7) ? random.pick(FormatTables.commonCurrencies) : random.pick(FormatTables.currencies)
    }

    static func language(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let fitting = FormatTables.languages.filter { request.allows($0.count) }
        return fitting.isEmpty ? nil : random.pick(fitting)
    }

    static func hexColor(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let shapes = [7, 4, 9].filter(request.allows)
        guard !shapes.isEmpty else { return nil }
        let size = shapes.contains(7) ? 7 : random.pick(shapes)
        return "#" + run(hexDigits, size - 1, random: &random)
    }

    /// Semantic versions: `2.4.1`, `1.0.0-beta.3`, `3.1.0+build.42`.
    static func semver(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let core = String(random.int(in: 0...4)) + "." + String(random.int(in: 0...12)) + "." + String(random.int(in: 0...20))
        let natural = random.chance(0.8) ? core : core + "-" + random.pick(["alpha", "beta", "rc"]) + "." + String(random.int(in: 1...5))
        if request.allows(natural.count) { return natural }
        guard let size = request.length(natural: 5...256, preferred: 5...16, random: &random) else { return nil }
        if size < core.count || size < 7 {
            // `x.y.z` with single digits, then wider numbers.
            var parts = [1, 1, 1]
            var extra = size - 5
            var index = 0
            while extra > 0 {
                parts[index % 3] += 1
                extra -= 1
                index += 1
            }
            return parts.map { number(digits: $0, random: &random) }.joined(separator: ".")
        }
        let tail = size - core.count
        if tail == 1 { return String(random.int(in: 1...9)) + core }
        // Build metadata takes the rest: `+build.0042`, or `+` and letters when short.
        if tail >= 8 { return core + "+build." + run(Array("0123456789"), tail - 7, random: &random) }
        return core + "+" + run(alphanumeric, tail - 1, random: &random)
    }

    static func slug(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 1...2_048, preferred: 8...32, random: &random) else { return nil }
        var text = ""
        while text.count < size {
            if !text.isEmpty { text += "-" }
            text += random.chance(0.15) ? String(random.int(in: 2015...2030)) : random.pick(FormatTables.words)
        }
        var result = String(text.prefix(size))
        // A slug neither starts nor ends with a hyphen.
        if result.hasSuffix("-") { result = String(result.dropLast()) + String(random.pick(lowercase)) }
        return result
    }

    static func jsonPointer(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let natural = "/" + random.pick(FormatTables.words) + (random.chance(0.5) ? "/" + String(random.int(in: 0...9)) : "")
            + (random.chance(0.5) ? "/" + random.pick(["name", "id", "email", "price", "status", "a~1b"]) : "")
        if request.allows(natural.count) { return natural }
        guard let size = request.length(natural: 0...4_096, preferred: 6...20, random: &random) else { return nil }
        return size == 0 ? "" : path(size, international: false, random: &random)
    }

    static func relativeJSONPointer(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 1...4_096, preferred: 1...12, random: &random) else { return nil }
        let up = String(random.int(in: 0...3))
        switch size {
        case 1: return up
        case 2: return up + "#"
        default: return up + path(size - 1, international: false, random: &random)
        }
    }

    private static let regexes = [
        "^[a-z]+$", "^\\d{3}-\\d{4}$", "^[A-Z]{2}[0-9]{6}$", "[a-zA-Z0-9_-]+", "^\\S+@\\S+\\.\\S+$", "^(active|inactive)$",
        "^#[0-9a-fA-F]{6}$", "^\\+?[1-9]\\d{1,14}$", "^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$", "\\w+",
    ]

    static func regex(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let fitting = regexes.filter { request.allows($0.count) }
        if !fitting.isEmpty { return random.pick(fitting) }
        guard let size = request.length(natural: 1...4_096, preferred: 6...20, random: &random) else { return nil }
        if size < 3 { return run(lowercase, size, random: &random) }
        return "^" + run(lowercase, size - 2, random: &random) + "$"
    }
}
