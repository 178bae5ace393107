import AssayCore
import Foundation

/// The targets of the local `$ref`s a generator has followed, shared by every value it
/// makes: the same few references are followed for every record, and parsing the pointer
/// and walking the document each time cost more than the lookup.
final class ReferenceCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`; a reference that resolves to nothing is kept too.
    private var entries: [String: JSONValue?] = [:]

    /// The cached target of `reference`, or the one `resolve` finds (then kept).
    func target(of reference: String, resolve: (String) -> JSONValue?) -> JSONValue? {
        if let cached = lock.withLock({ entries[reference] }) { return cached }
        let target = resolve(reference)
        lock.withLock {
            // A document has a bounded number of references; the bound only guards memory.
            if entries.count > 16_384 { entries.removeAll(keepingCapacity: true) }
            entries[reference] = .some(target)
        }
        return target
    }
}
