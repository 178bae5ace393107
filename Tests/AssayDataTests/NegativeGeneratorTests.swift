import AssayCore
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayData

/// Negative variants: one labelled break each, and the validator agrees with every label.
struct NegativeGeneratorTests {
    static let dialects: [SchemaDialect] = [.openAPI30, .openAPI31]

    // MARK: Helpers

    /// The variants of `valid` against `schema` (the whole document), after checking each.
    static func variants(
        _ schema: JSONValue,
        _ valid: JSONValue,
        _ dialect: SchemaDialect,
        direction: NegativeDirection = .request,
        at pointer: JSONPointer = .root,
        limit: Int = 200
    ) -> [NegativeVariant] {
        var random = SeededRandom(seed: 7)
        let generator = NegativeGenerator(document: schema, dialect: dialect, direction: direction)
        let found = generator.variants(of: valid, schemaAt: pointer, random: &random, limit: limit)
        for variant in found { expectExact(variant, document: schema, at: pointer, dialect: dialect) }
        return found
    }

    /// `variant` fails validation, only with its keyword at its instance pointer, and one
    /// of the failures comes from its schema pointer.
    static func expectExact(_ variant: NegativeVariant, document: JSONValue, at pointer: JSONPointer, dialect: SchemaDialect) {
        let schema = document.value(at: pointer) ?? .bool(true)
        let errors = JSONSchemaValidator(dialect: dialect, assertFormats: true)
            .validate(variant.value, against: schema, in: document, schemaPointer: pointer)
        #expect(!errors.isEmpty, "\(variant.label) is valid")
        #expect(
            errors.allSatisfy { $0.keyword == variant.keyword && $0.instancePointer == variant.instancePointer },
            "\(variant.label): \(errors.map(\.description))"
        )
        #expect(errors.contains { $0.keywordPointer == variant.schemaPointer }, "\(variant.label): \(errors.map(\.description))")
    }

    static func only(_ variants: [NegativeVariant], _ keyword: String) -> [NegativeVariant] {
        variants.filter { $0.keyword == keyword }
    }

    // MARK: Rules, in both dialects

    @Test(arguments: dialects) func missingRequiredProperty(dialect: SchemaDialect) throws {
        let schema: JSONValue = [
            "type": "object", "required": ["name", "age"],
            "properties": ["name": ["type": "string"], "age": ["type": "integer"], "tag": ["type": "string"]],
        ]
        let found = Self.variants(schema, ["name": "Rex", "age": 3, "tag": "x"], dialect)
        let required = Self.only(found, "required")
        #expect(required.map(\.rule) == [.missingRequired(property: "name"), .missingRequired(property: "age")])
        #expect(required.first?.value == ["age": 3, "tag": "x"])
        #expect(required.first?.instancePointer == .root)
        #expect(required.first?.schemaPointer == JSONPointer("/required"))
        #expect(required.first?.label == "missing required property 'name' at the root")
        #expect(required.first?.rule.name == "missing_required")
    }

    @Test(arguments: dialects) func wrongTypeAndNull(dialect: SchemaDialect) throws {
        let found = Self.variants(["type": "integer"], 5, dialect)
        #expect(found.map(\.value) == ["not-an-integer", 5.5, .null])
        #expect(
            found.map(\.rule) == [
                .wrongType(expected: ["integer"], actual: "string"), .wrongType(expected: ["integer"], actual: "number"), .nullNotAllowed,
            ]
        )
        #expect(found.allSatisfy { $0.keyword == "type" })
        let objects = Self.variants(["type": "object"], [:], dialect)
        #expect(objects.first?.value == [])
        let arrays = Self.variants(["type": "array"], [1], dialect)
        #expect(arrays.first?.value == [:])
        let strings = Self.variants(["type": "string"], "a", dialect)
        #expect(strings.first?.value == 12345)
        #expect(strings.first?.label == "integer 12345 where string is expected at the root")
    }

    @Test func nullableNeverGetsNull() throws {
        let open30 = Self.variants(["type": "string", "nullable": true], "a", .openAPI30)
        #expect(!open30.contains { $0.value == .null })
        #expect(open30.map(\.rule) == [.wrongType(expected: ["string"], actual: "integer")])
        let open31 = Self.variants(["type": ["string", "null"]], "a", .openAPI31)
        #expect(!open31.contains { $0.value == .null })
        #expect(open31.count == 1)
        // A null value of a nullable schema can still be given the wrong type.
        let fromNull = Self.variants(["type": "string", "nullable": true], nil, .openAPI30)
        #expect(fromNull.map(\.value) == [12345])
        // Not nullable in 3.1 unless the type says so: `nullable` is not a 3.1 keyword.
        let ignored = Self.variants(["type": "string", "nullable": true], "a", .openAPI31)
        #expect(ignored.contains { $0.rule == .nullNotAllowed })
    }

    @Test(arguments: dialects) func integerBounds(dialect: SchemaDialect) throws {
        let found = Self.variants(["type": "integer", "minimum": 1, "maximum": 10], 5, dialect)
        #expect(Self.only(found, "minimum").map(\.value) == [0])
        #expect(Self.only(found, "maximum").map(\.value) == [11])
        #expect(Self.only(found, "minimum").first?.rule == .belowMinimum)
        #expect(Self.only(found, "maximum").first?.label == "11 is above the maximum 10 at the root")
    }

    @Test func exclusiveBoundsDraft4BooleanForm() throws {
        let schema: JSONValue = ["type": "integer", "minimum": 1, "exclusiveMinimum": true, "maximum": 9, "exclusiveMaximum": true]
        let found = Self.variants(schema, 5, .openAPI30)
        #expect(Self.only(found, "minimum").map(\.value) == [1])
        #expect(Self.only(found, "maximum").map(\.value) == [9])
        #expect(Self.only(found, "minimum").first?.label == "1 is not above the exclusive minimum 1 at the root")
    }

    @Test func exclusiveBoundsNumberForm() throws {
        let found = Self.variants(["type": "integer", "exclusiveMinimum": 1, "exclusiveMaximum": 9], 5, .openAPI31)
        #expect(Self.only(found, "exclusiveMinimum").map(\.value) == [1])
        #expect(Self.only(found, "exclusiveMaximum").map(\.value) == [9])
        #expect(Self.only(found, "exclusiveMinimum").first?.rule == .belowMinimum)
    }

    @Test(arguments: dialects) func decimalStepsAndMultiples(dialect: SchemaDialect) throws {
        let stepped = Self.variants(["type": "number", "minimum": 0.5, "maximum": 2, "multipleOf": 0.25], 1, dialect)
        #expect(Self.only(stepped, "minimum").map(\.value) == [0.25])
        #expect(Self.only(stepped, "maximum").map(\.value) == [2.25])
        #expect(Self.only(stepped, "multipleOf").map(\.value) == [1.125])
        #expect(Self.only(stepped, "multipleOf").first?.rule == .notMultipleOf)
        // Without multipleOf, one decimal place finer than the bound.
        let plain = Self.variants(["type": "number", "minimum": 0, "maximum": 1.5], 1, dialect)
        #expect(Self.only(plain, "minimum").map(\.value) == [-0.1])
        #expect(Self.only(plain, "maximum").map(\.value) == [1.51])
        // Integers step by the multiple.
        let integers = Self.variants(["type": "integer", "minimum": 10, "multipleOf": 5], 20, dialect)
        #expect(Self.only(integers, "minimum").map(\.value) == [5])
        #expect(Self.only(integers, "multipleOf").map(\.value) == [21])
    }

    @Test(arguments: dialects) func stringLengthsAndPattern(dialect: SchemaDialect) throws {
        let schema: JSONValue = ["type": "string", "minLength": 2, "maxLength": 5, "pattern": "^[a-z]+$"]
        let found = Self.variants(schema, "abc", dialect)
        #expect(Self.only(found, "minLength").map(\.value) == ["a"])
        #expect(Self.only(found, "maxLength").map(\.value) == ["abcccc"])
        #expect(Self.only(found, "maxLength").first?.rule == .tooLong)
        let pattern = try #require(Self.only(found, "pattern").first)
        #expect(pattern.rule == .patternMismatch)
        let text = try #require(pattern.value.stringValue)
        #expect((2...5).contains(text.count))
        #expect(JSONSchemaValidator.patternMatches("^[a-z]+$", text) == false)
        // An anchored fixed-length pattern makes longer strings fail the pattern too: no tooLong.
        let fixed = Self.variants(["type": "string", "maxLength": 3, "pattern": "^[A-Z]{3}$"], "ABC", dialect)
        #expect(Self.only(fixed, "maxLength").isEmpty)
        #expect(Self.only(fixed, "pattern").count == 1)
    }

    @Test(arguments: dialects) func enumAndConst(dialect: SchemaDialect) throws {
        let found = Self.variants(["type": "string", "enum": ["red", "green"]], "red", dialect)
        #expect(Self.only(found, "enum").map(\.value) == ["ree"])
        #expect(Self.only(found, "enum").first?.rule == .notInEnum)
        let numbers = Self.variants(["type": "integer", "enum": [1, 2, 3]], 2, dialect)
        #expect(Self.only(numbers, "enum").map(\.value) == [4])
        let constant = Self.variants(["const": "x"], "x", dialect)
        if dialect == .openAPI31 {
            #expect(constant.map(\.rule) == [.notConst])
            #expect(constant.map(\.value) == ["y"])
        } else {
            // Draft 4 has no const.
            #expect(constant.isEmpty)
        }
    }

    @Test(arguments: dialects) func formats(dialect: SchemaDialect) throws {
        let date = Self.variants(["type": "string", "format": "date"], "2024-01-31", dialect)
        #expect(Self.only(date, "format").map(\.value) == ["2024-13-01"])
        #expect(Self.only(date, "format").first?.rule == .formatMismatch(format: "date"))
        let int32 = Self.variants(["type": "integer", "format": "int32"], 1, dialect)
        #expect(Self.only(int32, "format").map(\.value) == [2_147_483_648])
        for format in ["date-time", "time", "email", "hostname", "ipv4", "ipv6", "uri", "uuid"] {
            let valid: JSONValue = [
                "date-time": "2024-01-31T10:00:00Z", "time": "10:00:00Z", "email": "a@example.com", "hostname": "example.com",
                "ipv4": "10.0.0.1", "ipv6": "::1", "uri": "https://example.com/a", "uuid": "123e4567-e89b-12d3-a456-426614174000",
            ][format]!
            let found = Self.variants(["type": "string", "format": .string(format)], valid, dialect)
            #expect(Self.only(found, "format").count == 1, "\(format)")
        }
        // Formats off: no format variants.
        var random = SeededRandom(seed: 1)
        let quiet = NegativeGenerator(document: ["type": "string", "format": "date"], dialect: dialect, assertFormats: false)
            .variants(of: "2024-01-31", schemaAt: .root, random: &random)
        #expect(!quiet.contains { $0.keyword == "format" })
    }

    @Test func looseFormatInValidValueStillServesOtherRules() throws {
        // The example breaks its format; every other rule is still broken, checked without formats.
        let schema: JSONValue = ["type": "string", "format": "date", "maxLength": 12]
        var random = SeededRandom(seed: 1)
        let found = NegativeGenerator(document: schema, dialect: .openAPI30).variants(of: "31/01/2024", schemaAt: .root, random: &random)
        #expect(found.map(\.keyword) == ["maxLength", "type", "type"])
    }

    @Test(arguments: dialects) func additionalAndCountedProperties(dialect: SchemaDialect) throws {
        let schema: JSONValue = [
            "type": "object", "properties": ["a": ["type": "integer"], "b": ["type": "integer"]],
            "additionalProperties": false, "minProperties": 1, "maxProperties": 2,
        ]
        let found = Self.variants(schema, ["a": 1], dialect)
        let additional = try #require(Self.only(found, "additionalProperties").first)
        #expect(additional.rule == .additionalProperty(name: "unexpectedProperty"))
        #expect(additional.instancePointer == JSONPointer("/unexpectedProperty"))
        #expect(additional.value == ["a": 1, "unexpectedProperty": "unexpected"])
        #expect(Self.only(found, "minProperties").map(\.value) == [[:]])
        // maxProperties needs new names, which additionalProperties: false forbids: dropped.
        #expect(Self.only(found, "maxProperties").isEmpty)
        let open = Self.variants(["type": "object", "maxProperties": 2], ["a": 1], dialect)
        #expect(Self.only(open, "maxProperties").map(\.value) == [["a": 1, "extraProperty1": "extra", "extraProperty2": "extra"]])
        // Pattern properties cover names: the unused name avoids them.
        let patterned = Self.variants(
            ["type": "object", "patternProperties": ["^unexpected": ["type": "integer"]], "additionalProperties": false],
            [:],
            dialect
        )
        #expect(Self.only(patterned, "additionalProperties").isEmpty)
    }

    @Test func unevaluatedProperties() throws {
        let schema: JSONValue = ["allOf": [["properties": ["a": ["type": "integer"]]]], "unevaluatedProperties": false]
        let found = Self.variants(schema, ["a": 1], .openAPI31)
        #expect(Self.only(found, "unevaluatedProperties").map(\.instancePointer) == [JSONPointer("/unexpectedProperty")])
    }

    @Test(arguments: dialects) func arrays(dialect: SchemaDialect) throws {
        let schema: JSONValue = ["type": "array", "items": ["type": "integer"], "minItems": 2, "maxItems": 3, "uniqueItems": true]
        let found = Self.variants(schema, [1, 2], dialect)
        #expect(Self.only(found, "minItems").map(\.value) == [[1]])
        #expect(Self.only(found, "maxItems").map(\.value) == [[1, 2, 1_000_004, 1_000_005]])
        #expect(Self.only(found, "uniqueItems").map(\.value) == [[1, 2, 1]])
        #expect(Self.only(found, "uniqueItems").first?.rule == .duplicateItems)
        // Item breaks carry the item's place.
        #expect(found.contains { $0.instancePointer == JSONPointer("/1") && $0.keyword == "type" })
        // No room for a third item: the duplicate replaces the last one.
        let full = Self.variants(["type": "array", "maxItems": 2, "uniqueItems": true], ["x", "y"], dialect)
        #expect(Self.only(full, "uniqueItems").map(\.value) == [["x", "x"]])
        // Without uniqueItems, maxItems repeats items as they are.
        let repeats = Self.variants(["type": "array", "maxItems": 3], ["x", "y"], dialect)
        #expect(Self.only(repeats, "maxItems").map(\.value) == [["x", "y", "x", "y"]])
        // Past maxBuiltItems, maxItems is left alone.
        var random = SeededRandom(seed: 1)
        let capped = NegativeGenerator(document: ["type": "array", "maxItems": 5], dialect: dialect, maxBuiltItems: 5)
            .variants(of: ["x"], schemaAt: .root, random: &random)
        #expect(!capped.contains { $0.keyword == "maxItems" })
    }

    @Test func tupleItems() throws {
        let draft4: JSONValue = ["type": "array", "items": [["type": "string"], ["type": "integer", "maximum": 5]]]
        let old = Self.variants(draft4, ["a", 3], .openAPI30)
        #expect(old.contains { $0.instancePointer == JSONPointer("/1") && $0.keyword == "maximum" && $0.value == ["a", 6] })
        let modern: JSONValue = ["type": "array", "prefixItems": [["type": "string"]], "items": ["type": "integer", "maximum": 5]]
        let new = Self.variants(modern, ["a", 3], .openAPI31)
        #expect(new.contains { $0.instancePointer == JSONPointer("/1") && $0.schemaPointer == JSONPointer("/items/maximum") })
        #expect(new.contains { $0.instancePointer == JSONPointer("/0") && $0.schemaPointer == JSONPointer("/prefixItems/0/type") })
    }

    @Test func dependentRequired() throws {
        let modern: JSONValue = ["type": "object", "dependentRequired": ["card": ["cvc"]]]
        let new = Self.variants(modern, ["card": "4111", "cvc": "123"], .openAPI31)
        let missing = Self.only(new, "dependentRequired")
        #expect(missing.map(\.rule) == [.dependentRequiredMissing(property: "card", dependent: "cvc")])
        #expect(missing.first?.schemaPointer == JSONPointer("/dependentRequired/card"))
        #expect(missing.first?.value == ["card": "4111"])
        let draft4: JSONValue = ["type": "object", "dependencies": ["card": ["cvc"]]]
        let old = Self.variants(draft4, ["card": "4111", "cvc": "123"], .openAPI30)
        #expect(Self.only(old, "dependencies").map(\.value) == [["card": "4111"]])
    }

    // MARK: Structure

    @Test(arguments: dialects) func nestedPointers(dialect: SchemaDialect) throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "pets": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["owner"],
                        "properties": [
                            "owner": [
                                "type": "object", "required": ["name"],
                                "properties": ["name": ["type": "string", "maxLength": 4]],
                            ]
                        ],
                    ],
                ]
            ],
        ]
        let valid: JSONValue = ["pets": [["owner": ["name": "Ann"]], ["owner": ["name": "Bo"]]]]
        let found = Self.variants(schema, valid, dialect)
        let long = Self.only(found, "maxLength")
        #expect(long.map(\.instancePointer) == [JSONPointer("/pets/0/owner/name"), JSONPointer("/pets/1/owner/name")])
        #expect(long.last?.value == ["pets": [["owner": ["name": "Ann"]], ["owner": ["name": "Boooo"]]]])
        #expect(long.last?.schemaPointer == JSONPointer("/properties/pets/items/properties/owner/properties/name/maxLength"))
        let missing = Self.only(found, "required").first { $0.rule == .missingRequired(property: "name") }
        #expect(missing?.instancePointer == JSONPointer("/pets/0/owner"))
        #expect(missing?.label == "missing required property 'name' at /pets/0/owner")
    }

    static let petDocument: JSONValue = [
        "components": [
            "schemas": [
                "Base": ["type": "object", "required": ["id"], "properties": ["id": ["type": "integer", "minimum": 1]]],
                "Pet": [
                    "allOf": [
                        ["$ref": "#/components/schemas/Base"],
                        ["type": "object", "properties": ["age": ["type": "integer", "maximum": 30]]],
                    ]
                ],
                "Node": [
                    "type": "object", "required": ["value"],
                    "properties": ["value": ["type": "integer", "minimum": 0], "child": ["$ref": "#/components/schemas/Node"]],
                ],
            ]
        ]
    ]

    @Test(arguments: dialects) func referencesAndAllOf(dialect: SchemaDialect) throws {
        let pointer = try #require(JSONPointer("/components/schemas/Pet"))
        let found = Self.variants(Self.petDocument, ["id": 5, "age": 3], dialect, at: pointer)
        let required = try #require(Self.only(found, "required").first)
        #expect(required.schemaPointer == JSONPointer("/components/schemas/Base/required"))
        #expect(required.value == ["age": 3])
        #expect(Self.only(found, "minimum").map(\.value) == [["id": 0, "age": 3]])
        #expect(Self.only(found, "minimum").first?.schemaPointer == JSONPointer("/components/schemas/Base/properties/id/minimum"))
        #expect(Self.only(found, "maximum").map(\.value) == [["id": 5, "age": 31]])
    }

    @Test(arguments: dialects) func recursiveReferences(dialect: SchemaDialect) throws {
        let pointer = try #require(JSONPointer("/components/schemas/Node"))
        let valid: JSONValue = ["value": 1, "child": ["value": 2, "child": ["value": 3]]]
        let found = Self.variants(Self.petDocument, valid, dialect, at: pointer)
        let below = Self.only(found, "minimum")
        #expect(below.map(\.instancePointer) == [JSONPointer("/value"), JSONPointer("/child/value"), JSONPointer("/child/child/value")])
        #expect(below.last?.value == ["value": 1, "child": ["value": 2, "child": ["value": -1]]])
    }

    @Test(arguments: dialects) func oneOfBranchesReportTheCombinator(dialect: SchemaDialect) throws {
        let schema: JSONValue = [
            "type": "object",
            "required": ["pet"],
            "properties": [
                "pet": [
                    "oneOf": [
                        [
                            "type": "object", "required": ["kind", "bark"],
                            "properties": ["kind": ["enum": ["dog"]], "bark": ["type": "string", "maxLength": 5]],
                        ],
                        [
                            "type": "object", "required": ["kind", "meow"],
                            "properties": ["kind": ["enum": ["cat"]], "meow": ["type": "string"]],
                        ],
                    ]
                ]
            ],
        ]
        var random = SeededRandom(seed: 3)
        let (found, dropped) = NegativeGenerator(document: schema, dialect: dialect)
            .variantsWithDiagnostics(of: ["pet": ["kind": "dog", "bark": "woof"]], schemaAt: .root, random: &random)
        for variant in found { Self.expectExact(variant, document: schema, at: .root, dialect: dialect) }
        let branch = found.filter { $0.keyword == "oneOf" }
        #expect(!branch.isEmpty)
        #expect(branch.allSatisfy { $0.instancePointer == JSONPointer("/pet") && $0.schemaPointer == JSONPointer("/properties/pet/oneOf") })
        let tooLong = branch.first { $0.rule == .noMatchingBranch(combinator: "oneOf", cause: .tooLong) }
        #expect(tooLong?.value == ["pet": ["kind": "dog", "bark": "woofff"]])
        #expect(tooLong?.rule.name == "no_matching_branch.too_long")
        #expect(tooLong?.label == "a string of 6 characters is longer than maxLength 5 at /pet/bark, so the value at /pet matches no branch of oneOf")
        #expect(!found.contains { $0.keyword == "maxLength" })
        #expect(found.contains { $0.rule == .missingRequired(property: "pet") })
        _ = dropped
    }

    @Test func breaksThatSatisfyAnotherBranchAreDropped() throws {
        // Lengthening "ab" past 3 makes it match the second branch: valid, so dropped.
        let schema: JSONValue = ["oneOf": [["type": "string", "maxLength": 3], ["type": "string", "minLength": 4]]]
        var random = SeededRandom(seed: 3)
        let (found, dropped) = NegativeGenerator(document: schema, dialect: .openAPI31)
            .variantsWithDiagnostics(of: "ab", schemaAt: .root, random: &random)
        #expect(!found.contains { $0.rule == .noMatchingBranch(combinator: "oneOf", cause: .tooLong) })
        #expect(dropped >= 1)
        for variant in found { Self.expectExact(variant, document: schema, at: .root, dialect: .openAPI31) }
        // anyOf: breaking one matching branch while the other still matches gives nothing.
        let both: JSONValue = ["anyOf": [["type": "string", "maxLength": 3], ["type": "string", "maxLength": 9]]]
        let (anyFound, anyDropped) = NegativeGenerator(document: both, dialect: .openAPI31)
            .variantsWithDiagnostics(of: "ab", schemaAt: .root, random: &random)
        #expect(!anyFound.contains { $0.rule == .noMatchingBranch(combinator: "anyOf", cause: .tooLong) && $0.value == "abbb" })
        #expect(anyFound.contains { $0.rule == .noMatchingBranch(combinator: "anyOf", cause: .tooLong) && $0.value == "abbbbbbbbb" })
        #expect(anyDropped >= 1)
    }

    @Test func conditionalThenApplies() throws {
        let schema: JSONValue = [
            "type": "object",
            "if": ["properties": ["country": ["const": "US"]], "required": ["country"]],
            "then": ["properties": ["zip": ["type": "string", "pattern": "^[0-9]{5}$"]]],
        ]
        let found = Self.variants(schema, ["country": "US", "zip": "12345"], .openAPI31)
        #expect(
            found.contains {
                $0.keyword == "pattern" && $0.instancePointer == JSONPointer("/zip")
                    && $0.schemaPointer == JSONPointer("/then/properties/zip/pattern")
            }
        )
    }

    @Test func readOnlyAndWriteOnlyFollowTheDirection() throws {
        let schema: JSONValue = [
            "type": "object", "required": ["id", "name", "secret"],
            "properties": [
                "id": ["type": "integer", "readOnly": true],
                "name": ["type": "string"],
                "secret": ["type": "string", "writeOnly": true],
            ],
        ]
        let valid: JSONValue = ["id": 1, "name": "a", "secret": "s"]
        let request = Self.variants(schema, valid, .openAPI30, direction: .request)
        #expect(!request.contains { $0.rule == .missingRequired(property: "id") || $0.instancePointer == JSONPointer("/id") })
        #expect(request.contains { $0.rule == .missingRequired(property: "secret") })
        let response = Self.variants(schema, valid, .openAPI30, direction: .response)
        #expect(response.contains { $0.rule == .missingRequired(property: "id") })
        #expect(response.contains { $0.instancePointer == JSONPointer("/id") })
        #expect(!response.contains { $0.rule == .missingRequired(property: "secret") || $0.instancePointer == JSONPointer("/secret") })
    }

    @Test func limitOrderAndDeterminism() throws {
        let pointer = try #require(JSONPointer("/components/schemas/Node"))
        let valid: JSONValue = ["value": 1, "child": ["value": 2, "child": ["value": 3]]]
        let all = Self.variants(Self.petDocument, valid, .openAPI31, at: pointer)
        let few = Self.variants(Self.petDocument, valid, .openAPI31, at: pointer, limit: 3)
        #expect(few == Array(all.prefix(3)))
        #expect(Self.variants(Self.petDocument, valid, .openAPI31, at: pointer) == all)
        // Outside-in: the root's breaks come before its members'.
        #expect(all.first?.instancePointer == .root)
        // Specific breaks come before type breaks, so a limit keeps the more telling ones.
        let firstType = try #require(all.firstIndex { $0.keyword == "type" })
        let lastSpecific = try #require(all.lastIndex { $0.keyword != "type" })
        #expect(lastSpecific < firstType)
    }

    @Test func invalidStartingValueGivesNothing() throws {
        var random = SeededRandom(seed: 1)
        let generator = NegativeGenerator(document: ["type": "integer", "minimum": 3], dialect: .openAPI31)
        let (found, dropped) = generator.variantsWithDiagnostics(of: 1, schemaAt: .root, random: &random)
        #expect(found.isEmpty && dropped == 0)
        #expect(generator.variants(of: 1, schemaAt: JSONPointer(tokens: ["missing"]), random: &random).isEmpty)
    }

    @Test func ruleNamesAreStable() {
        let rules: [NegativeRule] = [
            .missingRequired(property: "a"), .wrongType(expected: ["string"], actual: "integer"), .nullNotAllowed, .belowMinimum,
            .aboveMaximum, .notMultipleOf, .tooShort, .tooLong, .patternMismatch, .formatMismatch(format: "date"), .notInEnum,
            .notConst, .additionalProperty(name: "x"), .tooFewItems, .tooManyItems, .duplicateItems, .tooFewProperties,
            .tooManyProperties, .dependentRequiredMissing(property: "a", dependent: "b"),
        ]
        #expect(
            rules.map(\.name) == [
                "missing_required", "wrong_type", "null_not_allowed", "below_minimum", "above_maximum", "not_multiple_of",
                "too_short", "too_long", "pattern_mismatch", "format_mismatch", "not_in_enum", "not_const",
                "additional_property", "too_few_items", "too_many_items", "duplicate_items", "too_few_properties",
                "too_many_properties", "dependent_required_missing",
            ]
        )
    }

    // MARK: Real descriptions

    /// A few corpus descriptions of both dialects, of different styles.
    static let corpusSpecs = [
        "xero.com/xero-payroll-au/2.9.4/openapi.yaml",
        "ably.net/control/1.0.14/openapi.yaml",
        "gov.bc.ca/gwells/v1/openapi.yaml",
        "wordnik.com/4.0/openapi.yaml",
        "twitter.com/labs/2.13/openapi.yaml",
        "amazonaws.com/inspector/2016-02-16/openapi.yaml",
        "amazonaws.com/iotwireless/2020-11-22/openapi.yaml",
        "adyen.com/TransferService/2/openapi.yaml",
        "adyen.com/BalancePlatformService/1/openapi.yaml",
    ]

    @Test func everyVariantOfRealSchemasFailsForExactlyItsRule() async throws {
        let root = SharedMaterial.apisGuru
        try #require(FileManager.default.fileExists(atPath: root.path), "the corpus is expected at \(root.path)")
        var schemas = 0
        var instances = 0
        var fromExamples = 0
        var variantCount = 0
        var droppedCount = 0
        var byRule: [String: Int] = [:]
        var failures: [String] = []
        let started = ContinuousClock.now
        for spec in Self.corpusSpecs {
            let path = root.appendingPathComponent(spec).path
            try #require(FileManager.default.fileExists(atPath: path), "\(spec) is missing from the corpus")
            let model: APIModel
            do {
                model = try await SpecLoader().load(.file(path)).model
            } catch {
                Issue.record("\(spec) does not load: \(error)")
                continue
            }
            let checker = JSONSchemaValidator(dialect: model.schemaDialect, assertFormats: true)
            let generator = NegativeGenerator(document: model.document, dialect: model.schemaDialect)
            for (index, (name, schema)) in model.schemas.enumerated() {
                schemas += 1
                let builder = InstanceBuilder(document: model.document, dialect: model.schemaDialect)
                guard let (valid, example) = builder.instance(for: schema.value, at: schema.pointer) else { continue }
                instances += 1
                if example { fromExamples += 1 }
                var random = SeededRandom(seed: 11, stream: UInt64(index))
                let (found, dropped) = generator.variantsWithDiagnostics(of: valid, schemaAt: schema.pointer, random: &random, limit: 40)
                droppedCount += dropped
                for variant in found {
                    variantCount += 1
                    byRule[variant.rule.name, default: 0] += 1
                    let errors = checker.validate(variant.value, against: schema.value, in: model.document, schemaPointer: schema.pointer)
                    let exact =
                        !errors.isEmpty && errors.allSatisfy { $0.keyword == variant.keyword && $0.instancePointer == variant.instancePointer }
                    if !exact || variant.value == valid || !errors.contains(where: { $0.keywordPointer == variant.schemaPointer }) {
                        failures.append("\(spec) \(name) \(variant.label): \(errors.map(\.description))")
                    }
                }
            }
        }
        let rules = byRule.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        print(
            "negative corpus: \(schemas) schemas, \(instances) valid instances (\(fromExamples) from examples), "
                + "\(variantCount) variants, \(droppedCount) dropped, \(ContinuousClock.now - started); \(rules)"
        )
        for line in failures.prefix(20) { print("  VARIANT FAILURE: \(line)") }
        #expect(failures.isEmpty)
        #expect(instances > 300)
        #expect(variantCount > 3_000)
        #expect(byRule.count >= 12, "most rules show up in real schemas")
    }
}

