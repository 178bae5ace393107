/// Checksum-valid but fictitious bank identifiers for test data.
enum FinanceNumbers {
    /// An IBAN of `countryCode`'s format with valid ISO 13616 check digits (mod 97); countries
    /// without IBANs (US, JP) get a German one.
    static func iban(countryCode: String, random: inout SeededRandom) -> String {
        let digits = { (count: Int, random: inout SeededRandom) -> String in
            String((0..<count).map { _ in Character(String(random.index(10))) })
        }
        let letters = { (count: Int, random: inout SeededRandom) -> String in
            String((0..<count).map { _ in Character(Unicode.Scalar(UInt8(65 + random.index(26)))) })
        }
        var country = countryCode
        let bban: String
        switch countryCode {
        case "FR": bban = digits(23, &random)
        case "GB": bban = letters(4, &random) + digits(14, &random)
        case "ES": bban = digits(20, &random)
        case "IT": bban = letters(1, &random) + digits(22, &random)
        case "BR": bban = digits(23, &random) + "C1"
        default:
            country = "DE"
            bban = digits(18, &random)
        }
        let check = 98 - mod97(bban + country + "00")
        return country + (check < 10 ? "0" : "") + String(check) + bban
    }

    /// A BIC: four letters for the bank, the country, two characters of location and
    /// sometimes a branch.
    static func bic(countryCode: String, random: inout SeededRandom) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let alphanumerics = letters + Array("0123456789")
        var text = String((0..<4).map { _ in random.pick(letters) }) + countryCode
        text += String((0..<2).map { _ in random.pick(alphanumerics) })
        if random.chance(0.5) { text += "XXX" }
        return text
    }

    /// The remainder of the number spelled by `text` (letters count A = 10 … Z = 35) modulo 97.
    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value >= 65 ? Int(scalar.value) - 55 : Int(scalar.value) - 48
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97
        }
        return remainder
    }
}
