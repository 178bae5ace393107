/// How money looks in a locale's market: the currency's minor unit, its rough price level
/// against the US dollar (so a ¥ price reads like a ¥ price), the sales tax or VAT rate, and
/// the shipping terms.
///
/// All amounts are integers of the currency's minor unit: cents, or yen for a currency
/// without one. Sums and taxes are computed on them, never on `Double`, so a total always
/// equals its parts.
struct MarketProfile: Sendable, Hashable {
    /// Digits after the decimal point of the currency (2 for USD, 0 for JPY).
    let minorDigits: Int
    /// The currency's units per US dollar, in hundredths (`92` for EUR, `15_000` for JPY).
    let dollarRate: Int64
    /// Sales tax or VAT rate in basis points (`1_900` is 19 %).
    let taxBasisPoints: Int64
    /// Flat shipping fee in minor units.
    let shippingFee: Int64
    /// Subtotal from which shipping is free, in minor units.
    let freeShippingFrom: Int64

    init(currencyCode: String, countryCode: String) {
        (minorDigits, dollarRate) = Self.currency(currencyCode)
        taxBasisPoints = Self.taxRate(countryCode)
        let probe = MarketProfile(minorDigits: minorDigits, dollarRate: dollarRate)
        shippingFee = probe.shelfPrice(dollarCents: 500, ending: 0)
        freeShippingFrom = probe.roundAmount(dollarCents: 5_000)
    }

    init(locale: LocalePack) {
        self.init(currencyCode: locale.currencyCode, countryCode: locale.countryCode)
    }

    private init(minorDigits: Int, dollarRate: Int64) {
        self.minorDigits = minorDigits
        self.dollarRate = dollarRate
        taxBasisPoints = 0
        shippingFee = 0
        freeShippingFrom = 0
    }

    /// A price as a shop would label it, near `dollarCents` US cents converted to this
    /// currency: `29.99`, `29.49`, `29.95` or `30.00` by `ending` (0–3) for a currency
    /// with cents, `2,880`-style round figures otherwise.
    func shelfPrice(dollarCents: Int64, ending: Int) -> Int64 {
        if minorDigits == 0 {
            let major = max(1, dollarCents * dollarRate / 10_000)
            let unit = Self.roundingUnit(major)
            let rounded = max(unit, (major + unit / 2) / unit * unit)
            // Most prices end just under the round figure (¥2,980 rather than ¥3,000).
            return ending < 2 && unit >= 100 ? rounded - unit / 5 : rounded
        }
        let major = max(1, (dollarCents * dollarRate / 100 + 50) / 100)
        switch ending {
        case 0: return major * 100 - 1
        case 1: return major * 100 - 51
        case 2: return major * 100 - 5
        default: return major * 100
        }
    }

    /// `dollarCents` converted and rounded to whole currency units, in minor units.
    func roundAmount(dollarCents: Int64) -> Int64 {
        if minorDigits == 0 {
            let major = max(1, dollarCents * dollarRate / 10_000)
            let unit = Self.roundingUnit(major)
            return (major + unit / 2) / unit * unit
        }
        return (dollarCents * dollarRate / 100 + 50) / 100 * 100
    }

    /// The tax on `amount`, rounded half up to the minor unit.
    func tax(on amount: Int64) -> Int64 {
        (amount * taxBasisPoints + 5_000) / 10_000
    }

    /// The shipping charged on an order of `subtotal`.
    func shipping(subtotal: Int64) -> Int64 {
        subtotal >= freeShippingFrom ? 0 : shippingFee
    }

    /// Keeps two significant digits: 2,934 rounds in hundreds, 934 in tens.
    private static func roundingUnit(_ major: Int64) -> Int64 {
        var unit: Int64 = 1
        var rest = major
        while rest >= 100 {
            rest /= 10
            unit *= 10
        }
        return unit
    }

    private static func currency(_ code: String) -> (minorDigits: Int, dollarRate: Int64) {
        switch code.uppercased() {
        case "USD": return (2, 100)
        case "EUR": return (2, 92)
        case "GBP": return (2, 79)
        case "CHF": return (2, 88)
        case "CAD": return (2, 136)
        case "AUD": return (2, 152)
        case "NZD": return (2, 165)
        case "SEK": return (2, 1_050)
        case "NOK": return (2, 1_060)
        case "DKK": return (2, 690)
        case "PLN": return (2, 400)
        case "CZK": return (2, 2_300)
        case "HUF": return (2, 36_000)
        case "TRY": return (2, 3_200)
        case "BRL": return (2, 500)
        case "MXN": return (2, 1_700)
        case "ARS": return (2, 90_000)
        case "INR": return (2, 8_300)
        case "CNY": return (2, 720)
        case "HKD": return (2, 780)
        case "SGD": return (2, 135)
        case "ZAR": return (2, 1_850)
        case "RUB": return (2, 9_000)
        case "UAH": return (2, 4_000)
        case "ILS": return (2, 370)
        case "AED": return (2, 367)
        case "SAR": return (2, 375)
        case "THB": return (2, 3_600)
        case "PHP": return (2, 5_600)
        case "MYR": return (2, 470)
        case "JPY": return (0, 15_000)
        case "KRW": return (0, 135_000)
        case "VND": return (0, 2_500_000)
        case "IDR": return (0, 1_550_000)
        case "CLP": return (0, 93_000)
        case "COP": return (0, 400_000)
        case "ISK": return (0, 13_800)
        default: return (2, 100)
        }
    }

    private static func taxRate(_ country: String) -> Int64 {
        switch country.uppercased() {
        case "US": return 725
        case "CA": return 1_300
        case "GB": return 2_000
        case "DE": return 1_900
        case "FR", "AT": return 2_000
        case "IT": return 2_200
        case "ES", "NL", "BE", "CZ": return 2_100
        case "PT", "PL", "IE", "GR", "FI": return 2_300
        case "SE", "DK", "NO", "HR": return 2_500
        case "HU": return 2_700
        case "CH": return 810
        case "JP", "KR", "AU", "ID": return 1_000
        case "IN", "TR": return 1_800
        case "BR": return 1_700
        case "MX": return 1_600
        case "CN": return 1_300
        case "RU", "UA": return 2_000
        case "ZA": return 1_500
        case "SG": return 900
        case "AE": return 500
        case "SA": return 1_500
        default: return 1_000
        }
    }
}
