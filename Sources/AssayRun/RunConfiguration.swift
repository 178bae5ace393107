import AssayGen
public import Foundation

/// How `assay run` executes a plan: where, how fast, with which credentials.
public struct RunConfiguration: Sendable {
    /// The API's base URL (`https://api.example.com/v1`); the plan's paths are appended.
    public var baseURL: String
    /// Seconds each request may take, connection included.
    public var timeoutSeconds: Double
    /// How many cases run at once. Steps of one case always run in order.
    public var workers: Int
    /// At most this many requests per second over the whole run; `nil` for no limit.
    public var rateLimit: Double?
    /// How many times a failed case is run again. A case that fails and then passes is
    /// reported as flaky, never as passed.
    public var retries: Int
    /// Headers sent with every request (a tenant, a trace header), after the plan's own.
    public var extraHeaders: [WireHeader]
    /// Where credentials come from: the variables each credential scheme names.
    public var environment: [String: String]
    /// Whether a target on a loopback, private or link-local address may be tested.
    /// Off by default: a plan must not become a way to reach internal services.
    public var allowPrivate: Bool
    /// Responses larger than this are cut off and fail their step.
    public var maxResponseBytes: Int
    /// Every latency budget is multiplied by this: a slow or shared CI runner scales the
    /// budgets rather than failing them. From `ASSAY_LATENCY_FACTOR` (the emitted
    /// pytest's `expect_within` reads the same variable), else 1.
    public var latencyFactor: Double

    public init(
        baseURL: String,
        timeoutSeconds: Double = 30,
        workers: Int = 1,
        rateLimit: Double? = nil,
        retries: Int = 1,
        extraHeaders: [WireHeader] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        allowPrivate: Bool = false,
        maxResponseBytes: Int = 10 << 20,
        latencyFactor: Double? = nil
    ) {
        self.baseURL = baseURL
        self.timeoutSeconds = timeoutSeconds
        self.workers = workers
        self.rateLimit = rateLimit
        self.retries = retries
        self.extraHeaders = extraHeaders
        self.environment = environment
        self.allowPrivate = allowPrivate
        self.maxResponseBytes = maxResponseBytes
        self.latencyFactor = latencyFactor ?? Self.latencyFactor(in: environment)
    }

    /// `ASSAY_LATENCY_FACTOR` as a positive number, else 1.
    public static func latencyFactor(in environment: [String: String]) -> Double {
        guard let text = environment["ASSAY_LATENCY_FACTOR"], let factor = Double(text), factor > 0, factor.isFinite else { return 1 }
        return factor
    }
}
