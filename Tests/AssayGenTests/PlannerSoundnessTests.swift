import AssayCore
import Foundation
import Testing

@testable import AssayGen

/// Cases a conformant server would fail are false positives: each test here is a shape of
/// real descriptions (named in it) that once made the planner expect what no server owes.
@Suite struct PlannerSoundnessTests {
    static func plan(_ yaml: String, kinds: Set<CaseKind>? = nil) async throws -> TestPlan {
        let model = try await SpecLoader().load(.text(yaml, name: "soundness.yaml")).model
        return TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, kinds: kinds, seed: 3)).plan()
    }

    /// Azure's managed applications: `/{applicationId}` and `/{applicationDefinitionId}`,
    /// which OpenAPI forbids and no server can tell apart.
    static let twins = """
        openapi: 3.0.3
        info: {title: Twins, version: '1'}
        paths:
          /{definitionId}:
            get:
              operationId: getDefinition
              parameters: [{name: definitionId, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, properties: {package: {type: string}}}}}}
                '404': {description: none}
              security: [{key: []}]
          /{applicationId}:
            get:
              operationId: getApplication
              parameters: [{name: applicationId, in: path, required: true, schema: {type: string}}]
              responses:
                '200': {description: ok, content: {application/json: {schema: {type: object, required: [group], properties: {group: {type: string}}}}}}
                '404': {description: none}
        components:
          securitySchemes:
            key: {type: apiKey, in: header, name: X-Key}
        """

    @Test func operationsNoRequestTellsApartAreTestedOnce() async throws {
        let plan = try await Self.plan(Self.twins)
        let skipped = try #require(plan.skipped.first { $0.operation == "GET /{applicationId}" })
        #expect(skipped.reason.contains("GET /{definitionId}"))
        #expect(!plan.cases.contains { $0.steps.contains { $0.operation == "GET /{applicationId}" } })
        // The first is tested, but never with a request it must refuse and its twin may
        // accept (the twin needs no credentials); the 405 holds for both.
        let first = plan.cases.filter { $0.steps.contains { $0.operation == "GET /{definitionId}" } }
        #expect(first.contains { $0.kind == .positive })
        #expect(!first.contains { $0.kind == .validation })
        #expect(first.filter { $0.kind == .error }.map(\.id) == ["getDefinition.error.method-not-allowed"])
    }

    @Test func aFlowSharesPathValuesValidForEveryOperation() async throws {
        // Azure's operationalinsights: resourceGroupName has a pattern in some operations only.
        let plan = try await Self.plan(
            """
            openapi: 3.0.3
            info: {title: Groups, version: '1'}
            paths:
              /groups/{group}/items:
                post:
                  operationId: createItem
                  parameters: [{name: group, in: path, required: true, schema: {type: string}}]
                  responses:
                    '201': {description: ok, content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: integer}}}}}}
              /groups/{group}/items/{id}:
                get:
                  operationId: getItem
                  parameters:
                    - {name: group, in: path, required: true, schema: {type: string, pattern: '^[a-z]{3,8}$'}}
                    - {name: id, in: path, required: true, schema: {type: integer}}
                  responses: {'200': {description: ok}}
            """, kinds: [.flow])
        let flow = try #require(plan.cases.first { $0.id == "createItem.flow.crud" })
        #expect(flow.steps.map(\.operation) == ["POST /groups/{group}/items", "GET /groups/{group}/items/{id}"])
        let values = flow.steps.map { $0.request.pathParameters.first { $0.name == "group" }?.value }
        #expect(values[0] == values[1])
        guard case .literal(.string(let group))? = values[0] else {
            Issue.record("the group is a literal string: \(String(describing: values[0]))")
            return
        }
        #expect(group.range(of: "^[a-z]{3,8}$", options: .regularExpression) != nil, "\(group) fits the stricter schema")
    }

    @Test func linksAndReadBacksOnlyExpectWhatTheSchemasAllow() async throws {
        let plan = try await Self.plan(
            """
            openapi: 3.0.3
            info: {title: Links, version: '1'}
            paths:
              /active:
                get:
                  operationId: listActive
                  responses:
                    '200':
                      description: ids
                      content: {application/json: {schema: {type: array, items: {type: integer}}}}
                      links:
                        agent: {operationId: getAgent, parameters: {agent: '$response.body#/id/'}}
                        first: {operationId: getAgent, parameters: {agent: '$response.body#/0'}}
              /agents/{agent}:
                get:
                  operationId: getAgent
                  parameters: [{name: agent, in: path, required: true, schema: {type: integer}}]
                  responses: {'200': {description: ok}}
              /things:
                post:
                  operationId: createThing
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, required: [status, name], properties: {status: {type: string, enum: [DRAFT]}, name: {type: string, minLength: 1, maxLength: 10}}}}}
                  responses:
                    '201': {description: ok, content: {application/json: {schema: {type: object, required: [id], properties: {id: {type: integer}}}}}}
              /things/{thingId}:
                get:
                  operationId: getThing
                  parameters: [{name: thingId, in: path, required: true, schema: {type: integer}}]
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {type: object, properties: {status: {type: string, enum: [ACTIVE, LOST]}, name: {type: string}}}}}}
            """, kinds: [.flow])
        // gambitcomm: `/id/` cannot point into an array of integers; `/0` can.
        #expect(!plan.cases.contains { $0.id == "listActive.flow.link-agent" })
        #expect(plan.cases.contains { $0.id == "listActive.flow.link-first" })
        // firebasehosting: the read's status enum has no DRAFT, so it is not read back; the name is.
        let flow = try #require(plan.cases.first { $0.id == "createThing.flow.crud" })
        let readBack = flow.steps.flatMap(\.expect.bodyValues).map(\.pointer.description)
        #expect(readBack == ["/name"])
    }

    @Test func noHeaderCaseBreaksOnlyWithSpacesHTTPStrips() async throws {
        // Open Banking's x-idempotency-key: `^(?!\s)(.*)(\S)$`; 'abc ' reads as 'abc' on the wire.
        let plan = try await Self.plan(
            """
            openapi: 3.0.3
            info: {title: Headers, version: '1'}
            paths:
              /payments:
                post:
                  operationId: pay
                  parameters:
                    - {name: x-idempotency-key, in: header, required: true, schema: {type: string, pattern: '^(?!\\\\s)(.*)(\\\\S)$', maxLength: 40}}
                  responses: {'201': {description: ok}, '400': {description: bad}}
            """, kinds: [.validation])
        let values = plan.cases.compactMap { testCase -> String? in
            guard case .literal(let value)? = testCase.steps[0].request.headers.first(where: { $0.name == "x-idempotency-key" })?.value else { return nil }
            return value.wireText
        }
        #expect(!values.isEmpty, "the header still gets validation cases")
        for value in values {
            let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            if trimmed != value {
                #expect(trimmed.isEmpty || trimmed.count > 40, "'\(value)' breaks nothing once HTTP strips its spaces")
            }
        }
    }
}
