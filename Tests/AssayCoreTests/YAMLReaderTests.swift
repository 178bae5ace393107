import OrderedCollections
import Testing

@testable import AssayCore

struct YAMLReaderTests {
    private func read(_ text: String, limits: LoadLimits = .default) throws -> (JSONValue?, [Diagnostic]) {
        try YAMLReader.parse(Array(text.utf8), limits: limits, deadline: Deadline(seconds: 30))
    }

    @Test func scalarsResolveByTheCoreSchema() throws {
        let (value, warnings) = try read(
            """
            a: 1
            b: -2.5
            c: true
            d: ~
            e: "1"
            f: 0x1F
            g: yes
            h: 1e3
            200: ok
            i: .inf
            j: 1.0.0
            """
        )
        #expect(warnings.isEmpty)
        #expect(value?["a"] == .integer(1))
        #expect(value?["b"] == .double(-2.5))
        #expect(value?["c"] == .bool(true))
        #expect(value?["d"] == .null)
        #expect(value?["e"] == .string("1"))
        #expect(value?["f"] == .integer(31))
        #expect(value?["g"] == .string("yes"), "YAML 1.2: yes is a string")
        #expect(value?["h"] == .double(1000))
        #expect(value?["200"] == .string("ok"), "keys are strings")
        #expect(value?["i"] == .double(.infinity))
        #expect(value?["j"] == .string("1.0.0"))
    }

    @Test func keepsKeyOrderAndMergesKeys() throws {
        let (value, _) = try read(
            """
            base: &base
              x: 1
              y: 2
            derived:
              <<: *base
              y: 3
              z: 4
            """
        )
        let derived = try #require(value?["derived"]?.objectValue)
        #expect(Array(derived.keys) == ["y", "z", "x"])
        #expect(derived["y"] == .integer(3), "explicit keys win over merged ones")
        #expect(derived["x"] == .integer(1))
    }

    @Test func duplicateKeysAreAWarningAndTheLastWins() throws {
        let (value, warnings) = try read("a: 1\nb: 2\na: 3\n")
        #expect(value?["a"] == .integer(3))
        #expect(warnings.map(\.code) == ["duplicate-key"])
        #expect(warnings.first?.pointer == "/a")
        #expect(warnings.first?.line == 3)
    }

    @Test func nonStandardTagsAreAWarning() throws {
        let (value, warnings) = try read("a: !include other.yaml\nb: !!str 12\n")
        #expect(value?["a"] == .string("other.yaml"))
        #expect(value?["b"] == .string("12"))
        #expect(warnings.map(\.code) == ["yaml-tag"])
    }

    @Test func billionLaughsIsRefused() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        #expect {
            try read(text)
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.code == .tooManyAliases && error.message.contains("alias")
        }
    }

    @Test func aliasUseCountIsCapped() throws {
        var text = "x: &x 1\nlist:\n"
        for _ in 0..<50 { text += "  - *x\n" }
        var limits = LoadLimits.default
        limits.maxAliases = 10
        #expect(throws: LoadError.self) { try read(text, limits: limits) }
        limits.maxAliases = 50
        let (value, _) = try read(text, limits: limits)
        #expect(value?["list"]?.arrayValue?.count == 50)
    }

    @Test func deepNestingIsRefusedWithTheLimitNamed() throws {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect {
            try read("a: " + text)
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.code == .tooDeep && error.message.contains("512") && error.line == 1
        }
        let blockDeep = (0..<1_000).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n")
        #expect(throws: LoadError.self) { try read(blockDeep) }
    }

    @Test func syntaxErrorsNameLineAndColumn() throws {
        #expect {
            try read("a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.code == .syntax && error.line != nil && error.column != nil && error.message.hasPrefix("invalid YAML")
        }
    }

    @Test func anchorsOnKeysAndAliasesAsKeys() throws {
        let (value, warnings) = try read("a: &k name\n*k : 1\n&j key: 2\nb: *j\n")
        #expect(value?["name"] == .integer(1))
        #expect(value?["b"] == .string("key"))
        #expect(warnings.isEmpty)
    }
}
