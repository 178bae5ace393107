import AssayCore
@testable import AssayData
import OrderedCollections

/// A record generator for the writer tests: one field of every kind, with text that needs
/// every escape JSON and CSV have (quotes, newlines, control bytes, commas, UTF-8).
struct OutputTestGenerator: RecordGenerator {
    let columns = ["id", "int", "name", "text", "nested", "flag", "missing"]

    static let names = ["Ada Lovelace", "Zoë Ångström", "李小龙", "O'Brien 🙂", "Émile, Jr."]
    static let texts = [
        "plain",
        "with \"quotes\"",
        "line\nbreak",
        "comma, here",
        "tab\tand\\backslash",
        "\u{01}control\u{1F}",
        "",
        "crlf\r\nend",
        "a string longer than sixteen bytes that ends in a quote\"",
        "\"",
    ]

    /// The value of column `int` for record `index` under `seed`.
    static func int(seed: UInt64, index: Int) -> Int {
        var random = SeededRandom(seed: seed, stream: UInt64(index))
        return random.int(in: -1_000_000...1_000_000)
    }

    static func nested(_ index: Int) -> JSONValue {
        .object(["index": .integer(index), "tags": .array(["a", "b,c"]), "quote": "say \"hi\"", "none": .null])
    }

    /// Record `index` as the JSON object it must read back as.
    static func expected(seed: UInt64, index: Int) -> JSONValue {
        .object([
            "id": .integer(index),
            "int": .integer(int(seed: seed, index: index)),
            "name": .string(names[index % names.count]),
            "text": .string(texts[index % texts.count]),
            "nested": nested(index),
            "flag": .bool(index % 2 == 0),
            "missing": .null,
        ])
    }

    func generate(index: Int, random: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        record.int(index)
        record.int(random.int(in: -1_000_000...1_000_000))
        record.text(Self.names[index % Self.names.count])
        record.text(Self.texts[index % Self.texts.count])
        record.json(Self.nested(index))
        record.bool(index % 2 == 0)
        record.null()
    }
}

/// Records made of whole documents, as schema-driven records are.
struct OutputDocumentGenerator: RecordGenerator {
    let columns: [String]
    let make: @Sendable (Int) -> JSONValue

    func generate(index: Int, random: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        record.setDocument(make(index))
    }
}

/// Records of one column, the index; fails at `failingIndex` when there is one.
struct OutputFailingGenerator: RecordGenerator {
    let columns = ["id"]
    var failingIndex: Int?

    func generate(index: Int, random: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        if index == failingIndex {
            throw DataError(.unsatisfiable, "record \(index) cannot be made")
        }
        record.int(index)
    }
}

enum OutputTestSupport {
    /// Every chunk of a producer, synchronously.
    static func chunks(_ generator: any RecordGenerator, count: Int, seed: UInt64 = 1, format: DataFormat, batchSize: Int = 10_000) throws -> [DataChunk] {
        var producer = DataChunkProducer(generator: generator, count: count, seed: seed, format: format, batchSize: batchSize)
        var chunks: [DataChunk] = []
        while let chunk = try producer.next() { chunks.append(chunk) }
        return chunks
    }

    /// The whole output of a producer.
    static func output(_ generator: any RecordGenerator, count: Int, seed: UInt64 = 1, format: DataFormat, batchSize: Int = 10_000) throws -> [UInt8] {
        try chunks(generator, count: count, seed: seed, format: format, batchSize: batchSize).flatMap(\.bytes)
    }

    /// One record encoded alone, without the format's framing.
    static func encode(_ format: DataFormat, columns: [String], _ fill: (inout RecordBuffer) -> Void) -> String {
        var record = RecordBuffer()
        fill(&record)
        var encoder = RecordEncoder(format: format, columns: columns)
        var output: [UInt8] = []
        encoder.append(record, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// The lines of NDJSON output (without the final empty one).
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        return lines
    }
}

/// A strict RFC 4180 reader for the tests. A cell is nil when it is empty and unquoted
/// (how a null is written), "" when it is `""`.
enum CSVTestReader {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func rows(_ text: String) throws -> [[String?]] {
        let bytes = Array(text.utf8)
        var rows: [[String?]] = []
        var row: [String?] = []
        var index = 0
        while index < bytes.count {
            var cell: [UInt8] = []
            var quoted = false
            if bytes[index] == 0x22 {
                quoted = true
                index += 1
                while true {
                    guard index < bytes.count else { throw Failure(description: "unterminated quoted cell") }
                    if bytes[index] == 0x22 {
                        if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                            cell.append(0x22)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    cell.append(bytes[index])
                    index += 1
                }
            } else {
                while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0D, bytes[index] != 0x0A {
                    if bytes[index] == 0x22 { throw Failure(description: "a quote inside an unquoted cell") }
                    cell.append(bytes[index])
                    index += 1
                }
            }
            row.append(quoted || !cell.isEmpty ? String(decoding: cell, as: UTF8.self) : nil)
            guard index < bytes.count else { throw Failure(description: "the last row has no line end") }
            switch bytes[index] {
            case 0x2C:
                index += 1
            case 0x0D:
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { throw Failure(description: "CR without LF") }
                index += 2
                rows.append(row)
                row = []
            default:
                throw Failure(description: "byte \(bytes[index]) after a cell (a bare LF, or text after a closing quote)")
            }
        }
        return rows
    }
}
