/// The encoded records of a generator as an asynchronous sequence of chunks, so that ten
/// million records never sit in memory at once.
///
/// Each chunk generates `batchSize` records (the last may hold fewer), record `i` from
/// `SeededRandom(seed: seed, stream: UInt64(i))`, so the same arguments give the same
/// bytes in any process. The sequence checks for cancellation before each chunk and ends
/// (without an error) once its task is cancelled; a generator's `DataError` ends it with
/// that error.
public struct DataStream: AsyncSequence, Sendable {
    public typealias Element = DataChunk
    public typealias Failure = DataError

    /// The source of the records.
    public let generator: any RecordGenerator
    /// How many records the stream holds (negative counts as 0).
    public let count: Int
    public let seed: UInt64
    public let format: DataFormat
    /// Records per chunk (at least 1).
    public let batchSize: Int

    public init(generator: any RecordGenerator, count: Int, seed: UInt64, format: DataFormat, batchSize: Int = 10_000) {
        self.generator = generator
        self.count = Swift.max(0, count)
        self.seed = seed
        self.format = format
        self.batchSize = Swift.max(1, batchSize)
    }

    /// The synchronous producer of this stream's chunks.
    public func makeProducer() -> DataChunkProducer {
        DataChunkProducer(generator: generator, count: count, seed: seed, format: format, batchSize: batchSize)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(producer: makeProducer())
    }

    /// Produces the stream's chunks one `next()` at a time.
    public struct AsyncIterator: AsyncIteratorProtocol {
        public typealias Element = DataChunk
        public typealias Failure = DataError

        private var producer: DataChunkProducer
        private var started = false

        init(producer: DataChunkProducer) {
            self.producer = producer
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async throws(DataError) -> DataChunk? {
            try await produce(isolation: actor)
        }

        public mutating func next() async throws(DataError) -> DataChunk? {
            try await produce(isolation: nil)
        }

        private mutating func produce(isolation actor: isolated (any Actor)?) async throws(DataError) -> DataChunk? {
            guard !producer.isFinished else { return nil }
            // A chunk is a few milliseconds of work: yielding between chunks lets other
            // tasks (progress, signals) run on a busy executor.
            if started { await Task.yield() }
            started = true
            if Task.isCancelled {
                producer.finish()
                return nil
            }
            return try producer.next()
        }
    }
}
