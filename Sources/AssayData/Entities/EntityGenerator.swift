public import AssayCore

/// A built-in entity of the catalog (user, product, cart, order, payment, review).
///
/// An entity's records are a pure function of `(seed, entity name, index)`: record `k` of
/// any entity can be recomputed alone. That is how references stay valid without keeping
/// anything in memory: an order for user 17 asks the context for user 17's id, and a line
/// item for product 42 recomputes product 42's price.
public protocol EntityGenerator: RecordGenerator {
    /// The catalog name: `user`, `product`, …
    static var entityName: String { get }
    /// One line for `assay data --list`.
    static var summary: String { get }
    /// The JSON Schema (2020-12) every record satisfies.
    static var schema: JSONValue { get }
    /// A generator for the dataset described by `context`.
    init(context: EntityContext)
}

/// What an entity generator knows of the dataset it belongs to.
public struct EntityContext: Sendable {
    /// The dataset's seed.
    public var seed: UInt64
    /// The locale of names, places, phone numbers and currency.
    public var locale: LocalePack
    /// How many records each entity has (the pools references draw from).
    public var counts: [String: Int]

    /// Pool size used for an entity the dataset does not list.
    public static let defaultPoolSize = 1000

    public init(seed: UInt64, locale: LocalePack, counts: [String: Int] = [:]) {
        self.seed = seed
        self.locale = locale
        self.counts = counts
    }

    /// How many records of `entity` exist to be referenced.
    public func count(of entity: String) -> Int {
        max(1, counts[entity] ?? Self.defaultPoolSize)
    }

    /// The random source of record `index` of `entity`, independent of every other record:
    /// what a generator uses to recompute another entity's fields (a product's price).
    public func random(entity: String, index: Int) -> SeededRandom {
        SeededRandom(seed: SeededRandom.mix(seed, SeededRandom.hash(entity)), stream: UInt64(truncatingIfNeeded: index))
    }

    /// The id of record `index` of `entity`: a version-4 UUID (36 ASCII bytes) from a stream
    /// of its own, so every entity can name any other record without generating it; its
    /// last 12 hex digits are a bijection of the index, so ids never repeat.
    public func id(of entity: String, index: Int) -> [UInt8] {
        let idSeed = SeededRandom.mix(seed ^ 0x1D1D_1D1D_1D1D_1D1D, SeededRandom.hash(entity))
        var random = SeededRandom(seed: idSeed, stream: UInt64(truncatingIfNeeded: index))
        // The per-entity key keeps record k of two entities from sharing their last digits.
        return UUIDText.bytes(random: &random, uniqueIndex: UInt64(truncatingIfNeeded: index) ^ Self.idKey(idSeed))
    }

    /// The 48-bit key an entity's id seed mixes into record indexes (xor with a constant
    /// keeps the index-to-id mapping one-to-one).
    @inline(__always)
    static func idKey(_ idSeed: UInt64) -> UInt64 {
        (idSeed >> 16) & 0xFFFF_FFFF_FFFF
    }
}
