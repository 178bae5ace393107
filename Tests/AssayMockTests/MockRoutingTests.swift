import AssayCore
import Foundation
import OrderedCollections
import Testing

@testable import AssayMock

/// Paths, parameters and bodies as real descriptions write them.
@Suite struct MockRoutingTests {
    static let spec = """
        openapi: 3.0.3
        info: {title: Shapes, version: '1'}
        servers: [{url: 'http://127.0.0.1/api'}]
        paths:
          /files/{name}{extension}:
            get:
              parameters:
                - {name: name, in: path, required: true, schema: {type: string}}
                - {name: extension, in: path, required: true, schema: {type: string, enum: [.json, .xml]}}
              responses: {'200': {description: ok, content: {application/json: {schema: {type: object}}}}}
          /things/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses: {'200': {description: ok}}
          /things/{thingId}/:
            delete:
              parameters: [{name: thingId, in: path, required: true, schema: {type: integer}}]
              responses: {'204': {description: gone}}
          /search:
            get:
              parameters:
                - name: created
                  in: query
                  style: deepObject
                  explode: true
                  schema:
                    anyOf:
                      - {type: integer}
                      - {type: object, properties: {gt: {type: integer}, lt: {type: integer}}, additionalProperties: false}
                - {name: tags, in: query, schema: {type: array, items: {type: integer}}}
                - {name: ids, in: query, explode: false, schema: {type: array, items: {type: string}, maxItems: 2}}
              responses: {'200': {description: ok}}
          /forms:
            post:
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [count]
                      properties:
                        count: {type: integer}
                        metadata: {anyOf: [{type: object}, {type: string, enum: ['']}]}
              responses: {'200': {description: ok}}
          /uploads:
            post:
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema: {type: object, required: [title], properties: {title: {type: string, minLength: 2}}}
              responses: {'200': {description: ok}}
        """

    static func responder() async throws -> MockResponder {
        MockResponder(model: try await MockFixture.model(spec))
    }

    @Test func adjacentVariablesSplitWhereTheValuesAreValid() async throws {
        var responder = try await Self.responder()
        #expect(responder.respond(to: MockRequest(method: "GET", target: "/api/files/report.v2.json")).status == 200)
        #expect(responder.respond(to: MockRequest(method: "GET", target: "/api/files/report.txt")).status == 400)
    }

    @Test func templatesOfOneShapeAreOnePath() async throws {
        var responder = try await Self.responder()
        #expect(responder.respond(to: MockRequest(method: "DELETE", target: "/api/things/4")).status == 204)
        #expect(responder.respond(to: MockRequest(method: "GET", target: "/api/things/4/")).status == 404, "deleted through the other template")
        let put = responder.respond(to: MockRequest(method: "PUT", target: "/api/things/4"))
        #expect(put.status == 405)
        #expect(put.header("Allow") == "GET, DELETE")
    }

    @Test func aCreatedResourceIsAnObjectWithItsIdWhereTheItemPathReadsIt() async throws {
        // lex-models: two item paths under one collection, DELETE at `/versions/{version}`
        // and GET at `/versions/{versionoralias}`; the id goes where the answer names it.
        // cognitiveservices: the resource schema is `nullable: true`; a create never answers null.
        let model = try await MockFixture.model(
            """
            openapi: 3.0.3
            info: {title: Versions, version: '1'}
            paths:
              /bots/{name}/versions:
                post:
                  parameters: [{name: name, in: path, required: true, schema: {type: string}}]
                  responses:
                    '201': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Version'}}}}
              /bots/{name}/versions/{version}:
                delete:
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                    - {name: version, in: path, required: true, schema: {type: string}}
                  responses: {'204': {description: gone}}
              /bots/{name}/versions/{versionoralias}:
                get:
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                    - {name: versionoralias, in: path, required: true, schema: {type: string}}
                  responses:
                    '200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Version'}}}}
            components:
              schemas:
                Version:
                  nullable: true
                  type: object
                  properties:
                    version: {type: string, pattern: '^[0-9]+$'}
                    checksum: {type: string}
            """)
        var responder = MockResponder(model: model, options: MockOptions(seed: 2))
        for bot in ["alpha", "beta", "gamma", "delta", "omega", "sigma"] {
            let created = responder.respond(to: MockRequest(method: "POST", target: "/bots/\(bot)/versions"))
            #expect(created.status == 201)
            let body = try JSONValue.parse(created.body)
            let version = try #require(body["version"]?.stringValue, "\(bot): the answer names the new version")
            #expect(created.header("Location") == "/bots/\(bot)/versions/\(version)")
            let read = responder.respond(to: MockRequest(method: "GET", target: "/bots/\(bot)/versions/\(version)"))
            #expect(try JSONValue.parse(read.body)["version"] == .string(version))
        }
    }

    @Test func queryStylesAreRead() async throws {
        var responder = try await Self.responder()
        func status(_ query: String) -> Int { responder.respond(to: MockRequest(method: "GET", target: "/api/search?" + query)).status }
        #expect(status("created=5") == 200)
        #expect(status("created[gt]=5&created[lt]=9") == 200)
        #expect(status("created[gt]=x") == 400)
        #expect(status("created=%7B%22gt%22%3A1%7D") == 200, "an object as JSON text")
        #expect(status("created=soon") == 400)
        #expect(status("tags=1&tags=2") == 200)
        #expect(status("tags=1&tags=b") == 400)
        #expect(status("ids=a,b") == 200)
        #expect(status("ids=a,b,c") == 400)
    }

    @Test func formsAndMultipartAreReadFieldByField() async throws {
        var responder = try await Self.responder()
        func form(_ text: String) -> Int {
            responder.respond(
                to: MockRequest(
                    method: "POST", target: "/api/forms", headers: [MockHeader("Content-Type", "application/x-www-form-urlencoded")],
                    body: Array(text.utf8))
            ).status
        }
        #expect(form("count=3&metadata=%7B%22a%22%3A1%7D") == 200)
        #expect(form("count=3&metadata=") == 200)
        #expect(form("count=three") == 400)
        #expect(form("metadata=") == 400)
        func upload(_ title: String) -> Int {
            let body = "--b\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n\(title)\r\n--b--\r\n"
            return responder.respond(
                to: MockRequest(
                    method: "POST", target: "/api/uploads", headers: [MockHeader("Content-Type", "multipart/form-data; boundary=b")],
                    body: Array(body.utf8))
            ).status
        }
        #expect(upload("Report") == 200)
        #expect(upload("R") == 400)
    }

    @Test func theTokenEndpointGivesBearerTokens() async throws {
        var responder = try await Self.responder()
        let response = responder.respond(to: MockRequest(method: "POST", target: "/api/__assay/oauth/token", body: Array("grant_type=client_credentials".utf8)))
        #expect(response.status == 200)
        #expect(response.json?["token_type"] == "Bearer")
        #expect(response.json?["access_token"]?.stringValue?.hasPrefix("assay-mock-token-") == true)
    }
}
