import Foundation

/// What one step measured.
struct LoadReport: Sendable {
    var rate: Int
    var sent: Int
    /// Nanoseconds from each answered request's due time to its answer.
    var latencies: [Int64]
    var statuses: [Int: Int]
    var failures: [String: Int]
    /// From the step's start to its last answer.
    var seconds: Double

    /// Answers with a 2xx status.
    var succeeded: Int { statuses.filter { (200..<300).contains($0.key) }.values.reduce(0, +) }
    /// Everything else: non-2xx answers and requests without an answer.
    var errors: Int { sent - succeeded }

    /// The `q` quantile in milliseconds (nearest rank).
    func percentile(_ q: Double, of sorted: [Int64]) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = min(sorted.count - 1, max(0, Int((q * Double(sorted.count)).rounded(.up)) - 1))
        return Double(sorted[rank]) / 1e6
    }

    /// One line for people and scripts: `key=value` pairs.
    var line: String {
        let sorted = latencies.sorted()
        func ms(_ value: Double) -> String { value.isNaN ? "n/a" : String(format: "%.2f", value) }
        var parts = [
            "rate=\(rate)/s", "sent=\(sent)", "ok=\(succeeded)", "errors=\(errors)",
            "achieved=\(String(format: "%.0f", seconds > 0 ? Double(succeeded) / seconds : 0))/s",
            "p50=\(ms(percentile(0.5, of: sorted)))ms", "p90=\(ms(percentile(0.9, of: sorted)))ms",
            "p99=\(ms(percentile(0.99, of: sorted)))ms", "max=\(ms(sorted.last.map { Double($0) / 1e6 } ?? .nan))ms",
        ]
        let other = statuses.filter { !(200..<300).contains($0.key) }.sorted { $0.key < $1.key }
        if !other.isEmpty { parts.append("statuses=" + other.map { "\($0.key):\($0.value)" }.joined(separator: ",")) }
        if !failures.isEmpty { parts.append("failures=" + failures.map { "\($0.key) ×\($0.value)" }.joined(separator: "; ")) }
        return parts.joined(separator: " ")
    }
}
