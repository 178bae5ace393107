/// A run of consecutive records, encoded: one step of a `DataStream`.
public struct DataChunk: Sendable {
    /// The chunk's number, from 0.
    public var index: Int
    /// The index of its first record.
    public var firstRecord: Int
    /// How many records it holds.
    public var recordCount: Int
    /// The encoded bytes, with the format's opening (first chunk) and closing (final chunk)
    /// where they fall: the concatenation of every chunk's bytes is the whole output.
    public var bytes: [UInt8]
    /// Whether this is the last chunk.
    public var isFinal: Bool

    public init(index: Int, firstRecord: Int, recordCount: Int, bytes: [UInt8], isFinal: Bool) {
        self.index = index
        self.firstRecord = firstRecord
        self.recordCount = recordCount
        self.bytes = bytes
        self.isFinal = isFinal
    }
}
