import ArgumentParser
import AssayCore
import AssayStore
import Foundation

/// `assay jobs`: the service's durable job queue, for operators.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List, retry and purge the service's jobs (the durable queue in the database).",
        discussion: """
            Jobs move queued → running → succeeded, or back to queued with a backoff after a \
            failure, and to dead (the dead-letter state) after their last attempt. Dead jobs stay \
            until retried or purged.

            Exit codes: 0 done; 2 unusable input (unknown job or state, a job that is not dead, \
            database unreachable or not migrated).

            Examples:
              assay jobs list --state dead
              assay jobs retry 42
              assay jobs purge --older-than 7d
            """,
        subcommands: [List.self, Stats.self, Retry.self, Purge.self]
    )

    static func state(_ text: String) throws -> JobState {
        guard let state = JobState(rawValue: text) else {
            throw StoreCommandError("unknown state '\(text)': the states are \(JobState.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return state
    }

    static func json(_ job: Job) -> JSONValue {
        let dates = ISO8601DateFormatter()
        return [
            "id": .integer(Int(job.id)), "kind": .string(job.kind), "state": .string(job.state.rawValue), "priority": .integer(job.priority),
            "attempts": .integer(job.attempts), "maxAttempts": .integer(job.maxAttempts), "runAt": .string(dates.string(from: job.runAt)),
            "lastError": job.lastError.map(JSONValue.string) ?? .null, "idempotencyKey": job.idempotencyKey.map(JSONValue.string) ?? .null,
            "created": .string(dates.string(from: job.createdAt)), "finished": job.finishedAt.map { .string(dates.string(from: $0)) } ?? .null,
        ]
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List jobs, newest first, a page at a time.")

        @Option(help: "Only jobs in this state: queued, running, succeeded or dead.")
        var state: String?

        @Option(help: "Only jobs of this kind.")
        var kind: String?

        @Option(help: "Jobs per page (1-1000).")
        var limit = 50

        @Option(help: "The cursor a previous page printed, for the next page.")
        var after: String?

        @Flag(help: "JSON output: {\"jobs\": [...], \"nextCursor\": ...}.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                guard (1...1000).contains(limit) else { throw StoreCommandError("--limit must be between 1 and 1000, not \(limit)") }
                let state = try self.state.map(JobsCommand.state)
                let page = try await store.withStore { store in
                    try await JobQueue(store: store).list(state: state, kind: kind, after: after, limit: limit)
                }
                if json {
                    let object: JSONValue = ["jobs": .array(page.items.map(JobsCommand.json)), "nextCursor": page.nextCursor.map(JSONValue.string) ?? .null]
                    print(JSONWriter(pretty: true).string(object))
                    return
                }
                if page.items.isEmpty { print("no jobs") }
                for job in page.items {
                    let error = job.lastError.map { "  last error: \($0.prefix(120))" } ?? ""
                    print("\(job.id)  \(job.kind)  \(job.state.rawValue)  attempt \(job.attempts)/\(job.maxAttempts)\(error)")
                }
                if let next = page.nextCursor { print("more: --after \(next)") }
            }
        }
    }

    struct Stats: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Jobs per state and the wait of the oldest ready job.")

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                let stats = try await store.withStore { store in try await JobQueue(store: store).stats() }
                for state in JobState.allCases { print("\(state.rawValue): \(stats[state])") }
                print(String(format: "oldest ready job waiting: %.1f s", stats.oldestReadyAgeSeconds))
            }
        }
    }

    struct Retry: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a dead job again, with a fresh set of attempts.")

        @Argument(help: "The job's id.")
        var id: Int64

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                let job = try await store.withStore { store in try await JobQueue(store: store).retry(id) }
                print("job \(job.id) (\(job.kind)) is queued again")
            }
        }
    }

    struct Purge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete finished jobs (succeeded and dead by default) older than a given age.")

        @Option(help: "Only jobs last changed longer ago than this: 30m, 12h, 7d (or seconds).")
        var olderThan: String

        @Option(help: "Which finished states, comma-separated: succeeded, dead.")
        var states = "succeeded,dead"

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                guard let seconds = Self.seconds(olderThan) else {
                    throw StoreCommandError("--older-than '\(olderThan)' is not an age: use a number with s, m, h or d (30m, 12h, 7d)")
                }
                let states = try Set(self.states.split(separator: ",").map { try JobsCommand.state(String($0).trimmingCharacters(in: .whitespaces)) })
                if let live = states.first(where: { !$0.isTerminal }) {
                    throw StoreCommandError("\(live.rawValue) jobs are never purged: only succeeded and dead ones")
                }
                let deleted = try await store.withStore { store in
                    try await JobQueue(store: store).purge(states: states, olderThan: Date().addingTimeInterval(-seconds))
                }
                print("purged \(deleted) job(s)")
            }
        }

        /// `30m` → 1800; a bare number is seconds.
        static func seconds(_ text: String) -> TimeInterval? {
            let units: [Character: Double] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
            if let last = text.last, let unit = units[last], let value = Double(text.dropLast()), value >= 0 { return value * unit }
            if let value = Double(text), value >= 0 { return value }
            return nil
        }
    }
}
