import AssayCore
@testable import AssayData
import OrderedCollections
import Testing

struct RecordEncoderTests {
    let generator = OutputTestGenerator()

    @Test func ndjsonLinesParseBackToTheGeneratedValues() throws {
        let bytes = try OutputTestSupport.output(generator, count: 53, seed: 7, format: .ndjson, batchSize: 10)
        #expect(bytes.last == 0x0A)
        let lines = OutputTestSupport.lines(bytes)
        #expect(lines.count == 53)
        for (index, line) in lines.enumerated() {
            let value = try #require(JSONTestDecoder.decode(bytes: line), "line \(index) is not JSON")
            #expect(value == OutputTestGenerator.expected(seed: 7, index: index))
        }
    }

    @Test func ndjsonSpellsKeysAndEscapesCompactly() {
        let line = OutputTestSupport.encode(.ndjson, columns: ["a", "b\"c", "d", "e", "f"]) { record in
            record.text("x\"y\\z\n\t\u{01}\u{7F}é")
            record.int(-12)
            record.null()
            record.rawJSON(Array("[1,{\"k\":2}]".utf8))
            record.text("")
        }
        #expect(line == #"{"a":"x\"y\\z\n\t\u0001"# + "\u{7F}é" + #"","b\"c":-12,"d":null,"e":[1,{"k":2}],"f":""}"# + "\n")
    }

