import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayCore

/// The JSON Schema validator: the official JSON Schema Test Suite (draft 4 and 2020-12,
/// without `optional/`), plus Assay's own cases for pointers, decimals and OpenAPI extras.
struct JSONSchemaValidatorTests {
    // MARK: The official test suite

    /// Groups that can only pass with the suite's `remotes/` documents (served at
    /// http://localhost:1234/ by the suite's own harness), which this copy of the suite does
    /// not include. They are run, but counted apart: neither passed nor failed.
    static let needsRemotes: [String: Set<String>] = [
        "draft4/refRemote.json": [
            "remote ref", "fragment within remote ref", "ref within remote ref", "base URI change",
            "base URI change - change folder", "base URI change - change folder in subschema", "root ref in remote ref",
            "Location-independent identifier in remote ref",
        ],
        "draft2020-12/refRemote.json": [
            "remote ref", "fragment within remote ref", "anchor within remote ref", "ref within remote ref",
            "base URI change", "base URI change - change folder", "base URI change - change folder in subschema",
            "root ref in remote ref", "remote ref with ref to defs", "Location-independent identifier in remote ref",
            "retrieved nested refs resolve relative to their URI not $id", "remote HTTP ref with different $id",
            "remote HTTP ref with different URN $id", "remote HTTP ref with nested absolute ref",
            "$ref to $ref finds detached $anchor",
        ],
        "draft2020-12/dynamicRef.json": [
            "strict-tree schema, guards against misspelled properties",
            "tests for implementation dynamic anchor and reference link",
            "$ref and $dynamicAnchor are independent of order - $defs first",
            "$ref and $dynamicAnchor are independent of order - $ref first",
            "$ref to $dynamicRef finds detached $dynamicAnchor",
        ],
        "draft2020-12/vocabulary.json": [
            "schema that uses custom metaschema with with no validation vocabulary"
        ],
    ]

    struct Tally: CustomStringConvertible {
        var groups = 0
        var cases = 0
        var passed = 0
        var failed: [String] = []
        var excluded: [String] = []
        var excludedCases = 0
        /// Excluded cases whose outcome differs from the suite's (without the remotes).
        var excludedFailing = 0

        var description: String {
            "\(groups) groups, \(cases) cases: \(passed) passed, \(failed.count) failed, \(excludedCases) excluded "
                + "(\(excluded.count) groups need the missing remotes; \(excludedFailing) of those cases come out wrong without them)"
        }
    }

    static var suiteDirectory: URL {
        SharedMaterial.directory.appendingPathComponent("corpus/json-schema-test-suite")
    }

    static func loadJSON(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        var limits = LoadLimits.default
        limits.maxDepth = 10_000
        return try JSONParser.parse(Array(data), limits: limits, deadline: Deadline(seconds: 120)).0
    }

    func runSuite(_ folder: String, draft: JSONSchemaValidator.Draft) throws -> Tally {
        let directory = Self.suiteDirectory.appendingPathComponent("tests").appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        let validator = JSONSchemaValidator(draft: draft)
        var tally = Tally()
        for name in names {
            let key = "\(folder)/\(name)"
            guard case .array(let groups) = try Self.loadJSON(directory.appendingPathComponent(name)) else {
                tally.failed.append("\(key): not an array of groups")
                continue
            }
            for group in groups {
                let description = group["description"]?.stringValue ?? "?"
                guard let schema = group["schema"], case .array(let tests)? = group["tests"] else { continue }
                tally.groups += 1
                let excluded = Self.needsRemotes[key]?.contains(description) == true
                if excluded { tally.excluded.append("\(key) | \(description)") }
                for test in tests {
                    tally.cases += 1
                    guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
                    let testDescription = test["description"]?.stringValue ?? "?"
                    let errors = validator.validate(data, against: schema)
                    let quick = validator.isValid(data, against: schema)
                    if excluded {
                        tally.excludedCases += 1
                        if errors.isEmpty != expected { tally.excludedFailing += 1 }
                        continue
                    }
                    if errors.isEmpty == expected && quick == expected {
                        tally.passed += 1
                    } else {
                        let detail = errors.prefix(2).map(\.description).joined(separator: "; ")
                        tally.failed.append(
                            "\(key) | \(description) | \(testDescription): expected \(expected ? "valid" : "invalid"), "
                                + "got \(errors.isEmpty ? "valid" : "invalid") (isValid: \(quick)) \(detail)"
                        )
                    }
                }
            }
        }
        // Every exclusion must name a real group, so that a renamed group cannot hide silently.
        for (file, descriptions) in Self.needsRemotes where file.hasPrefix(folder + "/") {
            for description in descriptions where !tally.excluded.contains("\(file) | \(description)") {
                tally.failed.append("\(file) | \(description): listed as needing remotes, but no such group")
            }
        }
        print("JSON Schema Test Suite \(folder): \(tally)")
        for line in tally.excluded { print("  excluded (needs remotes/): \(line)") }
        for line in tally.failed { print("  FAILED \(line)") }
        return tally
    }

