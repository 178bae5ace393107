/// Generates and encodes records chunk by chunk, synchronously: the engine under
/// `DataStream`, usable alone where no concurrency is wanted.
///
/// Record `i` is generated from `SeededRandom(seed: seed, stream: UInt64(i))` into one
/// reused `RecordBuffer` and encoded into one reused byte buffer, so memory stays at one
/// chunk whatever the count. There is always at least one chunk (with no records it
/// carries the format's framing: `[]` for JSON, the header for CSV).
public struct DataChunkProducer: Sendable {
    /// How many records the whole output holds.
    public let count: Int
    /// The seed of every record's random source.
    public let seed: UInt64
    /// Records per chunk (the last chunk may hold fewer).
    public let batchSize: Int
    /// The encoder, which knows the format and the columns.
    public private(set) var encoder: RecordEncoder
    private let generator: any RecordGenerator
    private var record = RecordBuffer()
    private var buffer: [UInt8] = []
    private var nextChunk = 0
    private var nextRecord = 0
    /// Whether every chunk has been produced (or production stopped on an error).
    public private(set) var isFinished = false

    /// - Parameters:
    ///   - count: records in all (negative counts as 0).
    ///   - batchSize: records per chunk (at least 1).
    public init(generator: any RecordGenerator, count: Int, seed: UInt64, format: DataFormat, batchSize: Int = 10_000) {
        self.generator = generator
        self.count = max(0, count)
        self.seed = seed
        self.batchSize = max(1, batchSize)
        encoder = RecordEncoder(format: format, columns: generator.columns)
    }

    /// The next chunk, or nil when every chunk has been produced. A generator's error ends
    /// production: it is thrown once, and later calls return nil.
    public mutating func next() throws(DataError) -> DataChunk? {
        guard !isFinished else { return nil }
        let first = nextRecord
        let recordCount = min(batchSize, count - first)
        // Unique again once the consumer has dropped the previous chunk, so this keeps
        // the storage; otherwise it allocates a buffer of the same capacity.
        buffer.removeAll(keepingCapacity: true)
        if nextChunk == 0 { encoder.begin(into: &buffer) }
        for index in first..<(first + recordCount) {
            record.reset()
            var random = SeededRandom(seed: seed, stream: UInt64(truncatingIfNeeded: index))
            do {
                try generator.generate(index: index, random: &random, into: &record)
            } catch {
                isFinished = true
                throw error
            }
            encoder.append(record, into: &buffer)
        }
        nextRecord = first + recordCount
        let isFinal = nextRecord >= count
        if isFinal {
            encoder.end(into: &buffer)
            isFinished = true
        }
        let chunk = DataChunk(index: nextChunk, firstRecord: first, recordCount: recordCount, bytes: buffer, isFinal: isFinal)
        nextChunk += 1
        return chunk
    }

    /// Stops production: later calls to `next` return nil.
    public mutating func finish() {
        isFinished = true
    }
}
