/// E-mail addresses, host names, IP and MAC addresses, URIs, IRIs and URI templates.
extension FormatGenerator {
    private static func scalarCount(_ text: String) -> Int { text.unicodeScalars.count }

    /// A local part of exactly `count` scalars (1...64): `jane.doe`, `omar.haddad42`.
    private static func localPart(_ count: Int, international: Bool, random: inout SeededRandom) -> String {
        let given = international ? random.pick(FormatTables.internationalNames) : random.pick(FormatTables.givenNames)
        let family = random.pick(FormatTables.familyNames)
        var base = Array((random.chance(0.7) ? given + "." + family : given + String(random.int(in: 1...99))).unicodeScalars)
        base = Array(base.prefix(count))
        while base.count < count { base.append(contentsOf: random.pick(alphanumeric).unicodeScalars) }
        // A dot may not end the local part.
        if base.last == "." { base[base.count - 1] = "x" }
        var text = ""
        text.unicodeScalars.append(contentsOf: base)
        return text
    }

    static func email(_ request: FormatRequest, international: Bool, random: inout SeededRandom) -> String? {
        let naturalLocal = localPart(random.int(in: 6...14), international: international, random: &random)
        let natural = naturalLocal + "@" + (international ? naturalHost(international: true, random: &random) : random.pick(FormatTables.domains))
        if request.allows(scalarCount(natural)) { return natural }
        guard let size = request.length(natural: 3...(64 + 1 + 253), preferred: 16...28, random: &random) else { return nil }
        // Split the length: a name-like local part, the rest for the domain (at least 4,
        // `x.io`, when there is room).
        let wantedLocal = random.int(in: 6...14)
        var local = min(64, max(1, min(wantedLocal, size - 1 - 4)))
        var domain = size - 1 - local
        if domain > 253 {
            domain = 253
            local = size - 1 - domain
        }
        guard local >= 1, local <= 64, domain >= 1 else { return nil }
        let domainText = !international && domain >= 11 && random.chance(0.8)
            ? domainOfLength(domain, random: &random)
            : host(domain, international: international, random: &random)
        return localPart(local, international: international, random: &random) + "@" + domainText
    }

    /// `example.com`-family domains when one has exactly `count` scalars (a label in front
    /// when needed), else a built host.
    private static func domainOfLength(_ count: Int, random: inout SeededRandom) -> String {
        let exact = FormatTables.domains.filter { $0.count == count }
        if !exact.isEmpty { return random.pick(exact) }
        let base = random.pick(FormatTables.domains.filter { $0.count + 2 <= count })
        let room = count - base.count - 1
        guard room <= 63 else { return host(count, international: false, random: &random) }
        return label(room, international: false, random: &random) + "." + base
    }

    static func hostname(_ request: FormatRequest, international: Bool, random: inout SeededRandom) -> String? {
        let natural = naturalHost(international: international, random: &random)
        if request.allows(scalarCount(natural)) { return natural }
        guard let size = request.length(natural: 1...253, preferred: 12...24, random: &random) else { return nil }
        if !international, size >= 11 { return domainOfLength(size, random: &random) }
        return host(size, international: international, random: &random)
    }