    @Test func officialSuiteDraft4() throws {
        let tally = try runSuite("draft4", draft: .draft4)
        #expect(tally.cases > 500)
        #expect(tally.failed.isEmpty, "\(tally.failed.count) failed")
        #expect(tally.passed + tally.excludedCases == tally.cases)
    }

    @Test func officialSuiteDraft2020_12() throws {
        let tally = try runSuite("draft2020-12", draft: .draft2020_12)
        #expect(tally.cases > 1000)
        #expect(tally.failed.isEmpty, "\(tally.failed.count) failed")
        #expect(tally.passed + tally.excludedCases == tally.cases)
    }

    // MARK: Assay's cases

    @Test func errorPointersNameTheInstanceAndTheKeyword() {
        let schema: JSONValue = [
            "type": "object",
            "required": ["name"],
            "properties": [
                "items": ["type": "array", "items": ["type": "integer", "minimum": 5]],
                "tag": ["type": "string"],
            ],
        ]
        let errors = JSONSchemaValidator(draft: .draft2020_12).validate(["items": [7, 3], "tag": 1], against: schema)
        #expect(errors.count == 3)
        let minimum = errors.first { $0.keyword == "minimum" }
        #expect(minimum?.instancePointer == JSONPointer("/items/1"))
        #expect(minimum?.keywordPointer == JSONPointer("/properties/items/items/minimum"))
        #expect(minimum?.message == "3 is less than the minimum 5")
        let type = errors.first { $0.keyword == "type" }
        #expect(type?.instancePointer == JSONPointer("/tag"))
        #expect(type?.keywordPointer == JSONPointer("/properties/tag/type"))
        let required = errors.first { $0.keyword == "required" }
        #expect(required?.instancePointer == .root)
        #expect(required?.keywordPointer == JSONPointer("/required"))
        #expect(required?.message.contains("\"name\"") == true)
    }

    @Test func multipleOfIsExactForDecimals() {
        let validator = JSONSchemaValidator(draft: .draft2020_12)
        let cents: JSONValue = ["multipleOf": 0.01]
        #expect(validator.isValid(19.99, against: cents))
        #expect(validator.isValid(0.07, against: cents))
        #expect(validator.isValid(1234567.89, against: cents))
        #expect(validator.isValid(5, against: cents))
        #expect(!validator.isValid(19.999, against: cents))
        let tenths: JSONValue = ["multipleOf": 0.1]
        #expect(validator.isValid(0.3, against: tenths))
        #expect(validator.isValid(-0.7, against: tenths))
        #expect(!validator.isValid(0.35, against: tenths))
        #expect(validator.isValid(4.5, against: ["multipleOf": 1.5]))
        #expect(!validator.isValid(.double(1e308), against: ["multipleOf": 0.123456789]))
        #expect(validator.isValid(.double(1e300), against: ["multipleOf": 7]) == false)
        #expect(validator.isValid(.integer(Int.max), against: ["multipleOf": 1]))
        #expect(validator.isValid(.integer(12_391_239_123), against: ["multipleOf": 1e-8]))
    }

    @Test func openAPI30NullableAdmitsNull() {
        let validator = JSONSchemaValidator(dialect: .openAPI30)
        let schema: JSONValue = ["type": "string", "nullable": true, "maxLength": 3]
        #expect(validator.isValid(nil, against: schema))
        #expect(validator.isValid("abc", against: schema))
        #expect(!validator.isValid("abcd", against: schema))
        #expect(!validator.isValid(nil, against: ["type": "string"]))
        let enumSchema: JSONValue = ["type": "string", "enum": ["a", "b"], "nullable": true]
        #expect(validator.isValid(nil, against: enumSchema))
        #expect(!validator.isValid("c", against: enumSchema))
        let document: JSONValue = ["components": ["schemas": ["Pet": ["type": "object"]]]]
        let wrapped: JSONValue = ["nullable": true, "allOf": [["$ref": "#/components/schemas/Pet"]]]
        #expect(validator.isValid(nil, against: wrapped, in: document))
        #expect(validator.isValid([:], against: wrapped, in: document))
        #expect(!validator.isValid(1, against: wrapped, in: document))
        #expect(!validator.isValid(nil, against: ["allOf": [["$ref": "#/components/schemas/Pet"]]], in: document))
        // Without the OpenAPI extras, nullable is an unknown keyword.
        #expect(!JSONSchemaValidator(draft: .draft4).isValid(nil, against: schema))
        // Draft 4's boolean exclusive bounds, and OpenAPI-only keywords ignored.
        let bounded: JSONValue = ["type": "number", "minimum": 0, "exclusiveMinimum": true, "readOnly": true, "example": 1]
        #expect(!validator.isValid(0, against: bounded))
        #expect(validator.isValid(0.5, against: bounded))
    }

