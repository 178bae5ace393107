public import FluentKit
import Foundation
import SQLKit

/// The durable job queue, in the store's database.
///
/// - Enqueue joins the caller's transaction (pass the transaction's `Database`), so a domain
///   write and the job it implies commit or roll back together.
/// - Claiming is one atomic statement: on PostgreSQL `FOR UPDATE SKIP LOCKED` lets many
///   workers (in many replicas) claim disjoint jobs; on SQLite a single `UPDATE … RETURNING`
///   runs alone (one writer).
/// - A claim takes a lease (`lockedUntil`) and a fresh lease token. Workers heartbeat to
///   extend it; ``rescueExpired()`` returns jobs whose lease ran out (their worker died) to
///   the queue, counting the lost attempt. Completing or failing needs the current lease
///   token, so the worker of a rescued job cannot finish it a second time.
/// - A failed attempt is retried after ``RetryPolicy``'s backoff, until the last attempt,
///   after which the job is dead (listable, retryable, purgeable).
/// - An idempotency key makes enqueue return the existing job of that kind and key.
///
/// Handlers therefore see each job at least once and, while they finish within their lease,
/// exactly once; a handler whose effects must happen once keys them by the job's idempotency
/// key or id (the job row carries both, and the attempt number).
///
/// ```swift
/// let queue = JobQueue(store: store)
/// try await store.database.transaction { db in
///     try await projects.create(..., on: db)
///     try await queue.enqueue(kind: "fetch-spec", payload: FetchSpec(project: id), on: db)
/// }
/// queue.wake()
/// ```
public struct JobQueue: Sendable {
    /// The store whose `jobs` table this is.
    public let store: Store
    /// The backoff between attempts.
    public var retryPolicy: RetryPolicy
    /// The attempts a job gets unless enqueue says otherwise.
    public var defaultMaxAttempts: Int
    /// The current time (a parameter so tests can move it).
    public var clock: @Sendable () -> Date

    /// Shared by every queue value on the same store, so any enqueue in this process wakes its workers.
    var doorbell: Doorbell { store.jobDoorbell }

    /// A queue on `store`'s database.
    public init(
        store: Store,
        retryPolicy: RetryPolicy = RetryPolicy(),
        defaultMaxAttempts: Int = 5,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.retryPolicy = retryPolicy
        self.defaultMaxAttempts = defaultMaxAttempts
        self.clock = clock
    }

    static let columns =
        "id, kind, state, priority, payload, result, idempotency_key, attempts, max_attempts, run_at, locked_by, locked_until, last_error, created_at, updated_at, finished_at"

    // MARK: Enqueue

    /// Adds a job, or returns the existing one of the same kind and idempotency key.
    ///
    /// - Parameters:
    ///   - kind: What the job does (selects its ``JobHandler``).
    ///   - payloadJSON: The handler's input as JSON text.
    ///   - idempotencyKey: Deduplicates enqueues of this kind (a webhook's delivery id, say).
    ///   - priority: Higher is claimed first among ready jobs.
    ///   - maxAttempts: Attempts before the job is dead; ``defaultMaxAttempts`` when `nil`.
    ///   - runAt: Not claimed before this time; now when `nil`.
    ///   - database: Where to write: the store's database, or a transaction's to join it.
    ///     Inside a transaction, call ``wake()`` after it commits.
    @discardableResult
    public func enqueue(
        kind: String,
        payloadJSON payload: String = "{}",
        idempotencyKey: String? = nil,
        priority: Int = 0,
        maxAttempts: Int? = nil,
        runAt: Date? = nil,
        on database: (any Database)? = nil
    ) async throws -> EnqueueResult {
        let attempts = maxAttempts ?? defaultMaxAttempts
        guard !kind.isEmpty else { throw StoreError.invalidArgument("a job needs a kind") }
        guard attempts >= 1 else { throw StoreError.invalidArgument("maxAttempts must be at least 1, not \(attempts)") }
        let db = try database ?? store.db()
        let sql = try db.sql()
        let now = Self.milliseconds(clock())
        let start = runAt.map(Self.milliseconds) ?? now
        let inserted = try await sql.raw(
            """
            INSERT INTO jobs (kind, state, priority, payload, idempotency_key, attempts, max_attempts, run_at, created_at, updated_at)
            VALUES (\(bind: kind), 'queued', \(bind: priority), \(bind: payload), \(bind: idempotencyKey), 0, \(bind: attempts), \(bind: start), \(bind: now), \(bind: now))
            ON CONFLICT (kind, idempotency_key) DO NOTHING
            RETURNING \(unsafeRaw: Self.columns)
            """
        ).first()
        if let inserted {
            if !db.inTransaction {
                wake()
            }
            return EnqueueResult(job: try Self.job(from: inserted), inserted: true)
        }
        guard let idempotencyKey,
            let existing = try await sql.raw(
                "SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE kind = \(bind: kind) AND idempotency_key = \(bind: idempotencyKey)"
            ).first()
        else {
            throw StoreError.corruptRow("enqueue of \(kind) inserted no row and found no job with its idempotency key")
        }
        return EnqueueResult(job: try Self.job(from: existing), inserted: false)
    }

