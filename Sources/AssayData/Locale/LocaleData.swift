/// A locale pack's compiled data: every word pre-encoded once, with its ASCII
/// transliteration, in one `ByteStore`; the tables hold only offsets and small integers.
final class LocaleData: Sendable {
    struct City: Sendable {
        var name: WordSpan
        var region: WordSpan
        var regionCode: WordSpan
        var timeZone: WordSpan
        /// Into `postalRanges` (numeric styles) or `outwardCodes` (British).
        var postalStart: Int32
        var postalCount: Int32
        /// Into `phonePrefixes`.
        var landlineStart: Int32
        var landlineCount: Int32
        var mobileStart: Int32
        var mobileCount: Int32
    }

    /// `count` codes `low, low + step, …`.
    struct PostalRange: Sendable {
        var low: Int
        var step: Int
        var count: Int
    }

    /// The first digits of a national significant number and how many random digits follow.
    struct PhonePrefix: Sendable {
        var digits: WordSpan
        var subscriberDigits: Int
        var isMobile: Bool
    }

    /// A piece of a company-name template.
    enum TemplatePiece: Sendable {
        case literal(WordSpan)
        case family
        case secondFamily
        case stem
    }

    let spec: LocaleSpec
    let store: ByteStore
    /// Female given names first, then male ones.
    let givenNames: [WordSpan]
    let femaleCount: Int
    let familyNames: [WordSpan]
    let streetNames: [WordSpan]
    let streetSuffixes: [WordSpan]
    let cities: [City]
    let postalRanges: [PostalRange]
    let outwardCodes: [WordSpan]
    let phonePrefixes: [PhonePrefix]
    let templates: [[TemplatePiece]]
    let stems: [WordSpan]
    let domains: [WordSpan]
    let countryCode: WordSpan
    let countryName: WordSpan
    /// `+` and the calling code.
    let callingCode: WordSpan
    /// Postal code width and hyphen position for numeric styles.
    let postalDigits: Int
    let postalDashAfter: Int
    let postalDivisor: Int
    /// Hot-path copies of `spec` values (reading through `spec` may copy the whole struct).
    let isBritish: Bool
    let houseLow: Int
    let houseSpan: Int
    let mobilePerMille: Int
    let isJapaneseLayout: Bool

    init(spec: LocaleSpec) {
        self.spec = spec
        var builder = ByteStoreBuilder()
        let transliteration = spec.transliteration

        func names(_ list: String) -> [WordSpan] {
            LocaleSpec.words(list).map { entry in
                if transliteration == .explicit, let colon = entry.firstIndex(of: ":") {
                    let text = String(entry[..<colon])
                    let romaji = transliteration.ascii(String(entry[entry.index(after: colon)...]))
                    return builder.word(text, ascii: romaji)
                }
                return builder.word(entry, ascii: transliteration.ascii(entry))
            }
        }

        let female = names(spec.femaleNames)
        givenNames = female + names(spec.maleNames)
        femaleCount = female.count
        familyNames = names(spec.familyNames)
        streetNames = LocaleSpec.words(spec.streetNames).map { builder.word($0) }
        streetSuffixes = LocaleSpec.words(spec.streetSuffixes).map { builder.word($0) }
        stems = LocaleSpec.words(spec.companyStems).map { builder.word($0) }
        domains = LocaleSpec.words(spec.emailDomains).map { builder.word($0, ascii: $0) }
        countryCode = builder.word(spec.countryCode)
        countryName = builder.word(spec.countryName)
        callingCode = builder.word("+" + spec.phone.callingCode)

        switch spec.postalStyle {
        case .numeric(let digits, let dashAfter):
            postalDigits = digits
            postalDashAfter = dashAfter ?? 0
            var divisor = 1
            for _ in 0..<(digits - (dashAfter ?? digits)) { divisor *= 10 }
            postalDivisor = divisor
        case .british:
            postalDigits = 0
            postalDashAfter = 0
            postalDivisor = 1
        }

        isBritish = spec.postalStyle.isBritish
        houseLow = spec.houseNumbers.lowerBound
        houseSpan = spec.houseNumbers.count
        mobilePerMille = Int(spec.phone.mobileShare * 1_000)
        if case .japanese = spec.addressLayout { isJapaneseLayout = true } else { isJapaneseLayout = false }
        let phone = spec.phone
        let globalMobile = LocaleSpec.words(phone.mobilePrefixes)
        var cities: [City] = []
        var postalRanges: [PostalRange] = []
        var outwardCodes: [WordSpan] = []
        var phonePrefixes: [PhonePrefix] = []
        for line in spec.cities.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(\.localeTrimmed)
            precondition(fields.count >= 5, "locale \(spec.identifier): malformed city line '\(line)'")
            let postalStart = Int32(spec.postalStyle.isBritish ? outwardCodes.count : postalRanges.count)
            for item in fields[3].split(separator: ",").map(\.localeTrimmed) {
                if spec.postalStyle.isBritish {
                    outwardCodes.append(builder.word(item))
                } else {
                    postalRanges.append(Self.postalRange(item, locale: spec.identifier))
                }
            }
            let postalEnd = Int32(spec.postalStyle.isBritish ? outwardCodes.count : postalRanges.count)
            let areaCodes = fields[4].split(separator: ",").map(\.localeTrimmed)
            let landlineStart = Int32(phonePrefixes.count)
            for area in areaCodes {
                phonePrefixes.append(
                    PhonePrefix(digits: builder.word(area), subscriberDigits: phone.landlineLength - area.count, isMobile: false))
            }
            let mobileStart = Int32(phonePrefixes.count)
            for pattern in globalMobile {
                let expanded = pattern.contains("*") ? areaCodes.map { pattern.replacingStar(with: $0) } : [pattern]
                for prefix in expanded {
                    phonePrefixes.append(
                        PhonePrefix(digits: builder.word(prefix), subscriberDigits: phone.mobileLength - prefix.count, isMobile: true))
                }
            }
            cities.append(
                City(
                    name: builder.word(fields[0]), region: builder.word(fields[1]), regionCode: builder.word(fields[2]),
                    timeZone: builder.word(fields.count > 5 && !fields[5].isEmpty ? fields[5] : spec.timeZone),
                    postalStart: postalStart, postalCount: postalEnd - postalStart,
                    landlineStart: landlineStart, landlineCount: mobileStart - landlineStart,
                    mobileStart: mobileStart, mobileCount: Int32(phonePrefixes.count) - mobileStart))
        }
        self.cities = cities
        self.postalRanges = postalRanges
        self.outwardCodes = outwardCodes
        self.phonePrefixes = phonePrefixes

