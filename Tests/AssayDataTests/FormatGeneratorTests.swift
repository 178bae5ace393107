import AssayCore
import Foundation
import Testing

@testable import AssayData

/// Format values: valid under the validator with `assertFormats`, in the requested
/// length, realistic and deterministic.
struct FormatGeneratorTests {
    static let asserting = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true)

    /// The formats the validator checks, with the checker each alias goes to.
    static let checked: [(format: String, checker: String)] = [
        ("date-time", "date-time"), ("date", "date"), ("time", "time"), ("duration", "duration"), ("email", "email"),
        ("idn-email", "idn-email"), ("hostname", "hostname"), ("idn-hostname", "idn-hostname"), ("ipv4", "ipv4"),
        ("ipv6", "ipv6"), ("uri", "uri"), ("url", "uri"), ("uri-reference", "uri-reference"), ("iri", "iri"),
        ("iri-reference", "iri-reference"), ("uri-template", "uri-template"), ("json-pointer", "json-pointer"),
        ("relative-json-pointer", "relative-json-pointer"), ("regex", "regex"), ("uuid", "uuid"), ("byte", "byte"),
    ]

    /// Checks for the formats the validator leaves alone.
    static let shapes: [String: String] = [
        "phone": #"^\+[1-9][0-9]{7,14}$"#,
        "country": "^[A-Z]{2}$", "country-code": "^[A-Z]{2}$", "currency": "^[A-Z]{3}$", "currency-code": "^[A-Z]{3}$",
        "language": "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$",
        "mac": "^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}$|^[0-9a-f]{12}$",
        "mac-address": "^([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}$|^[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}$|^[0-9a-f]{12}$",
        "hex-color": "^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$", "color-hex": "^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$",
        "semver": #"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"#,
        "slug": "^[a-z0-9]+(-[a-z0-9]+)*$", "unix-time": "^[0-9]{1,13}$",
        "password": "^[\\x21-\\x7E]+$", "binary": "^[\\x00-\\xFF]*$",
    ]

    private func isValid(_ value: String, format: String) -> Bool {
        if let checker = Self.checked.first(where: { $0.format == format })?.checker {
            return Self.asserting.isValid(.string(value), against: ["format": .string(checker)])
        }
        if let shape = Self.shapes[format] { return JSONSchemaValidator.patternMatches(shape, value) == true }
        return false
    }

    @Test func knowsTheListedFormats() {
        let required = Self.checked.map(\.format) + Self.shapes.keys.sorted()
        #expect(Set(required) == Set(FormatGenerator.knownFormats), "\(Set(FormatGenerator.knownFormats).symmetricDifference(required))")
        var random = SeededRandom(seed: 1)
        #expect(FormatGenerator.string(format: "no-such-format", length: nil, random: &random) == nil)
        #expect(FormatGenerator.string(format: "int32", length: nil, random: &random) == nil)
    }

    @Test func thousandValuesPerFormatAreValid() {
        for format in FormatGenerator.knownFormats {
            var random = SeededRandom(seed: 42, stream: SeededRandom.hash(format))
            var invalid: [String] = []
            for _ in 0..<1_000 {
                guard let value = FormatGenerator.string(format: format, length: nil, random: &random) else {
                    invalid.append("nil")
                    continue
                }
                if !isValid(value, format: format) { invalid.append(value) }
            }
            #expect(invalid.isEmpty, "\(format): \(invalid.prefix(5).map(\.debugDescription))")
        }
    }

    @Test func lengthsAreRespectedOrRefused() {
        let ranges: [ClosedRange<Int>] = [0...0, 1...1, 0...5, 2...3, 5...10, 10...20, 20...40, 36...36, 40...80, 64...64, 100...200, 253...253, 300...400, 1_000...1_200]
        for format in FormatGenerator.knownFormats {
            for range in ranges {
                for seed in UInt64(0)..<20 {
                    var random = SeededRandom(seed: seed)
                    guard let value = FormatGenerator.string(format: format, length: range, random: &random) else { continue }
                    #expect(range.contains(value.unicodeScalars.count), "\(format) in \(range): \(value.debugDescription)")
                    #expect(isValid(value, format: format), "\(format) in \(range): \(value.debugDescription)")
                }
            }
        }
    }

    @Test func lengthsThatTheFormatAllowsAreReached() {
        let cases: [(String, ClosedRange<Int>)] = [
            ("email", 60...64), ("email", 6...6), ("email", 200...200), ("idn-email", 30...30), ("hostname", 100...100),
            ("hostname", 3...3), ("idn-hostname", 40...40), ("uri", 200...200), ("uri", 5...5), ("iri", 50...50),
            ("uri-reference", 0...0), ("uri-reference", 1...1), ("iri-reference", 33...33), ("uri-template", 60...60),
            ("password", 64...64), ("password", 1...1), ("byte", 8...8), ("byte", 0...0), ("binary", 5...5), ("slug", 3...3),
            ("date-time", 20...20), ("date-time", 35...35), ("date-time", 29...29), ("time", 9...9), ("time", 24...24),
            ("duration", 4...4), ("duration", 30...30), ("ipv4", 7...7), ("ipv4", 15...15), ("ipv6", 2...2), ("ipv6", 39...39),
            ("ipv6", 14...14), ("ipv6", 22...22), ("json-pointer", 0...0), ("json-pointer", 50...50), ("relative-json-pointer", 1...1),
            ("relative-json-pointer", 2...2), ("regex", 1...1), ("regex", 30...30), ("semver", 5...5), ("semver", 20...20),
            ("phone", 9...9), ("phone", 16...16), ("language", 10...10), ("mac", 14...14), ("hex-color", 4...4), ("unix-time", 13...13),
        ]
        for (format, range) in cases {
            for seed in UInt64(0)..<25 {
                var random = SeededRandom(seed: seed)
                let value = FormatGenerator.string(format: format, length: range, random: &random)
                #expect(value.map { range.contains($0.unicodeScalars.count) && isValid($0, format: format) } == true, "\(format) in \(range): \(value.debugDescription)")
            }
        }
    }

    @Test func impossibleLengthsGiveNil() {
        let cases: [(String, ClosedRange<Int>)] = [
            ("uuid", 0...10), ("date", 5...9), ("date", 11...20), ("byte", 5...7), ("country", 3...10), ("currency", 0...2),
            ("date-time", 0...19), ("ipv4", 16...30), ("ipv6", 40...50), ("phone", 17...30), ("mac", 18...30), ("email", 0...2),
            ("time", 0...8), ("hostname", 254...300),
        ]
        for (format, range) in cases {
            var random = SeededRandom(seed: 9)
            #expect(FormatGenerator.string(format: format, length: range, random: &random) == nil, "\(format) in \(range)")
        }
    }

    @Test func sameSeedSameValue() {
        for format in FormatGenerator.knownFormats {
            for seed in UInt64(0)..<10 {
                var first = SeededRandom(seed: seed)
                var second = SeededRandom(seed: seed)
                #expect(FormatGenerator.string(format: format, length: 0...100, random: &first) == FormatGenerator.string(format: format, length: 0...100, random: &second))
            }
            var random = SeededRandom(seed: 3)
            let values = Set((0..<50).compactMap { _ in FormatGenerator.string(format: format, length: nil, random: &random) })
            #expect(values.count > 5, "\(format) varies little: \(values)")
        }
    }

    @Test func valuesAreRealistic() {
        var random = SeededRandom(seed: 11)
        for _ in 0..<200 {
            let stamp = FormatGenerator.string(format: "date-time", length: nil, random: &random) ?? ""
            #expect((2015...2030).contains(Int(stamp.prefix(4)) ?? 0), "\(stamp)")
            let email = FormatGenerator.string(format: "email", length: nil, random: &random) ?? ""
            #expect(email.contains("@example."), "\(email)")
            let host = FormatGenerator.string(format: "hostname", length: nil, random: &random) ?? ""
            #expect(host.contains(".example."), "\(host)")
            let country = FormatGenerator.string(format: "country", length: nil, random: &random) ?? ""
            #expect(FormatTables.countries.contains(country))
            let currency = FormatGenerator.string(format: "currency", length: nil, random: &random) ?? ""
            #expect(FormatTables.currencies.contains(currency))
            let uuid = FormatGenerator.string(format: "uuid", length: nil, random: &random) ?? ""
            #expect(Array(uuid)[14] == "4", "\(uuid)")
            let bytes = FormatGenerator.string(format: "byte", length: nil, random: &random) ?? ""
            #expect(Data(base64Encoded: bytes) != nil, "\(bytes)")
        }
        #expect(FormatTables.countries.count == 249)
        #expect(Set(FormatTables.countries).count == 249)
        #expect(Set(FormatTables.currencies).count == FormatTables.currencies.count)
    }

    // MARK: The validator's new format checks

    @Test func newFormatChecksAcceptAndReject() {
        let cases: [(String, String, Bool)] = [
            ("duration", "P1Y2M3DT4H5M6S", true), ("duration", "PT15M", true), ("duration", "P2W", true), ("duration", "P", false),
            ("duration", "PT", false), ("duration", "P1D2H", false), ("duration", "P2D1Y", false), ("duration", "1D", false),
            ("idn-email", "josé@bücher.example", true), ("idn-email", "a@@b", false),
            ("idn-hostname", "bücher.example", true), ("idn-hostname", "-x.example", false), ("idn-hostname", "a b", false),
            ("uri-reference", "/orders/1?x=2#f", true), ("uri-reference", "", true), ("uri-reference", "a:b c", false),
            ("uri-reference", "\\\\share", false), ("uri-reference", "%zz", false),
            ("iri", "https://bücher.example/straße", true), ("iri", "/relative", false),
            ("iri-reference", "/straße", true), ("iri-reference", "a b", false),
            ("json-pointer", "/a/0/b~1c", true), ("json-pointer", "", true), ("json-pointer", "a", false), ("json-pointer", "/a~2", false),
            ("relative-json-pointer", "0#", true), ("relative-json-pointer", "2/a", true), ("relative-json-pointer", "01", false),
            ("relative-json-pointer", "/a", false),
            ("uri-template", "https://x.example/{id}{?page,limit}", true), ("uri-template", "/a/{id", false), ("uri-template", "/a b", false),
            ("regex", "^[a-z]+$", true), ("regex", "([a-z", false),
            ("byte", "aGVsbG8=", true), ("byte", "aGVsbG8", false), ("byte", "a=GV", false),
        ]
        for (format, value, valid) in cases {
            #expect(Self.asserting.isValid(.string(value), against: ["format": .string(format)]) == valid, "\(format): \(value)")
        }
    }

    /// The official suite's optional format tests for the formats added here: most pass
    /// (the checks are pragmatic, not full RFC parsers), and none of Assay's values fail.
    @Test func officialOptionalFormatSuite() throws {
        let base = try #require(PatternCorpusTests.corpusDirectory()).deletingLastPathComponent()
            .appendingPathComponent("json-schema-test-suite/tests/draft2020-12/optional/format")
        let formats = ["duration", "idn-email", "idn-hostname", "uri-reference", "iri", "iri-reference", "json-pointer", "relative-json-pointer", "uri-template", "regex"]
        var passed = 0
        var total = 0
        var failures: [String] = []
        for format in formats {
            let data = try Data(contentsOf: base.appendingPathComponent(format + ".json"))
            let groups = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
            for group in groups {
                for test in group["tests"] as? [[String: Any]] ?? [] {
                    guard let value = test["data"] as? String, let valid = test["valid"] as? Bool else { continue }
                    total += 1
                    if Self.asserting.isValid(.string(value), against: ["format": .string(format)]) == valid {
                        passed += 1
                    } else {
                        failures.append("\(format): \(value.debugDescription) should be \(valid ? "valid" : "invalid")")
                    }
                }
            }
        }
        print("optional format suite: \(passed)/\(total) string cases pass")
        for failure in failures { print("  " + failure) }
        #expect(Double(passed) >= Double(total) * 0.97)
    }
}
