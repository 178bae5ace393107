/// The random choices behind one person: indices into a locale's tables and a few numbers.
/// Drawn once, then spelled either straight into a record (the user entity) or into
/// `String`s (`Persona`), so both always agree and correlated fields always match: the email
/// is made from the name, the postal code and phone area code from the city.
struct PersonaDraw: Sendable, Hashable {
    var given: Int
    var family: Int
    /// How the email's local part joins the names (0..<6), its number (-1 for none) and domain.
    var emailStyle: Int
    var emailNumber: Int
    var domain: Int
    var usernameStyle: Int
    var usernameNumber: Int
    var city: Int
    var street: Int
    var streetSuffix: Int
    var house: Int
    /// Japanese addresses: chōme is `house`, then block and lot.
    var block: Int
    var lot: Int
    /// The numeric postal code, or for British postcodes `outward index × 4000 + inward`.
    var postal: Int
    /// Into `LocaleData.phonePrefixes`.
    var phonePrefix: Int
    var subscriber: Int
    /// Into `BirthDates`.
    var birthDay: Int
    var companyTemplate: Int
    var companyFamily: Int
    var companySecondFamily: Int
    var companyStem: Int

    /// Slices of one 64-bit draw for several choices, mapped by multiply-shift: a choice
    /// among `bound` values from a `width`-bit slice is off from uniform by at most
    /// `bound / 2^width`, invisible in test data, and a record needs 8 draws instead of 25.
    private struct Slices {
        var bits: UInt64
        @inline(__always)
        mutating func take(_ bound: Int, width: UInt64 = 16) -> Int {
            let mask: UInt64 = (1 << width) - 1
            let value = Int(truncatingIfNeeded: ((bits & mask) &* UInt64(bound)) >> width)
            bits >>= width
            return value
        }
    }

    init(data: LocaleData, random: inout SeededRandom) {
        var people = Slices(bits: random.next())
        given = people.take(data.givenNames.count, width: 32)
        family = people.take(data.familyNames.count, width: 32)
        var places = Slices(bits: random.next())
        birthDay = places.take(BirthDates.count, width: 32)
        city = places.take(data.cities.count, width: 32)
        let place = data.cities[city]

        var naming = Slices(bits: random.next())
        emailStyle = naming.take(6)
        domain = naming.take(data.domains.count)
        usernameStyle = naming.take(6)
        let numbering = naming.take(8)
        var numbers = Slices(bits: random.next())
        switch numbering {
        case 0...3: emailNumber = -1
        case 4, 5: emailNumber = BirthDates.date(birthDay).year % 100
        default: emailNumber = 1 + numbers.take(999)
        }
        usernameNumber = numbering & 1 == 0 ? -1 : numbers.take(100)
        let mobile = place.mobileCount > 0 && numbers.take(1_000) < data.mobilePerMille
        phonePrefix = mobile
            ? Int(place.mobileStart) + numbers.take(Int(place.mobileCount))
            : Int(place.landlineStart) + numbers.take(Int(place.landlineCount))

        var address = Slices(bits: random.next())
        street = address.take(data.streetNames.count)
        streetSuffix = data.streetSuffixes.isEmpty ? 0 : address.take(data.streetSuffixes.count)
        let span = data.houseSpan
        // Low numbers are more common than high ones on real streets.
        house = data.houseLow + address.take(span) * address.take(span) / span
        var codes = Slices(bits: random.next())
        block = 1 + codes.take(30, width: 8)
        lot = 1 + codes.take(30, width: 8)
        if data.isBritish {
            let outward = Int(place.postalStart) + codes.take(Int(place.postalCount))
            postal = outward * 4_000 + codes.take(4_000, width: 32)
        } else {
            let range = data.postalRanges[Int(place.postalStart) + codes.take(Int(place.postalCount))]
            postal = range.low + range.step * codes.take(range.count, width: 32)
        }

        var scale = 1
        for _ in 1..<data.phonePrefixes[phonePrefix].subscriberDigits { scale *= 10 }
        var line = Slices(bits: random.next())
        // The first subscriber digit is 2–9: 0 and 1 start special numbers in most plans.
        subscriber = 2 * scale + line.take(8 * scale, width: 32)

        var company = Slices(bits: random.next())
        companyTemplate = company.take(data.templates.count)
        companyFamily = company.take(data.familyNames.count)
        companySecondFamily = company.take(data.familyNames.count)
        companyStem = company.take(data.stems.count)
    }
}
