public import FluentKit

/// A row of the durable job queue. Times are Unix milliseconds (`BIGINT`) so the queue's SQL
/// compares them the same way on SQLite and PostgreSQL; use ``JobQueue``, not this model, to
/// change jobs.
public final class JobModel: Model, @unchecked Sendable {
    public static let schema = "jobs"

    @ID(custom: "id", generatedBy: .database) public var id: Int64?
    @Field(key: "kind") public var kind: String
    @Field(key: "state") public var state: String
    @Field(key: "priority") public var priority: Int
    @Field(key: "payload") public var payload: String
    @OptionalField(key: "result") public var result: String?
    @OptionalField(key: "idempotency_key") public var idempotencyKey: String?
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "max_attempts") public var maxAttempts: Int
    @Field(key: "run_at") public var runAt: Int64
    @OptionalField(key: "locked_by") public var lockedBy: String?
    @OptionalField(key: "lease_token") public var leaseToken: String?
    @OptionalField(key: "locked_until") public var lockedUntil: Int64?
    @OptionalField(key: "last_error") public var lastError: String?
    @Field(key: "created_at") public var createdAt: Int64
    @Field(key: "updated_at") public var updatedAt: Int64
    @OptionalField(key: "finished_at") public var finishedAt: Int64?

    /// An empty model, for Fluent.
    public init() {}
}
