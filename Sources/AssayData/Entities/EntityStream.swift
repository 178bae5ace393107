/// The random sources and ids of one entity's records, with the per-entity seed mixing
/// done once instead of once per record.
///
/// It computes exactly what `EntityContext.random(entity:index:)` and
/// `EntityContext.id(of:index:)` compute (a test holds them together); generators use it
/// because hashing the entity name, allocating an id array per reference and spelling it
/// a byte at a time would cost more than the rest of a record.
struct EntityStream: Sendable {
    /// The entity's name, as the context knows it.
    let entity: String
    /// How many records of the entity references may point at.
    let count: Int
    private let recordSeed: UInt64
    private let idSeed: UInt64

    init(_ entity: String, context: EntityContext) {
        self.entity = entity
        count = context.count(of: entity)
        let name = SeededRandom.hash(entity)
        recordSeed = SeededRandom.mix(context.seed, name)
        idSeed = SeededRandom.mix(context.seed ^ 0x1D1D_1D1D_1D1D_1D1D, name)
    }

    /// The random source of record `index` (what `EntityContext.random(entity:index:)` gives).
    @inline(__always)
    func random(_ index: Int) -> SeededRandom {
        SeededRandom(seed: recordSeed, stream: UInt64(truncatingIfNeeded: index))
    }

    /// A uniformly drawn index of a record of this entity.
    @inline(__always)
    func draw(_ random: inout SeededRandom) -> Int {
        random.index(count)
    }

    /// Appends record `index`'s id (what `EntityContext.id(of:index:)` gives) to `sink`.
    @inline(__always)
    func putID<Sink: ByteSink>(_ index: Int, to sink: inout Sink) {
        withID(index) { sink.put($0) }
    }

    /// A text field holding record `index`'s id.
    @inline(__always)
    func writeID(_ index: Int, into record: inout RecordBuffer) {
        withID(index) { record.text($0) }
    }

    /// Spells the id on the stack: the two draws and bit masks of `UUIDText.append`, with
    /// the low 48 bits replaced by `UUIDText.permute48(index ^ key)` as
    /// `UUIDText.bytes(random:uniqueIndex:)` does.
    @inline(__always)
    private func withID(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var random = SeededRandom(seed: idSeed, stream: UInt64(truncatingIfNeeded: index))
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let drawn = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let low = (drawn & ~Self.low48) | UUIDText.permute48(UInt64(truncatingIfNeeded: index) ^ EntityContext.idKey(idSeed))
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            Self.putHex(high >> 32, digits: 8, text, 0)
            text[8] = 0x2D
            Self.putHex(high >> 16, digits: 4, text, 9)
            text[13] = 0x2D
            Self.putHex(high, digits: 4, text, 14)
            text[18] = 0x2D
            Self.putHex(low >> 48, digits: 4, text, 19)
            text[23] = 0x2D
            Self.putHex(low, digits: 12, text, 24)
            body(UnsafeBufferPointer(text))
        }
    }

    private static let low48: UInt64 = (1 << 48) - 1

    /// Writes the low `digits` nibbles of `word` as lowercase hex at `at`.
    @inline(__always)
    private static func putHex(_ word: UInt64, digits: Int, _ text: UnsafeMutableBufferPointer<UInt8>, _ at: Int) {
        var word = word
        var position = at + digits
        while position > at {
            position -= 1
            let nibble = UInt8(truncatingIfNeeded: word & 0xF)
            text[position] = nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble
            word >>= 4
        }
    }
}
