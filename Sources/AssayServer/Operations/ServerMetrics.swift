public import Prometheus
import Foundation

/// The service's Prometheus metrics, in one registry per server (no process-wide state, so
/// tests can run several servers at once).
///
/// Names follow Prometheus conventions: `_total` counters, `_seconds` histograms.
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry

    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]
    static let jobBuckets: [Duration] = [
        .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15),
        .seconds(30), .seconds(60), .seconds(120), .seconds(300),
    ]

    /// A registry with no samples yet.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// One answered HTTP request.
    public func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        let statusClass = "\(status / 100)xx"
        registry.makeCounter(
            descriptor: Self.descriptor("assay_http_requests_total", "HTTP requests answered, by method, route template and status."), labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        if status >= 400 {
            registry.makeCounter(
            descriptor: Self.descriptor("assay_http_request_errors_total", "HTTP requests answered with a 4xx or 5xx, by route and status class."), labels: [("method", method), ("route", route), ("class", statusClass)]
        ).increment()
        }
        registry.makeDurationHistogram(
            descriptor: Self.descriptor("assay_http_request_duration_seconds", "Time from a request's head to its answer, by route."), labels: [("method", method), ("route", route)],
            buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// One attempt of a job.
    public func recordJob(kind: String, outcome: String, duration: Duration) {
        registry.makeCounter(
            descriptor: Self.descriptor("assay_jobs_total", "Job attempts, by kind and outcome (succeeded, failed)."), labels: [("kind", kind), ("outcome", outcome)]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.descriptor("assay_job_duration_seconds", "How long job attempts took, by kind."), labels: [("kind", kind)], buckets: Self.jobBuckets
        ).record(duration)
    }

    /// The queue's counts by state, as sampled now.
    public func recordQueue(counts: [String: Int], oldestReadyAgeSeconds: Double) {
        for (state, count) in counts {
            registry.makeGauge(
            descriptor: Self.descriptor("assay_queue_jobs", "Jobs in the queue, by state."), labels: [("state", state)]
        ).set(Double(count))
        }
        registry.makeGauge(
            descriptor: Self.descriptor("assay_queue_oldest_ready_age_seconds", "Age of the oldest job ready to run.")
        ).set(oldestReadyAgeSeconds)
    }

    /// One generation of a suite.
    public func recordGeneration(strategy: String, duration: Duration, fellBack: Bool) {
        registry.makeDurationHistogram(
            descriptor: Self.descriptor("assay_generation_duration_seconds", "How long generating (and gating) a suite took, by the strategy kept."), labels: [("strategy", strategy)], buckets: Self.jobBuckets
        ).record(duration)
        if fellBack {
            registry.makeCounter(
            descriptor: Self.descriptor("assay_generation_fallbacks_total", "Generations whose enhanced suite failed its gate and fell back to the standard one.")
        ).increment()
        }
    }

    /// The quality figures of a project's latest suite.
    public func recordQuality(project: String, metrics: [String: Double]) {
        for (metric, value) in metrics where value.isFinite {
            registry.makeGauge(
            descriptor: Self.descriptor("assay_quality_score", "The quality figures of each project's latest gated suite."), labels: [("project", project), ("metric", metric)]
        ).set(value)
        }
    }

    /// One webhook delivery, by source and outcome (accepted, duplicate, rejected).
    public func recordWebhook(source: String, outcome: String) {
        registry.makeCounter(
            descriptor: Self.descriptor("assay_webhook_deliveries_total", "Webhook deliveries, by source and outcome."), labels: [("source", source), ("outcome", outcome)]
        ).increment()
    }

    /// `assay_http_requests_total` from its full name: the unit is the last word.
    static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        var words = name.split(separator: "_").map(String.init)
        let unit = words.removeLast()
        return MetricNameDescriptor(metricName: words.joined(separator: "_"), unitName: unit, helpText: help)
    }

    /// The registry in Prometheus's text format.
    public func render() -> [UInt8] {
        registry.emitToBuffer()
    }
}
