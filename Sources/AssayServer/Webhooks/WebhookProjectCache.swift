import AssayStore
import NIOConcurrencyHelpers

/// The projects webhooks were recently posted for, kept a moment so a burst of deliveries
/// reads each project once.
///
/// An entry lives `ttl` (2 s): a secret rotated or a source changed through the API applies
/// to deliveries at most that much later. Only projects found are kept, so a project
/// created just after a delivery named it is found by the next one.
final class WebhookProjectCache: Sendable {
    private struct Entry {
        var project: Project
        var expires: ContinuousClock.Instant
    }

    let ttl: Duration
    /// Beyond this many slugs the cache starts over, so it stays small whatever is posted.
    let capacity: Int
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(ttl: Duration = .seconds(2), capacity: Int = 1024) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The project with `slug`: kept, or read by `load` and kept when found.
    func project(_ slug: String, load: (String) async throws -> Project?) async throws -> Project? {
        let now = ContinuousClock.now
        if let entry = entries.withLockedValue({ $0[slug] }), entry.expires > now {
            return entry.project
        }
        guard let project = try await load(slug) else {
            forget(slug)
            return nil
        }
        entries.withLockedValue { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[slug] = Entry(project: project, expires: now + ttl)
        }
        return project
    }

    /// Drops `slug`, so the next delivery reads the project again.
    func forget(_ slug: String) {
        _ = entries.withLockedValue { $0.removeValue(forKey: slug) }
    }
}
