import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

/// Stateful flows: CRUD chains linked through OpenAPI links or inferred id relations,
/// parents created first, and the emitted pytest run against real servers on 127.0.0.1.
@Suite struct FlowPlanningTests {
    /// Loads a description written in a test.
    static func model(_ yaml: String) async throws -> APIModel {
        try await SpecLoader().load(.text(yaml, name: "flows.yaml")).model
    }

    static func flows(_ model: APIModel) -> [TestCase] {
        TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: [.flow], seed: 4)).plan().cases
    }

    @Test func petstoreGetsACrudFlowAndTheLinkFlow() async throws {
        let model = try await petstore()
        let cases = Self.flows(model)
        let crud = try #require(cases.first { $0.id == "createPet.flow.crud" })
        #expect(crud.kind == .flow)
        #expect(crud.steps.map(\.operation) == [
            "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}", "GET /pets/{petId}", "DELETE /pets/{petId}", "GET /pets/{petId}",
        ])
        // The link says where the id is; every later step sends the captured value.
        #expect(crud.steps[0].captures == [Capture(name: "petId", source: .body(JSONPointer(tokens: ["id"])))])
        for step in crud.steps.dropFirst() {
            #expect(step.request.pathParameters.map(\.value) == [.captured("petId")])
        }
        #expect(crud.steps.last?.expect.status == StatusExpectation(codes: [404, 410]))
        // What the create sent is read back; then what the update sent.
        guard case .literal(.object(let created))? = crud.steps[0].request.body?.value,
            case .literal(.object(let updated))? = crud.steps[2].request.body?.value
        else {
            Issue.record("the create and update steps send JSON objects")
            return
        }
        let readBack = crud.steps[1].expect.bodyValues
        #expect(!readBack.isEmpty)
        for check in readBack { #expect(.literal(created[check.pointer.tokens[0]]!) == check.value) }
        for check in crud.steps[3].expect.bodyValues { #expect(.literal(updated[check.pointer.tokens[0]]!) == check.value) }
        // The link GetPet, followed on its own.
        let link = try #require(cases.first { $0.id == "createPet.flow.link-getpet" })
        #expect(link.steps.map(\.operation) == ["POST /pets", "GET /pets/{petId}"])
        #expect(link.steps[1].request.pathParameters.first?.value == .captured(link.steps[0].captures.first?.name ?? "?"))
        // Orders have no update or delete: create and read back only.
        let order = try #require(cases.first { $0.id == "placeOrder.flow.crud" })
        #expect(order.steps.map(\.operation) == ["POST /orders", "GET /orders/{orderId}"])
        // The standard strategy makes no flows; the JSON form keeps them.
        #expect(TestPlanner(model: model).plan().cases.allSatisfy { $0.kind != .flow })
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: [.flow])).plan()
        #expect(try TestPlan(jsonBytes: plan.jsonBytes()) == plan)
    }

    static let nested = """
        openapi: 3.0.3
        info: {title: Clinic, version: '1'}
        paths:
          /owners:
            post:
              operationId: createOwner
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [name], properties: {name: {type: string, maxLength: 30}}}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Owner'}
          /owners/{ownerId}:
            get:
              operationId: getOwner
              parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok}
          /owners/{ownerId}/pets:
            post:
              operationId: addPet
              parameters: [{name: ownerId, in: path, required: true, schema: {type: string}}]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, required: [name], properties: {name: {type: string, maxLength: 30}}}
              responses:
                '201':
                  description: created
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          data: {type: object, properties: {pet_id: {type: integer}, name: {type: string}}}
          /owners/{ownerId}/pets/{petId}:
            parameters:
              - {name: ownerId, in: path, required: true, schema: {type: string}}
              - {name: petId, in: path, required: true, schema: {type: integer}}
            delete:
              operationId: removePet
              responses:
                '204': {description: gone}
          /users:
            post:
              operationId: createUser
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      type: object
                      required: [username, email]
                      properties: {username: {type: string, pattern: '^[a-z]{4,10}$'}, email: {type: string, format: email}}
              responses:
                '201': {description: created}
          /users/{username}:
            get:
              operationId: getUser
              parameters: [{name: username, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok}
          /stores/{storeName}:
            parameters: [{name: storeName, in: path, required: true, schema: {type: string, pattern: '^[a-z]{3,12}$'}}]
            put:
              operationId: createOrUpdateStore
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, properties: {location: {type: string, enum: [westeurope, eastus]}}}
              responses:
                '200': {description: updated}
                '201': {description: created}
            get:
              operationId: getStore
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: object, properties: {location: {type: string}}}
                '404': {description: no such store}
            patch:
              operationId: updateStore
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {type: object, properties: {location: {type: string, enum: [westeurope, eastus]}}}
              responses:
                '200': {description: updated}
            delete:
              operationId: deleteStore
              responses:
                '200': {description: deleted}
                '204': {description: nothing to delete}
          /notes:
            post:
              operationId: addNote
              responses:
                '204': {description: stored}
          /notes/{noteId}:
            get:
              operationId: getNote
              parameters: [{name: noteId, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok}
        components:
          schemas:
            Owner:
              allOf:
                - type: object
                  properties: {id: {type: string, format: uuid}}
                - type: object
                  properties: {name: {type: string}}
        """

    @Test func parentsAreCreatedFirstAndIdsFoundWhereverTheyAre() async throws {
        let model = try await Self.model(Self.nested)
        let cases = Self.flows(model)
        // The pet flow creates its owner first and sends the captured owner id along.
        let pet = try #require(cases.first { $0.id == "addPet.flow.crud" })
        #expect(pet.steps.map(\.operation) == ["POST /owners", "POST /owners/{ownerId}/pets", "DELETE /owners/{ownerId}/pets/{petId}"])
        #expect(pet.steps[0].captures == [Capture(name: "ownerId", source: .body(JSONPointer(tokens: ["id"])))])
        #expect(pet.steps[1].request.pathParameters.map(\.value) == [.captured("ownerId")])
        // `pet_id` inside the `data` wrapper holds the new pet's id.
        #expect(pet.steps[1].captures == [Capture(name: "petId", source: .body(JSONPointer(tokens: ["data", "pet_id"])))])
        let delete = pet.steps[2].request.pathParameters
        #expect(delete.first { $0.name == "ownerId" }?.value == .captured("ownerId"))
        #expect(delete.first { $0.name == "petId" }?.value == .captured("petId"))
        // A client-chosen username: the create sends it, the read uses the same literal.
        let user = try #require(cases.first { $0.id == "createUser.flow.crud" })
        guard case .literal(.object(let body))? = user.steps[0].request.body?.value, let username = body["username"] else {
            Issue.record("createUser sends a JSON object with a username")
            return
        }
        #expect(user.steps[0].captures.isEmpty)
        #expect(user.steps[1].request.pathParameters.map(\.value) == [.literal(username)])
        // A PUT on the item path creates under a name the client chooses: every step uses it.
        let store = try #require(cases.first { $0.id == "createOrUpdateStore.flow.crud" })
        #expect(store.steps.map(\.operation) == [
            "PUT /stores/{storeName}", "GET /stores/{storeName}", "PATCH /stores/{storeName}", "GET /stores/{storeName}",
            "DELETE /stores/{storeName}", "GET /stores/{storeName}",
        ])
        #expect(Set(store.steps.map { $0.request.pathParameters.map(\.value) }).count == 1)
        // Nothing says where a note's id is: no flow rather than a guess.
        #expect(!cases.contains { $0.id.hasPrefix("addNote.") })
        #expect(cases.count == 4)
    }

    /// A small pets API in Python's standard library: `correct`, `forgetful` (a delete that
    /// keeps the pet) or `mangling` (names stored upper-case). It prints its port.
    static let server = #"""
        import json, re, sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        MODE = sys.argv[1]
        PETS = {}
        # What the `lingering` server deleted but still lists.
        GONE = {}
        NEXT = [1]

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body=None, headers=()):
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                if body is not None:
                    self.send_header("Content-Type", "application/json")
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return json.loads(self.rfile.read(length) or b"{}")

            def pet(self):
                match = re.fullmatch(r"/pets/(\d+)", self.path)
                return int(match.group(1)) if match else None

            def store(self, pet_id, sent):
                # A Pet has a status the server sets: a new pet is available.
                if MODE == "merging" and pet_id in PETS:
                    sent = dict(PETS[pet_id], **sent)
                pet = dict(sent, id=pet_id, status="available")
                if MODE == "mangling" and "name" in pet:
                    pet["name"] = pet["name"].upper()
                if MODE == "stringly":
                    pet["id"] = str(pet_id)
                PETS[pet_id] = pet
                return pet

            def do_POST(self):
                if self.path != "/pets":
                    return self.reply(404, {"error": "no such route"})
                pet = self.store(NEXT[0], self.body())
                NEXT[0] += 1
                location = "/pets/999999" if MODE == "misplaced" else f"/pets/{pet['id']}"
                self.reply(201, pet, [("Location", location)])

            def do_GET(self):
                if self.path.split("?")[0] == "/pets":
                    return self.reply(200, list(PETS.values()) + list(GONE.values()))
                pet_id = self.pet()
                if pet_id not in PETS:
                    return self.reply(404, {"error": "not found"})
                self.reply(200, PETS[pet_id])

            def do_PUT(self):
                pet_id = self.pet()
                if pet_id not in PETS:
                    return self.reply(404, {"error": "not found"})
                self.reply(200, self.store(pet_id, self.body()))

            def do_DELETE(self):
                pet_id = self.pet()
                if pet_id not in PETS:
                    return self.reply(404, {"error": "not found"})
                if MODE == "lingering":
                    GONE[pet_id] = PETS[pet_id]
                if MODE != "forgetful":
                    del PETS[pet_id]
                self.reply(204)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    /// Runs the emitted pet flows against the server in `mode`; returns pytest's status and output.
    static func runPetFlows(mode: String, python: String) async throws -> (status: Int32, output: String) {
        let model = try await petstore()
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: [.flow], seed: 4)).plan()
        let files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values)).files(for: plan)
        return try await DedicatedThread.run {
            let directory = try PythonProcess.temporaryDirectory("flows-\(mode)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try EmittedFile.write(files, to: directory.path)
            try Data(server.utf8).write(to: directory.appendingPathComponent("server.py"))
            // The server's first line is its port.
            return try PythonProcess.withServer(python, [directory.appendingPathComponent("server.py").path, mode], in: directory) { port in
                guard Int(port) != nil else { return (-1, "the server did not start: \(port)") }
                return try PythonProcess.run(
                    python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "flow", "-k", "create_pet or replace_pet or delete_pet"],
                    in: directory, environment: ["ASSAY_BASE_URL": "http://127.0.0.1:\(port)"])
            }
        }
    }

    @Test func theEmittedFlowsPassOnACorrectServerAndCatchBrokenOnes() async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let correct = try await Self.runPetFlows(mode: "correct", python: python)
        #expect(correct.status == 0, "\(correct.output.suffix(3_000))")
        // The CRUD flow, the link, and the probes: Location, PUT twice, PUT replaces, DELETE unlists.
        #expect(correct.output.contains("6 passed"), "\(correct.output.suffix(1_000))")
        // A delete that keeps the pet: the read after it still finds it (and the list shows it).
        let forgetful = try await Self.runPetFlows(mode: "forgetful", python: python)
        #expect(forgetful.status == 1)
        #expect(forgetful.output.contains("expected 404 or 410, got 200"), "\(forgetful.output.suffix(3_000))")
        #expect(forgetful.output.contains("still lists"), "\(forgetful.output.suffix(3_000))")
        #expect(forgetful.output.contains("2 failed, 4 passed"), "\(forgetful.output.suffix(1_000))")
        // The probes no peer has, each against the one server it is for.
        let misplaced = try await Self.runPetFlows(mode: "misplaced", python: python)
        #expect(misplaced.output.contains("FAILED test_pets.py::test_create_pet_flow_location"), "\(misplaced.output.suffix(3_000))")
        #expect(misplaced.output.contains("1 failed, 5 passed"), "\(misplaced.output.suffix(1_000))")
        let merging = try await Self.runPetFlows(mode: "merging", python: python)
        #expect(merging.output.contains("which the replacement left out"), "\(merging.output.suffix(3_000))")
        #expect(merging.output.contains("1 failed, 5 passed"), "\(merging.output.suffix(1_000))")
        let lingering = try await Self.runPetFlows(mode: "lingering", python: python)
        #expect(lingering.output.contains("still lists"), "\(lingering.output.suffix(3_000))")
        #expect(lingering.output.contains("1 failed, 5 passed"), "\(lingering.output.suffix(1_000))")
        // A server that changes what it stores: the read-back names the member.
        let mangling = try await Self.runPetFlows(mode: "mangling", python: python)
        #expect(mangling.status == 1)
        #expect(mangling.output.contains("expected /name to be"), "\(mangling.output.suffix(3_000))")
        // A body that breaks the response schema: the check names the place and the keyword.
        let stringly = try await Self.runPetFlows(mode: "stringly", python: python)
        #expect(stringly.status == 1)
        #expect(stringly.output.contains("the body does not match the response schema at /id: '1' is not of type 'integer' (keyword type"), "\(stringly.output.suffix(3_000))")
    }
}
