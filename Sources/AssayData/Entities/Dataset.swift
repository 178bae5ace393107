/// Several entities generated together so every reference resolves inside the dataset:
/// the entity context's pool sizes are the dataset's counts, so an order's user is one of
/// the dataset's users and its products are among the dataset's products.
public struct Dataset: Sendable {
    /// The dataset's seed.
    public let seed: UInt64
    /// The locale of names, places and currency.
    public let locale: LocalePack
    /// What every member's generator knows of the dataset.
    public let context: EntityContext
    /// Catalog positions and counts, in dependency order.
    private let entries: [(position: Int, count: Int)]

    /// A dataset of `counts` records per entity (names as ``EntityCatalog/named(_:)``
    /// accepts them). An entity listed twice gets its last count.
    ///
    /// - Throws: `DataError(.unknownEntity)` for a name that is not in the catalog,
    ///   `DataError(.unsatisfiable)` for a negative count.
    public init(counts: [(entity: String, count: Int)], seed: UInt64, locale: LocalePack) throws(DataError) {
        var byPosition = [Int: Int]()
        for (name, count) in counts {
            guard let position = EntityCatalog.position(of: name) else {
                _ = try EntityCatalog.named(name)
                continue
            }
            guard count >= 0 else {
                throw DataError(.unsatisfiable, "The count of '\(name)' is \(count); a dataset needs 0 or more records of each entity")
            }
            byPosition[position] = count
        }
        entries = byPosition.keys.sorted().map { (position: $0, count: byPosition[$0] ?? 0) }
        var pools = [String: Int]()
        for entry in entries {
            pools[EntityCatalog.all[entry.position].entityName] = entry.count
        }
        self.seed = seed
        self.locale = locale
        context = EntityContext(seed: seed, locale: locale, counts: pools)
    }

    /// Generators in dependency order (users and products before carts and orders, orders
    /// before payments), each with its count.
    public var members: [(entity: any EntityGenerator.Type, generator: any RecordGenerator, count: Int)] {
        entries.map { entry in
            let entity = EntityCatalog.all[entry.position]
            return (entity: entity, generator: entity.init(context: context), count: entry.count)
        }
    }

    /// How many records of `entity` the dataset has (0 when it is not listed).
    public func count(of entity: String) -> Int {
        guard let position = EntityCatalog.position(of: entity) else { return 0 }
        return entries.first { $0.position == position }?.count ?? 0
    }

    /// Entities that members reference but the dataset has no records of (listed with
    /// count 0, or not listed): such references point outside the dataset, to records a
    /// default-sized pool would have. Each is named once, in catalog order.
    public var missingReferences: [String] {
        var missing = [String]()
        for entry in entries where entry.count > 0 {
            for referenced in EntityCatalog.references(of: EntityCatalog.all[entry.position].entityName)
            where count(of: referenced) == 0 && !missing.contains(referenced) {
                missing.append(referenced)
            }
        }
        return EntityCatalog.names.filter { missing.contains($0) }
    }
}
