import Foundation

/// The media ranges of a request's `Accept` header and their qualities (RFC 9110 §12.5.1),
/// for routes that can answer in more than one media type.
///
/// ```swift
/// let accept = AcceptHeader("application/json, */*;q=0.5")
/// accept.quality(of: "application/json")     // 1
/// accept.quality(of: "application/x-ndjson") // 0.5
/// ```
struct AcceptHeader {
    private struct Range {
        var type: String
        var subtype: String
        var quality: Double
        /// 2 for `type/subtype`, 1 for `type/*`, 0 for `*/*`.
        var specificity: Int
    }

    /// `nil` when the request sent no `Accept` (or none that parses): every type is acceptable.
    private let ranges: [Range]?

    /// The ranges of the header's values (several `Accept` fields count as one list).
    init(_ values: [String]) {
        var ranges: [Range] = []
        for element in values.flatMap({ $0.split(separator: ",") }) {
            let parameters = element.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let parts = parameters[0].lowercased().split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts[0] != "*" || parts[1] == "*" else { continue }
            var quality = 1.0
            for parameter in parameters.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0].lowercased() == "q", let value = Double(pair[1]), (0...1).contains(value) {
                    quality = value
                }
            }
            let specificity = parts[0] == "*" ? 0 : parts[1] == "*" ? 1 : 2
            ranges.append(Range(type: String(parts[0]), subtype: String(parts[1]), quality: quality, specificity: specificity))
        }
        // A header with no range that parses is ignored, as RFC 9110 allows.
        self.ranges = ranges.isEmpty ? nil : ranges
    }

    /// Convenience for one header value (`nil` when absent).
    init(_ value: String?) {
        self.init(value.map { [$0] } ?? [])
    }

    /// How acceptable `mediaType` (`type/subtype`, lower case) is, from 0 to 1: the quality
    /// of the most specific range that matches it, 0 when none does, 1 without a header.
    func quality(of mediaType: String) -> Double {
        guard let ranges else { return 1 }
        let parts = mediaType.split(separator: "/", maxSplits: 1)
        guard parts.count == 2 else { return 0 }
        let matching = ranges.filter { range in
            (range.type == "*" || range.type == parts[0]) && (range.subtype == "*" || range.subtype == parts[1])
        }
        guard let best = matching.map(\.specificity).max() else { return 0 }
        return matching.filter { $0.specificity == best }.map(\.quality).max() ?? 0
    }
}
