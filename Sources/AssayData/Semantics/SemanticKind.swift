/// What a schema property holds, as told by its name and schema: the schema-driven
/// generator uses it to produce realistic values (a `billingCity` gets a city).
public enum SemanticKind: String, Sendable, CaseIterable {
    // People
    case firstName, lastName, fullName, username, email, phone, gender, age, birthDate, password
    // Places
    case streetAddress, streetName, buildingNumber, city, region, regionCode, postalCode, country, countryCode
    case latitude, longitude, timezone, locale, language
    // Organisations and commerce
    case companyName, jobTitle, productName, sku, currency, price, amount, quantity, percentage, rating
    // Finance (test data only: IBANs and card numbers are checksum-valid but fictitious)
    case iban, bic, creditCard
    // Web and identifiers
    case url, imageURL, domain, ipv4, ipv6, uuid, slug, version, status
    // Time
    case timestamp, date, time, year
    // Text and looks
    case title, description, color, hexColor
}
