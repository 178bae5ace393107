import Foundation

/// Parsed `pattern`s, shared by every value a generator makes (the same pattern recurs in
/// every record and across a document's schemas).
final class PatternCache: @unchecked Sendable {
    private let lock = NSLock()
    // Guarded by `lock`; a failure is kept too, so a bad pattern is parsed once.
    private var entries: [String: Result<PatternGenerator, DataError>] = [:]

    func generator(for pattern: String) throws(DataError) -> PatternGenerator {
        lock.lock()
        let cached = entries[pattern]
        lock.unlock()
        if let cached { return try cached.get() }
        let result: Result<PatternGenerator, DataError>
        do {
            result = .success(try PatternGenerator(pattern))
        } catch {
            result = .failure(error)
        }
        lock.lock()
        if entries.count > 4096 { entries.removeAll(keepingCapacity: true) }
        entries[pattern] = result
        lock.unlock()
        return try result.get()
    }
}
