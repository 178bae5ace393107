import FluentKit
public import Foundation

/// A webhook delivery as received, and the job it started.
public struct WebhookDelivery: Sendable, Hashable, Codable, Identifiable {
    /// The record's id.
    public var id: UUID
    /// The project it concerns, if known.
    public var projectID: UUID?
    /// Who sent it (`github`, `gitlab`, …).
    public var source: String
    /// The sender's id of the delivery, unique per source (`X-GitHub-Delivery`).
    public var deliveryID: String
    /// The request headers kept for diagnosis (JSON object text).
    public var headers: String
    /// A summary of the payload (JSON text).
    public var summary: String?
    /// The job enqueued for it (nil once that job is purged).
    public var jobID: Int64?
    /// When it arrived.
    public var receivedAt: Date

    init(_ model: WebhookDeliveryModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a webhook delivery without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.source = model.source
        self.deliveryID = model.deliveryID
        self.headers = model.headers
        self.summary = model.summary
        self.jobID = model.jobID
        self.receivedAt = model.receivedAt
    }
}
