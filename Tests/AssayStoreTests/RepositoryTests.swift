import AssayStore
import AssayTestSupport
import Foundation
import Testing

struct RepositoryTests {
    @Test(arguments: DatabaseBackend.allCases)
    func projectsAreCreatedFoundAndListedByCursor(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let projects = ProjectRepository(store: store)
            for slug in ["delta", "alpha", "echo", "charlie", "bravo"] {
                _ = try await projects.create(slug: slug, name: slug.capitalized, repositoryURL: "https://git.example/\(slug)")
            }
            await #expect(throws: StoreError.self) { _ = try await projects.create(slug: "alpha", name: "Again") }
            await #expect(throws: StoreError.self) { _ = try await projects.create(slug: "Bad Slug", name: "x") }
            var slugs: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let page = try await projects.list(after: cursor, limit: 2)
                slugs += page.items.map(\.slug)
                cursor = page.nextCursor
                pages += 1
            } while cursor != nil
            #expect(slugs == ["alpha", "bravo", "charlie", "delta", "echo"])
            #expect(pages == 3)
            let echo = try #require(try await projects.get(slug: "echo"))
            #expect(echo.repositoryURL == "https://git.example/echo")
            #expect(try await projects.get(echo.id)?.slug == "echo")
            #expect(try await projects.delete(echo.id))
            #expect(try await projects.get(echo.id) == nil)
            #expect(try await projects.delete(echo.id) == false)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func specVersionsAreNumberedAndDeduplicatedByContent(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let project = try await ProjectRepository(store: store).create(slug: "pets", name: "Pets")
            let specs = SpecVersionRepository(store: store)
            let first = try await specs.record(
                projectID: project.id,
                content: Data("openapi: 3.1.0".utf8),
                source: "file:pets.yaml",
                summary: #"{"operations":3}"#
            )
            let same = try await specs.record(projectID: project.id, content: Data("openapi: 3.1.0".utf8), source: "webhook:github")
            let second = try await specs.record(projectID: project.id, content: Data("openapi: 3.1.1".utf8), source: "webhook:github")
            #expect(first.inserted && !same.inserted && second.inserted)
            #expect(first.version.version == 1 && same.version.id == first.version.id && second.version.version == 2)
            #expect(first.version.contentHash == SpecVersionRepository.contentHash(Data("openapi: 3.1.0".utf8)))
            #expect(first.version.contentHash.count == 64)
            #expect(first.version.summary == #"{"operations":3}"#)
            #expect(try await specs.latest(projectID: project.id)?.version == 2)
            let page = try await specs.list(projectID: project.id, limit: 1)
            #expect(page.items.map(\.version) == [2])
            let next = try await specs.list(projectID: project.id, after: page.nextCursor, limit: 1)
            #expect(next.items.map(\.version) == [1] && next.nextCursor == nil)
            // Concurrent records of new content get consecutive numbers.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<8 {
                    group.addTask { try await specs.record(projectID: project.id, content: Data("v\(index)".utf8), source: "test") }
                }
                try await group.waitForAll()
            }
            let all = try await specs.list(projectID: project.id, limit: 100).items.map(\.version)
            #expect(all == Array((1...10).reversed()))
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func aWebhookDeliveryIsRecordedWithItsJobOnce(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let deliveries = WebhookDeliveryRepository(queue: queue)
            let first = try await deliveries.record(
                source: "github",
                deliveryID: "d-1",
                headers: ["X-GitHub-Event": "push"],
                jobKind: "fetch-spec",
                jobPayloadJSON: #"{"ref":"main"}"#
            )
            let again = try await deliveries.record(source: "github", deliveryID: "d-1", jobKind: "fetch-spec", jobPayloadJSON: "{}")
            let other = try await deliveries.record(source: "gitlab", deliveryID: "d-1", jobKind: "fetch-spec", jobPayloadJSON: "{}")
            #expect(first.inserted && !again.inserted && other.inserted)
            #expect(again.delivery.id == first.delivery.id)
            let jobID = try #require(first.delivery.jobID)
            let job = try #require(try await queue.job(jobID))
            #expect(job.kind == "fetch-spec" && job.payload == #"{"ref":"main"}"# && job.idempotencyKey == "webhook:github:d-1")
            #expect(first.delivery.headers == #"{"X-GitHub-Event":"push"}"#)
            #expect(try await count("jobs", in: store) == 2)
            #expect(try await count("webhook_deliveries", in: store) == 2)
            #expect(try await deliveries.get(source: "github", deliveryID: "d-1")?.id == first.delivery.id)
            #expect(try await deliveries.recent(limit: 10).count == 2)
            // Purging the job keeps the delivery's record (job_id becomes NULL).
            let claimed = try #require(try await queue.claim(workerID: "w", lease: .seconds(30), limit: 2).first { $0.id == jobID })
            #expect(try await queue.complete(claimed))
            #expect(try await queue.purge(olderThan: Date().addingTimeInterval(60)) == 1)
            #expect(try await deliveries.get(source: "github", deliveryID: "d-1")?.jobID == nil)
            // The same delivery arriving several times at once is recorded once, with one job.
            let copies = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await deliveries.record(source: "github", deliveryID: "d-2", jobKind: "fetch-spec", jobPayloadJSON: "{}").inserted
                    }
                }
                var inserted: [Bool] = []
                for try await copy in group { inserted.append(copy) }
                return inserted
            }
            #expect(copies.filter { $0 }.count == 1)
            #expect(try await count("webhook_deliveries", where: "delivery_id = 'd-2'", in: store) == 1)
            #expect(try await count("jobs", where: "idempotency_key = 'webhook:github:d-2'", in: store) == 1)
        }
    }
}