    @Test func textNeedingEscapesAtEveryPositionReadsBack() throws {
        // Escapes before, inside and after each eight-byte word, in strings of every short
        // length: the word-at-a-time copy must hand over to the escaping writer exactly.
        for length in 0...34 {
            for position in 0..<max(length, 1) {
                for special in ["\"", "\\", "\n", "\u{00}", "\u{1F}"] {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[position] = special }
                    let text = characters.joined()
                    let line = OutputTestSupport.encode(.ndjson, columns: ["t", "u"]) { record in
                        record.text(text)
                        record.text("é" + text)
                    }
                    // The parser tolerates raw control bytes, so their absence is checked apart.
                    #expect(!line.utf8.dropLast().contains { $0 < 0x20 }, "length \(length), position \(position)")
                    let value = try #require(JSONTestDecoder.decode(line))
                    #expect(value == .object(["t": .string(text), "u": .string("é" + text)]), "length \(length), position \(position)")
                }
            }
        }
    }

    @Test(arguments: [0, 1, 99, 100, 101])
    func jsonArrayHoldsEveryRecord(count: Int) throws {
        let bytes = try OutputTestSupport.output(generator, count: count, seed: 3, format: .json, batchSize: 100)
        let value = try #require(JSONTestDecoder.decode(bytes: bytes), "not JSON")
        let array = try #require(value.arrayValue)
        #expect(array.count == count)
        for (index, element) in array.enumerated() {
            #expect(element == OutputTestGenerator.expected(seed: 3, index: index))
        }
        // One record per line between the brackets.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == (count == 0 ? 2 : count + 3))
    }

    @Test func jsonArrayOfManyChunks() throws {
        // Narrow records keep the parse quick; the wide ones are covered above.
        let chunks = try OutputTestSupport.chunks(OutputFailingGenerator(), count: 25_001, format: .json)
        #expect(chunks.map(\.recordCount) == [10_000, 10_000, 5_001])
        let value = try #require(JSONTestDecoder.decode(bytes: chunks.flatMap(\.bytes)), "not JSON")
        let array = try #require(value.arrayValue)
        #expect(array.count == 25_001)
        #expect(array.enumerated().allSatisfy { $0.element == .object(["id": .integer($0.offset)]) })
    }

    @Test func jsonFramingIsExact() throws {
        #expect(try OutputTestSupport.output(generator, count: 0, format: .json) == Array("[]\n".utf8))
        let one = String(decoding: try OutputTestSupport.output(OutputFailingGenerator(), count: 2, format: .json), as: UTF8.self)
        #expect(one == "[\n{\"id\":0},\n{\"id\":1}\n]\n")
        #expect(try OutputTestSupport.output(generator, count: 0, format: .ndjson) == [])
    }

    @Test func csvQuotesOnlyTheCellsThatNeedIt() {
        let columns = ["plain", "quote", "lf", "comma", "cr", "tab", "empty", "null", "number", "json", "utf8"]
        let row = OutputTestSupport.encode(.csv, columns: columns) { record in
            record.text("plain")
            record.text("say \"hi\"")
            record.text("two\nlines")
            record.text("a,b")
            record.text("a\rb")
            record.text("a\tb")
            record.text("")
            record.null()
            record.decimal(units: -1999, scale: 2)
            record.json(.object(["k": "v", "n": 1]))
            record.text("Zoë")
        }
        #expect(row == #"plain,"say ""hi""","two"# + "\n" + #"lines","a,b","a"# + "\r" + #"b""# + ",a\tb,\"\",,-19.99,\"{\"\"k\"\":\"\"v\"\",\"\"n\"\":1}\",Zoë\r\n")
    }

    @Test func cellsNeedingQuotesAtEveryPositionRoundTrip() throws {
        // As for JSON escapes: a special byte before, inside and after each eight-byte word,
        // in a row that is otherwise plain and in one that is quoted anyway.
        for length in 1...34 {
            for position in 0..<length {
                for special in [",", "\"", "\n", "\r"] {
                    var characters = Array(repeating: "a", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    for other in ["plain", "a,b"] {
                        let row = OutputTestSupport.encode(.csv, columns: ["t", "o"]) { record in
                            record.text(text)
                            record.text(other)
                        }
                        #expect(try CSVTestReader.rows(row) == [[text, other]], "length \(length), position \(position)")
                    }
                }
            }
        }
    }

    @Test func csvHeaderAndMissingFields() throws {
        var encoder = RecordEncoder(format: .csv, columns: ["id", "a,b", "c\"d"])
        var output: [UInt8] = []
        encoder.begin(into: &output)
        var record = RecordBuffer()
        record.int(1)
        encoder.append(record, into: &output)
        encoder.end(into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "id,\"a,b\",\"c\"\"d\"\r\n1,,\r\n")
    }

    @Test func csvRoundTripsEveryRecord() throws {
        let bytes = try OutputTestSupport.output(generator, count: 40, seed: 5, format: .csv, batchSize: 16)
        let rows = try CSVTestReader.rows(String(decoding: bytes, as: UTF8.self))
        #expect(rows.count == 41)
        #expect(rows.first == generator.columns.map { Optional($0) })
        for (index, row) in rows.dropFirst().enumerated() {
            #expect(row.count == 7)
            guard row.count == 7 else { continue }
            #expect(row[0] == String(index))
            #expect(row[1] == String(OutputTestGenerator.int(seed: 5, index: index)))
            #expect(row[2] == OutputTestGenerator.names[index % OutputTestGenerator.names.count])
            #expect(row[3] == OutputTestGenerator.texts[index % OutputTestGenerator.texts.count])
            #expect(row[4].flatMap { JSONTestDecoder.decode($0) } == OutputTestGenerator.nested(index))
            #expect(row[5] == (index % 2 == 0 ? "true" : "false"))
            #expect(row[6] == nil)
        }
    }

    @Test func csvTrickyCellRoundTrips() throws {
        let tricky = "\"a\",\r\n\"\"b,, \"é\n\""
        for prefix in ["", "long enough to fill a word: "] {
            let row = OutputTestSupport.encode(.csv, columns: ["x", "y"]) { record in
                record.text(prefix + tricky)
                record.text(tricky + prefix)
            }
            #expect(try CSVTestReader.rows(row) == [[prefix + tricky, tricky + prefix]])
        }
    }

    @Test func documentsInEveryFormat() throws {
        let documents = OutputDocumentGenerator(columns: ["id", "name", "extra"]) { index in
            var object: JSONObject = ["id": .integer(index), "name": "Lee, \"Bo\"", "score": 1.5]
            if index == 1 { object["extra"] = .array([.object(["k": .null]), .double(2)]) }
            return .object(object)
        }
        let ndjson = OutputTestSupport.lines(try OutputTestSupport.output(documents, count: 2, format: .ndjson))
        #expect(ndjson.map { String(decoding: $0, as: UTF8.self) } == [
            #"{"id":0,"name":"Lee, \"Bo\"","score":1.5}"#,
            #"{"id":1,"name":"Lee, \"Bo\"","score":1.5,"extra":[{"k":null},2.0]}"#,
        ])
        let json = try OutputTestSupport.output(documents, count: 2, format: .json)
        #expect(JSONTestDecoder.decode(bytes: json)?.arrayValue?.count == 2)
        let csv = String(decoding: try OutputTestSupport.output(documents, count: 2, format: .csv), as: UTF8.self)
        #expect(csv == "id,name,extra\r\n0,\"Lee, \"\"Bo\"\"\",\r\n1,\"Lee, \"\"Bo\"\"\",\"[{\"\"k\"\":null},2.0]\"\r\n")
    }

    @Test func nonObjectDocumentsInCSV() throws {
        let values = OutputDocumentGenerator(columns: []) { index in
            index == 0 ? .string("a,b") : index == 1 ? .integer(7) : .array([.null, "x"])
        }
        let csv = String(decoding: try OutputTestSupport.output(values, count: 3, format: .csv), as: UTF8.self)
        #expect(csv == "value\r\n\"a,b\"\r\n7\r\n\"[null,\"\"x\"\"]\"\r\n")
        let named = OutputDocumentGenerator(columns: ["a", "b"]) { _ in .string("s") }
        #expect(String(decoding: try OutputTestSupport.output(named, count: 1, format: .csv), as: UTF8.self) == "a,b\r\ns,\r\n")
    }

    @Test func recordCountAndBeginRestart() {
        var encoder = RecordEncoder(format: .json, columns: ["a"])
        var output: [UInt8] = []
        encoder.begin(into: &output)
        var record = RecordBuffer()
        record.int(1)
        encoder.append(record, into: &output)
        #expect(encoder.recordCount == 1)
        encoder.begin(into: &output)
        #expect(encoder.recordCount == 0)
    }
}
