public import Foundation

/// Runs long, blocking work on a thread of its own.
///
/// Swift's cooperative pool has one thread per core (two on CI). A corpus walk that keeps
/// a pool thread busy for minutes, or waits on a child process, starves every other test
/// running in parallel: their awaits cannot resume, and a local HTTP exchange times out.
/// Work handed to `DedicatedThread.run` leaves the pool free.
public enum DedicatedThread {
    /// Runs `work` on a new thread (with a large stack) and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.stackSize = 64 << 20
            thread.start()
        }
    }
}
