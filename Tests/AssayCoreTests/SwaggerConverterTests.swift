import Foundation
import OpenAPIKit30
import OrderedCollections
import Testing

@testable import AssayCore

// MARK: Helpers

/// Parses a YAML Swagger 2.0 document and converts it.
private func convert(_ yaml: String, source: String? = "test.yaml") throws -> (document: JSONValue, warnings: [Diagnostic]) {
    let (value, _) = try YAMLReader.parse(Array(yaml.utf8), limits: .default, deadline: Deadline(seconds: 60))
    return try SwaggerConverter.convert(value ?? .null, source: source)
}

/// The value at a JSON pointer of a converted document.
private func at(_ document: JSONValue, _ pointer: String) -> JSONValue? {
    JSONPointer(pointer).flatMap { document.value(at: $0) }
}

/// The warning codes, in order.
private func codes(_ warnings: [Diagnostic]) -> [String] {
    warnings.map(\.code)
}

// MARK: Corpus

/// The bar: every Swagger 2.0 file of the APIs.guru corpus converts to an OpenAPI 3.0
/// document that OpenAPIKit decodes and validates, with every operation and schema kept.
@Test func corpusConvertsAndValidates() throws {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates = [
        packageRoot.appendingPathComponent("../shared/corpus/apis-guru").standardizedFileURL,
        URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("../shared/corpus/apis-guru").standardizedFileURL,
    ]
    guard let corpus = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
        Issue.record("the corpus ../shared/corpus/apis-guru was not found (looked in \(candidates.map(\.path)))")
        return
    }
    var files: [URL] = []
    if let enumerator = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil) {
        for case let url as URL in enumerator where url.lastPathComponent == "swagger.yaml" {
            files.append(url)
        }
    }
    files.sort { $0.path < $1.path }

    let methods = SwaggerConverter.methods
    var converted = 0
    var operations = 0
    var schemas = 0
    var warnings = 0
    var yamlFailures: [String] = []
    var failures: [String] = []
    let started = Date()
    for file in files {
        let name = String(file.path.dropFirst(corpus.path.count + 1))
        let bytes = try [UInt8](Data(contentsOf: file))
        let source: JSONValue
        do {
            let (value, _) = try YAMLReader.parse(bytes, limits: .default, deadline: Deadline(seconds: 60))
            guard let value else {
                yamlFailures.append("\(name): empty YAML stream")
                continue
            }
            source = value
        } catch {
            yamlFailures.append("\(name): \(error)")
            continue
        }

        var sourceOperations = 0
        for (path, item) in source["paths"]?.objectValue ?? [:] where !SwaggerConverter.isExtension(path) {
            sourceOperations += methods.filter { item[$0]?.objectValue != nil }.count
        }
        let sourceSchemas = source["definitions"]?.objectValue?.count ?? 0

        do {
            let result = try SwaggerConverter.convert(source, source: name)
            warnings += result.warnings.count
            let data = Data(JSONWriter().bytes(result.document))
            let document = try JSONDecoder().decode(OpenAPI.Document.self, from: data)
            try document.validate()
            var decodedOperations = 0
            for (_, item) in document.paths {
                decodedOperations += item.b?.endpoints.count ?? 0
            }
            let decodedSchemas = document.components.schemas.count
            guard decodedOperations == sourceOperations, decodedSchemas == sourceSchemas else {
                failures.append("\(name): operations \(sourceOperations) → \(decodedOperations), schemas \(sourceSchemas) → \(decodedSchemas)")
                continue
            }
            converted += 1
            operations += decodedOperations
            schemas += decodedSchemas
        } catch {
            failures.append("\(name): \(String("\(error)".prefix(600)))")
        }
    }
    let seconds = Date().timeIntervalSince(started)
    print(
        "Swagger corpus: \(files.count) files, \(converted) converted, \(operations) operations, \(schemas) schemas, "
            + "\(warnings) warnings, \(yamlFailures.count) YAML failures, \(failures.count) failures, \(String(format: "%.1f", seconds)) s"
    )
    for failure in yamlFailures { print("  YAML: \(failure)") }
    for failure in failures { print("  FAIL: \(failure)") }
    #expect(files.count > 0)
    #expect(failures.isEmpty)
}
