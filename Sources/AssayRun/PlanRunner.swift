public import AssayCore
public import AssayGen
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOFoundationCompat
import NIOHTTP1
import NIOHTTPCompression

/// Executes a ``TestPlan`` against a live API: each case's steps in order with captured
/// values carried across them, cases side by side up to ``RunConfiguration/workers``,
/// every response checked as the emitted pytest checks it.
///
/// The same plan run natively and as pytest gives the same pass or fail for every case:
/// requests are built with requests' encodings, credentials come from the same variables,
/// and each check has the same order and meaning as its `assay_checks.py` helper.
public struct PlanRunner: Sendable {
    public let plan: TestPlan
    public let configuration: RunConfiguration

    public init(plan: TestPlan, configuration: RunConfiguration) {
        self.plan = plan
        self.configuration = configuration
    }

    /// Runs every case.
    /// - Parameter progress: called after each case with (done, total, its result).
    /// - Throws: ``RunError`` when the target cannot be used at all (a bad base URL, a
    ///   refused private address, or no response from it to any request).
    public func run(progress: (@Sendable (Int, Int, CaseResult) -> Void)? = nil) async throws(RunError) -> RunReport {
        try await run(followedBy: nil, progress: progress)
    }

    /// Runs every case of the plan, then the cases `later` delivers, on the same connections
    /// and workers, as they arrive: the cases of further rounds can be planned while the
    /// first ones run. Their ids should differ from the plan's and from each other's.
    /// - Parameters:
    ///   - later: batches of further cases, checked against the plan's schemas, responses
    ///     and credentials (so planned from the same description); the run ends when it
    ///     finishes and every case has run.
    ///   - progress: called after each case with (done, cases known so far, its result).
    /// - Throws: ``RunError`` when the target cannot be used at all.
    public func run(
        followedBy later: AsyncStream<[TestCase]>?,
        progress: (@Sendable (Int, Int, CaseResult) -> Void)? = nil
    ) async throws(RunError) -> RunReport {
        let started = Date()
        let clock = ContinuousClock.now
        let (host, port, addresses) = try await checkTarget()
        var httpConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .milliseconds(Int64(configuration.timeoutSeconds * 1000)),
                read: .milliseconds(Int64(configuration.timeoutSeconds * 1000))
            ),
            decompression: .enabled(limit: .size(configuration.maxResponseBytes))
        )
        // No tracer: the runner exports no spans, and the no-op span AsyncHTTPClient makes for
        // each request otherwise costs a dynamic cast and its attribute work every time.
        httpConfiguration.tracing.tracer = nil
        // Connect to the address that was checked, not to whatever a second lookup returns.
        if let address = addresses.first { httpConfiguration.dnsOverride = [host: address] }
        // A refused connection fails its request at once: retrying it would hold every case
        // for the whole connect timeout when the target is down.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        try await checkConnection(host: host, port: port, addresses: addresses)
        // One event loop carries the sockets and runs the cases too: a response resumes its
        // case on the thread that read it, with no hop to the concurrency pool and back
        // (a context switch each way, as costly as checking the response). The work per
        // request is small enough that one core outruns any target but a local mock.
        let loops = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let executor = EventLoopTaskExecutor(loops.next())
        let client = HTTPClient(eventLoopGroupProvider: .shared(loops), configuration: httpConfiguration)
        let execution = Execution(
            builder: RequestBuilder(baseURL: configuration.baseURL),
            checker: StepChecker(schemas: plan.schemas, responses: plan.responses, latencyFactor: configuration.latencyFactor),
            credentials: CredentialProvider(
                schemes: plan.credentials ?? [], environment: configuration.environment, client: client,
                timeoutSeconds: configuration.timeoutSeconds),
            client: client,
            limiter: configuration.rateLimit.map { RateLimiter(perSecond: $0) },
            configuration: configuration
        )
        var cases = plan.cases
        var results = [CaseResult?](repeating: nil, count: cases.count)
        var pending = later?.makeAsyncIterator()
        await withTaskExecutorPreference(executor) {
            await withTaskGroup(of: (Int, CaseResult).self) { group in
                var next = 0
                var running = 0
                var done = 0
                while true {
                    // Keep every worker busy, waiting for the next batch only when the known
                    // cases have all started (those running go on meanwhile).
                    while running < max(1, configuration.workers) {
                        if next == cases.count {
                            guard let batch = await pending?.next() else {
                                pending = nil
                                break
                            }
                            cases += batch
                            results += [CaseResult?](repeating: nil, count: batch.count)
                            continue
                        }
                        let index = next
                        let testCase = cases[index]
                        next += 1
                        running += 1
                        group.addTask { (index, await execution.run(testCase)) }
                    }
                    guard running > 0, let (index, result) = await group.next() else { break }
                    running -= 1
                    results[index] = result
                    done += 1
                    progress?(done, cases.count, result)
                }
            }
        }
        try? await client.shutdown()
        try? await loops.shutdownGracefully()
        let finished = results.compactMap { $0 }
        if !finished.isEmpty, finished.allSatisfy({ $0.outcome == .failed && $0.response == nil && $0.failure?.check == "request" }) {
            let first = finished.first?.failure?.message ?? ""
            throw RunError(.unreachable, "no request to \(configuration.baseURL) got a response: \(first)")
        }
        return RunReport(
            plan: plan.api,
            baseURL: configuration.baseURL,
            started: started,
            seconds: Execution.milliseconds(ContinuousClock.now - clock) / 1000,
            results: finished
        )
    }

    /// Fails fast when nothing accepts a connection at the target: a run of many cases
    /// would otherwise report each one failed (or wait out each one's timeout).
    private func checkConnection(host: String, port: Int, addresses: [String]) async throws(RunError) {
        guard let address = addresses.first else { return }
        let seconds = max(0.1, configuration.timeoutSeconds)
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(Int64(seconds * 1000)))
        do {
            let channel = try await bootstrap.connect(host: address, port: port).get()
            try? await channel.close()
        } catch {
            throw RunError(.unreachable, "cannot connect to \(host):\(port) (\(address)): \(Self.connectionFailure(error))")
        }
    }

    /// A connection error as a person reads it ("Connection refused"), not as NIO prints it.
    private static func connectionFailure(_ error: any Error) -> String {
        var error = error
        if let failed = error as? NIOConnectionError, let first = failed.connectionErrors.first { error = first.error }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        if case ChannelError.connectTimeout = error { return "no connection within the timeout" }
        return String(describing: error)
    }

    /// The base URL's host, port and the addresses it resolves to, refused when private and not allowed.
    private func checkTarget() async throws(RunError) -> (host: String, port: Int, addresses: [String]) {
        guard let url = URL(string: configuration.baseURL), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else {
            throw RunError(.badBaseURL, "the base URL '\(configuration.baseURL)' is not an absolute http(s) URL")
        }
        let addresses: [String]
        do {
            addresses = try await AddressGuard.resolve(host)
        } catch {
            throw RunError(.unreachable, "cannot resolve \(host): \(error.message)")
        }
        if !configuration.allowPrivate {
            for address in addresses {
                if let reason = AddressGuard.refusal(for: address) {
                    throw RunError(
                        .blockedAddress,
                        "\(host) resolves to \(address), a \(reason) address; refused so a plan cannot reach internal services (use --allow-private to test a local or private API)"
                    )
                }
            }
        }
        return (host, url.port ?? (scheme == "https" ? 443 : 80), addresses)
    }
}

