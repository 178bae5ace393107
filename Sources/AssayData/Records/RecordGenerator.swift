/// A source of records with a fixed list of columns: an entity of the built-in catalog,
/// or a schema (see `SchemaRecordGenerator`).
///
/// `generate` must be a pure function of `index` and `random`: the stream hands it
/// `SeededRandom(seed: seed, stream: index)` so that any record can be produced alone and
/// output is byte-identical for the same seed.
public protocol RecordGenerator: Sendable {
    /// Column names, in the order `generate` appends fields.
    var columns: [String] { get }

    /// Writes record `index` into `record`, which is already reset.
    func generate(index: Int, random: inout SeededRandom, into record: inout RecordBuffer) throws(DataError)
}
