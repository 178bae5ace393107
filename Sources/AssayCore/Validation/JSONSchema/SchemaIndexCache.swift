import Foundation

/// The identifier index of a prepared validator's documents, built once and shared by
/// every evaluation (walking a large description's schemas for `$id`s and anchors on each
/// call would cost more than most validations), and the references already resolved in
/// them (a mock validating every request and response resolves the same `$ref`s again and
/// again).
final class SchemaIndexCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`.
    private var index: SchemaIndex?
    // Guarded by `lock`. Bounded: a hostile description could name endless references.
    private var resolved: [SchemaEvaluator.ReferenceKey: SchemaEvaluator.Target?] = [:]
    private static let resolvedCapacity = 50_000
    // Guarded by `lock`.
    private var unevaluated: Bool?

    /// Whether the documents use `unevaluated*` keywords, found by `scan` on first use.
    func usesUnevaluated(orScan scan: () -> Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let unevaluated { return unevaluated }
        let found = scan()
        unevaluated = found
        return found
    }

    /// The index, built by `build` on first use.
    func index(orBuild build: () -> SchemaIndex) -> SchemaIndex {
        lock.lock()
        defer { lock.unlock() }
        if let index { return index }
        let built = build()
        index = built
        return built
    }

    /// A reference resolved earlier by any evaluation: `.some(nil)` when it did not resolve.
    func resolvedReference(_ key: SchemaEvaluator.ReferenceKey) -> SchemaEvaluator.Target?? {
        lock.lock()
        defer { lock.unlock() }
        return resolved[key]
    }

    func remember(_ key: SchemaEvaluator.ReferenceKey, _ target: SchemaEvaluator.Target?) {
        lock.lock()
        defer { lock.unlock() }
        if resolved.count >= Self.resolvedCapacity { resolved.removeAll(keepingCapacity: true) }
        resolved[key] = .some(target)
    }
}
