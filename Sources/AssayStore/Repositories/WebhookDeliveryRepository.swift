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
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let headersJSON = String(decoding: try encoder.encode(headers), as: UTF8.self)
        let queue = self.queue
        let result: (WebhookDelivery, Bool)
        do {
            result = try await insert(
                source: source,
                deliveryID: deliveryID,
                projectID: projectID,
                headersJSON: headersJSON,
                summary: summary,
                jobKind: jobKind,
                jobPayloadJSON: jobPayloadJSON
            )
        } catch {
            // The same delivery arrived twice at once and the other copy committed first.
            guard (error as? any DatabaseError)?.isConstraintFailure == true,
                let existing = try await get(source: source, deliveryID: deliveryID)
            else { throw error }
            return (existing, false)
        }
        if result.1 {
            queue.wake()
        }
        return result
    }

    private func insert(
        source: String,
        deliveryID: String,
        projectID: UUID?,
        headersJSON: String,
        summary: String?,
        jobKind: String,
        jobPayloadJSON: String
    ) async throws -> (WebhookDelivery, Bool) {
        let queue = self.queue
        return try await queue.store.db().transaction { db -> (WebhookDelivery, Bool) in
            // The job's idempotency key is the delivery's, and both are written together: a
            // job already there means the delivery is recorded. (When that job was purged, a
            // new one is inserted, the delivery's insert below hits the unique key and the
            // transaction rolls back: `record` then returns the first record.)
            let job = try await queue.enqueue(
                kind: jobKind,
                payloadJSON: jobPayloadJSON,
                idempotencyKey: "webhook:\(source):\(deliveryID)",
                on: db
            )
            if !job.inserted,
                let existing = try await WebhookDeliveryModel.query(on: db)
                    .filter(\.$source == source).filter(\.$deliveryID == deliveryID).first()
            {
                return (try WebhookDelivery(existing), false)
            }
            let model = WebhookDeliveryModel()
            model.id = UUID()
            model.$project.id = projectID
            model.source = source
            model.deliveryID = deliveryID
            model.headers = headersJSON
            model.summary = summary
            model.jobID = job.job.id
            model.receivedAt = Date()
            // Plain SQL: a model's create reflects over its properties on every call, most of
            // the CPU a delivery costs at webhook rates (bench/webhook-ingest.sh).
            try await db.sql().raw(
                """
                INSERT INTO webhook_deliveries (id, project_id, source, delivery_id, headers, summary, job_id, received_at)
                VALUES (\(bind: model.id), \(bind: projectID), \(bind: source), \(bind: deliveryID), \(bind: headersJSON), \(bind: summary), \(bind: job.job.id), \(bind: model.receivedAt))
                """
            ).run()
            return (try WebhookDelivery(model), true)
        }
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
