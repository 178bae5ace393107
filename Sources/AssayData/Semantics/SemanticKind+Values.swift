public import AssayCore

extension SemanticKind {
    /// A value for this kind that satisfies `schema`'s simple constraints (type, including
    /// type arrays; minLength/maxLength; minimum/maximum and both forms of the exclusive
    /// bounds; multipleOf; format), or `nil` when it cannot, and the caller then generates
    /// the value the generic way. Integers for type integer; money as exact two-decimal
    /// values when the schema allows non-integers.
    public func value(for schema: JSONValue, context: inout SemanticContext, random: inout SeededRandom) -> JSONValue? {
        let constraints = SchemaConstraints(schema)
        guard suits(constraints), formatAllows(constraints.format) else { return nil }
        guard let type = jsonTypes.first(where: { constraints.allows($0) }) else { return nil }
        if type == "string" {
            // Persona fields must stay the persona's (the email matches the name): one try.
            let attempts = isPersonal ? 1 : 8
            for _ in 0..<attempts {
                if let text = text(constraints, context: &context, random: &random), constraints.fits(text) {
                    return .string(text)
                }
            }
            return nil
        }
        return number(constraints, integer: type == "integer" || !constraints.allows("number"), context: &context, random: &random)
    }

    /// Whether a number of this kind may be moved into a schema's bounds.
    private var clampsToBounds: Bool {
        switch self {
        case .price, .amount, .quantity, .percentage, .rating, .age: return true
        default: return false
        }
    }

    /// Kinds read from the object's persona.
    private var isPersonal: Bool {
        switch self {
        case .firstName, .lastName, .fullName, .username, .email, .phone, .gender, .birthDate, .streetAddress,
            .streetName, .buildingNumber, .city, .region, .regionCode, .postalCode, .country, .companyName:
            return true
        default:
            return false
        }
    }

    /// The `format` this kind's values have, among those validators assert.
    private var naturalFormat: String? {
        switch self {
        case .email: return "email"
        case .uuid: return "uuid"
        case .timestamp: return "date-time"
        case .date, .birthDate: return "date"
        case .time: return "time"
        case .url, .imageURL: return "uri"
        case .domain: return "hostname"
        case .ipv4: return "ipv4"
        case .ipv6: return "ipv6"
        default: return nil
        }
    }