    @Test func refsResolveInTheWholeDocument() throws {
        let document: JSONValue = [
            "openapi": "3.0.3",
            "components": [
                "schemas": [
                    "Pet": [
                        "type": "object",
                        "required": ["name"],
                        "properties": ["name": ["type": "string"], "owner": ["$ref": "#/components/schemas/Owner"]],
                    ],
                    "Owner": ["type": "object", "properties": ["age": ["type": "integer", "minimum": 0]]],
                ]
            ],
        ]
        let validator = JSONSchemaValidator(dialect: .openAPI30)
        let schema: JSONValue = ["$ref": "#/components/schemas/Pet"]
        #expect(validator.isValid(["name": "Rex", "owner": ["age": 3]], against: schema, in: document))
        let errors = validator.validate(["name": "Rex", "owner": ["age": -1]], against: schema, in: document)
        #expect(errors.count == 1)
        #expect(errors.first?.instancePointer == JSONPointer("/owner/age"))
        #expect(errors.first?.keywordPointer == JSONPointer("/components/schemas/Owner/properties/age/minimum"))
        // A schema given by its place in the document.
        let petPointer = JSONPointer(tokens: ["components", "schemas", "Pet"])
        let pet = try #require(document.value(at: petPointer))
        let missing = validator.validate(["owner": [:]], against: pet, in: document, schemaPointer: petPointer)
        #expect(missing.map { $0.keywordPointer } == [petPointer.appending("required")])
        // 2020-12 applies $ref siblings; draft 4 ignores them.
        let sibling: JSONValue = ["$ref": "#/components/schemas/Owner", "required": ["age"]]
        #expect(JSONSchemaValidator(dialect: .openAPI31).validate([:], against: sibling, in: document).count == 1)
        #expect(validator.isValid([:], against: sibling, in: document))
        // An unresolvable reference is an error, not a crash.
        let dangling = validator.validate(1, against: ["$ref": "#/components/schemas/Nope"], in: document)
        #expect(dangling.first?.keyword == "$ref")
    }

    @Test func recursionIsBounded() {
        for draft in [JSONSchemaValidator.Draft.draft4, .draft2020_12] {
            let validator = JSONSchemaValidator(draft: draft)
            let selfLoop: JSONValue = ["$ref": "#"]
            #expect(!validator.isValid(1, against: selfLoop))
            let mutual: JSONValue = [
                "definitions": ["a": ["$ref": "#/definitions/b"], "b": ["allOf": [["$ref": "#/definitions/a"]]]],
                "$ref": "#/definitions/a",
            ]
            #expect(validator.validate("x", against: mutual).first?.keyword == "$ref")
            // A recursive tree schema over a deep instance: progress each level, no overflow.
            let tree: JSONValue = ["type": "array", "items": ["$ref": "#"]]
            var deep: JSONValue = []
            for _ in 0..<450 { deep = [deep] }
            #expect(validator.isValid(deep, against: tree))
            var deeper: JSONValue = []
            for _ in 0..<2000 { deeper = [deeper] }
            #expect(!validator.isValid(deeper, against: tree))
        }
    }

    @Test func hostileValuesDoNotCrash() {
        let validator = JSONSchemaValidator(draft: .draft2020_12)
        let schema: JSONValue = [
            "minimum": .double(-1e308), "maximum": .integer(Int.max), "multipleOf": .double(1e-300),
            "maxLength": .double(1e300), "minItems": .double(-1e300), "pattern": "([",
            "items": ["$ref": "http://nowhere.invalid/x#/a/b"], "$id": "::::",
        ]
        for instance: JSONValue in [.double(1e308), .integer(Int.min), .integer(Int.max), "x", [1], [:], nil, .double(-0.0)] {
            _ = validator.validate(instance, against: schema)
        }
        #expect(validator.isValid(.integer(Int.max), against: ["maximum": .double(9.3e18)]))
        #expect(!validator.isValid(.integer(Int.max), against: ["maximum": .double(9e18)]))
        #expect(validator.isValid(.integer(9_007_199_254_740_993), against: ["exclusiveMinimum": .double(9_007_199_254_740_992)]))
    }

