import OrderedCollections
import Testing

@testable import AssayCore

struct JSONParserTests {
    private func parse(_ text: String, limits: LoadLimits = .default) throws -> (JSONValue, [Diagnostic]) {
        try JSONParser.parse(Array(text.utf8), limits: limits, deadline: Deadline(seconds: 30))
    }

    @Test func parsesEveryKindOfValueInOrder() throws {
        let (value, warnings) = try parse(#"{"z": 1, "a": [true, false, null], "n": -1.5e2, "s": "\u00e9\ud83d\ude00\n", "big": 9007199254740993}"#)
        #expect(warnings.isEmpty)
        #expect(Array(value.objectValue?.keys ?? []) == ["z", "a", "n", "s", "big"])
        #expect(value["a"] == [true, false, nil])
        #expect(value["n"] == .double(-150))
        #expect(value["s"] == .string("é😀\n"))
        #expect(value["big"] == .integer(9_007_199_254_740_993))
    }

    @Test func writerRoundTrips() throws {
        let text = #"{"a":[1,2.5,"x\"y",null,{"b":false}],"c":{}}"#
        let (value, _) = try parse(text)
        #expect(JSONWriter().string(value) == text)
        let (again, _) = try parse(JSONWriter(pretty: true).string(value))
        #expect(again == value)
    }

    @Test func errorsNameLineColumnAndPointer() throws {
        #expect {
            try parse("{\n  \"a\": {\n    \"b\": [1, 2,]\n  }\n}")
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.code == .syntax && error.line == 3 && error.column == 16 && error.pointer?.description == "/a/b/2"
        }
    }

    @Test func depthIsBounded() throws {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect {
            try parse(deep)
        } throws: { error in
            (error as? LoadError)?.code == .tooDeep
        }
    }

    @Test func duplicateMembersWarn() throws {
        let (value, warnings) = try parse(#"{"a": 1, "a": 2}"#)
        #expect(value["a"] == .integer(2))
        #expect(warnings.map(\.code) == ["duplicate-key"])
    }

    @Test func pointersEscapeAndResolve() throws {
        let pointer = try #require(JSONPointer("#/paths/~1pets~1%7BpetId%7D/get"))
        #expect(pointer.tokens == ["paths", "/pets/{petId}", "get"])
        #expect(pointer.description == "/paths/~1pets~1{petId}/get")
        let document: JSONValue = ["paths": ["/pets/{petId}": ["get": ["operationId": "getPet"]]]]
        #expect(document.value(at: pointer)?["operationId"] == "getPet")
    }
}