    static func ipv4(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 7...15, preferred: 10...14, random: &random) else { return nil }
        // Digits per octet (1 to 3) adding up to the length less the three dots.
        var digits = [1, 1, 1, 1]
        var extra = size - 7
        while extra > 0 {
            let octet = random.index(4)
            if digits[octet] < 3 {
                digits[octet] += 1
                extra -= 1
            }
        }
        return digits.map { count -> String in
            switch count {
            case 1: String(random.int(in: 0...9))
            case 2: String(random.int(in: 10...99))
            default: String(random.int(in: 100...255))
            }
        }.joined(separator: ".")
    }

    static func ipv6(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        guard let size = request.length(natural: 2...39, preferred: 20...39, random: &random) else { return nil }
        func group(_ count: Int) -> String {
            String(random.int(in: 1...15), radix: 16) + run(hexDigits, count - 1, random: &random)
        }
        if size >= 15 {
            // Eight groups of one to four hex digits, the documentation prefix first when it fits.
            var digits = [Int](repeating: 1, count: 8)
            var extra = size - 15
            if extra >= 4 {
                digits[0] = 4
                digits[1] = 3
                extra -= 5
                if extra < 0 {
                    digits[1] += extra
                    extra = 0
                }
            }
            while extra > 0 {
                let open = digits.indices.filter { digits[$0] < 4 && ($0 > 1 || digits[0] != 4 || digits[1] != 3) }
                let widen = open.isEmpty ? digits.indices.filter { digits[$0] < 4 } : open
                guard !widen.isEmpty else { break }
                digits[random.pick(widen)] += 1
                extra -= 1
            }
            var groups = digits.map(group)
            if digits[0] == 4, digits[1] == 3 {
                groups[0] = "2001"
                groups[1] = "db8"
            }
            return groups.joined(separator: ":")
        }
        // Shorter: `::` and a few groups after it (`::1`, `::ffff:a0b`).
        guard size > 2 else { return "::" }
        // g groups of one to four digits and g - 1 colons fill the rest.
        let content = size - 2
        let groups = random.int(in: (content + 5) / 5...min(7, (content + 1) / 2))
        var digits = [Int](repeating: 1, count: groups)
        var extra = content - (2 * groups - 1)
        while extra > 0 {
            let open = digits.indices.filter { digits[$0] < 4 }
            digits[random.pick(open)] += 1
            extra -= 1
        }
        return "::" + digits.map(group).joined(separator: ":")
    }

    static func mac(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let octets = (0..<6).map { _ in run(hexDigits, 2, random: &random) }
        var shapes: [String] = []
        if request.allows(17) { shapes += [octets.joined(separator: ":"), octets.joined(separator: ":").uppercased(), octets.joined(separator: "-").uppercased()] }
        if request.allows(14) { shapes.append(stride(from: 0, to: 6, by: 2).map { octets[$0] + octets[$0 + 1] }.joined(separator: ".")) }
        if request.allows(12) { shapes.append(octets.joined()) }
        return shapes.isEmpty ? nil : random.pick(shapes)
    }

    static func uri(_ request: FormatRequest, international: Bool, random: inout SeededRandom) -> String? {
        var natural = "https://" + naturalHost(international: international, random: &random)
        natural += path(random.int(in: 6...18), international: international, random: &random)
        if random.chance(0.2) { natural += "?page=" + String(random.int(in: 1...20)) }
        if request.allows(scalarCount(natural)) { return natural }
        guard let size = request.length(natural: 5...4_096, preferred: 24...48, random: &random) else { return nil }
        if size < 16 {
            // Short: a URN (`urn:isbn:…`) or a `mailto:`.
            if size >= 14, random.chance(0.5) { return "urn:isbn:" + number(digits: size - 9, random: &random) }
            return "urn:" + run(lowercase, 1, random: &random) + run(alphanumeric, size - 5, random: &random)
        }
        let scheme = "https://"
        let room = size - scheme.count
        let hostSize = min(room, room >= 14 ? random.int(in: 11...min(18, room - 1)) : room)
        let hostText = international ? host(hostSize, international: true, random: &random) : (hostSize >= 11 ? domainOfLength(hostSize, random: &random) : host(hostSize, international: false, random: &random))
        let rest = room - hostSize
        return scheme + hostText + (rest > 0 ? path(rest, international: international, random: &random) : "")
    }

    static func uriReference(_ request: FormatRequest, international: Bool, random: inout SeededRandom) -> String? {
        let natural: String? =
            switch random.index(4) {
            case 0: uri(request, international: international, random: &random)
            case 1: "#" + random.pick(FormatTables.words)
            default: path(random.int(in: 6...20), international: international, random: &random)
            }
        if let natural, request.allows(scalarCount(natural)) { return natural }
        guard let size = request.length(natural: 0...4_096, preferred: 8...24, random: &random) else { return nil }
        if size == 0 { return "" }
        if size >= 24, random.chance(0.3) {
            return uri(FormatRequest(range: size...size), international: international, random: &random)
        }
        if size >= 3, random.chance(0.15) { return "#" + label(size - 1, international: international, random: &random) }
        return path(size, international: international, random: &random)
    }

    private static let templateExpressions = ["{id}", "{userId}", "{?page,limit}", "{/path*}", "{#section}", "{?q}", "{orderId}", "{&sort}"]

    static func uriTemplate(_ request: FormatRequest, random: inout SeededRandom) -> String? {
        let natural = "https://" + naturalHost(international: false, random: &random) + "/" + random.pick(FormatTables.words) + "/"
            + random.pick(["{id}", "{userId}", "{orderId}"]) + random.pick(["", "{?page,limit}", "/items{?sort}"])
        if request.allows(natural.count) { return natural }
        guard let size = request.length(natural: 0...4_096, preferred: 16...40, random: &random) else { return nil }
        let expressions = templateExpressions.filter { $0.count <= size }
        // Literal text alone is a template too.
        guard !expressions.isEmpty else { return size == 0 ? "" : path(size, international: false, random: &random) }
        let expression = random.pick(expressions)
        let base = size - expression.count
        let prefix: String
        if base >= 16 {
            prefix = uri(FormatRequest(range: base...base), international: false, random: &random) ?? path(base, international: false, random: &random)
        } else {
            prefix = base > 0 ? path(base, international: false, random: &random) : ""
        }
        // `{/path*}` and `{#…}` read oddly after a slash; the template is valid either way.
        return prefix + expression
    }
}
