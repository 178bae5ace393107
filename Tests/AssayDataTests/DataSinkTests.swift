import AssayCore
@testable import AssayData
import OrderedCollections
import Foundation
import Synchronization
import Testing

struct DataSinkTests {
    let generator = OutputTestGenerator()

    private func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("assay-sink-\(UUID().uuidString)-\(name)").path
    }

    @Test(arguments: DataFormat.allCases)
    func aFileHoldsExactlyTheChunks(format: DataFormat) async throws {
        let path = temporaryPath("out.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Something longer is truncated away.
        try Data(repeating: 0x41, count: 100_000).write(to: URL(fileURLWithPath: path))
        let stream = DataStream(generator: generator, count: 25, seed: 9, format: format, batchSize: 10)
        let reports = Mutex<[Int]>([])
        let written = try await DataSink.write(stream, toPath: path) { count in reports.withLock { $0.append(count) } }
        #expect(written == 25)
        #expect(reports.withLock { $0 } == [10, 20, 25])
        let expected = try OutputTestSupport.output(generator, count: 25, seed: 9, format: format, batchSize: 10)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == expected)
    }

    @Test func anUnwritablePathIsAnIOErrorNamingIt() async {
        let path = temporaryPath("missing-directory") + "/out.ndjson"
        let stream = DataStream(generator: generator, count: 5, seed: 1, format: .ndjson)
        do {
            _ = try await DataSink.write(stream, toPath: path)
            Issue.record("writing into a missing directory succeeded")
        } catch {
            #expect(error.code == .io)
            #expect(error.message.contains(path))
        }
    }

    @Test func aGeneratorErrorPassesThrough() async {
        let path = temporaryPath("failing.ndjson")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DataStream(generator: OutputFailingGenerator(failingIndex: 3), count: 5, seed: 1, format: .ndjson)
        do {
            _ = try await DataSink.write(stream, toPath: path)
            Issue.record("the failing generator did not fail the write")
        } catch {
            #expect(error.code == .unsatisfiable)
        }
    }

    @Test func cancellationLeavesAnIncompleteFileAndSaysSo() async throws {
        let path = temporaryPath("cancelled.ndjson")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DataStream(generator: generator, count: 1_000, seed: 1, format: .ndjson, batchSize: 10)
        let result = await Task { () -> Result<Int, DataError> in
            do throws(DataError) {
                return .success(try await DataSink.write(stream, toPath: path) { written in
                    if written == 20 { withUnsafeCurrentTask { $0?.cancel() } }
                })
            } catch {
                return .failure(error)
            }
        }.value
        guard case .failure(let error) = result else {
            Issue.record("a cancelled write reported success")
            return
        }
        #expect(error.code == .io)
        #expect(error.message.contains("cancelled after 20 of 1000 records"))
        let lines = OutputTestSupport.lines(try Array(Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(lines.count == 20)
    }

    @Test func standardOutputWithNothingToWrite() async throws {
        let stream = DataStream(generator: generator, count: 0, seed: 1, format: .ndjson)
        #expect(try await DataSink.write(stream, toPath: nil) == 0)
    }
}
