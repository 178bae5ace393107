import AssayCore
import Foundation
import Testing

@testable import AssayData

/// Every distinct `pattern` in the APIs.guru corpus (real API descriptions): each either
/// generates matching strings or is reported clearly.
struct PatternCorpusTests {
    /// The corpus folder: `$ASSAY_SHARED_DIR/corpus/apis-guru`, `../shared/corpus/apis-guru`
    /// from the package root, or `/work/shared/corpus/apis-guru`.
    static func corpusDirectory() -> URL? {
        var candidates: [String] = []
        if let shared = ProcessInfo.processInfo.environment["ASSAY_SHARED_DIR"] { candidates.append(shared + "/corpus/apis-guru") }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent("../shared/corpus/apis-guru").standardized.path)
        candidates.append("/work/shared/corpus/apis-guru")
        return candidates.first { FileManager.default.fileExists(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// The distinct `pattern:` scalars of every YAML file under `directory`, sorted. A
    /// line-level reading of YAML scalars (plain, single- and double-quoted) is enough:
    /// patterns are one-line strings. Only lines around a byte search for `pattern` are
    /// decoded, which keeps the 90 MB corpus quick to scan.
    static func harvest(_ directory: URL) throws -> [String] {
        var patterns = Set<String>()
        let needle = Data("pattern".utf8)
        let newline = UInt8(ascii: "\n")
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "yaml" || file.pathExtension == "yml" else { continue }
            let data = try Data(contentsOf: file)
            var searchStart = data.startIndex
            while let hit = data.range(of: needle, in: searchStart..<data.endIndex) {
                var lineStart = hit.lowerBound
                while lineStart > data.startIndex, data[lineStart - 1] != newline { lineStart -= 1 }
                let lineEnd = data[hit.upperBound...].firstIndex(of: newline) ?? data.endIndex
                if let line = String(data: data[lineStart..<lineEnd], encoding: .utf8),
                    let pattern = patternValue(in: Substring(line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))))
                {
                    patterns.insert(pattern)
                }
                searchStart = lineEnd
            }
        }
        return patterns.sorted()
    }

    /// The corpus patterns, harvested once for all tests.
    static let corpusPatterns: [String]? = corpusDirectory().flatMap { try? harvest($0) }

    static func patternValue(in line: Substring) -> String? {
        var rest = line.drop { $0 == " " || $0 == "-" }
        for key in ["pattern:", "\"pattern\":", "'pattern':"] where rest.hasPrefix(key) {
            rest = rest.dropFirst(key.count)
            guard rest.first == " " else { return nil }
            rest = rest.drop { $0 == " " }
            guard let first = rest.first else { return nil }
            switch first {
            case "'": return singleQuoted(rest.dropFirst())
            case "\"": return doubleQuoted(rest.dropFirst())
            case "|", ">", "[", "{", "&", "*", "!", "#": return nil
            default:
                var plain = rest
                if let comment = plain.range(of: " #") { plain = plain[..<comment.lowerBound] }
                let value = plain.trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }

    private static func singleQuoted(_ text: Substring) -> String? {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == "'" {
                if index < text.endIndex, text[index] == "'" {
                    value.append("'")
                    index = text.index(after: index)
                    continue
                }
                return value
            }
            value.append(character)
        }
        return nil
    }

    private static func doubleQuoted(_ text: Substring) -> String? {
        var value = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\"" { return value }
            guard scalar == "\\" else {
                value.unicodeScalars.append(scalar)
                continue
            }
            guard let escaped = scalars.next() else { return nil }
            switch escaped {
            case "n": value += "\n"
            case "t": value += "\t"
            case "r": value += "\r"
            case "0": value += "\u{0}"
            case "b": value += "\u{8}"
            case "f": value += "\u{C}"
            case "u", "x", "U":
                let count = escaped == "x" ? 2 : escaped == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<count { if let digit = scalars.next() { hex.unicodeScalars.append(digit) } }
                guard let code = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(code) else { return nil }
                value.unicodeScalars.append(decoded)
            default: value.unicodeScalars.append(escaped)
            }
        }
        return nil
    }

    @Test func everyCorpusPatternGeneratesOrIsReported() throws {
        let patterns = try #require(Self.corpusPatterns, "the APIs.guru corpus is missing")
        #expect(patterns.count >= 400, "harvested only \(patterns.count) patterns")
        var generated = 0
        var engineRejects = 0
        var reported: [String] = []
        var wrong: [String] = []
        var lengthChecks = 0
        var lengthHits = 0
        for pattern in patterns {
            let generator: PatternGenerator
            do {
                generator = try PatternGenerator(pattern)
            } catch {
                #expect(error.code == .unsupportedPattern)
                if JSONSchemaValidator.patternMatches(pattern, "") == nil { engineRejects += 1 } else { reported.append("\(pattern) → \(error.message)") }
                continue
            }
            var failure: String?
            for seed in UInt64(0)..<100 {
                var random = SeededRandom(seed: seed)
                do {
                    let value = try generator.generate(using: &random)
                    // The validator's engine rejects the empty pattern, which matches everything.
                    if !pattern.isEmpty, JSONSchemaValidator.patternMatches(pattern, value) != true { wrong.append("\(pattern) gave \(value.debugDescription)") }
                } catch {
                    #expect(error.code == .unsupportedPattern)
                    failure = error.message
                    break
                }
            }
            if let failure {
                reported.append("\(pattern) → \(failure)")
                continue
            }
            generated += 1
            // Lengths: a range inside the pattern's bounds is hit.
            let bounds = generator.lengthBounds
            for seed in UInt64(0)..<10 {
                var random = SeededRandom(seed: seed &+ 1000)
                let low = bounds.min + random.index(8)
                let high = low + random.index(4)
                guard high <= (bounds.max ?? .max) else { continue }
                lengthChecks += 1
                if let value = try? generator.generate(using: &random, length: low...high), (low...high).contains(value.unicodeScalars.count) {
                    lengthHits += 1
                }
            }
        }
        let share = Double(generated) / Double(patterns.count - engineRejects)
        print("pattern corpus: \(patterns.count) distinct patterns, \(generated) generated (100 seeds each), \(engineRejects) rejected by the validator's engine, \(reported.count) reported; generated share \(share); length ranges hit \(lengthHits)/\(lengthChecks)")
        for line in reported { print("  reported: \(line)") }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        // Of the patterns the validator's engine compiles, at least 98% generate.
        #expect(share >= 0.98)
        #expect(Double(lengthHits) >= Double(lengthChecks) * 0.97, "length ranges hit \(lengthHits)/\(lengthChecks)")
    }

    @Test func corpusSamplesAreReadable() throws {
        let patterns = try #require(Self.corpusPatterns, "the APIs.guru corpus is missing")
        var printableShare = (printable: 0, total: 0)
        for pattern in patterns {
            guard let generator = try? PatternGenerator(pattern) else { continue }
            var random = SeededRandom(seed: 7)
            guard let value = try? generator.generate(using: &random) else { continue }
            printableShare.total += 1
            if value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) { printableShare.printable += 1 }
            if ProcessInfo.processInfo.environment["ASSAY_PATTERN_SAMPLES"] != nil { print("sample \(pattern)  ⇒  \(value.debugDescription)") }
        }
        // Realistic patterns are mostly ASCII; the output should be too.
        #expect(Double(printableShare.printable) >= Double(printableShare.total) * 0.9)
    }
}
