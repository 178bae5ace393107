extension ScalarSet {
    /// The set `\p{name}` stands for: a general category (`L`, `Lu`, `Letter`,
    /// `gc=Nd`), a script (`Latin`, `sc=Grek`; representative ranges of its letters, not
    /// the full Unicode table), or one of ICU's POSIX-like names the validator's engine also
    /// accepts (`Alnum`, `Print`, `Any`); `nil` for a name it does not know.
    static func property(_ name: String) -> ScalarSet? {
        if let equals = name.firstIndex(of: "=") {
            let key = loose(String(name[..<equals]))
            let value = String(name[name.index(after: equals)...])
            switch key {
            case "gc", "generalcategory": return generalCategory(loose(value))
            case "sc", "script", "scx", "scriptextensions": return scripts[loose(value)]
            default: return nil
            }
        }
        let key = loose(name)
        if let category = generalCategory(key) { return category }
        if let script = scripts[key] { return script }
        if let posix = posixSet(key) { return posix }
        if key.hasPrefix("is"), key.count > 2 {
            let rest = String(key.dropFirst(2))
            return generalCategory(rest) ?? scripts[rest] ?? posixSet(rest)
        }
        return nil
    }

    /// UAX #44 loose matching: case, spaces, hyphens and underscores do not count.
    private static func loose(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    private static func generalCategory(_ key: String) -> ScalarSet? {
        guard let codes = categoryAliases[key] else { return nil }
        let table = categoryTable
        return codes.reduce(ScalarSet()) { $0.union(table[$1] ?? ScalarSet()) }
    }

    private static func posixSet(_ key: String) -> ScalarSet? {
        func categories(_ codes: [String]) -> ScalarSet {
            codes.reduce(ScalarSet()) { $0.union(categoryTable[$1] ?? ScalarSet()) }
        }
        let letters = ["Lu", "Ll", "Lt", "Lm", "Lo"]
        switch key {
        case "alpha", "alphabetic": return categories(letters + ["Nl"])
        case "alnum": return categories(letters + ["Nl", "Nd"])
        case "upper", "uppercase": return categories(["Lu"])
        case "lower", "lowercase": return categories(["Ll"])
        case "punct": return categories(["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"])
        case "space", "whitespace": return .space
        case "blank": return categories(["Zs"]).union(ScalarSet([0x09...0x09]))
        case "cntrl": return categories(["Cc"])
        case "xdigit", "hexdigit", "asciihexdigit": return ScalarSet([0x30...0x39, 0x41...0x46, 0x61...0x66])
        case "graph", "print":
            let graphic = categories(letters + ["Mn", "Mc", "Me", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"])
            return key == "print" ? graphic.union(categories(["Zs"])) : graphic
        case "any", "all": return .all
        case "ascii": return ScalarSet([0...0x7F])
        case "assigned": return categories(["Cn"]).inverted
        default: return nil
        }
    }

    /// Two-letter category codes by loose name.
    private static let categoryAliases: [String: [String]] = {
        let groups: [(names: [String], codes: [String])] = [
            (["l", "letter"], ["Lu", "Ll", "Lt", "Lm", "Lo"]),
            (["lc", "casedletter"], ["Lu", "Ll", "Lt"]),
            (["lu", "uppercaseletter"], ["Lu"]), (["ll", "lowercaseletter"], ["Ll"]),
            (["lt", "titlecaseletter"], ["Lt"]), (["lm", "modifierletter"], ["Lm"]), (["lo", "otherletter"], ["Lo"]),
            (["m", "mark", "combiningmark"], ["Mn", "Mc", "Me"]),
            (["mn", "nonspacingmark"], ["Mn"]), (["mc", "spacingmark"], ["Mc"]), (["me", "enclosingmark"], ["Me"]),
            (["n", "number"], ["Nd", "Nl", "No"]),
            (["nd", "decimalnumber", "digit"], ["Nd"]), (["nl", "letternumber"], ["Nl"]), (["no", "othernumber"], ["No"]),
            (["p", "punctuation"], ["Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po"]),
            (["pc", "connectorpunctuation"], ["Pc"]), (["pd", "dashpunctuation"], ["Pd"]),
            (["ps", "openpunctuation"], ["Ps"]), (["pe", "closepunctuation"], ["Pe"]),
            (["pi", "initialpunctuation"], ["Pi"]), (["pf", "finalpunctuation"], ["Pf"]), (["po", "otherpunctuation"], ["Po"]),
            (["s", "symbol"], ["Sm", "Sc", "Sk", "So"]),
            (["sm", "mathsymbol"], ["Sm"]), (["sc", "currencysymbol"], ["Sc"]),
            (["sk", "modifiersymbol"], ["Sk"]), (["so", "othersymbol"], ["So"]),
            (["z", "separator"], ["Zs", "Zl", "Zp"]),
            (["zs", "spaceseparator"], ["Zs"]), (["zl", "lineseparator"], ["Zl"]), (["zp", "paragraphseparator"], ["Zp"]),
            (["c", "other"], ["Cc", "Cf", "Co", "Cn"]),
            (["cc", "control"], ["Cc"]), (["cf", "format"], ["Cf"]), (["co", "privateuse"], ["Co"]), (["cn", "unassigned"], ["Cn"]),
        ]
        var aliases: [String: [String]] = [:]
        for group in groups {
            for name in group.names { aliases[name] = group.codes }
        }
        return aliases
    }()

    /// Every general category as a set, from the standard library's Unicode data; built
    /// once, on the first `\p{…}` a process meets.
    private static let categoryTable: [String: ScalarSet] = {
        var collected: [String: [ClosedRange<UInt32>]] = [:]
        var currentCode = ""
        var start: UInt32 = 0
        func close(_ end: UInt32) {
            if !currentCode.isEmpty { collected[currentCode, default: []].append(start...end) }
        }
        // Planes 4 to 13 hold nothing assigned, and 15 and 16 are private use: scanning
        // them scalar by scalar would only slow the first `\p` down.
        let scanned: [ClosedRange<UInt32>] = [0...0xD7FF, 0xE000...0x3FFFF, 0xE0000...0xEFFFF]
        for block in scanned {
            currentCode = ""
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let code = categoryCode(scalar.properties.generalCategory)
                if code != currentCode {
                    if !currentCode.isEmpty { close(value - 1) }
                    currentCode = code
                    start = value
                }
            }
            close(block.upperBound)
        }
        collected["Cn", default: []].append(0x40000...0xDFFFF)
        collected["Co", default: []].append(contentsOf: [0xF0000...0xFFFFD, 0x100000...0x10FFFD])
        collected["Cn", default: []].append(contentsOf: [0xFFFFE...0xFFFFF, 0x10FFFE...0x10FFFF])
        return collected.mapValues { ScalarSet($0) }
    }()

    private static func categoryCode(_ category: Unicode.GeneralCategory) -> String {
        switch category {
        case .uppercaseLetter: "Lu"
        case .lowercaseLetter: "Ll"
        case .titlecaseLetter: "Lt"
        case .modifierLetter: "Lm"
        case .otherLetter: "Lo"
        case .nonspacingMark: "Mn"
        case .spacingMark: "Mc"
        case .enclosingMark: "Me"
        case .decimalNumber: "Nd"
        case .letterNumber: "Nl"
        case .otherNumber: "No"
        case .connectorPunctuation: "Pc"
        case .dashPunctuation: "Pd"
        case .openPunctuation: "Ps"
        case .closePunctuation: "Pe"
        case .initialPunctuation: "Pi"
        case .finalPunctuation: "Pf"
        case .otherPunctuation: "Po"
        case .mathSymbol: "Sm"
        case .currencySymbol: "Sc"
        case .modifierSymbol: "Sk"
        case .otherSymbol: "So"
        case .spaceSeparator: "Zs"
        case .lineSeparator: "Zl"
        case .paragraphSeparator: "Zp"
        case .control: "Cc"
        case .format: "Cf"
        case .surrogate: "Cs"
        case .privateUse: "Co"
        case .unassigned: "Cn"
        @unknown default: "Cn"
        }
    }

    /// Scripts by loose name and ISO 15924 code: the main letter ranges of each, enough to
    /// draw from (the generator verifies every draw with the validator's engine).
    private static let scripts: [String: ScalarSet] = {
        let table: [(names: [String], ranges: [ClosedRange<UInt32>])] = [
            (
                ["latin", "latn"],
                [0x41...0x5A, 0x61...0x7A, 0xAA...0xAA, 0xBA...0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A]
            ),
            (["greek", "grek"], [0x386...0x386, 0x388...0x38A, 0x38C...0x38C, 0x38E...0x3A1, 0x3A3...0x3E1, 0x3F0...0x3FF]),
            (["cyrillic", "cyrl"], [0x400...0x52F, 0x2DE0...0x2DFF, 0xA640...0xA69F]),
            (["armenian", "armn"], [0x531...0x556, 0x561...0x587]),
            (["hebrew", "hebr"], [0x5D0...0x5EA]),
            (["arabic", "arab"], [0x620...0x63F, 0x641...0x64A, 0x671...0x6D3]),
            (["devanagari", "deva"], [0x904...0x939, 0x958...0x961]),
            (["thai"], [0xE01...0xE30, 0xE32...0xE33, 0xE40...0xE45]),
            (["georgian", "geor"], [0x10A0...0x10C5, 0x10D0...0x10FA]),
            (["hangul", "hang"], [0x1100...0x11FF, 0x3131...0x318E, 0xAC00...0xD7A3]),
            (["hiragana", "hira"], [0x3041...0x3096, 0x309D...0x309F]),
            (["katakana", "kana"], [0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF6F, 0xFF71...0xFF9D]),
            (
                ["han", "hani"],
                [0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x3005...0x3005, 0x3007...0x3007, 0x3021...0x3029, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFA6D, 0x20000...0x2A6DF]
            ),
        ]
        var scripts: [String: ScalarSet] = [:]
        for entry in table {
            for name in entry.names { scripts[name] = ScalarSet(entry.ranges) }
        }
        return scripts
    }()
}
