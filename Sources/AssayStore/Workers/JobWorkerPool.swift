import Foundation
public import Logging
import NIOConcurrencyHelpers
public import ServiceLifecycle

/// Runs queued jobs with a bounded number of concurrent workers.
///
/// Each of the `concurrency` workers claims one job at a time from the ``JobQueue``, runs the
/// ``JobHandler`` registered for its kind while heartbeating its lease, and records the
/// outcome (complete, or fail with backoff). Idle workers poll every `pollInterval` and wake at
/// once when this process enqueues. A rescuer returns jobs with expired leases to the queue.
///
/// `run()` never throws for a database error: it logs, backs off and keeps going, so a
/// transient outage cannot take down the service group it runs in.
///
/// Graceful shutdown (ServiceLifecycle's, or ``requestShutdown()``) stops claiming at once,
/// lets running jobs finish for up to `shutdownGracePeriod`, then cancels the rest and
/// releases them to the queue without counting the attempt. Cancelling the task that runs
/// `run()` skips the grace period.
public final class JobWorkerPool: Service, Sendable {
    /// How a pool works.
    public struct Configuration: Sendable {
        /// How many jobs run at once (at least 1).
        public var concurrency: Int = 4
        /// How long an idle worker waits before claiming again, when nothing woke it.
        public var pollInterval: Duration = .seconds(1)
        /// The lease a claim takes; the job is rescued when its worker stops heartbeating for this long.
        public var lease: Duration = .seconds(30)
        /// How often a running job's lease is extended; a third of the lease when `nil`.
        public var heartbeatInterval: Duration?
        /// How often expired leases are rescued; a third of the lease, at most 10 s, when `nil`.
        ///
        /// A short lease is only useful if expired ones are found soon after: a job left
        /// `running` by a killed process is queued again within this interval of its lease
        /// running out.
        public var rescueInterval: Duration?
        /// How long running jobs may take to finish after shutdown is requested.
        public var shutdownGracePeriod: Duration = .seconds(10)
        /// The longest wait after database errors (waits double from half a second up to it).
        public var maxErrorBackoff: Duration = .seconds(30)
        /// This pool's name in the `locked_by` column; each worker appends `/n`.
        public var workerID: String = JobWorkerPool.defaultWorkerID()

        /// The default configuration.
        public init() {}

        /// The heartbeat interval in effect: ``heartbeatInterval``, or a third of the lease.
        public var effectiveHeartbeatInterval: Duration {
            heartbeatInterval ?? lease / 3
        }

        /// The rescue interval in effect: ``rescueInterval``, or a third of the lease, at most 10 s.
        public var effectiveRescueInterval: Duration {
            rescueInterval ?? min(lease / 3, .seconds(10))
        }
    }

    private struct State {
        var stopping = false
        var forceStopped = false
        var inFlight: [Int64: @Sendable () -> Void] = [:]
        var running = false
        var lastTick: ContinuousClock.Instant?
    }

    /// The queue jobs come from.
    public let queue: JobQueue
    /// The pool's settings.
    public let configuration: Configuration
    private let handlers: [String: any JobHandler]
    private let logger: Logger
    private let state = NIOLockedValueBox(State())
    private let stopBell = Doorbell()