extension NegativeGeneratorTests {
    /// A small valid-instance builder for the corpus test: the schema's own example when it
    /// validates, else a value built from the common keywords (every property, one item,
    /// bounds and formats respected), kept only if it validates.
    struct InstanceBuilder {
        let document: JSONValue
        let dialect: SchemaDialect
        let validator: JSONSchemaValidator

        init(document: JSONValue, dialect: SchemaDialect) {
            self.document = document
            self.dialect = dialect
            self.validator = JSONSchemaValidator(dialect: dialect, assertFormats: true)
        }

        /// A valid instance and whether it is the schema's example.
        func instance(for schema: JSONValue, at pointer: JSONPointer) -> (JSONValue, Bool)? {
            var candidates: [(JSONValue, Bool)] = []
            if let example = schema["example"] { candidates.append((example, true)) }
            if case .array(let examples)? = schema["examples"], let first = examples.first { candidates.append((first, true)) }
            if let built = build(schema, depth: 0) { candidates.append((built, false)) }
            return candidates.first { validator.isValid($0.0, against: schema, in: document, schemaPointer: pointer) }
        }

        func build(_ schema: JSONValue, depth: Int) -> JSONValue? {
            guard depth < 12, case .object(let object) = schema else { return schema == .bool(false) ? nil : .string("any") }
            if case .string(let reference)? = object["$ref"], let pointer = JSONPointer(reference), let target = document.value(at: pointer) {
                return build(target, depth: depth + 1)
            }
            if let example = object["example"], depth > 0 { return example }
            if let constant = object["const"] { return constant }
            if case .array(let values)? = object["enum"], let first = values.first(where: { !$0.isNull }) ?? values.first { return first }
            if let value = object["default"] { return value }
            if case .array(let branches)? = object["allOf"] {
                var merged = JSONObject()
                var other: JSONValue?
                for branch in branches {
                    switch build(branch, depth: depth + 1) {
                    case .object(let members)?: merged.merge(members) { first, _ in first }
                    case let value?: other = value
                    case nil: return nil
                    }
                }
                if case .object(let own)? = buildTyped(object, depth: depth) { merged.merge(own) { first, _ in first } }
                return merged.isEmpty && other != nil ? other : .object(merged)
            }
            for keyword in ["oneOf", "anyOf"] {
                if case .array(let branches)? = object[keyword], let first = branches.first { return build(first, depth: depth + 1) }
            }
            return buildTyped(object, depth: depth)
        }

