import FluentKit
public import Foundation
import SQLKit

/// Records webhook deliveries and enqueues their jobs, once per delivery.
public struct WebhookDeliveryRepository: Sendable {
    /// The queue the deliveries' jobs go to (and its store).
    public let queue: JobQueue

    /// A repository writing to `queue`'s store.
    public init(queue: JobQueue) {
        self.queue = queue
    }

    /// Records a delivery and enqueues its job in one transaction; a redelivery (same source
    /// and delivery id) changes nothing and returns the first record.
    ///
    /// - Returns: The delivery, and whether it is new.
    public func record(
        source: String,
        deliveryID: String,
        projectID: UUID? = nil,
        headers: [String: String] = [:],
        summary: String? = nil,
        jobKind: String,
        jobPayloadJSON: String
    ) async throws -> (delivery: WebhookDelivery, inserted: Bool) {
        try await record(
            NewDelivery(
                source: source,
                deliveryID: deliveryID,
                projectID: projectID,
                headers: headers,
                summary: summary,
                jobKind: jobKind,
                jobPayloadJSON: jobPayloadJSON
            )
        )
    }

    /// A delivery to record.
    public struct NewDelivery: Sendable {
        public var source: String
        public var deliveryID: String
        public var projectID: UUID?
        public var headers: [String: String]
        public var summary: String?
        public var jobKind: String
        public var jobPayloadJSON: String

        public init(
            source: String,
            deliveryID: String,
            projectID: UUID? = nil,
            headers: [String: String] = [:],
            summary: String? = nil,
            jobKind: String,
            jobPayloadJSON: String
        ) {
            self.source = source
            self.deliveryID = deliveryID
            self.projectID = projectID
            self.headers = headers
            self.summary = summary
            self.jobKind = jobKind
            self.jobPayloadJSON = jobPayloadJSON
        }
    }

    /// Records `delivery`, as ``record(source:deliveryID:projectID:headers:summary:jobKind:jobPayloadJSON:)``.
    public func record(_ delivery: NewDelivery) async throws -> (delivery: WebhookDelivery, inserted: Bool) {
        let queue = self.queue
        let result: (WebhookDelivery, Bool)
        do {
            result = try await queue.store.db().transaction { db in try await Self.write(delivery, queue: queue, on: db) }
        } catch {
            // The same delivery arrived twice at once and the other copy committed first.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                let existing = try await get(source: delivery.source, deliveryID: delivery.deliveryID)
            else { throw error }
            return (existing, false)
        }
        if result.1 {
            queue.wake()
        }
        return result
    }

    /// Records several deliveries in one transaction (a group commit: on SQLite, whose one
    /// connection writes one transaction at a time, they share BEGIN and COMMIT), each as
    /// ``record(source:deliveryID:projectID:headers:summary:jobKind:jobPayloadJSON:)`` would.
    ///
    /// When the shared transaction fails (a copy of one delivery committed first, say), each
    /// delivery is recorded on its own, so one cannot fail the others.
    ///
    /// - Returns: Each delivery's outcome, in order.
    public func record(_ deliveries: [NewDelivery]) async -> [Result<(delivery: WebhookDelivery, inserted: Bool), any Error>] {
        if deliveries.count > 1 {
            let queue = self.queue
            do {
                let written = try await queue.store.db().transaction { db in
                    var written: [(delivery: WebhookDelivery, inserted: Bool)] = []
                    for delivery in deliveries {
                        written.append(try await Self.write(delivery, queue: queue, on: db))
                    }
                    return written
                }
                if written.contains(where: \.inserted) {
                    queue.wake()
                }
                return written.map { .success($0) }
            } catch {
                // Recorded one by one below.
            }
        }
        var outcomes: [Result<(delivery: WebhookDelivery, inserted: Bool), any Error>] = []
        for delivery in deliveries {
            do {
                outcomes.append(.success(try await record(delivery)))
            } catch {
                outcomes.append(.failure(error))
            }
        }
        return outcomes
    }

    /// Writes `delivery` and its job in the transaction `db` is in.
    private static func write(
        _ delivery: NewDelivery,
        queue: JobQueue,
        on db: any Database
    ) async throws -> (
        delivery: WebhookDelivery, inserted: Bool
    ) {
        // The job's idempotency key is the delivery's, and both are written together: a job
        // already there means the delivery is recorded. (When that job was purged, a new one
        // is inserted, the delivery's insert below hits the unique key and the transaction
        // rolls back: `record` then returns the first record.)
        let job = try await queue.enqueue(
            kind: delivery.jobKind,
            payloadJSON: delivery.jobPayloadJSON,
            idempotencyKey: "webhook:\(delivery.source):\(delivery.deliveryID)",
            on: db
        )
        if !job.inserted,
            let existing = try await WebhookDeliveryModel.query(on: db)
                .filter(\.$source == delivery.source).filter(\.$deliveryID == delivery.deliveryID).first()
        {
            return (try WebhookDelivery(existing), false)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let model = WebhookDeliveryModel()
        model.id = UUID()
        model.$project.id = delivery.projectID
        model.source = delivery.source
        model.deliveryID = delivery.deliveryID
        model.headers = String(decoding: try encoder.encode(delivery.headers), as: UTF8.self)
        model.summary = delivery.summary
        model.jobID = job.job.id
        model.receivedAt = Date()
        // Plain SQL: a model's create reflects over its properties on every call, most of
        // the CPU a delivery costs at webhook rates (bench/webhook-ingest.sh).
        try await db.sql().raw(
            """
            INSERT INTO webhook_deliveries (id, project_id, source, delivery_id, headers, summary, job_id, received_at)
            VALUES (\(bind: model.id), \(bind: model.$project.id), \(bind: model.source), \(bind: model.deliveryID), \(bind: model.headers), \(bind: model.summary), \(bind: model.jobID), \(bind: model.receivedAt))
            """
        ).run()
        return (try WebhookDelivery(model), true)
    }

    /// The delivery of this source and id, if recorded.
    public func get(source: String, deliveryID: String) async throws -> WebhookDelivery? {
        try await WebhookDeliveryModel.query(on: queue.store.db())
            .filter(\.$source == source).filter(\.$deliveryID == deliveryID).first().map(WebhookDelivery.init)
    }

    /// The most recent deliveries, newest first.
    public func recent(limit: Int = 50) async throws -> [WebhookDelivery] {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the count must be from 1 to 1000, not \(limit)") }
        return try await WebhookDeliveryModel.query(on: queue.store.db()).sort(\.$receivedAt, .descending).limit(limit).all()
            .map(WebhookDelivery.init)
    }
}
