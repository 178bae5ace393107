import Testing
@testable import AssayData

@Suite struct PersonaTests {
    /// Locales whose national numbers start with a trunk 0 that E.164 drops.
    private static let trunkZero: Set<String> = ["DE", "FR", "JP", "GB"]

    private static func digits(_ text: String) -> String {
        String(text.filter { $0.isASCII && $0.isNumber })
    }

    @Test func correlatedFieldsAgreeInEveryLocale() throws {
        for pack in LocalePack.all {
            let data = pack.data
            var random = SeededRandom(seed: 11)
            for _ in 0..<400 {
                let draw = PersonaDraw(data: data, random: &random)
                let person = Persona(data: data, draw: draw)
                let city = data.cities[draw.city]
                let label = "\(pack.identifier): \(person)"

                // Name ↔ email and username.
                let given = data.asciiString(data.givenNames[draw.given])
                let family = data.asciiString(data.familyNames[draw.family])
                let local = try #require(person.email.split(separator: "@").first.map(String.init))
                #expect(local.contains(family), "\(label)")
                #expect(local.contains(given) || local.hasPrefix(String(given.prefix(1))), "\(label)")
                #expect(person.username.contains(family) || person.username.contains(given), "\(label)")
                #expect(person.email.hasSuffix("example.com") || person.email.hasSuffix("example.net")
                    || person.email.hasSuffix("example.org") || person.email.hasSuffix(".example"), "\(label)")
                if pack.identifier == "ja_JP" {
                    #expect(person.fullName == person.lastName + person.firstName)
                } else {
                    #expect(person.fullName == person.firstName + " " + person.lastName)
                }

                // City ↔ region ↔ postal code ↔ phone area code.
                #expect(person.city == data.string(city.name))
                #expect(person.region == data.string(city.region))
                #expect(person.countryCode == pack.countryCode)
                if data.isBritish {
                    let outward = try #require(person.postalCode.split(separator: " ").first.map(String.init))
                    let outwards = (0..<Int(city.postalCount)).map { data.string(data.outwardCodes[Int(city.postalStart) + $0]) }
                    #expect(outwards.contains(outward), "\(label)")
                    #expect(person.postalCode.split(separator: " ").last?.count == 3)
                } else {
                    let code = try #require(Int(Self.digits(person.postalCode)))
                    let ranges = (0..<Int(city.postalCount)).map { data.postalRanges[Int(city.postalStart) + $0] }
                    #expect(ranges.contains { code >= $0.low && code < $0.low + $0.step * $0.count && (code - $0.low) % $0.step == 0 }, "\(label)")
                }
                let nsn = String(person.internationalPhone.dropFirst(1 + pack.callingCode.count))
                #expect(person.internationalPhone.hasPrefix("+" + pack.callingCode), "\(label)")
                #expect(person.internationalPhone.count <= 16)
                let prefixes = (Int(city.landlineStart)..<Int(city.mobileStart + city.mobileCount)).map { data.string(data.phonePrefixes[$0].digits) }
                #expect(prefixes.contains { nsn.hasPrefix($0) }, "\(label)")
                var national = Self.digits(person.phone)
                if Self.trunkZero.contains(pack.countryCode) {
                    #expect(national.first == "0", "\(label)")
                    national.removeFirst()
                }
                #expect(national == nsn, "\(label)")

                // Birth date ↔ age on 2026-01-01.
                #expect((18...90).contains(person.age), "\(label)")
                let parts = person.birthDate.split(separator: "-").compactMap { Int($0) }
                #expect(parts.count == 3)
                let birthdayPassed = parts[1] == 1 && parts[2] == 1
                #expect(person.age == 2026 - parts[0] - (birthdayPassed ? 0 : 1), "\(label)")
                #expect(!person.company.isEmpty && !person.street.isEmpty)
                #expect(person.street.contains(person.streetName) && person.street.contains(person.buildingNumber))
            }
        }
    }

    @Test func munichHasBavarianPostalCodesAndAreaCode() {
        let data = LocalePack.deDE.data
        var random = SeededRandom(seed: 3)
        var seen = 0
        for _ in 0..<3_000 {
            let person = Persona(locale: .deDE, random: &random)
            guard person.city == "München" else { continue }
            seen += 1
            #expect(person.region == "Bayern" && person.regionCode == "BY")
            #expect(Int(person.postalCode).map { (80331...81929).contains($0) } == true, "\(person.postalCode)")
            #expect(person.internationalPhone.hasPrefix("+4989") || person.internationalPhone.hasPrefix("+491"))
        }
        #expect(seen > 0)
        #expect(data.cities.contains { data.string($0.name) == "München" })
    }

    @Test func layoutsFollowTheLocale() {
        var random = SeededRandom(seed: 5)
        let american = Persona(locale: .enUS, random: &random)
        #expect(american.street.first?.isNumber == true)
        #expect(american.phone.hasPrefix("("))
        let german = Persona(locale: .deDE, random: &random)
        #expect(german.street.last?.isNumber == true)
        let brazilian = Persona(locale: .ptBR, random: &random)
        #expect(brazilian.street.contains(", "))
        #expect(brazilian.postalCode.count == 9 && Array(brazilian.postalCode)[5] == "-")
        let japanese = Persona(locale: .jaJP, random: &random)
        #expect(japanese.postalCode.count == 8 && Array(japanese.postalCode)[3] == "-")
        #expect(!japanese.fullName.contains(" "))
        #expect(japanese.email.allSatisfy { $0.isASCII })
    }

    @Test func personasAreDeterministic() {
        for pack in LocalePack.all {
            var first = SeededRandom(seed: 99)
            var second = SeededRandom(seed: 99)
            var other = SeededRandom(seed: 100)
            let a = (0..<20).map { _ in Persona(locale: pack, random: &first) }
            let b = (0..<20).map { _ in Persona(locale: pack, random: &second) }
            let c = (0..<20).map { _ in Persona(locale: pack, random: &other) }
            #expect(a == b)
            #expect(a != c)
        }
    }
}
