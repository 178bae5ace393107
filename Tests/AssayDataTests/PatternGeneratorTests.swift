import AssayCore
import Testing

@testable import AssayData

/// The regex-to-string generator: each construct, length targeting, determinism, errors
/// and non-matching strings. Every string is checked again with the validator's matcher.
struct PatternGeneratorTests {
    /// `count` strings for `pattern`, each checked with the matcher.
    private func strings(_ pattern: String, count: Int = 40, length: ClosedRange<Int>? = nil) throws -> [String] {
        let generator = try PatternGenerator(pattern)
        var results: [String] = []
        for seed in 0..<UInt64(count) {
            var random = SeededRandom(seed: seed)
            let value = try generator.generate(using: &random, length: length)
            #expect(JSONSchemaValidator.patternMatches(pattern, value) == true, "\(pattern) gave \(value.debugDescription)")
            results.append(value)
        }
        return results
    }

    private func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    // MARK: Literals and escapes

    @Test func literalsAndEscapes() throws {
        #expect(try strings("^abc$") == Array(repeating: "abc", count: 40))
        #expect(try strings(#"^\t\n\r\f\v\x41\u0042\cJ$"#).allSatisfy { $0 == "\t\n\r\u{0C}\u{0B}AB\n" })
        #expect(try strings(#"^\.\*\+\?\(\)\[\]\{\}\|\\\/\-\$\^$"#).allSatisfy { $0 == #".*+?()[]{}|\/-$^"# })
        #expect(try strings(#"^\x{1F600}$"#).allSatisfy { $0 == "\u{1F600}" })
        #expect(try strings(#"^\uD83D\uDE00$"#).allSatisfy { $0 == "\u{1F600}" })
        #expect(try strings("^a]b$").allSatisfy { $0 == "a]b" })
    }

