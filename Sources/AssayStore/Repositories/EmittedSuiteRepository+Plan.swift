import FluentKit
public import Foundation

extension EmittedSuiteRepository {
    /// The newest live suite of `framework` emitted from the plan `planID`, or `nil` when
    /// none was (or every one is deleted).
    ///
    /// A plan usually has one suite; a suite emitted again from the same plan is a newer
    /// version of it, and that is the one returned.
    public func latest(planID: UUID, framework: String = "pytest") async throws -> EmittedSuite? {
        try await EmittedSuiteModel.query(on: store.db())
            .filter(\.$plan.$id == planID)
            .filter(\.$framework == framework)
            .sort(\.$version, .descending)
            .first()
            .map(EmittedSuite.init)
    }
}
