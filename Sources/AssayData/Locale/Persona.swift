/// A made-up person of a locale whose fields agree with each other: the email and username
/// are spelled from the name, the postal code, region and phone area code belong to the
/// city, the birth date makes them 18 to 90 years old on 2026-01-01.
public struct Persona: Sendable, Hashable {
    public enum Gender: String, Sendable, Hashable {
        case female, male
    }

    public var gender: Gender
    public var firstName: String
    public var lastName: String
    /// In the locale's order: `Maria Silva`, `佐藤陽子`.
    public var fullName: String
    /// Lowercase ASCII letters, digits, `.` and `_`.
    public var username: String
    public var email: String
    /// As written in the country: `(212) 555-0143`, `030 12345678`.
    public var phone: String
    /// E.164: `+12125550143`.
    public var internationalPhone: String
    /// `YYYY-MM-DD`.
    public var birthDate: String
    /// Age in whole years on 2026-01-01.
    public var age: Int
    /// The street line in the locale's layout: `1234 Oak Street`, `Hauptstraße 12`.
    public var street: String
    /// The street without the number: `Oak Street`.
    public var streetName: String
    public var buildingNumber: String
    public var city: String
    /// State, region or prefecture: `California`, `Bayern`, `東京都`.
    public var region: String
    /// Its short code: `CA`, `BY`, `13`.
    public var regionCode: String
    public var postalCode: String
    /// ISO 3166-1 alpha-2.
    public var countryCode: String
    public var countryName: String
    /// IANA time zone of the city.
    public var timeZone: String
    /// An employer: `Schneider & Weber GmbH & Co. KG`, `株式会社佐藤商事`.
    public var company: String

    /// A person drawn from `locale` with `random`.
    public init(locale: LocalePack, random: inout SeededRandom) {
        self.init(data: locale.data, draw: PersonaDraw(data: locale.data, random: &random))
    }

    init(data: LocaleData, draw: PersonaDraw) {
        gender = draw.given < data.femaleCount ? .female : .male
        firstName = data.string(draw, data.writeGivenName)
        lastName = data.string(draw, data.writeFamilyName)
        fullName = data.string(draw, data.writeFullName)
        username = data.string(draw, data.writeUsername)
        email = data.string(draw) { draw, bytes in data.writeEmail(draw, uniqueIndex: nil, into: &bytes) }
        phone = data.nationalPhone(draw)
        internationalPhone = data.string(draw, data.writeE164)
        birthDate = data.string(draw, data.writeBirthDate)
        age = BirthDates.age(draw.birthDay)
        street = data.string(draw, data.writeStreetLine)
        streetName = data.string(draw, data.writeStreetName)
        buildingNumber = data.string(draw, data.writeBuildingNumber)
        let city = data.cities[draw.city]
        self.city = data.string(city.name)
        region = data.string(city.region)
        regionCode = data.string(city.regionCode)
        postalCode = data.string(draw, data.writePostalCode)
        countryCode = data.spec.countryCode
        countryName = data.spec.countryName
        timeZone = data.string(city.timeZone)
        company = data.string(draw, data.writeCompany)
    }
}
