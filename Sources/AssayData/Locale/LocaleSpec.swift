/// A locale's data as written in source: comma- or newline-separated words and `|`-separated
/// city lines, compiled once into a `LocaleData` of pre-encoded bytes.
///
/// Keeping the data as a few long string literals rather than thousands of array elements
/// keeps the compiler fast and the data files readable.
struct LocaleSpec: Sendable {
    /// Which name comes first in a full name.
    enum NameOrder: Sendable {
        /// `Maria Silva`: given name, a space, family name.
        case givenFirst
        /// `佐藤陽子`: family name then given name, no space.
        case familyFirst
    }

    /// Where the house number goes in a street line.
    enum AddressLayout: Sendable {
        /// `1234 Oak Street`, `12 rue de la Paix`.
        case numberFirst
        /// `Hauptstraße 12`.
        case numberLast
        /// `Rua das Flores, 123`.
        case numberLastComma
        /// `本町2-5-13`: town, then chōme, block and house numbers.
        case japanese
    }

    /// How postal codes are spelled.
    enum PostalStyle: Sendable {
        /// `digits` decimal digits, with a hyphen after the first `dashAfter` of them
        /// (`100-0001`, `01310-100`).
        case numeric(digits: Int, dashAfter: Int?)
        /// UK postcodes: a city's outward code, a space, a digit and two letters (`SW1A 2AB`).
        case british
    }

    let identifier: String
    let countryCode: String
    let currencyCode: String
    let countryName: String
    let languageTag: String
    let timeZone: String
    let nameOrder: NameOrder
    let transliteration: Transliteration
    let femaleNames: String
    let maleNames: String
    let familyNames: String
    let streetNames: String
    /// When not empty, street lines are `name suffix` (`Oak` `Street`).
    let streetSuffixes: String
    let addressLayout: AddressLayout
    let houseNumbers: ClosedRange<Int>
    /// `name|region|region code|postal codes|landline prefixes[|time zone]`, one city a line.
    /// Postal codes: `low-high`, `low-high/step` or single codes, comma-separated (outward
    /// codes for `.british`). Landline prefixes are the national significant number's first
    /// digits (area codes, without the trunk prefix).
    let cities: String
    let postalStyle: PostalStyle
    let phone: PhoneSpec
    /// One template a line: `{F}` and `{G}` are family names, `{S}` a stem.
    let companyTemplates: String
    let companyStems: String
    /// Only names under the domains RFC 2606 and RFC 6761 reserve (`example.com`, `*.example`):
    /// generated addresses must never reach a real mailbox, yet a locale label (`mail.de.example`)
    /// keeps each locale's data recognisable.
    let emailDomains: String

    /// The words of a comma- or newline-separated list, trimmed, without duplicates.
    static func words(_ list: String) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for part in list.split(whereSeparator: { $0 == "," || $0 == "\n" }) {
            let word = part.localeTrimmed
            if !word.isEmpty, seen.insert(word).inserted { result.append(word) }
        }
        return result
    }
}

extension Substring {
    var localeTrimmed: String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
