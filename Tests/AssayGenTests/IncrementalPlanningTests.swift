import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

/// Spec diffs with breaking changes flagged, and incremental regeneration that plans only
/// what changed and equals a full run.
@Suite struct IncrementalPlanningTests {
    static func model(_ yaml: String) async throws -> APIModel {
        try await SpecLoader().load(.text(yaml, name: "api.yaml")).model
    }

    static func petstoreText() throws -> String {
        let path = SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml").path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// `text` with `old` replaced by `new`, which must occur.
    static func edit(_ text: String, _ old: String, _ new: String) throws -> String {
        try #require(text.contains(old), "the petstore no longer has \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    static let options = PlannerOptions(strategy: .enhanced, seed: 5)

    @Test func regeneratingOnlyChangedOperationsEqualsAFullRun() async throws {
        let original = try Self.petstoreText()
        var edited = try Self.edit(original, "            enum: [available, pending, sold]\n      responses:", "            enum: [available, pending]\n      responses:")
        edited = try Self.edit(edited, "  /health:", """
              /pets/{petId}/photos:
                get:
                  operationId: listPhotos
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer}}
                  responses:
                    '200': {description: The photos}
              /health:
            """)
        let before = TestPlanner(model: try await Self.model(original), options: Self.options).plan()
        let afterModel = try await Self.model(edited)
        let full = TestPlanner(model: afterModel, options: Self.options).plan()
        let result = TestPlanner(model: afterModel, options: Self.options).plan(since: try TestPlan(jsonBytes: before.jsonBytes()))

        #expect(result.fullRegenerationReason == nil)
        #expect(result.regenerated == ["GET /pets", "GET /pets/{petId}/photos"])
        #expect(result.reused.count == afterModel.operations.count - 2)
        #expect(result.diff.added == ["GET /pets/{petId}/photos"])
        #expect(result.diff.changed.map(\.operation) == ["GET /pets"])
        // The same plan a full run gives, byte for byte.
        #expect(result.plan.jsonBytes() == full.jsonBytes())
        // Kept operations keep exactly the committed cases.
        let previousByID = Dictionary(uniqueKeysWithValues: before.cases.map { ($0.id, $0) })
        for testCase in result.plan.cases where testCase.kind != .flow && result.reused.contains(testCase.steps[0].operation) {
            #expect(previousByID[testCase.id] == testCase)
        }
    }

    @Test func addingAMethodToAPathPlansItsOtherOperationsAnew() async throws {
        let original = try Self.petstoreText()
        let before = TestPlanner(model: try await Self.model(original), options: Self.options).plan()
        // A new method on a path plans the path's other operations anew: which methods a path
        // has decides its 405 case. Operations elsewhere keep their cases.
        let withPatch = try Self.edit(original, "    delete:\n      operationId: deletePet", """
                patch:
                  operationId: patchPet
                  parameters:
                    - {name: petId, in: path, required: true, schema: {type: integer}}
                  responses:
                    '200': {description: Patched}
                delete:
                  operationId: deletePet
            """)
        let patchedModel = try await Self.model(withPatch)
        let patched = TestPlanner(model: patchedModel, options: Self.options).plan(since: try TestPlan(jsonBytes: before.jsonBytes()))
        #expect(patched.plan.jsonBytes() == TestPlanner(model: patchedModel, options: Self.options).plan().jsonBytes())
        #expect(Set(patched.regenerated) == ["GET /pets/{petId}", "PUT /pets/{petId}", "PATCH /pets/{petId}", "DELETE /pets/{petId}"])
        #expect(patched.fullRegenerationReason == nil)
    }

    @Test func keptCasesStayAsCommittedEvenWhenTheGeneratorWouldNowDiffer() async throws {
        // A previous plan whose kept case was edited stands for one written by an older
        // Assay: incremental regeneration keeps it rather than rewriting it.
        let model = try await petstore()
        var previous = TestPlanner(model: model, options: Self.options).plan()
        let suite = try #require(previous.suites.firstIndex { $0.cases.contains { $0.id == "getOrder.positive.required" } })
        let index = try #require(previous.suites[suite].cases.firstIndex { $0.id == "getOrder.positive.required" })
        previous.suites[suite].cases[index].title = "A title from an older Assay"
        let result = TestPlanner(model: model, options: Self.options).plan(since: previous)
        #expect(result.regenerated.isEmpty)
        #expect(result.diff.isEmpty)
        #expect(result.plan.cases.first { $0.id == "getOrder.positive.required" }?.title == "A title from an older Assay")
    }

    @Test func otherSeedStrategyOrKindsMeanAFullRegenerationWithTheReason() async throws {
        let model = try await petstore()
        let previous = TestPlanner(model: model, options: Self.options).plan()
        let otherSeed = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 6)).plan(since: previous)
        #expect(otherSeed.fullRegenerationReason == "the previous plan used seed 5, this run 6")
        #expect(otherSeed.regenerated.count == model.operations.count)
        #expect(otherSeed.plan == TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 6)).plan())
        let otherKinds = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: [.positive], seed: 5)).plan(since: previous)
        #expect(otherKinds.fullRegenerationReason?.contains("kinds") == true)
        let standard = TestPlanner(model: model, options: PlannerOptions(seed: 5)).plan(since: previous)
        #expect(standard.fullRegenerationReason?.contains("strategy") == true)
    }

    @Test func fingerprintsIgnoreMemberOrderButSeeReferencedComponents() async throws {
        let original = try Self.petstoreText()
        let base = OperationContract.contracts(of: try await Self.model(original))
        // The same Owner schema with its members in another order: nothing changed.
        let reordered = try Self.edit(original, "    Owner:\n      type: object\n      required: [email]", "    Owner:\n      required: [email]\n      type: object")
        #expect(OperationContract.contracts(of: try await Self.model(reordered)).map(\.fingerprint) == base.map(\.fingerprint))
        // A change deep inside Owner (referenced by Pet) changes every operation that reaches it.
        let deeper = try Self.edit(original, "    Owner:\n      type: object\n      required: [email]", "    Owner:\n      type: object\n      description: Changed.\n      required: [email]")
        let changed = SpecDiff(from: base, to: OperationContract.contracts(of: try await Self.model(deeper)))
        #expect(Set(changed.changed.map(\.operation)) == ["GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}"])
        #expect(changed.breakingChanges.isEmpty)
        #expect(changed.changed.allSatisfy { $0.notes.isEmpty })
    }

    static let v1 = """
        openapi: 3.0.3
        info: {title: Shop, version: '1'}
        paths:
          /items:
            get:
              operationId: listItems
              parameters:
                - {name: sort, in: query, schema: {type: string, enum: [name, price, date]}}
                - {name: page, in: query, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {type: array, items: {$ref: '#/components/schemas/Item'}}
                '404': {description: none}
            post:
              operationId: createItem
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Item'}
              responses:
                '201': {description: created}
          /items/{id}:
            delete:
              operationId: deleteItem
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '204': {description: deleted}
        components:
          schemas:
            Item:
              type: object
              required: [name]
              properties:
                name: {type: string}
                price: {type: number}
                color: {type: string, enum: [red, green]}
        """

    @Test func everyKindOfBreakingChangeIsFlaggedAndNothingElseIs() async throws {
        var v2 = Self.v1
        v2 = try Self.edit(v2, "enum: [name, price, date]", "enum: [name, price]")  // narrowed enum (request)
        v2 = try Self.edit(v2, "{name: page, in: query, schema: {type: integer}}", "{name: page, in: query, required: true, schema: {type: string}}")  // now required, and changed type
        v2 = try Self.edit(v2, "        '404': {description: none}\n", "")  // removed response
        v2 = try Self.edit(v2, "      required: [name]\n", "      required: [name, price]\n")  // member now required
        v2 = try Self.edit(v2, "color: {type: string, enum: [red, green]}", "color: {type: string, enum: [red, green, blue]}")  // widened: not breaking
        v2 = try Self.edit(v2, "    delete:\n", "    get:\n      operationId: getItem\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n        - {name: fields, in: query, schema: {type: string}}\n      responses:\n        '200': {description: ok}\n    delete:\n")
        let old = OperationContract.contracts(of: try await Self.model(Self.v1))
        var v3 = v2
        v3 = try Self.edit(v3, "    delete:\n      operationId: deleteItem\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses:\n        '204': {description: deleted}\n", "")
        let diff = SpecDiff(from: old, to: OperationContract.contracts(of: try await Self.model(v3)))
        let breaking = Set(diff.breakingChanges.map { "\($0.operation) \($0.kind.rawValue): \($0.detail)" })
        #expect(breaking == [
            "DELETE /items/{id} removed-operation: the operation was removed",
            "GET /items narrowed-enum: query parameter sort no longer allows \"date\"",
            "GET /items new-required: query parameter page is now required",
            "GET /items changed-type: the type of query parameter page changed from integer to string",
            "GET /items removed-response: response 404 was removed",
            // Item is both sent (POST) and read (GET): price becomes required in what is sent.
            "POST /items new-required: /price in the request body is now required",
        ])
        #expect(diff.removed == ["DELETE /items/{id}"])
        // The widened enum is a note, not a break; in responses it is not flagged either.
        let post = try #require(diff.changed.first { $0.operation == "POST /items" })
        #expect(post.notes.contains("/color in the request body now also allows \"blue\""))
        let list = try #require(diff.changed.first { $0.operation == "GET /items" })
        #expect(list.notes.contains("/[]/color in response 200 now also allows \"blue\""))
        // The report and the JSON carry the same counts.
        #expect(diff.added == ["GET /items/{id}"])
        #expect(diff.report().hasPrefix("spec diff: 1 added, 1 removed, 2 changed, 0 unchanged; 6 breaking changes"))
        #expect(diff.json["summary"]?["breaking"] == 6)
    }

    @Test func typeChangesBreakByDirection() async throws {
        let spec = { (request: String, response: String) in
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /things:
                post:
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: {type: object, properties: {count: {\(request)}}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {type: object, properties: {count: {\(response)}}}
            """
        }
        let before = OperationContract.contracts(of: try await Self.model(spec("type: number", "type: integer")))
        // Requests may now send more (integer → number would be wider; number → integer narrower).
        let narrowerRequest = SpecDiff(from: before, to: OperationContract.contracts(of: try await Self.model(spec("type: integer", "type: integer"))))
        #expect(narrowerRequest.breakingChanges.map(\.kind) == [.changedType])
        // Responses may now give a nullable value clients never expected.
        let widerResponse = SpecDiff(from: before, to: OperationContract.contracts(of: try await Self.model(spec("type: number", "type: integer, nullable: true"))))
        #expect(widerResponse.breakingChanges.map(\.detail) == ["the type of /count in response 200 changed from integer to integer or null"])
        // A response narrowing (number → integer) or a request widening breaks no client.
        let harmless = SpecDiff(
            from: OperationContract.contracts(of: try await Self.model(spec("type: integer", "type: number"))),
            to: OperationContract.contracts(of: try await Self.model(spec("type: number", "type: integer")))
        )
        #expect(harmless.breakingChanges.isEmpty)
        #expect(harmless.changed.first?.notes.count == 2)
    }

    @Test func contractsSurviveThePlanJSON() async throws {
        let plan = TestPlanner(model: try await Self.model(Self.v1), options: Self.options).plan()
        #expect(plan.contracts.count == 3)
        #expect(plan.settings == PlanSettings(Self.options))
        let read = try TestPlan(jsonBytes: plan.jsonBytes())
        #expect(read == plan)
        #expect(read.contracts.first?.parameters.first?.schema.entries[""]?.enumValues == ["name", "price", "date"])
    }
}
