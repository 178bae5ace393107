import AssayCore
import OrderedCollections
import Testing
@testable import AssayData

@Suite struct SemanticValueTests {
    private static let modern = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true)
    private static let openAPI30 = JSONSchemaValidator(draft: .draft4, openAPI: true, assertFormats: true)

    /// Schemas every kind should either satisfy or decline.
    private static func schemas(for kind: SemanticKind) -> [(JSONValue, JSONSchemaValidator)] {
        var schemas: [(JSONValue, JSONSchemaValidator)] = [
            ([:], modern),
            (["type": "string", "maxLength": 40], modern),
            (["type": ["string", "null"], "minLength": 3], modern),
            (["type": "string", "nullable": true, "maxLength": 12], openAPI30),
            (["type": "integer", "minimum": 0, "maximum": 1_000], modern),
            (["type": "integer", "exclusiveMinimum": 2, "exclusiveMaximum": 9], modern),
            (["type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 50, "multipleOf": 0.01], openAPI30),
            (["type": "number", "exclusiveMinimum": 0, "maximum": 10_000, "multipleOf": 0.25], modern),
            (["type": ["number", "string"]], modern),
            (["type": "boolean"], modern),
        ]
        for format in ["email", "uuid", "date-time", "date", "time", "uri", "hostname", "ipv4", "ipv6"] {
            schemas.append((["type": "string", "format": .string(format)], modern))
        }
        _ = kind
        return schemas
    }

    @Test func everyKindSatisfiesTheSchemasItAccepts() {
        for pack in LocalePack.all {
            var random = SeededRandom(seed: 31)
            for kind in SemanticKind.allCases {
                var produced = 0
                for (schema, validator) in Self.schemas(for: kind) {
                    for _ in 0..<5 {
                        var context = SemanticContext(locale: pack, random: random.derived("persona"))
                        guard let value = kind.value(for: schema, context: &context, random: &random) else { continue }
                        produced += 1
                        let errors = validator.validate(value, against: schema)
                        #expect(errors.isEmpty, "\(pack.identifier) \(kind) \(schema) → \(value): \(errors)")
                    }
                }
                #expect(produced > 0, "\(pack.identifier) \(kind) never produced a value")
                var context = SemanticContext(locale: pack, random: random)
                #expect(kind.value(for: ["type": "boolean"], context: &context, random: &random) == nil)
            }
        }
    }

    @Test func everyKindFitsItsNaturalSchema() throws {
        for kind in SemanticKind.allCases {
            let type = kind.jsonTypes[0]
            var schema: JSONObject = ["type": .string(type)]
            if let format = ["email": "email", "uuid": "uuid", "timestamp": "date-time", "date": "date",
                    "birthDate": "date", "url": "uri", "imageURL": "uri", "domain": "hostname", "ipv4": "ipv4", "ipv6": "ipv6",
                    "time": "time"][kind.rawValue]
            {
                schema["format"] = .string(format)
            }
            var random = SeededRandom(seed: 4)
            var context = SemanticContext(locale: .enUS, random: SeededRandom(seed: 5))
            let value = try #require(kind.value(for: .object(schema), context: &context, random: &random), "\(kind)")
            #expect(Self.modern.validate(value, against: .object(schema)).isEmpty, "\(kind) → \(value)")
        }
    }

    @Test func moneyIsExactTwoDecimals() throws {
        let schema: JSONValue = ["type": "number", "minimum": 0.5, "maximum": 3, "multipleOf": 0.01]
        var random = SeededRandom(seed: 8)
        var context = SemanticContext(locale: .deDE, random: SeededRandom(seed: 9))
        for _ in 0..<200 {
            let value = try #require(SemanticKind.price.value(for: schema, context: &context, random: &random))
            let number = try #require(value.doubleValue)
            #expect(number >= 0.5 && number <= 3)
            var text: [UInt8] = []
            JSONWriter().write(value, into: &text)
            let decimals = String(decoding: text, as: UTF8.self).split(separator: ".").dropFirst().first?.count ?? 0
            #expect(decimals <= 2, "\(value)")
            #expect(Self.modern.isValid(value, against: schema))
        }
        var integerContext = SemanticContext(locale: .enUS, random: SeededRandom(seed: 1))
        let whole = SemanticKind.price.value(for: ["type": "integer", "minimum": 10, "maximum": 20], context: &integerContext, random: &random)
        #expect(whole.flatMap(\.intValue).map { (10...20).contains($0) } == true)
    }

    @Test func ibansAndCardsAreChecksumValid() {
        var random = SeededRandom(seed: 2)
        for pack in LocalePack.all {
            var context = SemanticContext(locale: pack, random: random)
            for _ in 0..<20 {
                guard case .string(let iban)? = SemanticKind.iban.value(for: ["type": "string"], context: &context, random: &random) else {
                    Issue.record("no IBAN")
                    continue
                }
                let rearranged = String(iban.dropFirst(4)) + String(iban.prefix(4))
                #expect(FinanceNumbers.mod97(rearranged) == 1, "\(iban)")
                guard case .string(let card)? = SemanticKind.creditCard.value(for: [:], context: &context, random: &random) else { continue }
                let digits = card.compactMap(\.wholeNumberValue)
                let sum = digits.reversed().enumerated().reduce(0) { total, pair in
                    let doubled = pair.offset % 2 == 1 ? pair.element * 2 : pair.element
                    return total + (doubled > 9 ? doubled - 9 : doubled)
                }
                #expect(sum % 10 == 0, "\(card)")
            }
        }
    }

    @Test func propertiesOfOneObjectShareAPersona() throws {
        let string: JSONValue = ["type": "string"]
        for pack in LocalePack.all {
            var random = SeededRandom(seed: 12)
            for round in 0..<30 {
                var context = SemanticContext(locale: pack, random: SeededRandom(seed: UInt64(round)))
                var values: [SemanticKind: String] = [:]
                for kind in [SemanticKind.email, .firstName, .lastName, .fullName, .city, .postalCode, .region, .phone, .country] {
                    values[kind] = kind.value(for: string, context: &context, random: &random)?.stringValue
                }
                let person = context.persona()
                #expect(values[.email] == person.email)
                #expect(values[.fullName] == person.fullName)
                #expect(values[.firstName] == person.firstName && values[.lastName] == person.lastName)
                #expect(values[.city] == person.city && values[.postalCode] == person.postalCode && values[.region] == person.region)
                #expect(values[.phone] == person.internationalPhone)
                #expect(values[.country] == pack.countryName)
                // The email is spelled from this very name.
                let family = try #require(pack.data.familyNames.first { pack.data.string($0) == person.lastName })
                #expect(person.email.contains(pack.data.asciiString(family)))
            }
        }
    }

    @Test func valuesAreDeterministic() {
        func run(_ seed: UInt64) -> [JSONValue?] {
            var random = SeededRandom(seed: seed)
            var context = SemanticContext(locale: .frFR, random: SeededRandom(seed: seed ^ 1))
            return SemanticKind.allCases.map { $0.value(for: [:], context: &context, random: &random) }
        }
        #expect(run(3) == run(3))
        #expect(run(3) != run(4))
    }
}
