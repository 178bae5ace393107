/// A locale's data: names, places, formats.
///
/// Packs are built once per process from the data in `LocalePack+*.swift` and shared: every
/// word is stored pre-encoded as UTF-8 together with a lowercase ASCII transliteration
/// (Müller → mueller, José → jose, 佐藤 → sato), so generators append bytes instead of
/// building strings.
public struct LocalePack: Sendable {
    /// `en_US`, `de_DE`, …
    public let identifier: String
    /// ISO 3166-1 alpha-2 code of the locale's country.
    public let countryCode: String
    /// ISO 4217 code of the locale's currency.
    public let currencyCode: String
    let data: LocaleData

    init(spec: LocaleSpec) {
        identifier = spec.identifier
        countryCode = spec.countryCode
        currencyCode = spec.currencyCode
        data = LocaleData(spec: spec)
    }

    /// The country's name in the locale's language (`Deutschland`, `日本`).
    public var countryName: String { data.spec.countryName }
    /// The BCP 47 language tag (`de-DE`).
    public var languageTag: String { data.spec.languageTag }
    /// The IANA time zone of the capital (cities may carry their own).
    public var timeZone: String { data.spec.timeZone }
    /// The international calling code, without `+` (`49`).
    public var callingCode: String { data.spec.phone.callingCode }

    public static let enUS = LocalePack(spec: enUSSpec)
    public static let deDE = LocalePack(spec: deDESpec)
    public static let frFR = LocalePack(spec: frFRSpec)
    public static let jaJP = LocalePack(spec: jaJPSpec)
    public static let ptBR = LocalePack(spec: ptBRSpec)
    public static let enGB = LocalePack(spec: enGBSpec)
    public static let esES = LocalePack(spec: esESSpec)
    public static let itIT = LocalePack(spec: itITSpec)

    /// The identifiers of every built-in pack, in a stable order.
    public static let identifiers: [String] = ["en_US", "de_DE", "fr_FR", "ja_JP", "pt_BR", "en_GB", "es_ES", "it_IT"]

    /// Every built-in pack, in the order of `identifiers`.
    public static var all: [LocalePack] { identifiers.map { try! named($0) } }

    /// The pack for `identifier`: `en_US`, `en-US` and `EN_us` all name the same pack.
    public static func named(_ identifier: String) throws(DataError) -> LocalePack {
        switch String(identifier.lowercased().map { $0 == "-" ? "_" : $0 }) {
        case "en_us": return .enUS
        case "de_de": return .deDE
        case "fr_fr": return .frFR
        case "ja_jp": return .jaJP
        case "pt_br": return .ptBR
        case "en_gb": return .enGB
        case "es_es": return .esES
        case "it_it": return .itIT
        default:
            throw DataError(
                .unknownLocale,
                "Unknown locale '\(identifier)'; known locales: \(identifiers.joined(separator: ", "))",
                details: identifiers)
        }
    }
}