    private static let assertedFormats: Set<String> = ["date-time", "date", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid"]

    private func formatAllows(_ format: String?) -> Bool {
        guard let format, Self.assertedFormats.contains(format) else { return true }
        return format == naturalFormat
    }

    // MARK: - Text

    private func text(_ constraints: SchemaConstraints, context: inout SemanticContext, random: inout SeededRandom) -> String? {
        switch self {
        case .firstName: return context.persona().firstName
        case .lastName: return context.persona().lastName
        case .fullName: return context.persona().fullName
        case .username: return context.persona().username
        case .email: return context.persona().email
        case .phone: return context.persona().internationalPhone
        case .gender: return context.persona().gender.rawValue
        case .birthDate: return context.persona().birthDate
        case .streetAddress: return context.persona().street
        case .streetName: return context.persona().streetName
        case .buildingNumber: return context.persona().buildingNumber
        case .city: return context.persona().city
        case .region: return context.persona().region
        case .regionCode: return context.persona().regionCode
        case .postalCode: return context.persona().postalCode
        case .country: return context.persona().countryName
        case .companyName: return context.persona().company
        case .countryCode:
            let code = context.locale.countryCode
            return constraints.minLength >= 3 ? SemanticWords.alpha3[code] : code
        case .currency: return context.locale.currencyCode
        case .timezone: return context.persona().timeZone
        case .locale: return constraints.maxLength < 5 ? language(context.locale) : context.locale.languageTag
        case .language: return language(context.locale)
        case .password: return password(constraints, random: &random)
        case .jobTitle: return random.pick(SemanticWords.jobTitles)
        case .productName:
            return "\(random.pick(SemanticWords.productAdjectives)) \(random.pick(SemanticWords.productMaterials)) \(random.pick(SemanticWords.productNouns))"
        case .sku:
            let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
            return String((0..<3).map { _ in random.pick(letters) }) + "-" + digits(5, random: &random)
        case .iban: return FinanceNumbers.iban(countryCode: context.locale.countryCode, random: &random)
        case .bic: return FinanceNumbers.bic(countryCode: context.locale.countryCode, random: &random)
        case .creditCard: return random.pick(SemanticWords.testCardNumbers)
        case .url:
            let hosts = ["www.example.com", "example.org", "shop.example.net", "app.example.com"]
            return "https://\(random.pick(hosts))/\(slug(random: &random))"
        case .imageURL:
            return "https://images.example.com/\(hex(12, random: &random)).jpg"
        case .domain: return "\(random.pick(SemanticWords.slugWords))\(random.pick(SemanticWords.slugWords)).example.com"
        case .ipv4:
            // The three TEST-NET blocks RFC 5737 sets aside for documentation.
            let block = random.pick(["192.0.2", "198.51.100", "203.0.113"])
            return "\(block).\(1 + random.index(254))"
        case .ipv6:
            // 2001:db8::/32 is reserved for documentation (RFC 3849).
            return "2001:db8:\(hex(4, random: &random)):\(hex(4, random: &random))::\(hex(4, random: &random))"
        case .uuid: return String(decoding: UUIDText.bytes(random: &random), as: UTF8.self)
        case .slug: return slug(random: &random)
        case .version: return "\(random.index(5)).\(random.index(20)).\(random.index(10))"
        case .status: return random.pick(SemanticWords.statuses)
        case .timestamp: return Self.dateTime(Self.recentInstant(&random))
        case .date:
            let day = BirthDates.civilDate(daysSinceEpoch: Int(Self.recentInstant(&random) / 86_400))
            return Self.spell(day)
        case .time:
            let seconds = random.index(86_400)
            let clock = format2(seconds / 3_600) + ":" + format2(seconds / 60 % 60) + ":" + format2(seconds % 60)
            return constraints.format == "time" ? clock + "Z" : clock
        case .title: return random.pick(SemanticWords.titles)
        case .description:
            let first = random.pick(SemanticWords.sentences)
            return random.chance(0.5) ? first : first + " " + random.pick(SemanticWords.sentences)
        case .color: return random.pick(SemanticWords.colors)
        case .hexColor: return (constraints.maxLength < 7 ? "" : "#") + hex(6, random: &random)
        case .age, .quantity, .year, .price, .amount, .percentage, .rating, .latitude, .longitude:
            switch number(constraints, integer: false, context: &context, random: &random) {
            case .integer(let value)?: return String(value)
            case .double(let value)?: return value == value.rounded() && value.magnitude < 1e15 ? String(Int(value)) : value.description
            default: return nil
            }
        }
    }

    private func language(_ locale: LocalePack) -> String {
        String(locale.languageTag.prefix { $0 != "-" })
    }

    private func password(_ constraints: SchemaConstraints, random: inout SeededRandom) -> String? {
        let length = max(constraints.minLength, min(16, constraints.maxLength))
        guard length >= 4, length <= 128 else { return nil }
        let lower = Array("abcdefghijkmnopqrstuvwxyz")
        let upper = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let digit = Array("23456789")
        let symbol = Array("!#$%&*+-=?@^_")
        // One of each class first, so common password rules pass, then any mix.
        var characters = [random.pick(upper), random.pick(lower), random.pick(digit), random.pick(symbol)]
        let all = lower + upper + digit + symbol
        while characters.count < length { characters.append(random.pick(all)) }
        for index in stride(from: characters.count - 1, to: 0, by: -1) {
            characters.swapAt(index, random.index(index + 1))
        }
        return String(characters)
    }

    private func slug(random: inout SeededRandom) -> String {
        "\(random.pick(SemanticWords.slugWords))-\(random.pick(SemanticWords.slugWords))-\(random.index(1_000))"
    }

    private func digits(_ count: Int, random: inout SeededRandom) -> String {
        String((0..<count).map { _ in Character(String(random.index(10))) })
    }

    private func hex(_ count: Int, random: inout SeededRandom) -> String {
        let alphabet = Array("0123456789abcdef")
        return String((0..<count).map { _ in alphabet[random.index(16)] })
    }

    private func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// An instant in the three years before 2026-01-01 (never the clock).
    static func recentInstant(_ random: inout SeededRandom) -> Int {
        let reference = 1_767_225_600
        return reference - 1 - random.index(3 * 365 * 86_400)
    }

    static func dateTime(_ epochSeconds: Int) -> String {
        let day = BirthDates.civilDate(daysSinceEpoch: epochSeconds / 86_400)
        let seconds = epochSeconds % 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(spell(day))T\(two(seconds / 3_600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }

    static func spell(_ date: (year: Int, month: Int, day: Int)) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(date.year)-\(two(date.month))-\(two(date.day))"
    }

    // MARK: - Numbers

    private func number(_ constraints: SchemaConstraints, integer: Bool, context: inout SemanticContext, random: inout SeededRandom) -> JSONValue? {
        // The kind's natural range (in real numbers) and resolution.
        let range: ClosedRange<Double>
        var step: Double
        switch self {
        case .price: (range, step) = (1...999.99, 0.01)
        case .amount: (range, step) = (1...5_000, 0.01)
        case .quantity: (range, step) = (1...100, 1)
        case .percentage:
            (range, step) = (constraints.maximum.map { $0 <= 1 } == true) ? (0...1, 0.01) : (0...100, 0.1)
        case .rating: (range, step) = (1...5, 0.1)
        case .age:
            let age = Double(context.persona().age)
            (range, step) = (age...age, 1)
        case .year: (range, step) = (1950...2025, 1)
        case .latitude: (range, step) = (-80...80, 0.000001)
        case .longitude: (range, step) = (-179...179, 0.000001)
        case .timestamp:
            let instant = Double(Self.recentInstant(&random))
            (range, step) = (instant...instant, 1)
        case .buildingNumber:
            let text = context.persona().buildingNumber
            guard let house = Double(text) else { return nil }
            (range, step) = (house...house, 1)
        case .postalCode:
            let text = context.persona().postalCode
            guard text.first != "0", let code = Double(text) else { return nil }
            (range, step) = (code...code, 1)
        default:
            return nil
        }
        if integer { step = max(1, step.rounded(.up)) }
        if let multiple = constraints.multipleOf {
            if integer, multiple != multiple.rounded() {
                // Every integer is a multiple of 0.5 or 0.25; not of 0.3.
                let inverse = 1 / multiple
                guard inverse == inverse.rounded() else { return nil }
            } else {
                step = multiple
            }
        }
        let low = Int((range.lowerBound / step).rounded(.up))
        let high = max(low, Int((range.upperBound / step).rounded(.down)))
        guard let units = constraints.units(step: step, preferred: low...high, random: &random) else { return nil }
        // Money, counts and scores may move to fit the bounds; a postal code, a house
        // number, an instant, a year or a coordinate moved out of its range means nothing.
        if !clampsToBounds, !(low...high).contains(units) { return nil }
        if integer {
            let value = Double(units) * step
            guard value.magnitude < 9e15 else { return nil }
            return .integer(Int(value))
        }
        return SchemaConstraints.number(units: units, step: step)
    }
}
