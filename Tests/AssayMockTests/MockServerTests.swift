import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayMock

/// The mock over real HTTP on 127.0.0.1: answers, validation, security, errors and state.
@Suite struct MockServerTests {
    static let validator = JSONSchemaValidator(dialect: .openAPI30, assertFormats: true)

    /// Validates a body against a component schema of the pet store.
    static func conforms(_ body: JSONValue?, to component: String, in model: APIModel) -> Bool {
        guard let body else { return false }
        let pointer = JSONPointer(tokens: ["components", "schemas", component])
        return validator.validate(body, against: model.document.value(at: pointer)!, in: model.document, schemaPointer: pointer).isEmpty
    }

    @Test func everyOperationAnswersAValidRequestWithASchemaValidBody() async throws {
        let model = try await MockFixture.petstore()
        try await MockFixture.withServer(model) { mock async throws in
            let list = try await mock.send(.petstore("GET", "/v1/pets?limit=3&status=available"))
            #expect(list.status == 200)
            #expect(list.header("Content-Type") == "application/json")
            #expect(list.header("X-Total-Count").flatMap(Int.init) != nil)
            let pets = try #require(list.json?.arrayValue)
            #expect(pets.allSatisfy { Self.conforms($0, to: "Pet", in: model) })

            let created = try await mock.send(.petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog", "tags": ["good"]]))
            #expect(created.status == 201)
            #expect(Self.conforms(created.json, to: "Pet", in: model), "\(created.text)")
            #expect(created.json?["name"] == "Rex")
            let id = try #require(created.json?["id"]?.intValue)
            #expect(created.header("Location") == "/v1/pets/\(id)")

            let read = try await mock.send(.petstore("GET", "/v1/pets/42"))
            #expect(read.status == 200)
            #expect(Self.conforms(read.json, to: "Pet", in: model))
            #expect(read.json?["id"] == 42, "an id never created reads as if it existed, under its own id")

            let replaced = try await mock.send(.petstore("PUT", "/v1/pets/42", json: ["name": "Tom", "species": "cat"]))
            #expect(replaced.status == 200)
            #expect(Self.conforms(replaced.json, to: "Pet", in: model))

            let order = try await mock.send(.petstore("POST", "/v1/orders", json: ["petId": 42, "quantity": 2]))
            #expect(order.status == 201)
            #expect(Self.conforms(order.json, to: "Order", in: model), "\(order.text)")
            let orderID = try #require(order.json?["id"]?.stringValue)
            let readOrder = try await mock.send(.petstore("GET", "/v1/orders/\(orderID)"))
            #expect(readOrder.status == 200)
            #expect(readOrder.json?["quantity"] == 2)

            let deleted = try await mock.send(.petstore("DELETE", "/v1/pets/42", headers: [MockHeader("Authorization", "Bearer token")]))
            #expect(deleted.status == 204)
            #expect(deleted.body.isEmpty)

            let health = try await mock.send(MockRequest(method: "GET", target: "/v1/health"))
            #expect(health.status == 200)
            #expect(health.json == ["status": "ok"])
        }
    }

    @Test func invalidRequestsGet400WithAnErrorBodyNamingWhatIsWrong() async throws {
        let model = try await MockFixture.petstore()
        try await MockFixture.withServer(model) { mock async throws in
            let outOfRange = try await mock.send(.petstore("GET", "/v1/pets?limit=0"))
            #expect(outOfRange.status == 400)
            #expect(outOfRange.json?["error"]?["code"] == "invalid_request")
            #expect(outOfRange.json?["error"]?["details"]?[0] == ["in": "query", "name": "limit", "keyword": "minimum", "message": "'0': 0 is less than the minimum 1"])
            #expect(Self.conforms(outOfRange.json, to: "Error", in: model))

            let notInEnum = try await mock.send(.petstore("GET", "/v1/pets?status=lost"))
            #expect(notInEnum.status == 400)
            let wrongType = try await mock.send(.petstore("GET", "/v1/pets/abc"))
            #expect(wrongType.status == 400)
            #expect(wrongType.json?["error"]?["details"]?[0]?["in"] == "path")

            let missingBody = try await mock.send(.petstore("POST", "/v1/pets"))
            #expect(missingBody.status == 400)
            #expect(missingBody.json?["error"]?["details"]?[0]?["message"] == "the request body is required")

            let badBody = try await mock.send(.petstore("POST", "/v1/pets", json: ["name": 7, "species": "dog", "colour": "red"]))
            #expect(badBody.status == 400)
            let details = try #require(badBody.json?["error"]?["details"]?.arrayValue)
            #expect(details.contains { $0["pointer"] == "/name" && $0["keyword"] == "type" })
            #expect(details.contains { $0["keyword"] == "additionalProperties" })

            let malformed = try await mock.send(
                MockRequest(method: "POST", target: "/v1/pets", headers: [MockHeader("X-API-Key", "k"), MockHeader("Content-Type", "application/json")], body: Array("{\"name\":".utf8)))
            #expect(malformed.status == 400)
            #expect(malformed.json?["error"]?["details"]?[0]?["keyword"] == "syntax")

            let format = try await mock.send(.petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog", "birthDate": "yesterday"]))
            #expect(format.status == 400, "body formats are asserted")
        }
    }

    @Test func securedOperationsNeedCredentials() async throws {
        let model = try await MockFixture.petstore()
        try await MockFixture.withServer(model) { mock async throws in
            let none = try await mock.send(.petstore("GET", "/v1/pets", headers: []))
            #expect(none.status == 401)
            #expect(none.header("WWW-Authenticate") == "APIKey realm=\"assay-mock\", name=\"X-API-Key\", in=\"header\"")
            #expect(none.json?["error"]?["code"] == "unauthorized")
            let invalid = try await mock.send(.petstore("GET", "/v1/pets", headers: [MockHeader("X-API-Key", "assay-invalid-credential")]))
            #expect(invalid.status == 401)
            #expect(invalid.json?["error"]?["code"] == "invalid_credentials")
            // deletePet takes a bearer token, not the API key.
            let keyOnly = try await mock.send(.petstore("DELETE", "/v1/pets/5"))
            #expect(keyOnly.status == 401)
            #expect(keyOnly.header("WWW-Authenticate") == "Bearer realm=\"assay-mock\"")
            let bearer = try await mock.send(.petstore("DELETE", "/v1/pets/5", headers: [MockHeader("Authorization", "Bearer abc")]))
            #expect(bearer.status == 204)
            let health = try await mock.send(MockRequest(method: "GET", target: "/v1/health"))
            #expect(health.status == 200, "security: [] opts out")
        }
        try await MockFixture.withServer(model, options: MockOptions(credentials: ["secret"])) { mock async throws in
            #expect(try await mock.send(.petstore("GET", "/v1/pets", headers: [MockHeader("X-API-Key", "other")])).status == 401)
            #expect(try await mock.send(.petstore("GET", "/v1/pets", headers: [MockHeader("X-API-Key", "secret")])).status == 200)
        }
    }

    @Test func basicAuthenticationAndKeysInQueriesAndCookies() async throws {
        let model = try await MockFixture.model(
            """
            openapi: 3.0.3
            info: {title: Auth, version: '1'}
            paths:
              /a:
                get:
                  security: [{basic: []}, {query: [], cookie: []}]
                  responses: {'200': {description: ok}}
            components:
              securitySchemes:
                basic: {type: http, scheme: basic}
                query: {type: apiKey, in: query, name: key}
                cookie: {type: apiKey, in: cookie, name: session}
            """)
        try await MockFixture.withServer(model, options: MockOptions(credentials: ["pw", "k", "s"])) { mock async throws in
            let basic = "Basic " + Data("user:pw".utf8).base64EncodedString()
            #expect(try await mock.send(MockRequest(method: "GET", target: "/a", headers: [MockHeader("Authorization", basic)])).status == 200)
            let wrong = "Basic " + Data("user:nope".utf8).base64EncodedString()
            #expect(try await mock.send(MockRequest(method: "GET", target: "/a", headers: [MockHeader("Authorization", wrong)])).status == 401)
            // The second alternative needs both the query key and the cookie.
            #expect(try await mock.send(MockRequest(method: "GET", target: "/a?key=k")).status == 401)
            #expect(try await mock.send(MockRequest(method: "GET", target: "/a?key=k", headers: [MockHeader("Cookie", "session=s")])).status == 200)
        }
    }

    @Test func methodMediaTypeAndUnknownIDErrors() async throws {
        let model = try await MockFixture.petstore()
        try await MockFixture.withServer(model) { mock async throws in
            let patch = try await mock.send(.petstore("PATCH", "/v1/pets/3", json: ["name": "x"]))
            #expect(patch.status == 405)
            #expect(patch.header("Allow") == "GET, PUT, DELETE")
            let text = try await mock.send(
                MockRequest(method: "POST", target: "/v1/pets", headers: [MockHeader("X-API-Key", "k"), MockHeader("Content-Type", "text/plain")], body: Array("hi".utf8)))
            #expect(text.status == 415)
            for id in ["2147483307", "999999937", "987654"] {
                let missing = try await mock.send(.petstore("GET", "/v1/pets/\(id)"))
                #expect(missing.status == 404, "\(id)")
                #expect(Self.conforms(missing.json, to: "Error", in: model))
            }
            let uuid = try await mock.send(.petstore("GET", "/v1/orders/00000000-0000-4000-8000-00000000abcd"))
            #expect(uuid.status == 404)
            let nowhere = try await mock.send(.petstore("GET", "/v1/nothing"))
            #expect(nowhere.status == 404)
        }
    }

    @Test func theUnknownIDConventionIsShared() {
        var random = SeededRandom(seed: 3)
        let candidates = UnknownResourceID.candidates(random: &random)
        #expect(candidates.allSatisfy(UnknownResourceID.isRecognised))
        #expect(candidates.contains { $0.stringValue?.hasPrefix("00000000-0000-4000-8000-") == true && $0.stringValue?.count == 36 })
        #expect(UnknownResourceID.isRecognised("zz-assay-missing"))
        #expect(!UnknownResourceID.isRecognised("42"))
        #expect(!UnknownResourceID.isRecognised(.integer(2_147_483_601)))
    }

    @Test func resourcesAreCreatedReadUpdatedAndDeleted() async throws {
        let model = try await MockFixture.petstore()
        let bearer = [MockHeader("X-API-Key", "k"), MockHeader("Authorization", "Bearer t")]
        try await MockFixture.withServer(model) { mock async throws in
            let created = try await mock.send(.petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog", "price": 12.5]))
            #expect(created.status == 201)
            let location = try #require(created.header("Location"))
            let read = try await mock.send(.petstore("GET", location))
            #expect(read.status == 200)
            #expect(read.text == created.text, "a read shows what the create answered")
            #expect(read.json?["name"] == "Rex")
            #expect(read.json?["price"] == 12.5)

            let updated = try await mock.send(.petstore("PUT", location, json: ["name": "Max", "species": "cat"]))
            #expect(updated.status == 200)
            #expect(updated.json?["name"] == "Max")
            let again = try await mock.send(.petstore("GET", location))
            #expect(again.json?["name"] == "Max")
            #expect(again.json?["species"] == "cat")
            #expect(again.json?["price"] == nil, "PUT replaces: a member left out is gone")
            #expect(again.json?["id"] == created.json?["id"])

            let second = try await mock.send(.petstore("POST", "/v1/pets", json: ["name": "Bo", "species": "fish"]))
            #expect(second.json?["id"] != created.json?["id"])

            #expect(try await mock.send(.petstore("DELETE", location, headers: bearer)).status == 204)
            #expect(try await mock.send(.petstore("GET", location)).status == 404)
            #expect(try await mock.send(.petstore("DELETE", location, headers: bearer)).status == 404)
            // PUT may create again what it names.
            #expect(try await mock.send(.petstore("PUT", location, json: ["name": "Rex", "species": "dog"])).status == 200)
            #expect(try await mock.send(.petstore("GET", location)).json?["name"] == "Rex")
        }
    }

    @Test func theSameSeedAndRequestsGiveTheSameBytes() async throws {
        let model = try await MockFixture.petstore()
        let requests: [MockRequest] = [
            .petstore("GET", "/v1/pets"), .petstore("POST", "/v1/pets", json: ["name": "Rex", "species": "dog"]),
            .petstore("GET", "/v1/pets/1"), .petstore("GET", "/v1/pets/77"), .petstore("POST", "/v1/orders", json: ["petId": 1, "quantity": 1]),
            .petstore("GET", "/v1/pets?limit=x"),
        ]
        func run(seed: UInt64) async throws -> [MockResponse] {
            try await MockFixture.withServer(model, options: MockOptions(seed: seed)) { mock async throws in
                var responses: [MockResponse] = []
                for request in requests {
                    var response = try await mock.send(request)
                    response.headers.removeAll { $0.name.lowercased() == "date" }
                    responses.append(response)
                }
                return responses
            }
        }
        let first = try await run(seed: 5)
        let second = try await run(seed: 5)
        #expect(first == second)
        let other = try await run(seed: 6)
        #expect(first.map(\.body) != other.map(\.body))
        // In-process, the same.
        var a = MockResponder(model: model, options: MockOptions(seed: 5))
        var b = MockResponder(model: model, options: MockOptions(seed: 5))
        for request in requests { #expect(a.respond(to: request) == b.respond(to: request)) }
    }

    @Test func pathsAnswerWithAndWithoutTheBasePath() async throws {
        let model = try await MockFixture.petstore()
        var responder = MockResponder(model: model)
        #expect(responder.respond(to: .petstore("GET", "/pets/3")).status == 200)
        #expect(responder.respond(to: .petstore("GET", "/v1/pets/3")).status == 200)
        #expect(responder.respond(to: .petstore("HEAD", "/v1/pets/3")).body.isEmpty)
    }

    @Test func theCatalogListsEveryMutantOnce() {
        #expect(Set(MutantCatalog.all.map(\.name)).count == MutantCatalog.all.count)
        #expect(MutantCatalog.named("delete-does-nothing") == .deleteDoesNothing)
        #expect(MutantCatalog.named("nope") == nil)
        for mutant in MutantCatalog.all {
            #expect(MutantCatalog.listing.contains(mutant.name))
            #expect(!mutant.summary.isEmpty && !mutant.killedBy.isEmpty && !mutant.caseKinds.isEmpty)
        }
    }
}
