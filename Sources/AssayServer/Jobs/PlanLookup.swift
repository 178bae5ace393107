import AssayStore
import FluentKit
import Foundation

/// The plan already generated from a spec version, if any (what makes a repeated spec-change
/// job a no-op).
enum PlanLookup {
    static func plan(of specVersionID: UUID, in dependencies: ServerDependencies) async throws -> UUID? {
        try await PlanModel.query(on: dependencies.store.database).filter(\.$specVersion.$id == specVersionID).sort(\.$version, .descending)
            .first()?.id
    }
}
