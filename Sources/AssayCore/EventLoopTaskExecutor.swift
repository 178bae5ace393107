public import NIOCore

/// A task executor that runs jobs on one NIO event loop.
///
/// Tasks that prefer it (`withTaskExecutorPreference`, `addTask(executorPreference:)`) run
/// on the same thread as the sockets they talk through. A request then costs no hop
/// between the event loop and the concurrency pool: when a response arrives, the task
/// waiting for it resumes on the thread that read it, instead of waking a pool thread. For
/// a runner or a mock doing a little work per request, those hops (a context switch each
/// way) cost as much as the work.
///
/// The loop must not be blocked by the jobs: they run between its I/O events.
public final class EventLoopTaskExecutor: TaskExecutor, Sendable {
    /// The loop the jobs run on.
    public let eventLoop: any EventLoop

    public init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
