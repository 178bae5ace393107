/// A `SpellingSink` over caller-provided memory (a stack buffer): a whole record's text is
/// spelled with plain stores, then each field reaches the `RecordBuffer` in one append,
/// instead of one array append (uniqueness check, capacity check, `memmove`) per word.
struct ScratchSink: SpellingSink {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        base = buffer.baseAddress!
        capacity = buffer.count
    }

    /// The bytes spelled since `start`.
    @inline(__always)
    func bytes(from start: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: count - start)
    }

    /// Copies eight bytes at a time, so it may read up to seven bytes past the end of
    /// `bytes`: only for slices of a `ByteStore`, whose storage is padded for this.
    @inline(__always)
    mutating func spell(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        precondition(count + length + 8 <= capacity, "ScratchSink overflow")
        // Words are short: whole-word moves beat a `memmove` call per word.
        let source = UnsafeRawPointer(bytes.baseAddress!)
        let target = UnsafeMutableRawPointer(base + count)
        var offset = 0
        while offset < length {
            target.storeBytes(of: source.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        count += length
    }

    @inline(__always)
    mutating func spell(byte: UInt8) {
        precondition(count < capacity, "ScratchSink overflow")
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func spell(digits value: Int, width: Int) {
        var magnitude = value.magnitude
        if value < 0 { spell(byte: 0x2D) }
        var length = 1
        var probe = magnitude / 10
        while probe > 0 {
            length += 1
            probe /= 10
        }
        let total = max(length, width)
        precondition(count + total <= capacity, "ScratchSink overflow")
        var position = count + total
        for _ in 0..<length {
            position -= 1
            base[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
        }
        while position > count {
            position -= 1
            base[position] = 0x30
        }
        count += total
    }
}