        templates = spec.companyTemplates.split(separator: "\n").map { line in
            Self.templatePieces(line.localeTrimmed, builder: &builder)
        }
        store = ByteStore(builder.bytes)
    }

    private static func postalRange(_ item: String, locale: String) -> PostalRange {
        let parts = item.split(separator: "/")
        let step = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let bounds = parts[0].split(separator: "-").compactMap { Int($0) }
        precondition(!bounds.isEmpty, "locale \(locale): malformed postal range '\(item)'")
        let low = bounds[0]
        let high = bounds.count > 1 ? bounds[1] : low
        return PostalRange(low: low, step: step, count: (high - low) / step + 1)
    }

    private static func templatePieces(_ template: String, builder: inout ByteStoreBuilder) -> [TemplatePiece] {
        var pieces: [TemplatePiece] = []
        var literal = ""
        var rest = Substring(template)
        while let first = rest.first {
            let placeholder: TemplatePiece? =
                rest.hasPrefix("{F}") ? .family : rest.hasPrefix("{G}") ? .secondFamily : rest.hasPrefix("{S}") ? .stem : nil
            if let placeholder {
                if !literal.isEmpty { pieces.append(.literal(builder.word(literal))) }
                literal = ""
                pieces.append(placeholder)
                rest = rest.dropFirst(3)
            } else {
                literal.append(first)
                rest = rest.dropFirst()
            }
        }
        if !literal.isEmpty { pieces.append(.literal(builder.word(literal))) }
        return pieces
    }

    // MARK: - Reading words

    @inline(__always)
    func utf8(_ word: WordSpan) -> UnsafeBufferPointer<UInt8> {
        store.slice(word.start, word.count)
    }

    @inline(__always)
    func ascii(_ word: WordSpan) -> UnsafeBufferPointer<UInt8> {
        store.slice(word.asciiStart, word.asciiCount)
    }

    func string(_ word: WordSpan) -> String {
        String(decoding: utf8(word), as: UTF8.self)
    }

    func asciiString(_ word: WordSpan) -> String {
        String(decoding: ascii(word), as: UTF8.self)
    }
}

extension LocaleSpec.PostalStyle {
    var isBritish: Bool {
        if case .british = self { return true }
        return false
    }
}

extension String {
    fileprivate func replacingStar(with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == "*" { result += replacement } else { result.append(character) }
        }
        return result
    }
}
