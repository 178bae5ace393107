import AssayCore
@testable import AssayData
import OrderedCollections
import Testing

struct DataStreamTests {
    let generator = OutputTestGenerator()

    private func collect(_ stream: DataStream) async throws(DataError) -> [DataChunk] {
        var chunks: [DataChunk] = []
        for try await chunk in stream { chunks.append(chunk) }
        return chunks
    }

    @Test func chunksNumberTheirRecords() async throws {
        let chunks = try await collect(DataStream(generator: generator, count: 25, seed: 1, format: .ndjson, batchSize: 10))
        #expect(chunks.map(\.index) == [0, 1, 2])
        #expect(chunks.map(\.firstRecord) == [0, 10, 20])
        #expect(chunks.map(\.recordCount) == [10, 10, 5])
        #expect(chunks.map(\.isFinal) == [false, false, true])
        #expect(chunks.map { OutputTestSupport.lines($0.bytes).count } == [10, 10, 5])
        // Each chunk starts at its first record.
        let firstOfLast = try #require(JSONTestDecoder.decode(bytes: OutputTestSupport.lines(chunks[2].bytes)[0]))
        #expect(firstOfLast == OutputTestGenerator.expected(seed: 1, index: 20))
    }

    @Test func anExactMultipleEndsOnAFullChunk() async throws {
        let chunks = try await collect(DataStream(generator: generator, count: 20, seed: 1, format: .json, batchSize: 10))
        #expect(chunks.map(\.recordCount) == [10, 10])
        #expect(chunks.map(\.isFinal) == [false, true])
        #expect(chunks[0].bytes.first == UInt8(ascii: "["))
        #expect(Array(chunks[1].bytes.suffix(3)) == Array("\n]\n".utf8))
    }

    @Test(arguments: DataFormat.allCases)
    func noRecordsIsOneFinalChunkOfFraming(format: DataFormat) async throws {
        let chunks = try await collect(DataStream(generator: generator, count: 0, seed: 1, format: format))
        #expect(chunks.count == 1)
        #expect(chunks.first?.isFinal == true)
        #expect(chunks.first?.recordCount == 0)
        let expected = switch format {
        case .ndjson: ""
        case .json: "[]\n"
        case .csv: "id,int,name,text,nested,flag,missing\r\n"
        }
        #expect(chunks.first.map { String(decoding: $0.bytes, as: UTF8.self) } == expected)
    }

    @Test(arguments: DataFormat.allCases)
    func sameSeedSameBytesAndBatchSizeDoesNotMatter(format: DataFormat) async throws {
        let first = try await collect(DataStream(generator: generator, count: 60, seed: 42, format: format, batchSize: 7)).flatMap(\.bytes)
        let again = try await collect(DataStream(generator: generator, count: 60, seed: 42, format: format, batchSize: 7)).flatMap(\.bytes)
        let oneChunk = try await collect(DataStream(generator: generator, count: 60, seed: 42, format: format)).flatMap(\.bytes)
        let otherSeed = try await collect(DataStream(generator: generator, count: 60, seed: 43, format: format, batchSize: 7)).flatMap(\.bytes)
        #expect(!first.isEmpty)
        #expect(first == again)
        #expect(first == oneChunk)
        #expect(first != otherSeed)
    }

    @Test func aGeneratorErrorEndsTheStream() async throws {
        let stream = DataStream(generator: OutputFailingGenerator(failingIndex: 15), count: 40, seed: 1, format: .ndjson, batchSize: 10)
        var iterator = stream.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first?.recordCount == 10)
        do {
            _ = try await iterator.next()
            Issue.record("the failing record did not end the stream")
        } catch {
            #expect(error.code == .unsatisfiable)
            #expect(error.message == "record 15 cannot be made")
        }
        #expect(try await iterator.next() == nil)
    }

    @Test func cancellationStopsTheStream() async throws {
        let stream = DataStream(generator: generator, count: 1_000, seed: 1, format: .ndjson, batchSize: 10)
        let seen = await Task { () -> [Int] in
            var seen: [Int] = []
            do {
                for try await chunk in stream {
                    seen.append(chunk.index)
                    if chunk.index == 2 { withUnsafeCurrentTask { $0?.cancel() } }
                }
            } catch {
                Issue.record("cancellation is not an error of the stream: \(error)")
            }
            return seen
        }.value
        #expect(seen == [0, 1, 2])
    }

    @Test func theProducerWorksAlone() throws {
        var producer = DataStream(generator: generator, count: 3, seed: 1, format: .csv, batchSize: 2).makeProducer()
        #expect(try producer.next()?.recordCount == 2)
        #expect(!producer.isFinished)
        #expect(try producer.next()?.isFinal == true)
        #expect(producer.isFinished)
        #expect(try producer.next() == nil)
    }
}
