public import Logging
public import ServiceLifecycle
public import UnixSignals

/// Runs an HTTP server (any ``Service``) until the calling task is cancelled, and then
/// shuts it down gracefully rather than by cancellation.
///
/// Cancelling a Hummingbird server outright can leave a connection it has accepted, but not
/// yet started serving, without anyone to close it; NIO then traps when that connection's
/// writer is released ("Deinited NIOAsyncWriter without calling finish()", swift-nio#3481).
/// A graceful shutdown closes every connection. So the server's service group runs in a
/// task of its own, which the caller's cancellation does not reach, and that cancellation
/// triggers the group's graceful shutdown instead. Should the shutdown not finish within
/// ``shutdownLimit`` (a client holding a request open), the group is cancelled after all.
public enum GracefulServer {
    /// How long a graceful shutdown may take before the server is cancelled.
    public static let shutdownLimit: Duration = .seconds(10)

    /// Runs `service` until the calling task is cancelled or, when `gracefulShutdownSignals`
    /// names any, one of those signals arrives.
    public static func run(
        _ service: some Service,
        gracefulShutdownSignals: [UnixSignal] = [],
        logger: Logger
    ) async throws {
        try await run([service], gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
    }

    /// Runs `services` in one service group (the server and its workers, say), shutting them
    /// all down gracefully, in reverse order, as ``run(_:gracefulShutdownSignals:logger:)`` does one.
    public static func run(
        _ services: [any Service],
        gracefulShutdownSignals: [UnixSignal] = [],
        logger: Logger
    ) async throws {
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        )
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task {
                await group.triggerGracefulShutdown()
                try? await Task.sleep(for: shutdownLimit)
                running.cancel()
            }
        }
    }
}
