import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayCore

/// The robustness bar: every real description in the corpus loads in lenient mode or
/// fails with a categorized error; none crashes or hangs; at least 99% load.
struct CorpusTests {
    @Test func everyCorpusDescriptionLoadsOrFailsClearly() async throws {
        let files = SharedMaterial.corpusFiles()
        try #require(files.count >= 900, "the corpus is expected at \(SharedMaterial.apisGuru.path)")
        let started = ContinuousClock.now
        var loaded = 0
        var operations = 0
        var schemas = 0
        var warnings = 0
        var failures: [String: [String]] = [:]
        var limits = LoadLimits.default
        limits.timeoutSeconds = 30
        // OpenAPIKit's structural check is measured by the conversion test and the bench; here
        // the loader itself is under test, at the speed a debug build allows.
        let loader = SpecLoader(options: LoadOptions(limits: limits, validateStructure: false))
        for file in files {
            do {
                let result = try await loader.load(.file(file.path))
                loaded += 1
                operations += result.model.operations.count
                schemas += result.model.schemas.count
                warnings += result.warnings.count
            } catch {
                failures[error.code.rawValue, default: []].append("\(error)")
            }
        }
        let elapsed = ContinuousClock.now - started
        let failed = failures.values.map(\.count).reduce(0, +)
        print(
            "corpus: \(files.count) files, \(loaded) loaded, \(failed) failed, \(operations) operations, \(schemas) schemas, \(warnings) warnings, \(elapsed)"
        )
        for (code, messages) in failures.sorted(by: { $0.key < $1.key }) {
            print("  \(code): \(messages.count)")
            for message in messages.prefix(5) { print("    \(message)") }
        }
        #expect(Double(loaded) >= Double(files.count) * 0.99, "at least 99% must load")
        let categories: Set<String> = [
            LoadError.Code.syntax, .tooDeep, .tooManyAliases, .timeout, .notAnAPIDescription, .unsupportedVersion,
            .referenceCycle, .unresolvableReference, .tooLarge, .invalidDescription,
        ].reduce(into: []) { $0.insert($1.rawValue) }
        #expect(Set(failures.keys).isSubset(of: categories), "every failure is categorized")
        #expect(elapsed < .seconds(120), "the walk must take under 2 minutes")
    }
}
