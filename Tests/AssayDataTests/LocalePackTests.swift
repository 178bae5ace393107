import Testing
@testable import AssayData

@Suite struct LocalePackTests {
    @Test func namedAcceptsSeparatorsAndCase() throws {
        for spelling in ["en_US", "en-US", "EN_us", "en-us"] {
            #expect(try LocalePack.named(spelling).identifier == "en_US")
        }
        #expect(try LocalePack.named("ja-jp").identifier == "ja_JP")
        #expect(try LocalePack.named("pt_BR").currencyCode == "BRL")
        #expect(LocalePack.enUS.identifier == "en_US")
        #expect(LocalePack.identifiers == LocalePack.all.map(\.identifier))
    }

    @Test func unknownLocaleListsTheKnownOnes() {
        #expect {
            try LocalePack.named("xx_XX")
        } throws: { error in
            guard let error = error as? DataError else { return false }
            return error.code == .unknownLocale && error.details == LocalePack.identifiers
                && error.message.contains("xx_XX") && error.message.contains("de_DE")
        }
    }

    @Test func countryAndCurrencyCodes() throws {
        let expected = [
            "en_US": ("US", "USD", "1"), "de_DE": ("DE", "EUR", "49"), "fr_FR": ("FR", "EUR", "33"),
            "ja_JP": ("JP", "JPY", "81"), "pt_BR": ("BR", "BRL", "55"), "en_GB": ("GB", "GBP", "44"),
            "es_ES": ("ES", "EUR", "34"), "it_IT": ("IT", "EUR", "39"),
        ]
        for pack in LocalePack.all {
            let (country, currency, calling) = try #require(expected[pack.identifier])
            #expect(pack.countryCode == country)
            #expect(pack.currencyCode == currency)
            #expect(pack.callingCode == calling)
        }
    }

    @Test func everyNameHasALowercaseASCIIForm() {
        for pack in LocalePack.all {
            let data = pack.data
            #expect(data.givenNames.count >= 100, "\(pack.identifier) given names")
            #expect(data.familyNames.count >= 100, "\(pack.identifier) family names")
            #expect(data.cities.count >= 20, "\(pack.identifier) cities")
            for word in data.givenNames + data.familyNames {
                let ascii = data.asciiString(word)
                #expect(!ascii.isEmpty && ascii.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A }, "\(pack.identifier): \(data.string(word)) → \(ascii)")
            }
        }
    }

    @Test func transliteration() throws {
        #expect(Transliteration.german.ascii("Müller") == "mueller")
        #expect(Transliteration.german.ascii("Weiß") == "weiss")
        #expect(Transliteration.latin.ascii("José") == "jose")
        #expect(Transliteration.latin.ascii("François") == "francois")
        #expect(Transliteration.latin.ascii("O'Brien") == "obrien")
        #expect(Transliteration.latin.ascii("Jean-Pierre") == "jeanpierre")
        #expect(Transliteration.latin.ascii("Le Gall") == "legall")
        let japanese = LocalePack.jaJP.data
        let sato = try #require(japanese.familyNames.first { japanese.string($0) == "佐藤" })
        #expect(japanese.asciiString(sato) == "sato")
    }
}
