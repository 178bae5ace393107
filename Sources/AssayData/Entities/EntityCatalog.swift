/// The built-in entities, in dependency order: an entity only references entities listed
/// before it.
public enum EntityCatalog {
    /// Every built-in entity: user, product, cart, order, payment, review.
    public static let all: [any EntityGenerator.Type] = [
        UserEntity.self, ProductEntity.self, CartEntity.self, OrderEntity.self, PaymentEntity.self, ReviewEntity.self,
    ]

    /// The catalog names, in dependency order.
    public static var names: [String] { all.map { $0.entityName } }

    /// The entity called `name`: case does not matter, and the plural works too
    /// (`users`, `Orders`).
    ///
    /// - Throws: `DataError(.unknownEntity)` naming the known entities.
    public static func named(_ name: String) throws(DataError) -> any EntityGenerator.Type {
        if let index = position(of: name) { return all[index] }
        throw DataError(
            .unknownEntity,
            "Unknown entity '\(name)'; known entities: \(names.joined(separator: ", "))",
            details: names
        )
    }

    /// The entities whose ids the records of `entity` contain (an order names a user and
    /// products). A dataset that omits one of them has references that point outside it.
    public static func references(of entity: String) -> [String] {
        switch entity {
        case CartEntity.entityName, OrderEntity.entityName: return [UserEntity.entityName, ProductEntity.entityName]
        case PaymentEntity.entityName: return [OrderEntity.entityName]
        case ReviewEntity.entityName: return [ProductEntity.entityName, UserEntity.entityName]
        default: return []
        }
    }

    /// Where `name` (any case, singular or plural) sits in ``all``.
    static func position(of name: String) -> Int? {
        let wanted = name.lowercased()
        return all.firstIndex { $0.entityName == wanted || $0.entityName + "s" == wanted }
    }
}