    @Test func unicodeBraceEscapeIsReportedWhenTheMatcherRejectsIt() {
        // ICU (the validator's engine) does not know `\u{…}`; the parser does, but a string
        // it could not check is never returned.
        #expect(throws: DataError.self) { try PatternGenerator(#"^\u{1F600}$"#) }
        var parser = PatternParser(#"^\u{1F600}$"#)
        #expect(throws: Never.self) { _ = try parser.parse() }
    }

    @Test func dotAndNegatedClassesPreferPrintableASCII() throws {
        for value in try strings("^.{20}$") + strings("^[^/]{20}$") + strings(#"^\P{Lu}{10}$"#) {
            #expect(value.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }, "\(value.debugDescription)")
        }
        #expect(try strings("^[^/]{30}$").allSatisfy { !$0.contains("/") })
    }

    // MARK: Classes

    @Test func classesAndRanges() throws {
        for value in try strings("^[a-fA-F0-9_-]{12}$") {
            #expect(value.unicodeScalars.allSatisfy { "abcdefABCDEF0123456789_-".unicodeScalars.contains($0) })
        }
        #expect(try strings(#"^[\d.]{6}$"#).allSatisfy { $0.allSatisfy { $0.isNumber || $0 == "." } })
        #expect(try strings(#"^[^\d\s]{8}$"#).allSatisfy { !$0.contains { $0.isNumber || $0.isWhitespace } })
        #expect(try strings(#"^[\w-]+$"#).allSatisfy { !$0.isEmpty })
        #expect(try strings(#"^\d\D\w\W\s\S$"#).count == 40)
        #expect(try strings(#"^[\u00C0-\u00FF]{4}$"#).allSatisfy { $0.unicodeScalars.allSatisfy { (0xC0...0xFF).contains($0.value) } })
        #expect(try strings("^[一-龿]{3}$").allSatisfy { $0.unicodeScalars.count == 3 })
    }

    @Test func unicodeProperties() throws {
        let cases = [
            #"^\p{L}{6}$"#, #"^\p{Lu}{4}$"#, #"^\p{Ll}+$"#, #"^\p{N}{3}$"#, #"^\p{Nd}{3}$"#, #"^\p{P}{3}$"#, #"^\p{S}{2}$"#,
            #"^\p{Latin}{5}$"#, #"^\p{Greek}{5}$"#, #"^\p{Cyrillic}{5}$"#, #"^\p{Han}{2}$"#, #"^\p{Hiragana}{3}$"#,
            #"^\p{Katakana}{3}$"#, #"^\p{Script=Greek}$"#, #"^\p{sc=Cyrl}$"#, #"^\p{gc=Lu}$"#, #"^\p{Letter}$"#,
            #"^\P{L}{4}$"#, #"^[\p{L}\p{M}\p{Z}\p{S}\p{N}\p{P}]{10}$"#, #"^\p{Alnum}+$"#, #"^\p{Print}+$"#, #"^[^\p{L}]+$"#,
        ]
        for pattern in cases { _ = try strings(pattern, count: 25) }
        #expect(try strings(#"^\p{Greek}{5}$"#).allSatisfy { $0.unicodeScalars.allSatisfy { (0x370...0x3FF).contains($0.value) } })
        #expect(try strings(#"^\p{Lu}{4}$"#).allSatisfy { $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .uppercaseLetter } })
    }

    // MARK: Groups, alternation, quantifiers

    @Test func groupsAndAlternation() throws {
        let values = Set(try strings("^(red|green|blue)$", count: 60))
        #expect(values == ["red", "green", "blue"])
        #expect(try strings("^(?:ab)+(?<tail>c|d)$").allSatisfy { $0.hasPrefix("ab") && ($0.hasSuffix("c") || $0.hasSuffix("d")) })
        #expect(try strings("^(a|)$").allSatisfy { $0 == "a" || $0.isEmpty })
    }

    @Test func quantifiers() throws {
        #expect(try strings(#"^\d{4}$"#).allSatisfy { $0.count == 4 })
        #expect(try strings(#"^\d{2,}$"#).allSatisfy { $0.count >= 2 })
        #expect(try strings(#"^\d{2,5}$"#).allSatisfy { (2...5).contains($0.count) })
        #expect(try strings(#"^x?y*z+$"#).allSatisfy { $0.hasSuffix("z") })
        #expect(try strings(#"^a*?b+?c??d{1,2}?$"#).allSatisfy { $0.hasSuffix("d") })
        // Unbounded quantifiers pick small counts.
        #expect(try strings("^[a-z]+$", count: 100).allSatisfy { $0.count <= 16 })
        #expect(Set(try strings("^[a-z]+$", count: 100).map(\.count)).count > 5)
    }

    // MARK: Anchors, boundaries, backreferences, lookarounds

    @Test func anchorsAndUnanchoredPatterns() throws {
        #expect(try strings("abc").allSatisfy { $0.contains("abc") })
        #expect(try strings("^abc|xyz$").allSatisfy { $0.hasPrefix("abc") || $0.hasSuffix("xyz") })
        #expect(try strings(#"\Aid-\d+\z"#).allSatisfy { $0.hasPrefix("id-") })
    }

    @Test func wordBoundaries() throws {
        _ = try strings(#"\bfoo\b"#)
        _ = try strings(#"^\w+\b.\B.$"#)
        _ = try strings(#"\b[0-9a-f]{8}\b-[0-9a-f]{4}-\b[0-9a-f]{12}\b"#)
        _ = try strings(#"^.\b.$"#)
    }

    @Test func backreferences() throws {
        for value in try strings(#"^(\d{2})-\1$"#) {
            let parts = value.split(separator: "-")
            #expect(parts.count == 2 && parts[0] == parts[1])
        }
        for value in try strings(#"^(?<word>[a-z]{3}):\k<word>$"#) {
            #expect(value.prefix(3) == value.suffix(3))
        }
        _ = try strings(#"^(['"])[a-z]*\1$"#)
        _ = try strings(#"^(a)?b\1$"#)
    }

    @Test func lookarounds() throws {
        _ = try strings(#"^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[!@#$%^&*])[A-Za-z\d!@#$%^&*]{8,}$"#, count: 100)
        _ = try strings(#"^(?!.*--)[a-z-]{6,12}$"#, count: 60)
        _ = try strings(#"^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,99}[a-zA-Z0-9]$"#, count: 60)
        _ = try strings(#"(?=^.{3,63}$)(?!^(\d+\.)+\d+$)(^(([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])\.)*([a-z0-9]|[a-z0-9][a-z0-9\-]*[a-z0-9])$)"#, count: 60)
        _ = try strings(#"(?<=\$)\d+(?<!0)"#, count: 40)
        _ = try strings(#"^(?<!x)[a-z]{3}(?=[A-Z])[A-Z]$"#, count: 40)
        _ = try strings(#"^(?!aws:).+$"#, count: 40)
        #expect(try strings(#"^(?=.{5,8}$)[a-z]+$"#, count: 60).allSatisfy { (5...8).contains($0.count) })
    }

    @Test func unsatisfiableConstraintsAreReported() throws {
        let generator = try PatternGenerator(#"^(?=\d)[a-z]$"#)
        var random = SeededRandom(seed: 1)
        do {
            _ = try generator.generate(using: &random)
            Issue.record("an impossible lookahead produced a string")
        } catch {
            #expect(error.code == .unsupportedPattern)
            #expect(error.message.contains("lookahead"))
        }
    }

    // MARK: Lengths

    @Test func lengthBounds() throws {
        #expect(try PatternGenerator(#"^\d{3}-\d{4}$"#).lengthBounds == (8, 8))
        #expect(try PatternGenerator(#"^[a-z]{2,5}(\.[a-z]+)?$"#).lengthBounds == (2, nil))
        #expect(try PatternGenerator(#"^(a|bcd)?$"#).lengthBounds == (0, 3))
        #expect(try PatternGenerator("abc").lengthBounds == (3, nil))
        #expect(try PatternGenerator(#"^(?=.{3,9}$)[a-z]+$"#).lengthBounds == (3, 9))
        #expect(try PatternGenerator("").lengthBounds == (0, nil))
    }

    @Test func lengthRangesAreHit() throws {
        let cases: [(String, ClosedRange<Int>)] = [
            ("^[a-z]+$", 50...50), ("^[a-z]+$", 1...1), (#"^\d{3,10}$"#, 7...7), ("^(ab|c)+$", 9...9),
            (#"^[A-Z]{2}-\d+(\.\d+)?$"#, 12...14), ("abc", 10...12), ("^abc", 8...8), ("abc$", 8...8),
            (#"^(\w+-){2,3}\d+\w+$"#, 30...40), (#"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$"#, 60...64),
            ("^(a|bbbbb)$", 5...5), (#"^\d{5}(-\d{4})?$"#, 10...10), ("^.*$", 200...300), (#"^[^\s]{1,255}$"#, 255...255),
        ]
        for (pattern, range) in cases {
            for value in try strings(pattern, count: 20, length: range) {
                #expect(range.contains(value.unicodeScalars.count), "\(pattern) in \(range): \(value)")
            }
        }
    }

    @Test func impossibleLengthGivesTheClosestMatch() throws {
        let generator = try PatternGenerator(#"^\d{3}$"#)
        var random = SeededRandom(seed: 3)
        let value = try generator.generate(using: &random, length: 10...20)
        #expect(value.count == 3)
        #expect(JSONSchemaValidator.patternMatches(#"^\d{3}$"#, value) == true)
    }

    // MARK: Determinism

    @Test func sameSeedSameString() throws {
        let patterns = [
            #"^[A-Z]{3}-\d{2,6}$"#, "^.{5,40}$", #"^(?=.*\d)[a-z\d]{8,}$"#, #"^\p{L}+( \p{L}+)*$"#, "^(x|yy|zzz)+$",
        ]
        for pattern in patterns {
            let generator = try PatternGenerator(pattern)
            for seed in UInt64(0)..<20 {
                var first = SeededRandom(seed: seed)
                var second = SeededRandom(seed: seed)
                #expect(try generator.generate(using: &first, length: 3...30) == generator.generate(using: &second, length: 3...30))
            }
            var a = SeededRandom(seed: 1)
            var b = SeededRandom(seed: 2)
            let many = try (0..<10).map { _ in try generator.generate(using: &a) }
            let others = try (0..<10).map { _ in try generator.generate(using: &b) }
            #expect(many != others, "\(pattern) gives the same strings for different seeds")
        }
    }

    // MARK: Errors

    @Test func syntaxErrorsNameTheOffsetAndConstruct() {
        let cases: [(String, String)] = [
            ("(abc", "unclosed group"), ("[a-z", "unclosed character class"), ("a{2,1}", "out of order"), ("*a", "nothing to repeat"),
            (#"\k<x>"#, "names no group"), (#"(a)\2"#, "backreference"), ("(?i)abc", "inline modifiers"), (#"\p{Nope}"#, "unknown Unicode property"),
            ("abc)", "unmatched ')'"), (#"[z-a]"#, "out of order"), (#"\q"#, "unknown escape"), ("a**", "nothing to repeat"), ("x{", "'{'"),
        ]
        for (pattern, construct) in cases {
            do {
                _ = try PatternGenerator(pattern)
                Issue.record("\(pattern) parsed")
            } catch {
                #expect(error.code == .unsupportedPattern)
                #expect(error.message.contains(construct), "\(pattern): \(error.message)")
                #expect(error.message.contains("offset"), "\(pattern): \(error.message)")
            }
        }
    }

    // MARK: Non-matching strings

    @Test func nonMatchingStrings() throws {
        let patterns = [
            #"^\d+$"#, "^[a-z]{3}$", #"^[A-Z]{2}-\d{4}$"#, "abc", #"^\S+@\S+$"#, "^(red|green)$", #"\d"#, "^$",
            #"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"#, "[^a]",
        ]
        for pattern in patterns {
            let generator = try PatternGenerator(pattern)
            for seed in UInt64(0)..<10 {
                var random = SeededRandom(seed: seed)
                let value = try #require(generator.nonMatching(using: &random), "\(pattern)")
                #expect(JSONSchemaValidator.patternMatches(pattern, value) == false, "\(pattern): \(value)")
            }
        }
        var random = SeededRandom(seed: 5)
        let sized = try #require(try PatternGenerator("^[a-z]{3}$").nonMatching(using: &random, length: 3...3))
        #expect(sized.count == 3)
        #expect(try PatternGenerator("").nonMatching(using: &random) == nil)
        #expect(try PatternGenerator(".*").nonMatching(using: &random) == nil)
        #expect(try PatternGenerator("a*").nonMatching(using: &random) == nil)
    }
}
