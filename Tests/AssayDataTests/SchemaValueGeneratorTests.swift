import AssayCore
import OrderedCollections
import Testing

@testable import AssayData

/// Parses JSON text written in a test.
func json(_ text: String) -> JSONValue {
    let decoded = JSONTestDecoder.decode(text)
    precondition(decoded != nil, "test JSON does not parse: \(text)")
    return decoded!
}

@Suite("Schema value generator")
struct SchemaValueGeneratorTests {
    /// Generates `count` values of `schema` and checks each with an independent validator.
    @discardableResult
    func values(
        _ schema: JSONValue,
        dialect: SchemaDialect = .openAPI31,
        options: GenerationOptions = GenerationOptions(),
        count: Int = 200,
        seed: UInt64 = 7
    ) throws -> [JSONValue] {
        let generator = SchemaValueGenerator(document: schema, dialect: dialect, options: options)
        let validator = JSONSchemaValidator(dialect: dialect)
        var random = SeededRandom(seed: seed)
        var result: [JSONValue] = []
        for _ in 0..<count {
            let value = try generator.value(for: schema, random: &random)
            let errors = validator.validate(value, against: schema)
            #expect(errors.isEmpty, "\(JSONWriter().string(value)) fails: \(errors)")
            result.append(value)
        }
        return result
    }