/// What every case of one run shares.
struct Execution: Sendable {
    let builder: RequestBuilder
    let checker: StepChecker
    let credentials: CredentialProvider
    let client: HTTPClient
    let limiter: RateLimiter?
    let configuration: RunConfiguration

    /// Runs a case, again up to the configured retries while it fails.
    func run(_ testCase: TestCase) async -> CaseResult {
        var result = await attempt(testCase)
        var attempts = 1
        while result.outcome == .failed && attempts <= configuration.retries {
            attempts += 1
            let again = await attempt(testCase)
            result.requests += again.requests
            if again.outcome == .passed {
                // The first failure is what matters: it says what went wrong once.
                result.outcome = .flaky
                break
            }
        }
        result.attempts = attempts
        return result
    }

    private func attempt(_ testCase: TestCase) async -> CaseResult {
        let start = ContinuousClock.now
        var result = CaseResult(
            caseID: testCase.id, kind: testCase.kind, title: testCase.title, operations: testCase.steps.map(\.operation), outcome: .passed)
        var captures: [String: JSONValue] = [:]
        var sent: [WireRequest] = []
        for (index, step) in testCase.steps.enumerated() {
            var request: WireRequest?
            var response: WireResponse?
            do throws(StepFailure) {
                var built = try builder.build(step.request, captures: captures)
                built = try await credentials.apply(step.request.credentials, to: built)
                built.headers += configuration.extraHeaders
                request = built
                if let limiter { await limiter.wait() }
                result.requests += 1
                let received = try await send(built)
                response = received
                captures.merge(try checker.check(step, request: built, response: received, earlier: captures)) { $1 }
                sent.append(built)
            } catch {
                result.earlierRequests = sent
                result.outcome = .failed
                result.failure = error
                result.failedStep = index
                result.request = request
                result.response = response
                break
            }
        }
        result.milliseconds = Self.milliseconds(ContinuousClock.now - start)
        return result
    }

    private func send(_ request: WireRequest) async throws(StepFailure) -> WireResponse {
        var headers = HTTPHeaders()
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        let collector = ResponseCollector(limit: configuration.maxResponseBytes)
        do {
            let outgoing = try HTTPClient.Request(
                url: request.url, method: HTTPMethod(rawValue: request.method), headers: headers,
                body: request.body.isEmpty ? nil : .bytes(request.body))
            let task = client.execute(
                request: outgoing, delegate: collector, eventLoop: .indifferent,
                deadline: collector.started + .milliseconds(Int64(configuration.timeoutSeconds * 1000)))
            // A cancelled run (a job cancelled in the service) drops its requests in flight.
            let collected = try await withTaskCancellationHandler {
                try await task.futureResult.get()
            } onCancel: {
                task.cancel()
            }
            return WireResponse(collected.head, body: collected.body, milliseconds: collected.milliseconds)
        } catch is ResponseCollector.TooLarge {
            // The head came: the step fails on the cut body, with the status and headers seen.
            guard let head = collector.head else { throw StepFailure("\(request.method) \(request.url) got no response", check: "request") }
            return WireResponse(head, body: [], milliseconds: collector.milliseconds, truncated: true)
        } catch {
            throw StepFailure("\(request.method) \(request.url) got no response: \(error)", check: "request")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        duration.seconds * 1000
    }
}

/// Spaces requests evenly to at most a number per second across the whole run.
actor RateLimiter {
    let interval: Duration
    private var next = ContinuousClock.now

    init(perSecond: Double) {
        interval = .nanoseconds(Int64(1e9 / max(perSecond, 0.001)))
    }

    func wait() async {
        let now = ContinuousClock.now
        let slot = max(now, next)
        next = slot + interval
        if slot > now { try? await Task.sleep(until: slot, clock: .continuous) }
    }
}
