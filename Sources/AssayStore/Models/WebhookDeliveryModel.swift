public import FluentKit
import Foundation

/// One webhook delivery as received: who sent it, its delivery id (unique per source) and the job it started.
///
/// The `webhook_deliveries` table. Prefer the repositories; the model is public for queries they do not cover.
public final class WebhookDeliveryModel: Model, @unchecked Sendable {
    public static let schema = "webhook_deliveries"

    @ID(key: .id) public var id: UUID?
    @OptionalParent(key: "project_id") public var project: ProjectModel?
    @Field(key: "source") public var source: String
    @Field(key: "delivery_id") public var deliveryID: String
    @Field(key: "headers") public var headers: String
    @OptionalField(key: "summary") public var summary: String?
    @OptionalField(key: "job_id") public var jobID: Int64?
    @Field(key: "received_at") public var receivedAt: Date

    /// An empty model, for Fluent.
    public init() {}
}
