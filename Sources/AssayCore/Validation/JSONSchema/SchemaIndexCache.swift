import Foundation

/// The identifier index of a prepared validator's documents, built once and shared by
/// every evaluation (walking a large description's schemas for `$id`s and anchors on each
/// call would cost more than most validations).
final class SchemaIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var index: SchemaIndex?

    /// The index, built by `build` on first use.
    func index(orBuild build: () -> SchemaIndex) -> SchemaIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let built = build()
        index = built
        return built
    }
}
