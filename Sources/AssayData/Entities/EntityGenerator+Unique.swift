extension EntityGenerator {
    /// A generator for the entity with the fields in `unique` guaranteed distinct across
    /// records.
    ///
    /// Ids are distinct by construction (their last 48 bits are a bijection of the index);
    /// a user's email becomes distinct by ending its local part in the index. Other fields
    /// repeat by nature (a country, a rating) and are refused.
    public static func make(context: EntityContext, unique: [String]) throws(DataError) -> any RecordGenerator {
        var generator = Self(context: context)
        for field in unique {
            if field == "id" { continue }
            if field == "email", var user = generator as? UserEntity {
                user.uniqueEmails = true
                generator = user as! Self
                continue
            }
            let distinct = Self.entityName == UserEntity.entityName ? "id, email" : "id"
            throw DataError(
                .uniqueness,
                "--unique \(field): \(Self.entityName) records can be made unique by \(distinct) only",
                details: ["columns: " + generator.columns.joined(separator: ", ")]
            )
        }
        return generator
    }
}
