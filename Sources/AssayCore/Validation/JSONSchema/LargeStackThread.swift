import Foundation

/// Runs a deep computation on a thread with a stack of a given size, and waits for it.
///
/// Schema evaluation is recursive; Swift concurrency and NIO threads have stacks far too
/// small for a thousand levels of it in a debug build. Only evaluations that turn out deep
/// come here, so the cost of a thread is paid rarely.
enum LargeStackThread {
    private final class Job<Result>: @unchecked Sendable {
        // Written by the worker thread before it signals, read by the caller after waiting.
        let work: () -> Result
        var result: Result?

        init(_ work: @escaping () -> Result) {
            self.work = work
        }
    }

    /// The value of `work`, computed on a new thread with `stackSize` bytes of stack.
    static func run<Result>(stackSize: Int, _ work: @escaping () -> Result) -> Result {
        let job = Job(work)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            job.result = job.work()
            done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        done.wait()
        // `result` is set before `signal()`; fall back to running here should a platform not start the thread.
        return job.result ?? work()
    }
}
