/// Building blocks of exact length: labels, host names, paths, runs of digits.
extension FormatGenerator {
    static let lowercase = Array("abcdefghijklmnopqrstuvwxyz")
    static let alphanumeric = Array("abcdefghijklmnopqrstuvwxyz0123456789")
    static let hexDigits = Array("0123456789abcdef")

    static func run(_ alphabet: [Character], _ count: Int, random: inout SeededRandom) -> String {
        var text = ""
        text.reserveCapacity(count)
        for _ in 0..<max(0, count) { text.append(random.pick(alphabet)) }
        return text
    }

    /// `count` decimal digits, the first not `0` unless `count` is 1.
    static func number(digits count: Int, random: inout SeededRandom) -> String {
        guard count > 1 else { return String(random.index(10)) }
        return String(random.int(in: 1...9)) + run(Array("0123456789"), count - 1, random: &random)
    }

    /// A host-name label of exactly `count` scalars (1...63): a word, cut or extended with
    /// letters and digits; never starting or ending with `-`.
    static func label(_ count: Int, international: Bool, random: inout SeededRandom) -> String {
        let word = international && random.chance(0.7) ? random.pick(FormatTables.internationalWords) : random.pick(FormatTables.words)
        var scalars = Array(word.unicodeScalars.prefix(count))
        while scalars.count < count {
            scalars.append(contentsOf: random.pick(alphanumeric).unicodeScalars)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// A host name of exactly `count` scalars (1...253): labels and a top-level domain,
    /// `api.example.com` style when the length allows.
    static func host(_ count: Int, international: Bool, random: inout SeededRandom) -> String {
        guard count > 3 else { return label(count, international: international, random: &random) }
        let tlds = (international && random.chance(0.5) ? FormatTables.internationalTopLevelDomains : FormatTables.topLevelDomains)
            .filter { $0.unicodeScalars.count <= count - 2 }
        let tld = tlds.isEmpty ? "io" : random.pick(tlds)
        var remaining = count - tld.unicodeScalars.count - 1
        var labels: [String] = []
        // Prefer `word.example.tld` shapes: labels of 3 to 12, the last one taking the rest.
        while remaining > 0 {
            let size: Int
            if remaining <= 63, remaining <= 8 || labels.count >= 2 {
                size = remaining
            } else {
                size = random.int(in: 3...max(3, min(12, remaining - 4)))
            }
            labels.append(label(size, international: international, random: &random))
            remaining -= size + 1
            if remaining == 0 { remaining = -1 }
        }
        return (labels + [tld]).joined(separator: ".")
    }

    /// The natural host: `api.example.com`, `shop.example.org`.
    static func naturalHost(international: Bool, random: inout SeededRandom) -> String {
        if international {
            return random.pick(FormatTables.internationalWords) + "." + random.pick(FormatTables.internationalTopLevelDomains)
        }
        return random.pick(FormatTables.words) + "." + random.pick(FormatTables.domains)
    }

    /// A path of exactly `count` scalars starting with `/` (`count` ≥ 1): word and number
    /// segments, `/v1/orders/8412` style.
    static func path(_ count: Int, international: Bool, random: inout SeededRandom) -> String {
        var scalars: [Unicode.Scalar] = []
        var first = true
        while scalars.count < count {
            scalars.append("/")
            let room = count - scalars.count
            guard room > 0 else { break }
            let segment: String
            if first, random.chance(0.4) {
                segment = "v" + String(random.int(in: 1...3))
            } else if !first, random.chance(0.3) {
                segment = String(random.int(in: 1...99_999))
            } else if international, random.chance(0.6) {
                segment = random.pick(FormatTables.internationalWords)
            } else {
                segment = random.pick(FormatTables.words)
            }
            first = false
            var piece = Array(segment.unicodeScalars.prefix(room))
            // Leave no room for a lone trailing `/`: the last segment takes the rest.
            if room - piece.count == 1 { piece.append(contentsOf: random.pick(alphanumeric).unicodeScalars) }
            scalars.append(contentsOf: piece)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars.prefix(count))
        return text
    }
}
