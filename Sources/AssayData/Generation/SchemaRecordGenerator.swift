public import AssayCore
import OrderedCollections

/// Records from a schema: each record is one generated value, made unique in the fields
/// asked for.
///
/// Uniqueness is built in, not retried for: the field's value is rewritten with a part
/// that is a one-to-one function of the record's index (a UUID whose last 48 bits are a
/// permutation of the index, an email whose local part ends in the index in base 36, an
/// integer offset by the index), so ten million records cost ten million rewrites and no
/// lookups.
public struct SchemaRecordGenerator: RecordGenerator {
    public let columns: [String]
    let generator: SchemaValueGenerator
    let schema: JSONValue
    let pointer: JSONPointer
    let unique: [(name: String, shape: SchemaShape)]

    /// - Parameters:
    ///   - pointer: where the schema sits in the generator's document.
    ///   - unique: top-level properties whose values must differ in every record.
    public init(generator: SchemaValueGenerator, schemaAt pointer: JSONPointer, unique: [String] = []) throws(DataError) {
        guard let schema = generator.document.value(at: pointer) else {
            throw DataError(.invalidSchema, "there is no schema at \(pointer)", at: pointer)
        }
        self.generator = generator
        self.schema = schema
        self.pointer = pointer
        let shape = generator.shape(of: [schema])
        columns = shape.properties.keys.map { $0 }
        var fields: [(String, SchemaShape)] = []
        for name in unique {
            guard shape.properties[name] != nil || shape.allows(property: name) && !shape.properties.isEmpty else {
                throw DataError(
                    .uniqueness,
                    "--unique \(name): the schema has no property \"\(name)\"",
                    at: pointer,
                    details: ["properties: " + columns.joined(separator: ", ")]
                )
            }
            fields.append((name, generator.shape(of: shape.schemas(forProperty: name))))
        }
        self.unique = fields
    }

    public func generate(index: Int, random: inout SeededRandom, into record: inout RecordBuffer) throws(DataError) {
        var value = try generator.value(for: schema, at: pointer, random: &random)
        if !unique.isEmpty {
            guard case .object(var object) = value else {
                throw DataError(.uniqueness, "--unique needs object records; the schema produced \(value.kindName)", at: pointer)
            }
            var uniqueRandom = random.derived("unique")
            for field in unique {
                object[field.name] = try UniqueValue.make(
                    from: object[field.name],
                    shape: field.shape,
                    field: field.name,
                    index: index,
                    random: &uniqueRandom
                )
            }
            value = .object(object)
            let errors = generator.validator.validate(value, against: schema, schemaPointer: pointer)
            if let error = errors.first {
                throw DataError(
                    .uniqueness,
                    "--unique: the unique value written at \(error.instancePointer) breaks the schema (\(error.keyword): \(error.message))",
                    at: pointer,
                    details: ["unique values are the generated value with an index-derived part; a pattern or enum leaves no room for it"]
                )
            }
        }
        record.setDocument(value)
    }
}
