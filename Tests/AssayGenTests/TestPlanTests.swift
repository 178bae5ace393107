import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

/// Loads the bundled example API.
func petstore() async throws -> APIModel {
    let path = SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml").path
    return try await SpecLoader().load(.file(path)).model
}

@Suite struct TestPlanTests {
    /// The suites are written on every core and stitched in: the bytes must be exactly
    /// what the plain writer gives for the whole document.
    @Test func planBytesAreThePrettyJSONOfThePlan() async throws {
        let plan = TestPlanner(model: try await petstore(), options: PlannerOptions(strategy: .enhanced)).plan()
        #expect(plan.suites.count > 1)
        #expect(plan.jsonBytes() == JSONWriter(pretty: true).bytes(plan.json) + [0x0A])
        let escaped: JSONValue = ["text": "quote \" slash / back \\ tab \t nl \n bell \u{07} del \u{7F} é 東京"]
        #expect(JSONWriter().string(escaped) == #"{"text":"quote \" slash / back \\ tab \t nl \n bell \u0007 del \u007f é 東京"}"#)
        #expect(JSONWriter(escapeSlashes: true).string(["a/b": "/"]) == #"{"a\/b":"\/"}"#)
    }

    @Test func sameSeedSamePlanBytesOtherSeedOtherValues() async throws {
        let model = try await petstore()
        let first = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 11)).plan()
        let again = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 11)).plan()
        let other = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 12)).plan()
        #expect(first.jsonBytes() == again.jsonBytes())
        #expect(first.jsonBytes() != other.jsonBytes())
        // The seed changes values, not which cases there are (validation variants follow the
        // generated value: an array of two items has breaks at both).
        func stable(_ plan: TestPlan) -> [String] {
            plan.cases.filter { $0.kind != .validation || $0.id.contains(".validation.missing-") || $0.id.contains("-missing-") }.map(\.id)
        }
        #expect(stable(first) == stable(other))
    }

    @Test func theJSONFormReadsBackEqual() async throws {
        let model = try await petstore()
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 3)).plan()
        let read = try TestPlan(jsonBytes: plan.jsonBytes())
        #expect(read == plan)
        #expect(read.jsonBytes() == plan.jsonBytes())
    }

    @Test func aMalformedPlanNamesWhereItIsWrong() async throws {
        let model = try await petstore()
        var json = TestPlanner(model: model).plan().json
        guard case .object(var root) = json, case .array(var suites)? = root["suites"], case .object(var suite) = suites[0],
            case .array(var cases)? = suite["cases"], case .object(var first) = cases[0]
        else {
            Issue.record("unexpected plan shape")
            return
        }
        first["kind"] = "sideways"
        cases[0] = .object(first)
        suite["cases"] = .array(cases)
        suites[0] = .object(suite)
        root["suites"] = .array(suites)
        json = .object(root)
        let error = #expect(throws: PlanError.self) { try TestPlan(json: json) }
        #expect(error?.code == .malformedPlan)
        #expect(error?.pointer?.description == "/suites/0/cases/0/kind")
        #expect(error?.message.contains("sideways") == true)

        root["assayPlan"] = 99
        let newer = #expect(throws: PlanError.self) { try TestPlan(json: .object(root)) }
        #expect(newer?.code == .unsupportedVersion)
        #expect(throws: PlanError.self) { try TestPlan(jsonBytes: Array("{\"assayPlan\": 1,".utf8)) }
    }

    @Test func standardMakesPositiveCasesForEveryOperation() async throws {
        let model = try await petstore()
        let plan = TestPlanner(model: model).plan()
        #expect(plan.skipped.isEmpty)
        #expect(plan.coveredOperations == Set(model.operations.map(\.id)))
        #expect(Set(plan.cases.map(\.kind)) == [.positive])
        let validator = JSONSchemaValidator(dialect: model.schemaDialect).prepared(for: model.document)
        for testCase in plan.cases {
            let step = try #require(testCase.steps.first)
            let operation = try #require(model.operations.first { $0.id == step.operation })
            // Expect exactly the documented successes.
            let documented = operation.responses.compactMap(\.statusCode).filter { (200..<300).contains($0) }
            #expect(step.expect.status.codes == documented, "\(testCase.id)")
            // Every path variable is bound, and a JSON body is valid against its schema.
            #expect(Set(step.request.pathParameters.map(\.name)) == Set(operation.pathVariables))
            if let body = step.request.body, case .literal(let value) = body.value,
                let schema = operation.requestBody?.content.first?.schema
            {
                #expect(validator.validate(value, against: schema.value, schemaPointer: schema.pointer).isEmpty, "\(testCase.id)")
            }
            for parameter in step.request.query + step.request.headers + step.request.pathParameters {
                guard case .literal(let value) = parameter.value,
                    let schema = operation.parameters.first(where: { $0.name == parameter.name })?.schema
                else { continue }
                #expect(validator.isValid(value, against: schema.value, schemaPointer: schema.pointer), "\(testCase.id) \(parameter.name)")
            }
        }
    }

    @Test func slugsAreLowerCaseWordsJoinedByDashes() {
        #expect(TestPlanner.slug("missing required property 'name'") == "missing-required-property-name")
        #expect(TestPlanner.slug("/v1/Pets/{petId}/") == "v1-pets-petid")
        #expect(TestPlanner.slug("--") == "x")
        #expect(TestPlanner.slug(String(repeating: "ab ", count: 40)).count == 80)
        // Beyond ASCII: letters of any script are kept, lower-cased.
        #expect(TestPlanner.slug("Größe über 10") == "größe-über-10")
        #expect(TestPlanner.slug("名前 必須") == "名前-必須")
    }

    @Test func enhancedAddsEveryKindEachWithItsExpectation() async throws {
        let model = try await petstore()
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let counts = plan.countsByKind
        for kind: CaseKind in [.positive, .validation, .error, .performance] {
            #expect((counts[kind] ?? 0) > 0, "no \(kind) case")
        }
        for testCase in plan.cases {
            let expect = testCase.steps[0].expect
            switch testCase.kind {
            case .validation:
                #expect(expect.status == StatusExpectation(classes: [4]))
                #expect(testCase.rule != nil)
            case .performance:
                #expect(expect.latencyBudgetMilliseconds == 500)
                #expect(testCase.steps[0].request.method == .get)
            default: break
            }
        }
        // Secured operations get both credential cases; the unsecured health check none.
        let ids = Set(plan.cases.map(\.id))
        #expect(ids.contains("listPets.error.no-credentials") && ids.contains("listPets.error.invalid-credentials"))
        #expect(ids.contains("getPet.error.unknown-id"))
        #expect(ids.contains("createPet.error.unsupported-media-type"))
        #expect(!ids.contains("health.error.no-credentials"))
        #expect(ids.contains("health.performance.latency"))
        #expect(plan.load?.mix.count == counts[.performance])
        // Ids are unique.
        #expect(ids.count == plan.cases.count)
    }

    @Test func kindsNarrowTheStrategy() async throws {
        let model = try await petstore()
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: [.validation])).plan()
        #expect(Set(plan.cases.map(\.kind)) == [.validation])
        let standard = TestPlanner(model: model, options: PlannerOptions(strategy: .standard, kinds: [.validation])).plan()
        #expect(standard.cases.isEmpty, "the standard strategy makes no validation cases")
    }

    @Test func validationVariantsOfParametersBreakTheirRuleOnTheWire() async throws {
        let model = try await petstore()
        let planner = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced))
        let plan = planner.plan()
        for testCase in plan.cases where testCase.kind == .validation {
            let step = testCase.steps[0]
            let operation = try #require(model.operations.first { $0.id == step.operation })
            for parameter in step.request.query + step.request.headers + step.request.pathParameters {
                guard testCase.id.contains("-\(TestPlanner.slug(parameter.name))-"), case .literal(let value) = parameter.value,
                    let schema = operation.parameters.first(where: { $0.name == parameter.name })?.schema
                else { continue }
                #expect(!planner.readsBackValid(value.wireText, schema: schema), "\(testCase.id) sends a valid value")
            }
        }
    }
}

