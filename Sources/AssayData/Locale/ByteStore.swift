/// Immutable bytes at a fixed address, read without reference counting or bounds checks
/// on the hot path (every record appends a dozen slices of locale data).
final class ByteStore: @unchecked Sendable {
    // Written once in `init`, never again: safe to share.
    let base: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        // Zeroed padding lets `ScratchSink` copy whole words past a slice's end.
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count + Self.padding)
        storage.initialize(repeating: 0)
        _ = storage.initialize(from: bytes)
        base = UnsafeMutableBufferPointer(rebasing: storage[..<bytes.count])
    }

    static let padding = 16

    deinit {
        base.deallocate()
    }

    /// The bytes at `start ..< start + count`.
    @inline(__always)
    func slice(_ start: Int32, _ count: Int32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base.baseAddress! + Int(start), count: Int(count))
    }
}