    /// Adds a job whose payload is `payload` encoded as JSON. See ``enqueue(kind:payloadJSON:idempotencyKey:priority:maxAttempts:runAt:on:)``.
    @discardableResult
    public func enqueue<Payload: Encodable & Sendable>(
        kind: String,
        payload: Payload,
        idempotencyKey: String? = nil,
        priority: Int = 0,
        maxAttempts: Int? = nil,
        runAt: Date? = nil,
        on database: (any Database)? = nil
    ) async throws -> EnqueueResult {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(payload), as: UTF8.self)
        return try await enqueue(
            kind: kind,
            payloadJSON: json,
            idempotencyKey: idempotencyKey,
            priority: priority,
            maxAttempts: maxAttempts,
            runAt: runAt,
            on: database
        )
    }

    /// Wakes this process's idle workers now rather than at their next poll (enqueue does it
    /// by itself outside a transaction).
    public func wake() {
        doorbell.ring()
    }

    // MARK: Claim and lease

    /// Claims up to `limit` ready jobs for `workerID`, atomically: no two claims get the same job.
    ///
    /// Each claimed job is `running`, its attempt counted, and leased until now + `lease`.
    /// - Parameters:
    ///   - kinds: Only jobs of these kinds (the kinds the worker has handlers for); all when `nil`.
    /// - Returns: The claimed jobs in claim order (priority, then due time, then id).
    public func claim(workerID: String, lease: Duration, kinds: [String]? = nil, limit: Int = 1) async throws -> [ClaimedJob] {
        guard limit >= 1 else { return [] }
        if let kinds, kinds.isEmpty { return [] }
        let sql = try store.db().sql()
        let now = clock()
        let nowMS = Self.milliseconds(now)
        let until = Self.milliseconds(now.addingTimeInterval(RetryPolicy.seconds(lease)))
        let token = UUID().uuidString
        var filter: SQLQueryString = "state = 'queued' AND run_at <= \(bind: nowMS)"
        if let kinds {
            filter.appendInterpolation(unsafeRaw: " AND kind IN (")
            filter.appendInterpolation(binds: kinds)
            filter.appendInterpolation(unsafeRaw: ")")
        }
        let set: SQLQueryString = """
            UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = \(bind: workerID), lease_token = \(bind: token),
            locked_until = \(bind: until), updated_at = \(bind: nowMS)
            """
        let rows: [any SQLRow]
        switch store.backend {
        case .postgres:
            // ARRAY(...) evaluates the locking subquery once; SKIP LOCKED passes over rows
            // another transaction is claiming instead of waiting for it.
            rows = try await sql.raw(
                """
                \(set) WHERE id = ANY(ARRAY(SELECT id FROM jobs WHERE \(filter) ORDER BY priority DESC, run_at, id LIMIT \(bind: limit) FOR UPDATE SKIP LOCKED))
                RETURNING \(unsafeRaw: Self.columns)
                """
            ).all()
        case .sqlite:
            // One statement, one writer: the subquery and the update see the same rows.
            rows = try await sql.raw(
                """
                \(set) WHERE id IN (SELECT id FROM jobs WHERE \(filter) ORDER BY priority DESC, run_at, id LIMIT \(bind: limit))
                RETURNING \(unsafeRaw: Self.columns)
                """
            ).all()
        }
        let jobs = try rows.map(Self.job(from:)).sorted { ($1.priority, $0.runAt, $0.id) < ($0.priority, $1.runAt, $1.id) }
        return jobs.map { job in
            ClaimedJob(
                id: job.id,
                kind: job.kind,
                payload: job.payload,
                idempotencyKey: job.idempotencyKey,
                attempt: job.attempts,
                maxAttempts: job.maxAttempts,
                workerID: workerID,
                leaseToken: token,
                lockedUntil: job.lockedUntil ?? now
            )
        }
    }

    /// Extends the lease of a job still held by this claim to now + `lease`.
    ///
    /// - Returns: `false` when the claim lost the job (its lease expired and it was rescued,
    ///   or it was finished): the worker should stop working on it.
    @discardableResult
    public func heartbeat(_ job: ClaimedJob, lease: Duration) async throws -> Bool {
        let now = clock()
        let until = Self.milliseconds(now.addingTimeInterval(RetryPolicy.seconds(lease)))
        return try await updateOwned(job, set: "locked_until = \(bind: until), updated_at = \(bind: Self.milliseconds(now))")
    }

    /// Runs `work` in one transaction that first checks this claim still holds the job, so
    /// that what `work` writes commits only while it does: a fence against an attempt that lost
    /// its lease (its worker stalled past it, and the job was rescued and claimed again) but
    /// is still running.
    ///
    /// The check locks the job's row until the transaction ends (on SQLite, the transaction
    /// holds the write lock), so the job cannot be rescued in between. A handler whose effect
    /// must happen once writes it through here, and a later attempt reading what earlier ones
    /// wrote sees only writes made under a lease that was valid at the time.
    ///
    /// - Returns: What `work` returned, or `nil` when the claim no longer holds the job (and
    ///   nothing was written).
    public func whileHolding<T: Sendable>(_ job: ClaimedJob, _ work: @escaping @Sendable (any Database) async throws -> T) async throws -> T? {
        let token = job.leaseToken
        let id = job.id
        return try await store.db().transaction { db -> T? in
            let held = try await db.sql().raw(
                "UPDATE jobs SET lease_token = lease_token WHERE id = \(bind: id) AND state = 'running' AND lease_token = \(bind: token) RETURNING id"
            ).first()
            guard held != nil else { return nil }
            return try await work(db)
        }
    }

    /// Marks the job succeeded with the handler's result, if this claim still holds it.
    ///
    /// - Returns: `false` when the claim no longer holds the job (nothing changed).
    @discardableResult
    public func complete(_ job: ClaimedJob, result: String? = nil) async throws -> Bool {
        let now = Self.milliseconds(clock())
        return try await updateOwned(
            job,
            set: """
                state = 'succeeded', result = \(bind: result), finished_at = \(bind: now), updated_at = \(bind: now),
                locked_by = NULL, lease_token = NULL, locked_until = NULL
                """
        )
    }

    /// Records a failed attempt: queues the job again after the backoff, or makes it dead
    /// after its last attempt (or at once when `retryable` is `false`).
    public func fail(_ job: ClaimedJob, error: String, retryable: Bool = true) async throws -> JobFailureOutcome {
        let now = clock()
        let nowMS = Self.milliseconds(now)
        let message = String(error.prefix(4000))
        if job.isLastAttempt || !retryable {
            let changed = try await updateOwned(
                job,
                set: """
                    state = 'dead', last_error = \(bind: message), finished_at = \(bind: nowMS), updated_at = \(bind: nowMS),
                    locked_by = NULL, lease_token = NULL, locked_until = NULL
                    """
            )
            return changed ? .dead : .notOwned
        }
        let next = now.addingTimeInterval(RetryPolicy.seconds(retryPolicy.delay(afterAttempt: job.attempt)))
        let changed = try await updateOwned(
            job,
            set: """
                state = 'queued', last_error = \(bind: message), run_at = \(bind: Self.milliseconds(next)), updated_at = \(bind: nowMS),
                locked_by = NULL, lease_token = NULL, locked_until = NULL
                """
        )
        return changed ? .retryScheduled(at: next) : .notOwned
    }

    /// Gives the job back unfinished (a worker shutting down): queued again at once, the
    /// attempt not counted.
    ///
    /// - Returns: `false` when the claim no longer holds the job.
    @discardableResult
    public func release(_ job: ClaimedJob) async throws -> Bool {
        let now = Self.milliseconds(clock())
        return try await updateOwned(
            job,
            set: """
                state = 'queued', attempts = attempts - 1, run_at = \(bind: now), updated_at = \(bind: now),
                locked_by = NULL, lease_token = NULL, locked_until = NULL
                """
        )
    }

    /// Returns running jobs whose lease has expired (their worker died or hung) to the queue.
    ///
    /// The lost attempt counts: a job whose lost attempt was its last is dead. Safe to run
    /// from every replica at once (each job moves once). On PostgreSQL a job whose row is
    /// locked (its claim is writing under ``whileHolding(_:_:)``, perhaps from a process that
    /// froze mid-transaction) is passed over until a later round, rather than holding up the
    /// rescue of every other job.
    public func rescueExpired() async throws -> RescueReport {
        let sql = try store.db().sql()
        let now = Self.milliseconds(clock())
        func expired(_ condition: String) -> SQLQueryString {
            let filter: SQLQueryString = "state = 'running' AND locked_until < \(bind: now)\(unsafeRaw: condition)"
            switch store.backend {
            case .postgres:
                return "id = ANY(ARRAY(SELECT id FROM jobs WHERE \(filter) FOR UPDATE SKIP LOCKED))"
            case .sqlite:
                return filter
            }
        }
        let dead = try await sql.raw(
            """
            UPDATE jobs SET state = 'dead', last_error = 'the lease expired on the last attempt (worker ' || COALESCE(locked_by, '?') || ')',
            finished_at = \(bind: now), updated_at = \(bind: now), locked_by = NULL, lease_token = NULL, locked_until = NULL
            WHERE \(expired(" AND attempts >= max_attempts"))
            RETURNING id
            """
        ).all().map { try $0.decode(column: "id", as: Int64.self) }
        let requeued = try await sql.raw(
            """
            UPDATE jobs SET state = 'queued', last_error = 'the lease expired (worker ' || COALESCE(locked_by, '?') || ')',
            run_at = \(bind: now), updated_at = \(bind: now), locked_by = NULL, lease_token = NULL, locked_until = NULL
            WHERE \(expired(""))
            RETURNING id
            """
        ).all().map { try $0.decode(column: "id", as: Int64.self) }
        if !requeued.isEmpty {
            wake()
        }
        return RescueReport(requeued: requeued.sorted(), dead: dead.sorted())
    }

    // MARK: Operators (assay jobs list|retry|purge)

    /// The job with this id, if any.
    public func job(_ id: Int64) async throws -> Job? {
        let sql = try store.db().sql()
        return try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE id = \(bind: id)").first().map(Self.job(from:))
    }

    /// Jobs newest first, optionally of one state and kind, a page at a time.
    ///
    /// - Parameters:
    ///   - after: The `nextCursor` of the previous page.
    ///   - limit: The page size (1–1000).
    public func list(state: JobState? = nil, kind: String? = nil, after cursor: String? = nil, limit: Int = 50) async throws -> Page<Job> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        var filter: SQLQueryString = "1 = 1"
        if let state {
            filter.appendInterpolation(unsafeRaw: " AND state = ")
            filter.appendInterpolation(bind: state.rawValue)
        }
        if let kind {
            filter.appendInterpolation(unsafeRaw: " AND kind = ")
            filter.appendInterpolation(bind: kind)
        }
        if let cursor {
            guard let before = Int64(cursor) else { throw StoreError.invalidArgument("'\(cursor)' is not a job list cursor") }
            filter.appendInterpolation(unsafeRaw: " AND id < ")
            filter.appendInterpolation(bind: before)
        }
        let sql = try store.db().sql()
        let rows = try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM jobs WHERE \(filter) ORDER BY id DESC LIMIT \(bind: limit + 1)").all()
        let jobs = try rows.prefix(limit).map(Self.job(from:))
        return Page(items: jobs, nextCursor: rows.count > limit ? jobs.last.map { String($0.id) } : nil)
    }

    /// Queues a dead job again with a fresh set of attempts.
    ///
    /// - Throws: ``StoreError`` `notFound` when there is no such job, `invalidArgument` when it is not dead.
    public func retry(_ id: Int64) async throws -> Job {
        let sql = try store.db().sql()
        let now = Self.milliseconds(clock())
        let row = try await sql.raw(
            """
            UPDATE jobs SET state = 'queued', attempts = 0, run_at = \(bind: now), updated_at = \(bind: now), finished_at = NULL
            WHERE id = \(bind: id) AND state = 'dead'
            RETURNING \(unsafeRaw: Self.columns)
            """
        ).first()
        if let row {
            wake()
            return try Self.job(from: row)
        }
        guard let existing = try await job(id) else { throw StoreError.notFound("job \(id)") }
        throw StoreError.invalidArgument("job \(id) is \(existing.state.rawValue), not dead: only dead jobs can be retried")
    }

    /// Deletes finished jobs in `states` last changed before `date`.
    ///
    /// - Returns: How many jobs were deleted.
    /// - Throws: ``StoreError`` `invalidArgument` for a state that is not terminal (queued or running jobs are never purged).
    @discardableResult
    public func purge(states: Set<JobState> = [.succeeded, .dead], olderThan date: Date) async throws -> Int {
        guard !states.isEmpty else { return 0 }
        if let live = states.first(where: { !$0.isTerminal }) {
            throw StoreError.invalidArgument("\(live.rawValue) jobs cannot be purged; only succeeded and dead ones")
        }
        let sql = try store.db().sql()
        let rows = try await sql.raw(
            """
            DELETE FROM jobs WHERE state IN (\(binds: states.map(\.rawValue).sorted())) AND updated_at < \(bind: Self.milliseconds(date))
            RETURNING id
            """
        ).all()
        return rows.count
    }

    /// Jobs per state and the age of the oldest ready job.
    public func stats() async throws -> JobQueueStats {
        let sql = try store.db().sql()
        let now = Self.milliseconds(clock())
        var counts = Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0, 0) })
        for row in try await sql.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
            if let state = JobState(rawValue: try row.decode(column: "state", as: String.self)) {
                counts[state] = try row.decode(column: "n", as: Int.self)
            }
        }
        let oldest = try await sql.raw("SELECT MIN(run_at) AS oldest FROM jobs WHERE state = 'queued' AND run_at <= \(bind: now)").first()
        let oldestRunAt = try oldest.flatMap { row in try row.decodeNil(column: "oldest") ? nil : try row.decode(column: "oldest", as: Int64.self) }
        return JobQueueStats(counts: counts, oldestReadyAgeSeconds: oldestRunAt.map { Double(now - $0) / 1000 } ?? 0)
    }

    // MARK: Rows

    private func updateOwned(_ job: ClaimedJob, set: SQLQueryString) async throws -> Bool {
        let sql = try store.db().sql()
        let rows = try await sql.raw(
            "UPDATE jobs SET \(set) WHERE id = \(bind: job.id) AND state = 'running' AND lease_token = \(bind: job.leaseToken) RETURNING id"
        ).all()
        return !rows.isEmpty
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    static func date(_ milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    static func job(from row: any SQLRow) throws -> Job {
        func optional<T: Decodable>(_ column: String, _ type: T.Type) throws -> T? {
            try row.decodeNil(column: column) ? nil : row.decode(column: column, as: T.self)
        }
        let stateText = try row.decode(column: "state", as: String.self)
        guard let state = JobState(rawValue: stateText) else {
            throw StoreError.corruptRow("a job has the unknown state '\(stateText)'")
        }
        return Job(
            id: try row.decode(column: "id", as: Int64.self),
            kind: try row.decode(column: "kind", as: String.self),
            state: state,
            priority: try row.decode(column: "priority", as: Int.self),
            payload: try row.decode(column: "payload", as: String.self),
            result: try optional("result", String.self),
            idempotencyKey: try optional("idempotency_key", String.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            maxAttempts: try row.decode(column: "max_attempts", as: Int.self),
            runAt: date(try row.decode(column: "run_at", as: Int64.self)),
            lockedBy: try optional("locked_by", String.self),
            lockedUntil: try optional("locked_until", Int64.self).map(date),
            lastError: try optional("last_error", String.self),
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: date(try row.decode(column: "updated_at", as: Int64.self)),
            finishedAt: try optional("finished_at", Int64.self).map(date)
        )
    }
}
