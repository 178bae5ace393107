import HTTPTypes
import Hummingbird
import Synchronization

/// The routes a router has, by path template, so a request whose path exists but whose method
/// does not can be answered 405 with `Allow` (Hummingbird's router answers 404 for both).
///
/// Filled once the routes are registered (``load(_:)``); the error middleware, made before
/// them, holds the same table.
final class RouteTable: Sendable {
    private struct Entry {
        var segments: [Substring]
        var methods: [String]
    }

    private let entries = Mutex<[Entry]>([])

    init() {}

    private static func isCapture(_ segment: Substring) -> Bool {
        segment.first == "{" && segment.last == "}"
    }

    /// Keeps the routes of `router`.
    func load(_ routes: [Router<AssayRequestContext>.RouteDescription]) {
        var byPath: [String: [String]] = [:]
        for route in routes { byPath["\(route.path)", default: []].append(route.method.rawValue) }
        let loaded = byPath.map { path, methods in
            Entry(segments: path.split(separator: "/", omittingEmptySubsequences: true), methods: methods.sorted())
        }
        entries.withLock { $0 = loaded }
    }

    /// The methods routed for `path` (a request path, without its query); empty when no
    /// route template matches it at all.
    func methods(forPath path: String) -> [String] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        return entries.withLock { entries in
            var candidates = entries.filter { entry in
                entry.segments.count == segments.count
                    && zip(entry.segments, segments).allSatisfy { template, actual in Self.isCapture(template) || template == actual }
            }
            // As the router does: where some template has the segment itself, the templates
            // capturing it do not route this path (`/jobs/purge` is not `/jobs/{job}`).
            for (index, segment) in segments.enumerated() where candidates.contains(where: { $0.segments[index] == segment }) {
                candidates.removeAll { Self.isCapture($0.segments[index]) }
            }
            return Set(candidates.flatMap(\.methods)).sorted()
        }
    }
}
