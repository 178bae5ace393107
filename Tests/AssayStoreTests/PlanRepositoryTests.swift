import AssayStore
import AssayTestSupport
import Foundation
import SQLKit
import Testing

struct PlanRepositoryTests {
    @Test(arguments: DatabaseBackend.allCases)
    func plansAreVersionedSoftDeletedRestoredAndAudited(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let project = try await ProjectRepository(store: store).create(slug: "shop", name: "Shop")
            let plans = PlanRepository(store: store)
            let v1 = try await plans.save(projectID: project.id, content: #"{"cases":1}"#, reason: "first plan", actor: "cli")
            let v2 = try await plans.save(projectID: project.id, content: #"{"cases":2}"#, reason: "spec changed", actor: "webhook:github")
            #expect(v1.version == 1 && v2.version == 2)
            #expect(try await plans.latest(projectID: project.id)?.id == v2.id)

            #expect(try await plans.delete(v2.id, reason: "bad generation", actor: "alice"))
            #expect(try await plans.delete(v2.id, reason: "again", actor: "alice") == false)
            #expect(try await plans.latest(projectID: project.id)?.id == v1.id, "a deleted version is hidden")
            #expect(try await plans.get(v2.id) == nil)
            #expect(try await plans.get(v2.id, includeDeleted: true)?.deletedAt != nil)
            #expect(try await plans.list(projectID: project.id).items.map(\.version) == [1])
            #expect(try await plans.list(projectID: project.id, includeDeleted: true).items.map(\.version) == [2, 1])
            #expect(try await count("plans", in: store) == 2, "soft delete keeps the row")

            let v3 = try await plans.save(projectID: project.id, content: #"{"cases":3}"#, reason: "regenerated", actor: "cli")
            #expect(v3.version == 3, "a deleted version keeps its number")
            #expect(try await plans.restore(v2.id, reason: "was fine after all", actor: "alice"))
            #expect(try await plans.get(v2.id)?.deletedAt == nil)

            let trail = try await AuditTrail(store: store).entries(entity: PlanRepository.auditEntity, entityID: v2.id.uuidString)
            #expect(trail.map(\.action) == ["create", "delete", "restore"])
            #expect(trail.map(\.reason) == ["spec changed", "bad generation", "was fine after all"])
            #expect(trail.map(\.actor) == ["webhook:github", "alice", "alice"])

            // Plans cannot outlive their project; the audit trail does.
            #expect(try await ProjectRepository(store: store).delete(project.id))
            #expect(try await count("plans", in: store) == 0)
            #expect(try await count("audit_entries", in: store) == 5)
        }
    }

    @Test func aShutDownStoreThrowsInsteadOfCrashing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try await Store.open(
            StoreConfiguration(location: .sqlite(path: directory.appendingPathComponent("a.sqlite").path)),
            logger: TestDatabase.logger
        )
        try await store.migrate()
        await store.shutdown()
        await #expect(throws: StoreError.shutDown) { _ = try await JobQueue(store: store).enqueue(kind: "k") }
        await #expect(throws: StoreError.shutDown) { _ = try await ProjectRepository(store: store).list() }
        #expect(await store.migrationsApplied() == false)
    }

    @Test func twoProcessesSharingOneSQLiteFileNeverClaimTheSameJob() async throws {
        // Two stores on one file stand for the server and a CLI (separate connections).
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shared.sqlite").path
        let first = try await Store.open(StoreConfiguration(location: .sqlite(path: path)), logger: TestDatabase.logger)
        let second = try await Store.open(StoreConfiguration(location: .sqlite(path: path)), logger: TestDatabase.logger)
        do {
            try await claimConcurrently(first, second)
            await first.shutdown()
            await second.shutdown()
        } catch {
            await first.shutdown()
            await second.shutdown()
            throw error
        }
    }

    private func claimConcurrently(_ first: Store, _ second: Store) async throws {
        try await first.migrate()
        #expect(await second.migrationsApplied())
        let queues = [JobQueue(store: first), JobQueue(store: second)]
        for index in 0..<200 {
            try await queues[index % 2].enqueue(kind: "k")
        }
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<6 {
                let queue = queues[worker % 2]
                group.addTask {
                    var mine: [Int64] = []
                    while true {
                        let jobs = try await queue.claim(workerID: "w\(worker)", lease: .seconds(60), limit: 2)
                        if jobs.isEmpty { return mine }
                        mine += jobs.map(\.id)
                    }
                }
            }
            var all: [Int64] = []
            for try await ids in group { all += ids }
            return all
        }
        #expect(claimed.count == 200)
        #expect(Set(claimed).count == 200)
        #expect(try await count("jobs", where: "state = 'running'", in: first) == 200)
    }
}

struct EmittedSuiteRepositoryTests {
    @Test(arguments: DatabaseBackend.allCases)
    func suitesAreVersionedPerProjectSoftDeletedAndCascadeWithTheirPlan(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let project = try await ProjectRepository(store: store).create(slug: "shop", name: "Shop")
            let plan = try await PlanRepository(store: store).save(projectID: project.id, content: "{}", reason: "first", actor: "cli")
            let suites = EmittedSuiteRepository(store: store)
            let s1 = try await suites.save(planID: plan.id, framework: "pytest", files: #"{"test_a.py":"..."}"#, reason: "emit", actor: "cli")
            let s2 = try await suites.save(planID: plan.id, framework: "pytest", files: #"{"test_b.py":"..."}"#, reason: "emit", actor: "cli")
            #expect(s1.version == 1 && s2.version == 2 && s1.projectID == project.id)
            #expect(try await suites.delete(s2.id, reason: "flaky", actor: "bob"))
            #expect(try await suites.latest(projectID: project.id)?.id == s1.id)
            #expect(try await suites.list(projectID: project.id, includeDeleted: true).items.map(\.version) == [2, 1])
            #expect(try await suites.restore(s2.id, reason: "fixed", actor: "bob"))
            #expect(try await suites.latest(projectID: project.id)?.id == s2.id)
            let trail = try await AuditTrail(store: store).entries(entity: EmittedSuiteRepository.auditEntity, entityID: s2.id.uuidString)
            #expect(trail.map(\.action) == ["create", "delete", "restore"])
            await #expect(throws: StoreError.self) {
                _ = try await suites.save(planID: UUID(), framework: "pytest", files: "{}", reason: "x", actor: "y")
            }
            // A suite cannot outlive its plan (hard delete of the plan row).
            try await store.database.sql().raw("DELETE FROM plans WHERE id = \(bind: plan.id)").run()
            #expect(try await count("emitted_suites", in: store) == 0)
        }
    }
}