        func buildTyped(_ object: JSONObject, depth: Int) -> JSONValue? {
            var type = object["type"]?.stringValue
            if case .array(let types)? = object["type"] { type = types.first { $0 != "null" }?.stringValue }
            if type == nil, object["properties"] != nil { type = "object" }
            switch type {
            case "object"?:
                var members = JSONObject()
                let required = Set(object["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
                if case .object(let properties)? = object["properties"] {
                    for (name, property) in properties where depth < 3 || required.contains(name) {
                        guard let value = build(property, depth: depth + 1) else { continue }
                        members[name] = value
                    }
                }
                return .object(members)
            case "array"?:
                let count = max(1, object["minItems"]?.intValue ?? 1)
                guard let items = object["items"], let item = build(items, depth: depth + 1) else { return .array([]) }
                return .array(Array(repeating: item, count: count))
            case "integer"?, "number"?:
                let step = object["multipleOf"]?.doubleValue ?? 1
                var value = 1.0
                if let minimum = object["minimum"]?.doubleValue { value = minimum + (object["exclusiveMinimum"] == .bool(true) ? step : 0) }
                if let minimum = object["exclusiveMinimum"]?.doubleValue { value = minimum + step }
                if let maximum = object["maximum"]?.doubleValue, value > maximum { value = maximum }
                value = (value / step).rounded(.up) * step
                guard abs(value) < 1e15 else { return nil }
                return type == "integer" || value.rounded() == value ? .integer(Int(value)) : .double(value)
            case "boolean"?:
                return .bool(true)
            case "null"?:
                return .null
            default:
                var text: String
                switch object["format"]?.stringValue {
                case "date-time"?: text = "2024-01-31T10:00:00Z"
                case "date"?: text = "2024-01-31"
                case "time"?: text = "10:00:00Z"
                case "email"?: text = "user@example.com"
                case "uuid"?: text = "123e4567-e89b-12d3-a456-426614174000"
                case "uri"?: text = "https://example.com/a"
                case "hostname"?: text = "example.com"
                case "ipv4"?: text = "10.0.0.1"
                case "ipv6"?: text = "::1"
                default: text = "abcdef"
                }
                if let minimum = object["minLength"]?.intValue, text.count < minimum { text += String(repeating: "a", count: minimum - text.count) }
                if let maximum = object["maxLength"]?.intValue, text.count > maximum { text = String(text.prefix(maximum)) }
                if case .string(let pattern)? = object["pattern"], JSONSchemaValidator.patternMatches(pattern, text) != true {
                    // A few common shapes; the schema is skipped when none fits.
                    let shapes = ["a", "abc", "ABC", "123", "abc123", "a-b_c", "A1", "1.0", "arn:aws:iam::123456789012:role/a", "en", "US"]
                    text = shapes.first { JSONSchemaValidator.patternMatches(pattern, $0) == true } ?? text
                }
                return .string(text)
            }
        }
    }
}