/// Cases a conformant server would fail are not planned (found by running every corpus
/// plan against the mock).
@Suite struct ConformantServerCaseTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: T, version: '1'}
        paths:
          /v1/{parent}:
            get:
              parameters: [{name: parent, in: path, required: true, schema: {type: string}}]
              responses: {'200': {description: ok}}
          /v1/{name}:
            delete:
              parameters: [{name: name, in: path, required: true, schema: {type: string}}]
              responses: {'204': {description: gone}}
          /notes:
            post:
              requestBody:
                required: true
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Note'}}
                  text/plain: {schema: {type: string}}
              responses:
                '201':
                  description: created
                  content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
          /notes/{noteId}:
            get:
              parameters: [{name: noteId, in: path, required: true, schema: {type: integer}}]
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Note'}}}
        components:
          schemas:
            Note:
              type: object
              required: [id, text, authorId]
              properties:
                id: {type: integer}
                text: {type: string, minLength: 1, maxLength: 20}
                authorId: {type: integer, minimum: 1}
        """

    @Test func noCaseAConformantServerWouldFail() async throws {
        let model = try await SpecLoader().load(.text(Self.spec, name: "t.yaml")).model
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let ids = plan.cases.map(\.id)
        // text/plain is documented for POST /notes: a text body is no error there.
        #expect(!ids.contains { $0.hasPrefix("POST-notes.error.unsupported-media-type") })
        // /v1/{parent} and /v1/{name} are one route: DELETE is documented on it.
        let onV1 = plan.cases.filter { $0.id.contains("method-not-allowed") && $0.steps[0].request.path.hasPrefix("/v1/") }
        #expect(onV1.count == 1)
        #expect(onV1.allSatisfy { $0.steps[0].request.method != .delete && $0.steps[0].request.method != .get })
        // Identifiers the server assigns (id, authorId) are not read back; the text is.
        let flow = try #require(plan.cases.first { $0.kind == .flow && $0.id.hasSuffix("flow.crud") })
        let readBack = flow.steps.flatMap(\.expect.bodyValues).map { $0.pointer.description }
        #expect(readBack.contains("/text"))
        #expect(!readBack.contains("/id") && !readBack.contains("/authorId"))
    }
}