    /// A pool running `handlers` (one per kind; a later one replaces an earlier of the same kind).
    public init(
        queue: JobQueue,
        handlers: [any JobHandler],
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "assay.jobs")
    ) {
        self.queue = queue
        self.handlers = Dictionary(handlers.map { ($0.kind, $0) }, uniquingKeysWith: { _, last in last })
        var configuration = configuration
        configuration.concurrency = max(1, configuration.concurrency)
        self.configuration = configuration
        self.logger = logger
    }

    /// The ids of the jobs running now.
    public var runningJobIDs: [Int64] {
        state.withLockedValue { $0.inFlight.keys.sorted() }
    }

    /// Whether the pool's loops are running and ticked recently (what `/ready` calls "workers
    /// alive"): `run()` has started, shutdown has not been requested, and a worker or the
    /// rescuer went round its loop within three rescue intervals (or 5 s, whichever is more).
    public var isAlive: Bool {
        let window = max(configuration.effectiveRescueInterval * 3, configuration.pollInterval * 3, .seconds(5))
        return state.withLockedValue { state in
            guard state.running, !state.stopping, let tick = state.lastTick else { return false }
            return ContinuousClock.now - tick < window
        }
    }

    private func tick() {
        state.withLockedValue { $0.lastTick = .now }
    }

    /// Stops claiming; running jobs get the grace period to finish. `run()` returns when they are done or released.
    public func requestShutdown() {
        let first = state.withLockedValue { state in
            defer { state.stopping = true }
            return !state.stopping
        }
        if first {
            logger.info("job workers stopping", metadata: ["running": "\(runningJobIDs.count)"])
        }
        stopBell.ring()
        queue.doorbell.ring()
    }

    /// Runs the workers until shutdown. Never throws.
    public func run() async throws {
        logger.info(
            "job workers starting",
            metadata: ["concurrency": "\(configuration.concurrency)", "kinds": "\(handlers.keys.sorted().joined(separator: ","))"]
        )
        state.withLockedValue {
            $0.running = true
            $0.lastTick = .now
        }
        defer { state.withLockedValue { $0.running = false } }
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<configuration.concurrency {
                        group.addTask { await self.workerLoop("\(self.configuration.workerID)/\(index)") }
                    }
                    group.addTask { await self.rescueLoop() }
                    group.addTask { await self.shutdownSupervisor() }
                    await group.waitForAll()
                }
            } onGracefulShutdown: {
                self.requestShutdown()
            }
        } onCancel: {
            self.requestShutdown()
            self.forceStop()
        }
        logger.info("job workers stopped")
    }

    private var isStopping: Bool {
        state.withLockedValue { $0.stopping }
    }

    // MARK: Loops

    private func workerLoop(_ workerID: String) async {
        let kinds = handlers.keys.sorted()
        var errors = 0
        while !isStopping {
            tick()
            let claimed: [ClaimedJob]
            do {
                claimed = try await queue.claim(workerID: workerID, lease: configuration.lease, kinds: kinds, limit: 1)
                errors = 0
            } catch {
                errors += 1
                logger.warning("claiming a job failed; backing off", metadata: ["worker": "\(workerID)", "error": "\(String(reflecting: error))"])
                await stopBell.wait(upTo: errorBackoff(errors))
                continue
            }
            guard let job = claimed.first else {
                await queue.doorbell.wait(upTo: configuration.pollInterval)
                continue
            }
            if isStopping {
                // Claimed while shutdown was requested: give it back rather than start it.
                await record(.released, of: job, logger: logger)
                return
            }
            await execute(job, workerID: workerID)
        }
    }

    private func rescueLoop() async {
        var errors = 0
        while !isStopping {
            do {
                let report = try await queue.rescueExpired()
                errors = 0
                tick()
                if !report.isEmpty {
                    logger.notice(
                        "rescued jobs with expired leases",
                        metadata: ["requeued": "\(report.requeued)", "dead": "\(report.dead)"]
                    )
                }
            } catch {
                errors += 1
                logger.warning("rescuing expired leases failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            await stopBell.wait(upTo: errors > 0 ? errorBackoff(errors) : configuration.effectiveRescueInterval)
        }
    }

    /// After shutdown is requested: waits for running jobs up to the grace period, then force-stops the rest.
    private func shutdownSupervisor() async {
        while !isStopping {
            await stopBell.wait(upTo: .milliseconds(200))
        }
        let deadline = ContinuousClock.now + configuration.shutdownGracePeriod
        while ContinuousClock.now < deadline, !Task.isCancelled, !state.withLockedValue({ $0.inFlight.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(10))
        }
        forceStop()
    }

    private func forceStop() {
        let stops = state.withLockedValue { state in
            state.forceStopped = true
            return Array(state.inFlight.values)
        }
        if !stops.isEmpty {
            logger.notice("grace period over: releasing unfinished jobs", metadata: ["count": "\(stops.count)"])
        }
        for stop in stops {
            stop()
        }
    }

    private func errorBackoff(_ errors: Int) -> Duration {
        let seconds = min(
            RetryPolicy.seconds(configuration.maxErrorBackoff),
            0.5 * Double(sign: .plus, exponent: min(errors - 1, 16), significand: 1)
        )
        return .milliseconds(Int64(seconds * 1000))
    }

    // MARK: One job

    private func execute(_ job: ClaimedJob, workerID: String) async {
        var metadataLogger = logger
        metadataLogger[metadataKey: "job"] = "\(job.id)"
        metadataLogger[metadataKey: "kind"] = "\(job.kind)"
        metadataLogger[metadataKey: "attempt"] = "\(job.attempt)/\(job.maxAttempts)"
        let jobLogger = metadataLogger
        guard let handler = handlers[job.kind] else {
            // Claims ask for the kinds with handlers only; a job of another kind is released.
            _ = try? await queue.release(job)
            return
        }
        let context = JobContext(logger: jobLogger, queue: queue, workerID: workerID)
        let resolver = OutcomeResolver()
        let outcome: JobOutcome = await withCheckedContinuation { continuation in
            resolver.set(continuation)
            let work = Task {
                do {
                    resolver.resolve(.succeeded(try await handler.run(job, context: context)))
                } catch {
                    resolver.resolve(.failed(error))
                }
            }
            let heartbeat = Task { await self.heartbeatLoop(job, resolver: resolver, work: work, logger: jobLogger) }
            resolver.onResolve {
                heartbeat.cancel()
            }
            let alreadyForced = state.withLockedValue { state in
                state.inFlight[job.id] = {
                    work.cancel()
                    resolver.resolve(.released)
                }
                return state.forceStopped
            }
            if alreadyForced {
                work.cancel()
                resolver.resolve(.released)
            }
        }
        state.withLockedValue { _ = $0.inFlight.removeValue(forKey: job.id) }
        await record(outcome, of: job, logger: jobLogger)
    }

    private func heartbeatLoop(_ job: ClaimedJob, resolver: OutcomeResolver, work: Task<Void, Never>, logger: Logger) async {
        let interval = configuration.effectiveHeartbeatInterval
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { return }
            do {
                if try await !queue.heartbeat(job, lease: configuration.lease) {
                    // Cancelled meanwhile: the job finished and its outcome is being recorded.
                    if Task.isCancelled { return }
                    logger.warning("lost the lease of a running job; abandoning it")
                    work.cancel()
                    resolver.resolve(.lostLease)
                    return
                }
            } catch {
                logger.warning("heartbeat failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }

    private func record(_ outcome: JobOutcome, of job: ClaimedJob, logger: Logger) async {
        var outcome = outcome
        if case .failed(let error) = outcome, error is CancellationError, isStopping {
            outcome = .released
        }
        for attempt in 1...3 {
            do {
                switch outcome {
                case .succeeded(let result):
                    if try await !queue.complete(job, result: result) {
                        logger.warning("finished a job whose lease was lost; its completion is ignored")
                    }
                case .failed(let error):
                    let jobError = error as? JobError
                    let message = jobError?.message ?? String(describing: error)
                    let result = try await queue.fail(job, error: message, retryable: jobError?.retryable ?? true)
                    logger.info("job attempt failed", metadata: ["error": "\(message)", "outcome": "\(result)"])
                case .released:
                    try await queue.release(job)
                case .lostLease:
                    break
                }
                return
            } catch {
                logger.warning("recording a job's outcome failed", metadata: ["try": "\(attempt)", "error": "\(String(reflecting: error))"])
                try? await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
        // The lease will expire and the rescuer will queue the job again.
    }
}

extension JobWorkerPool {
    /// `host-pid-xxxx`: unique per process, readable in `assay jobs list`.
    public static func defaultWorkerID() -> String {
        let host = ProcessInfo.processInfo.hostName.split(separator: ".").first.map(String.init) ?? "host"
        return "\(host)-\(ProcessInfo.processInfo.processIdentifier)-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }
}

/// How one attempt ended, as the pool saw it.
private enum JobOutcome: Sendable {
    case succeeded(String?)
    case failed(any Error)
    /// Force-stopped at shutdown: give the job back.
    case released
    /// Another claim owns the job now: leave it alone.
    case lostLease
}

/// Resumes a job's continuation once, with whichever outcome comes first (the handler, the
/// shutdown or a lost lease), then runs the registered callbacks.
private final class OutcomeResolver: Sendable {
    private struct State {
        var continuation: CheckedContinuation<JobOutcome, Never>?
        var outcome: JobOutcome?
        var callbacks: [@Sendable () -> Void] = []
    }

    private let state = NIOLockedValueBox(State())

    func set(_ continuation: CheckedContinuation<JobOutcome, Never>) {
        let ready = state.withLockedValue { state -> JobOutcome? in
            if let outcome = state.outcome {
                return outcome
            }
            state.continuation = continuation
            return nil
        }
        if let ready {
            continuation.resume(returning: ready)
        }
    }

    func resolve(_ outcome: JobOutcome) {
        let (continuation, callbacks) = state.withLockedValue { state -> (CheckedContinuation<JobOutcome, Never>?, [@Sendable () -> Void]) in
            guard state.outcome == nil else { return (nil, []) }
            state.outcome = outcome
            defer {
                state.continuation = nil
                state.callbacks = []
            }
            return (state.continuation, state.callbacks)
        }
        continuation?.resume(returning: outcome)
        for callback in callbacks {
            callback()
        }
    }

    func onResolve(_ callback: @escaping @Sendable () -> Void) {
        let now = state.withLockedValue { state -> Bool in
            if state.outcome != nil {
                return true
            }
            state.callbacks.append(callback)
            return false
        }
        if now {
            callback()
        }
    }
}
