import AssayCore
import OrderedCollections

/// The resources a mock holds: what was created, updated and deleted during its lifetime.
///
/// Resources are keyed by their item path's percent-decoded segments without the base
/// path (`["owners", "7", "pets", "12"]`), so a pet of owner 7 is not a pet of owner 8.
struct ResourceStore: Sendable {
    /// The members of each stored resource, as its success responses show them.
    private(set) var records: [[String]: JSONObject] = [:]
    /// Item paths deleted and not created again: reading them gives 404.
    private(set) var deleted: Set<[String]> = []
    /// The last integer id issued per collection.
    private var lastInteger: [[String]: Int] = [:]

    func record(at key: [String]) -> JSONObject? {
        records[key]
    }

    /// Whether anything was deleted at all (lists need no scrubbing otherwise).
    var hasDeletions: Bool { !deleted.isEmpty }

    func isDeleted(_ key: [String]) -> Bool {
        deleted.contains(key)
    }

    func contains(_ key: [String]) -> Bool {
        records[key] != nil
    }

    mutating func store(_ record: JSONObject, at key: [String]) {
        records[key] = record
        deleted.remove(key)
    }

    mutating func delete(_ key: [String]) {
        records[key] = nil
        deleted.insert(key)
    }

    /// The next integer id of a collection: one past the last issued.
    mutating func nextInteger(in collection: [String]) -> Int {
        let next = (lastInteger[collection] ?? 0) + 1
        lastInteger[collection] = next
        return next
    }
}
