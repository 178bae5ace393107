public import FluentKit
import Foundation

/// One problem a run found.
///
/// The `findings` table. Prefer the repositories; the model is public for queries they do not cover.
public final class FindingModel: Model, @unchecked Sendable {
    public static let schema = "findings"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "run_id") public var run: RunModel
    @Field(key: "operation") public var operation: String
    @Field(key: "check_name") public var check: String
    @Field(key: "severity") public var severity: String
    @Field(key: "message") public var message: String
    @Field(key: "fingerprint") public var fingerprint: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
