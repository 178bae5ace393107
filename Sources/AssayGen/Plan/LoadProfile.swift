import Foundation
import OrderedCollections

/// A load to run against the API: how many requests at once, for how long, in what mix.
public struct LoadProfile: Sendable, Hashable {
    /// Requests in flight at once.
    public var concurrency: Int
    /// How long the load lasts.
    public var durationSeconds: Int
    /// At most this many requests in all, whatever the duration (loads are always bounded).
    public var maxRequests: Int
    /// Case ids (positive, side-effect-free cases) with their relative weights.
    public var mix: [(caseID: String, weight: Int)]

    public init(concurrency: Int, durationSeconds: Int, maxRequests: Int, mix: [(caseID: String, weight: Int)]) {
        self.concurrency = concurrency
        self.durationSeconds = durationSeconds
        self.maxRequests = maxRequests
        self.mix = mix
    }

    public static func == (lhs: LoadProfile, rhs: LoadProfile) -> Bool {
        lhs.concurrency == rhs.concurrency && lhs.durationSeconds == rhs.durationSeconds && lhs.maxRequests == rhs.maxRequests
            && lhs.mix.map(\.caseID) == rhs.mix.map(\.caseID) && lhs.mix.map(\.weight) == rhs.mix.map(\.weight)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(concurrency)
        hasher.combine(durationSeconds)
        hasher.combine(maxRequests)
        for entry in mix {
            hasher.combine(entry.caseID)
            hasher.combine(entry.weight)
        }
    }
}

/// The two strategies behind one planner.
public enum GenerationStrategyKind: String, Sendable, Hashable, CaseIterable {
    /// Examples and templates: positive cases only, fast, never fails on a loadable description.
    case standard
    /// Boundary values, every negative rule, error scenarios, performance budgets.
    case enhanced
}
