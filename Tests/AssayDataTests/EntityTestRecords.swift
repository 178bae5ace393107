import OrderedCollections
import Testing

@testable import AssayCore
@testable import AssayData

/// Generated entity records read back as JSON, the way a consumer of the output sees them.
enum EntityTestRecords {
    /// The record in `buffer` as a JSON object of `columns`.
    static func object(_ buffer: RecordBuffer, columns: [String]) throws -> JSONValue {
        var object = JSONObject()
        for (column, field) in zip(columns, buffer.fields) {
            let bytes = Array(buffer.slice(field))
            switch field.kind {
            case .null: object[column] = .null
            case .text: object[column] = .string(String(decoding: bytes, as: UTF8.self))
            case .literal, .json: object[column] = try parse(bytes)
            }
        }
        return .object(object)
    }

    /// Parses JSON text with the loader's own parser.
    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONParser.parse(bytes, limits: .default, deadline: Deadline(seconds: 60)).0
    }

    /// Records `0..<count` of `generator`, as JSON objects.
    static func records(_ generator: any RecordGenerator, count: Int, seed: UInt64 = 0) throws -> [JSONValue] {
        var buffer = RecordBuffer()
        var result = [JSONValue]()
        for index in 0..<count {
            buffer.reset()
            var random = SeededRandom(seed: seed, stream: UInt64(index))
            try generator.generate(index: index, random: &random, into: &buffer)
            #expect(buffer.fields.count == generator.columns.count)
            result.append(try object(buffer, columns: generator.columns))
        }
        return result
    }

    /// Every byte and field boundary of records `0..<count`, for comparing two runs.
    static func bytes(_ generator: any RecordGenerator, count: Int) throws -> [UInt8] {
        var buffer = RecordBuffer()
        var output = [UInt8]()
        for index in 0..<count {
            buffer.reset()
            var random = SeededRandom(seed: 0, stream: UInt64(index))
            try generator.generate(index: index, random: &random, into: &buffer)
            for field in buffer.fields {
                output.append(field.kind.rawValue)
                output.append(contentsOf: buffer.slice(field))
                output.append(0)
            }
        }
        return output
    }

    /// Every member of `dataset`, generated and read back, keyed by entity name.
    static func records(of dataset: Dataset) throws -> [String: [JSONValue]] {
        var result = [String: [JSONValue]]()
        for member in dataset.members {
            result[member.entity.entityName] = try records(member.generator, count: member.count)
        }
        return result
    }
}