    @Test func typesIncludingArraysAndNullable() throws {
        let values30 = try values(json(#"{"type": "string", "nullable": true, "maxLength": 3}"#), dialect: .openAPI30)
        #expect(values30.contains(.null) || values30.allSatisfy { $0.stringValue != nil })
        let mixed = try values(json(#"{"type": ["integer", "string", "null"]}"#))
        #expect(Set(mixed.map(ValueBuilder.typeName)).isSuperset(of: ["integer", "string"]))
    }

    @Test func stringLengths() throws {
        for value in try values(json(#"{"type": "string", "minLength": 30, "maxLength": 32}"#)) {
            let count = value.stringValue!.unicodeScalars.count
            #expect((30...32).contains(count))
        }
        #expect(try values(json(#"{"type": "string", "maxLength": 0}"#), count: 5).allSatisfy { $0 == "" })
    }

    @Test func exactDecimalSteps() throws {
        let schema = json(#"{"type": "number", "minimum": 0.01, "maximum": 99.99, "multipleOf": 0.01}"#)
        for value in try values(schema) {
            let text = JSONWriter().string(value)
            let fraction = text.split(separator: ".").dropFirst().first ?? ""
            #expect(fraction.count <= 2, "\(text) has more than two decimals")
        }
        try values(json(#"{"type": "integer", "multipleOf": 7, "exclusiveMinimum": 14, "exclusiveMaximum": 50}"#))
        try values(json(#"{"type": "number", "minimum": 0, "exclusiveMinimum": true, "maximum": 1, "multipleOf": 0.25}"#), dialect: .openAPI30)
        try values(json(#"{"type": "number", "multipleOf": 0.0001, "minimum": -5, "maximum": -4.9}"#))
        try values(json(#"{"type": "integer", "format": "int32", "minimum": -3000000000}"#))
    }

    @Test func arrays() throws {
        let unique = try values(json(#"{"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 6}, "minItems": 6, "uniqueItems": true}"#))
        #expect(unique.allSatisfy { $0.arrayValue?.count == 6 })
        try values(json(#"{"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false, "minItems": 2}"#))
        try values(json(#"{"type": "array", "items": [{"type": "boolean"}], "additionalItems": false}"#), dialect: .openAPI30)
        let contains = try values(json(#"{"type": "array", "items": {"type": "integer"}, "contains": {"const": 42}, "minContains": 2}"#))
        #expect(contains.allSatisfy { ($0.arrayValue ?? []).filter { $0 == 42 }.count >= 2 })
    }

    @Test func objects() throws {
        let schema = json(
            #"""
            {"type": "object", "required": ["a"], "additionalProperties": false,
             "properties": {"a": {"type": "integer"}, "b": {"type": "string"}, "c": {"type": "boolean"}},
             "dependentRequired": {"b": ["c"]}, "maxProperties": 3}
            """#
        )
        let generated = try values(schema)
        #expect(generated.allSatisfy { $0["a"] != nil })
        #expect(generated.contains { $0["b"] != nil })
        try values(json(#"{"type": "object", "minProperties": 3, "patternProperties": {"^x-[a-z]{3}$": {"type": "integer"}}, "additionalProperties": false}"#))
        try values(json(#"{"type": "object", "minProperties": 2, "propertyNames": {"maxLength": 8}}"#))
    }

    /// A name that suggests one kind (a date) never overrides a declared format (a duration):
    /// the realistic value is dropped and the format's generator used (it once came out as
    /// JSON null, through JSONValue's nil literal).
    @Test func declaredFormatsBeatNames() throws {
        let schema = json(
            #"{"type": "object", "required": ["relativeBeginDate", "content"], "properties": {"relativeBeginDate": {"type": "string", "format": "duration"}, "content": {"type": "string", "format": "byte"}}}"#
        )
        let strict = JSONSchemaValidator(dialect: .openAPI30, assertFormats: true)
        for value in try values(schema, dialect: .openAPI30, count: 50) {
            #expect(value["relativeBeginDate"]?.stringValue?.hasPrefix("P") == true, "\(value)")
            #expect(strict.validate(value, against: schema).isEmpty, "\(JSONWriter().string(value))")
        }
    }

    @Test func optionalPropertyModes() throws {
        let schema = json(#"{"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}, "x": {"type": "string"}, "y": {"type": "string"}}}"#)
        let all = try values(schema, options: GenerationOptions(optionalProperties: .all), count: 20)
        #expect(all.allSatisfy { $0.objectValue?.count == 3 })
        let none = try values(schema, options: GenerationOptions(optionalProperties: .none), count: 20)
        #expect(none.allSatisfy { $0.objectValue?.count == 1 })
    }

    @Test func readOnlyAndWriteOnly() throws {
        let schema = json(
            #"""
            {"type": "object", "required": ["id", "password", "name"],
             "properties": {"id": {"type": "integer", "readOnly": true}, "password": {"type": "string", "writeOnly": true}, "name": {"type": "string"}}}
            """#
        )
        let generator = { (direction: GenerationOptions.Direction) in
            SchemaValueGenerator(document: schema, dialect: .openAPI30, options: GenerationOptions(direction: direction, optionalProperties: .all))
        }
        var random = SeededRandom(seed: 1)
        let request = try generator(.request).value(for: schema, random: &random)
        #expect(request["id"] == nil && request["password"] != nil)
        let response = try generator(.response).value(for: schema, random: &random)
        #expect(response["id"] != nil && response["password"] == nil)
    }

    @Test func combinators() throws {
        try values(json(#"{"oneOf": [{"type": "integer", "multipleOf": 3}, {"type": "integer", "multipleOf": 5}]}"#))
        try values(json(#"{"anyOf": [{"type": "string", "maxLength": 2}, {"type": "boolean"}]}"#))
        try values(json(#"{"type": "integer", "minimum": 1, "maximum": 4, "not": {"const": 2}}"#))
        try values(json(#"{"allOf": [{"type": "object", "properties": {"a": {"type": "integer", "minimum": 5}}, "required": ["a"]}, {"properties": {"a": {"maximum": 9}}}]}"#))
        try values(
            json(#"{"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["a", "b"]}}, "if": {"properties": {"kind": {"const": "a"}}}, "then": {"required": ["x"], "properties": {"x": {"type": "integer"}}}, "else": {"not": {"required": ["x"]}}}"#)
        )
    }

    @Test func discriminatorNamesTheBranch() throws {
        let document = json(
            #"""
            {"components": {"schemas": {
              "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                      "discriminator": {"propertyName": "petType", "mapping": {"cat": "#/components/schemas/Cat"}}},
              "Cat": {"type": "object", "required": ["petType", "meows"], "properties": {"petType": {"type": "string"}, "meows": {"type": "boolean"}}, "additionalProperties": false},
              "Dog": {"type": "object", "required": ["petType", "barks"], "properties": {"petType": {"type": "string"}, "barks": {"type": "boolean"}}, "additionalProperties": false}
            }}}
            """#
        )
        let generator = SchemaValueGenerator(document: document, dialect: .openAPI30)
        var random = SeededRandom(seed: 3)
        var kinds: Set<String> = []
        for _ in 0..<40 {
            let pet = try generator.value(forSchemaAt: JSONPointer("/components/schemas/Pet")!, random: &random)
            let kind = try #require(pet["petType"]?.stringValue)
            kinds.insert(kind)
            #expect(kind == "cat" ? pet["meows"] != nil : pet["barks"] != nil)
        }
        #expect(kinds == ["cat", "Dog"])
    }

    @Test func recursiveReferencesAreBounded() throws {
        let document = json(
            #"""
            {"$defs": {"Node": {"type": "object", "required": ["name"], "properties": {
               "name": {"type": "string"}, "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}, "parent": {"$ref": "#/$defs/Node"}}}}}
            """#
        )
        let generator = SchemaValueGenerator(document: document, dialect: .openAPI31, options: GenerationOptions(optionalProperties: .all))
        var random = SeededRandom(seed: 9)
        let tree = try generator.value(forSchemaAt: JSONPointer("/$defs/Node")!, random: &random)
        func depth(_ value: JSONValue) -> Int {
            let children = (value["children"]?.arrayValue ?? []).map(depth).max() ?? 0
            let parent = value["parent"].map(depth) ?? 0
            return 1 + max(children, parent)
        }
        #expect(depth(tree) <= 8)
    }

    /// A `$ref` to a schema with `oneOf` is chosen once, not again after every choice
    /// (the walk once recursed until the stack ran out on api.github.com).
    @Test func referencedCombinatorsAreChosenOnce() throws {
        let document = json(
            #"""
            {"$defs": {
               "Owner": {"oneOf": [{"$ref": "#/$defs/User"}, {"$ref": "#/$defs/Team"}]},
               "User": {"type": "object", "required": ["login"], "properties": {"login": {"type": "string"}}, "additionalProperties": false},
               "Team": {"type": "object", "required": ["slug"], "properties": {"slug": {"type": "string"}}, "additionalProperties": false},
               "Repo": {"type": "object", "required": ["owner"], "properties": {"owner": {"$ref": "#/$defs/Owner"}}},
               "Loop": {"anyOf": [{"$ref": "#/$defs/Loop"}, {"type": "integer"}]},
               "Forever": {"anyOf": [{"$ref": "#/$defs/Forever"}]}
            }}
            """#
        )
        let generator = SchemaValueGenerator(document: document, dialect: .openAPI31)
        let validator = JSONSchemaValidator(dialect: .openAPI31)
        var random = SeededRandom(seed: 5)
        var owners: Set<String> = []
        for _ in 0..<50 {
            let repo = try generator.value(forSchemaAt: JSONPointer("/$defs/Repo")!, random: &random)
            #expect(validator.validate(repo, against: document["$defs"]!["Repo"]!, in: document).isEmpty)
            owners.formUnion(repo["owner"]?.objectValue?.keys.map { $0 } ?? [])
            let loop = try generator.value(forSchemaAt: JSONPointer("/$defs/Loop")!, random: &random)
            #expect(loop.intValue != nil)
        }
        #expect(owners == ["login", "slug"])
        #expect(throws: DataError.self) { try generator.value(forSchemaAt: JSONPointer("/$defs/Forever")!, random: &random) }
    }

    @Test func examplesAreUsedWhenValid() throws {
        let schema = json(#"{"type": "string", "example": "doggie", "maxLength": 10}"#)
        #expect(try values(schema, count: 50).contains("doggie"))
        let invalid = json(#"{"type": "string", "example": "far too long for this", "maxLength": 10}"#)
        #expect(try !values(invalid, count: 50).contains("far too long for this"))
    }

    @Test func sameSeedSameValues() throws {
        let schema = json(#"{"type": "object", "properties": {"n": {"type": "number"}, "s": {"type": "string"}, "a": {"type": "array", "items": {"type": "integer"}}}}"#)
        let first = try values(schema, count: 30, seed: 11)
        let second = try values(schema, count: 30, seed: 11)
        let other = try values(schema, count: 30, seed: 12)
        #expect(first == second)
        #expect(first != other)
    }

    @Test func unsatisfiableSchemasNameTheirConflicts() throws {
        let cases: [(String, String)] = [
            (#"{"type": "string", "minLength": 5, "maxLength": 2}"#, "minLength"),
            (#"{"type": "integer", "minimum": 10, "maximum": 2}"#, "minimum"),
            (#"{"allOf": [{"type": "string"}, {"type": "integer"}]}"#, "type"),
            (#"{"type": "object", "required": ["a"], "additionalProperties": false}"#, "additionalProperties"),
            (#"{"type": "array", "minItems": 3, "maxItems": 1}"#, "minItems"),
            (#"{"type": "integer", "multipleOf": 10, "minimum": 1, "maximum": 9}"#, "multipleOf"),
        ]
        for (text, keyword) in cases {
            let schema = json(text)
            var random = SeededRandom(seed: 1)
            do {
                let value = try SchemaValueGenerator(document: schema, dialect: .openAPI31).value(for: schema, random: &random)
                Issue.record("\(text) gave \(value)")
            } catch {
                #expect(error.code == .unsatisfiable)
                #expect((error.message + error.details.joined()).contains(keyword), "\(error) does not name \(keyword)")
            }
        }
    }
}