    @Test func patternsFollowECMA262() {
        let validator = JSONSchemaValidator(draft: .draft2020_12)
        #expect(validator.isValid("123", against: ["pattern": "^\\d+$"]))
        #expect(!validator.isValid("١٢٣", against: ["pattern": "^\\d+$"]))  // Arabic-Indic digits are not \d
        #expect(!validator.isValid("abc\n", against: ["pattern": "^abc$"]))
        #expect(validator.isValid("xabcx", against: ["pattern": "abc"]))
        #expect(validator.isValid("é", against: ["pattern": "^\\W$"]))
        #expect(validator.isValid("a-1", against: ["pattern": "^[\\w-]+$"]))
    }

    @Test func formatsAssertOnlyWhenAsked() throws {
        let annotating = JSONSchemaValidator(draft: .draft2020_12)
        let asserting = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true)
        let cases: [(String, String, Bool)] = [
            ("date-time", "2024-02-29T12:30:00Z", true), ("date-time", "2023-02-29T12:30:00Z", false),
            ("date", "2024-12-31", true), ("date", "2024-13-01", false),
            ("time", "23:59:59.5+01:00", true), ("time", "24:00:00Z", false),
            ("email", "joe@example.com", true), ("email", "joe@@example.com", false),
            ("hostname", "api.example.com", true), ("hostname", "-bad.example", false),
            ("ipv4", "192.168.0.1", true), ("ipv4", "256.1.1.1", false),
            ("ipv6", "::1", true), ("ipv6", "1:2:3:4:5:6:7:8:9", false),
            ("uri", "https://example.com/a?b#c", true), ("uri", "/relative", false),
            ("uuid", "123e4567-e89b-12d3-a456-426614174000", true), ("uuid", "123e4567e89b12d3a456426614174000", false),
        ]
        for (format, value, valid) in cases {
            let schema: JSONValue = ["format": .string(format)]
            #expect(annotating.isValid(.string(value), against: schema))
            #expect(asserting.isValid(.string(value), against: schema) == valid, "\(format): \(value)")
        }
        #expect(asserting.isValid(12, against: ["format": "email"]))
        #expect(asserting.isValid(.integer(2_147_483_647), against: ["format": "int32"]))
        #expect(!asserting.isValid(.integer(2_147_483_648), against: ["format": "int32"]))
        #expect(!asserting.isValid(1.5, against: ["format": "int64"]))
        #expect(!asserting.isValid(.double(1e19), against: ["format": "int64"]))
        #expect(annotating.isValid(.double(1e19), against: ["format": "int64"]))
        // One below Int64's minimum parses as the double -2^63 (Schemathesis found the mock
        // accepting it); the minimum itself parses as an integer and is valid.
        #expect(!asserting.isValid(try JSONValue.parse(Array("-9223372036854775809".utf8)), against: ["format": "int64"]))
        #expect(asserting.isValid(try JSONValue.parse(Array("-9223372036854775808".utf8)), against: ["format": "int64"]))
    }

    @Test func metaSchemasAreKnown() {
        let draft4 = JSONSchemaValidator(draft: .draft4)
        let meta4: JSONValue = ["$ref": "http://json-schema.org/draft-04/schema#"]
        #expect(draft4.isValid(["type": "string", "minLength": 1], against: meta4))
        #expect(!draft4.isValid(["type": "strong"], against: meta4))
        let draft2020 = JSONSchemaValidator(draft: .draft2020_12)
        let meta2020: JSONValue = ["$ref": "https://json-schema.org/draft/2020-12/schema"]
        #expect(draft2020.isValid(["properties": ["a": ["minimum": 1]]], against: meta2020))
        #expect(!draft2020.isValid(["properties": ["a": ["minimum": "1"]]], against: meta2020))
        // Registered documents are reachable by URI.
        let registry = JSONSchemaValidator(draft: .draft2020_12, documents: ["https://example.com/int.json": ["type": "integer"]])
        #expect(registry.isValid(1, against: ["$ref": "https://example.com/int.json"]))
        #expect(!registry.isValid("1", against: ["$ref": "https://example.com/int.json#"]))
    }

    @Test func concurrentValidationsShareTheRegexCache() async {
        let validator = JSONSchemaValidator(draft: .draft2020_12)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<32 {
                group.addTask {
                    let schema: JSONValue = ["patternProperties": ["^p\(index % 4)$": ["pattern": "^[a-z]+\\d$"]]]
                    return validator.isValid(["p\(index % 4)": "abc1"], against: schema)
                        && !validator.isValid(["p\(index % 4)": "abc"], against: schema)
                }
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 32 && results.allSatisfy { $0 })
    }
}
