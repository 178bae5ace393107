import Foundation

/// Values a generator derives from its document by text (a reference's target, the shape
/// of a schema that is only a reference), shared by every value it makes and by the
/// threads that make them: the same few keys recur in every record, and deriving them
/// again each time cost more than the lookup.
final class MemoCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var entries: [String: Value] = [:]

    /// The value kept for `key`, or the one `make` derives (then kept).
    func value(for key: String, make: () -> Value) -> Value {
        if let cached = lock.withLock({ entries[key] }) { return cached }
        let value = make()
        lock.withLock {
            // A document has a bounded number of keys; the bound only guards memory.
            if entries.count > 16_384 { entries.removeAll(keepingCapacity: true) }
            entries[key] = value
        }
        return value
    }
}
