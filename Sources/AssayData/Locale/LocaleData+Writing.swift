/// Spelling a `PersonaDraw`'s fields into any `ByteSink`: the same code fills a record on
/// the hot path and a `Persona`'s strings.
extension LocaleData {
    @inline(__always)
    func writeGivenName<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(utf8(givenNames[draw.given]))
    }

    @inline(__always)
    func writeFamilyName<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(utf8(familyNames[draw.family]))
    }

    func writeFullName<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        switch spec.nameOrder {
        case .givenFirst:
            sink.spell(utf8(givenNames[draw.given]))
            sink.spell(byte: 0x20)
            sink.spell(utf8(familyNames[draw.family]))
        case .familyFirst:
            sink.spell(utf8(familyNames[draw.family]))
            sink.spell(utf8(givenNames[draw.given]))
        }
    }

    /// The email address. With `uniqueIndex`, the local part ends in the index's decimal
    /// digits instead of a random number: names never contain digits, so that trailing digit
    /// run is exactly the index and no two indices can share an address.
    func writeEmail<Sink: SpellingSink>(_ draw: PersonaDraw, uniqueIndex: Int?, into sink: inout Sink) {
        let given = ascii(givenNames[draw.given])
        let family = ascii(familyNames[draw.family])
        switch draw.emailStyle {
        case 0:
            sink.spell(given)
            sink.spell(byte: 0x2E)
            sink.spell(family)
        case 1:
            sink.spell(UnsafeBufferPointer(rebasing: given.prefix(1)))
            sink.spell(family)
        case 2:
            sink.spell(given)
            sink.spell(byte: 0x5F)
            sink.spell(family)
        case 3:
            sink.spell(UnsafeBufferPointer(rebasing: given.prefix(1)))
            sink.spell(byte: 0x2E)
            sink.spell(family)
        case 4:
            sink.spell(family)
            sink.spell(byte: 0x2E)
            sink.spell(given)
        default:
            sink.spell(given)
            sink.spell(family)
        }
        if let uniqueIndex {
            sink.spell(digits: uniqueIndex, width: 0)
        } else if draw.emailNumber >= 0 {
            sink.spell(digits: draw.emailNumber, width: 2)
        }
        sink.spell(byte: 0x40)
        sink.spell(ascii(domains[draw.domain]))
    }

    func writeUsername<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        let given = ascii(givenNames[draw.given])
        let family = ascii(familyNames[draw.family])
        switch draw.usernameStyle {
        case 0:
            sink.spell(given)
            sink.spell(byte: 0x2E)
            sink.spell(family)
        case 1:
            sink.spell(given)
            sink.spell(family)
        case 2:
            sink.spell(given)
            sink.spell(byte: 0x5F)
            sink.spell(family)
        case 3:
            sink.spell(UnsafeBufferPointer(rebasing: given.prefix(1)))
            sink.spell(family)
        case 4:
            sink.spell(given)
        default:
            sink.spell(family)
            sink.spell(UnsafeBufferPointer(rebasing: given.prefix(1)))
        }
        if draw.usernameNumber >= 0 { sink.spell(digits: draw.usernameNumber, width: 2) }
    }

    /// The phone number in E.164 (`+4930123456789`).
    @inline(__always)
    func writeE164<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        let prefix = phonePrefixes[draw.phonePrefix]
        sink.spell(utf8(callingCode))
        sink.spell(utf8(prefix.digits))
        sink.spell(digits: draw.subscriber, width: prefix.subscriberDigits)
    }

    /// The street name alone (`Oak Street`, `rue de la Paix`).
    func writeStreetName<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(utf8(streetNames[draw.street]))
        if !streetSuffixes.isEmpty {
            sink.spell(byte: 0x20)
            sink.spell(utf8(streetSuffixes[draw.streetSuffix]))
        }
    }

    /// The building number (`12`, `2-5-13`).
    func writeBuildingNumber<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(digits: draw.house, width: 0)
        if isJapaneseLayout {
            sink.spell(byte: 0x2D)
            sink.spell(digits: draw.block, width: 0)
            sink.spell(byte: 0x2D)
            sink.spell(digits: draw.lot, width: 0)
        }
    }

    /// The street line in the locale's layout.
    func writeStreetLine<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        switch spec.addressLayout {
        case .numberFirst:
            writeBuildingNumber(draw, into: &sink)
            sink.spell(byte: 0x20)
            writeStreetName(draw, into: &sink)
        case .numberLast:
            writeStreetName(draw, into: &sink)
            sink.spell(byte: 0x20)
            writeBuildingNumber(draw, into: &sink)
        case .numberLastComma:
            writeStreetName(draw, into: &sink)
            sink.spell(byte: 0x2C)
            sink.spell(byte: 0x20)
            writeBuildingNumber(draw, into: &sink)
        case .japanese:
            writeStreetName(draw, into: &sink)
            writeBuildingNumber(draw, into: &sink)
        }
    }

    @inline(__always)
    func writeCity<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(utf8(cities[draw.city].name))
    }

    private static let postcodeLetters: [UInt8] = Array("ABDEFGHJLNPQRSTUWXYZ".utf8)

    func writePostalCode<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        if postalDigits == 0 {
            // British: outward code, space, digit, two letters of the 20 postcodes use.
            let inward = draw.postal % 4_000
            sink.spell(utf8(outwardCodes[draw.postal / 4_000]))
            sink.spell(byte: 0x20)
            sink.spell(digits: inward / 400, width: 1)
            sink.spell(byte: Self.postcodeLetters[inward / 20 % 20])
            sink.spell(byte: Self.postcodeLetters[inward % 20])
        } else if postalDashAfter > 0 {
            sink.spell(digits: draw.postal / postalDivisor, width: postalDashAfter)
            sink.spell(byte: 0x2D)
            sink.spell(digits: draw.postal % postalDivisor, width: postalDigits - postalDashAfter)
        } else {
            sink.spell(digits: draw.postal, width: postalDigits)
        }
    }

    @inline(__always)
    func writeBirthDate<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        sink.spell(BirthDates.bytes(draw.birthDay))
    }

    func writeCompany<Sink: SpellingSink>(_ draw: PersonaDraw, into sink: inout Sink) {
        for piece in templates[draw.companyTemplate] {
            switch piece {
            case .literal(let word): sink.spell(utf8(word))
            case .family: sink.spell(utf8(familyNames[draw.companyFamily]))
            case .secondFamily:
                // Never "Müller & Müller".
                let second = draw.companySecondFamily == draw.companyFamily
                    ? (draw.companyFamily + 1) % familyNames.count : draw.companySecondFamily
                sink.spell(utf8(familyNames[second]))
            case .stem: sink.spell(utf8(stems[draw.companyStem]))
            }
        }
    }

    /// `draw`'s field spelled by `write`, as a `String`.
    func string(_ draw: PersonaDraw, _ write: (PersonaDraw, inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        write(draw, &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
