import AssayCore
import AssayData
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen
@testable import AssayMock

/// Each mutant breaks conformance in its one documented way: Assay's generated suite for
/// the pet store kills it, with failures only in the case kinds the catalog names.
@Suite struct MutantTests {
    @Test(arguments: MutantCatalog.all)
    func theGeneratedSuiteKillsTheMutantWhereTheCatalogSays(mutant: Mutant) async throws {
        let model = try await MockFixture.petstore()
        let plan = PlanConformanceTests.enhancedPlan(model)
        let evaluator = PlanEvaluator(model: model)
        var responder = MockResponder(model: model, options: MockOptions(mutant: mutant))
        let failed = plan.cases.map { evaluator.run($0) { responder.respond(to: $0) } }.filter { !$0.passed }
        #expect(!failed.isEmpty, "\(mutant.name) survives the generated suite")
        let outside = failed.filter { !mutant.caseKinds.contains($0.testCase.kind.rawValue) }
        #expect(outside.isEmpty, "\(mutant.name) also breaks \(outside.map(\.testCase.id))")
        print("mutant \(mutant.name): killed by \(failed.count) of \(plan.cases.count) cases (\(Set(failed.map(\.testCase.kind.rawValue)).sorted().joined(separator: ", ")))")
    }

    /// A request sequence per mutant whose answers differ from the conformant mock's.
    static func sequence(for mutant: Mutant) -> [MockRequest] {
        let bearer = [MockHeader("X-API-Key", "k"), MockHeader("Authorization", "Bearer t")]
        let create = MockRequest.petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog"])
        switch mutant {
        case .wrongStatus, .missingRequiredField, .wrongType, .wrongContentType, .missingHeader, .wrongLocation: return [create]
        case .acceptsInvalidInput: return [.petstore("GET", "/v1/pets?limit=1000")]
        case .crashOnOutOfRange: return [.petstore("POST", "/v1/pets", json: ["name": "", "species": "dog"])]
        case .ignoresAuth: return [MockRequest(method: "GET", target: "/v1/pets")]
        case .acceptsInvalidCredentials: return [.petstore("GET", "/v1/pets", headers: [MockHeader("X-API-Key", "assay-invalid-credential")])]
        case .ignoresUnknownID: return [.petstore("GET", "/v1/pets/999999937")]
        case .ignoresMethod: return [.petstore("PATCH", "/v1/pets/1")]
        case .ignoresContentType:
            return [MockRequest(method: "POST", target: "/v1/pets", headers: [MockHeader("X-API-Key", "k"), MockHeader("Content-Type", "text/plain")], body: Array("x".utf8))]
        case .deleteDoesNothing: return [create, .petstore("DELETE", "/v1/pets/1", headers: bearer), .petstore("GET", "/v1/pets/1")]
        case .staleReadAfterUpdate, .nonIdempotentPut:
            return [create, .petstore("PUT", "/v1/pets/1", json: ["name": "Max", "species": "cat"]), .petstore("GET", "/v1/pets/1")]
        case .createIgnoresInput: return [create, .petstore("GET", "/v1/pets/1")]
        case .putMerges:
            return [
                .petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog", "price": 12.5]),
                .petstore("PUT", "/v1/pets/1", json: ["name": "Max", "species": "cat"]), .petstore("GET", "/v1/pets/1"),
            ]
        case .slowResponse: return [.petstore("GET", "/v1/pets/1")]
        case .htmlErrors: return [.petstore("GET", "/v1/pets?limit=1000")]
        case .malformedHeader: return [.petstore("GET", "/v1/pets")]
        }
    }

    @Test(arguments: MutantCatalog.all)
    func everyMutantAnswersDifferentlyFromTheConformantMock(mutant: Mutant) async throws {
        let model = try await MockFixture.petstore()
        var conformant = MockResponder(model: model)
        var broken = MockResponder(model: model, options: MockOptions(mutant: mutant))
        let requests = Self.sequence(for: mutant)
        let expected = requests.map { conformant.respond(to: $0) }
        let actual = requests.map { broken.respond(to: $0) }
        #expect(expected != actual, "\(mutant.name) answers like the conformant mock")
        // The difference is in the last answer: the earlier requests only set the stage.
        #expect(expected.last != actual.last)
    }

    @Test func theWrongLocationNamesNothing() async throws {
        let model = try await MockFixture.petstore()
        var broken = MockResponder(model: model, options: MockOptions(mutant: .wrongLocation))
        let created = broken.respond(to: .petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog"]))
        let location = try #require(created.header("Location"))
        #expect(location != "/v1/pets/1")
        #expect(broken.respond(to: .petstore("GET", location)).status == 404)
        #expect(broken.respond(to: .petstore("GET", "/v1/pets/1")).json?["name"] == "Rex")
    }

    @Test func theSlowMutantIsSlowOverHTTP() async throws {
        let model = try await MockFixture.petstore()
        try await MockFixture.withServer(model, options: MockOptions(mutant: .slowResponse)) { mock async throws in
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await mock.send(.petstore("GET", "/v1/pets/1"))
            #expect(response.status == 200)
            #expect(clock.now - start >= .milliseconds(1_900))
        }
    }
}
