import NIOCore

/// Runs a task's jobs on one NIO event loop.
///
/// The database drivers complete their futures on their connection's event loop. Code
/// awaiting them on Swift's global executor resumes on another thread every time: two
/// thread switches per statement, which dominate a short transaction. With this executor
/// preferred (`withTaskExecutorPreference`), the awaiting code runs on that event loop and
/// resumes there. What runs on it must not block (no file or CPU-heavy work).
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
