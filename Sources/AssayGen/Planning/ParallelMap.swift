import Foundation

/// Maps a collection on every core, keeping the order of the results.
///
/// Planning an operation touches nothing shared but immutable values, so the work splits
/// cleanly; the results are gathered by index, so the output does not depend on which
/// thread finished first.
enum ParallelMap {
    /// `transform` of each element, in order.
    /// - Parameter progress: called with the number done so far after each element, one
    ///   call at a time (under a lock), so a progress bar needs no locking of its own.
    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element],
        progress: (@Sendable (Int) -> Void)? = nil,
        transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > 1 else {
            return elements.map { element in
                defer { progress?(1) }
                return transform(element)
            }
        }
        let lock = NSLock()
        let state = State<Result>(count: elements.count)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, elements.count)
        // Work is taken one element at a time: per-operation costs vary by orders of magnitude.
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while true {
                let index: Int = lock.withLock {
                    defer { state.next += 1 }
                    return state.next
                }
                guard index < elements.count else { return }
                let result = transform(elements[index])
                lock.withLock {
                    state.values[index] = result
                    state.done += 1
                    progress?(state.done)
                }
            }
        }
        return state.values.map { $0! }
    }

    /// The shared counters and results: touched only under the lock, and read after every
    /// worker has finished.
    private final class State<Value>: @unchecked Sendable {
        var next = 0
        var done = 0
        var values: [Value?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
    }
}
