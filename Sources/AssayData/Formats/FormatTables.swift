/// The fixed lists behind realistic format values.
enum FormatTables {
    /// ISO 3166-1 alpha-2, every officially assigned code.
    static let countries: [String] = """
        AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ \
        CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR \
        GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO \
        JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR \
        MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO \
        RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV \
        TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
        """.split(separator: " ").map(String.init)

    /// The countries most API data is about, drawn more often.
    static let commonCountries = ["US", "GB", "DE", "FR", "CA", "JP", "ES", "IT", "NL", "BR", "AU", "IN", "SE", "CH", "MX"]

    /// ISO 4217 active currency codes.
    static let currencies: [String] = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF \
        CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG \
        HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA \
        MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD \
        RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX \
        USD UYU UZS VES VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
        """.split(separator: " ").map(String.init)

    static let commonCurrencies = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "SEK", "BRL", "INR", "MXN", "CNY"]

    /// BCP 47 tags as APIs use them.
    static let languages = [
        "en", "de", "fr", "es", "it", "ja", "pt", "nl", "sv", "zh", "ko", "ru", "pl", "tr", "ar",
        "en-US", "en-GB", "en-AU", "en-CA", "de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "es-ES", "es-MX", "it-IT",
        "ja-JP", "pt-BR", "pt-PT", "nl-NL", "sv-SE", "ko-KR", "zh-CN", "zh-TW", "es-419", "zh-Hans", "zh-Hant",
        "sr-Latn", "zh-Hans-CN", "zh-Hant-TW", "sr-Latn-RS",
    ]

    /// Words for host labels, path segments and slugs.
    static let words = [
        "api", "app", "auth", "billing", "blog", "cart", "catalog", "cdn", "checkout", "cloud", "data", "docs", "events",
        "files", "gateway", "help", "images", "inventory", "invoices", "jobs", "login", "mail", "media", "metrics",
        "news", "orders", "partners", "payments", "portal", "products", "profile", "reports", "reviews", "search",
        "shop", "static", "status", "store", "support", "teams", "tickets", "uploads", "users", "videos", "web",
    ]

    /// Registrable domains reserved for examples (RFC 2606) and plausible look-alikes.
    static let domains = ["example.com", "example.org", "example.net", "example.io", "example.dev", "example.co.uk"]

    static let topLevelDomains = ["com", "org", "net", "io", "dev", "app", "co", "de", "fr", "jp", "uk"]

    /// Non-ASCII words for internationalized names (IDN hosts, IRIs, IDN e-mail).
    static let internationalWords = [
        "bücher", "münchen", "straße", "café", "españa", "zoë", "ñandú", "résumé", "köln", "smörgås",
        "пример", "москва", "例え", "東京", "日本語", "テスト", "ελλάδα", "δοκιμή", "서울", "中文",
    ]

    static let internationalTopLevelDomains = ["рф", "中国", "日本", "한국", "com", "de", "jp"]

    static let givenNames = [
        "james", "mary", "olivia", "liam", "emma", "noah", "ava", "lucas", "mia", "omar", "priya", "wei", "yuki", "sofia",
        "mateo", "amara", "jonas", "lea", "hugo", "chloe",
    ]

    static let familyNames = [
        "smith", "johnson", "garcia", "muller", "martin", "rossi", "tanaka", "kim", "singh", "nguyen", "silva",
        "dubois", "novak", "jensen", "haddad", "okafor", "lopez", "brown", "wilson", "moreau",
    ]

    static let internationalNames = ["josé", "zoë", "françois", "müller", "björk", "renée", "søren", "ñora", "jürgen", "andré", "θεός", "юлия", "太郎"]
}
