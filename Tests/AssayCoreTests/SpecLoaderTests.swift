import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayCore

struct SpecLoaderTests {
    private func load(_ text: String, strict: Bool = false, name: String = "test.yaml") async throws -> SpecLoader.Result {
        try await SpecLoader(options: LoadOptions(strict: strict)).load(.text(text, name: name))
    }

    private func loadError(_ text: String, strict: Bool = false, limits: LoadLimits = .default) async -> LoadError? {
        do {
            _ = try await SpecLoader(options: LoadOptions(strict: strict, limits: limits)).load(.text(text, name: "test.yaml"))
            return nil
        } catch {
            return error
        }
    }

    @Test func loadsTheBundledExample() async throws {
        let path = SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml").path
        let result = try await SpecLoader(options: LoadOptions(strict: true)).load(.file(path))
        let model = result.model
        #expect(result.warnings.isEmpty)
        #expect(model.info.title == "Assay Pet Store")
        #expect(model.sourceFormat == .openAPI30("3.0.3"))
        #expect(model.schemaDialect == .openAPI30)
        #expect(
            model.operations.map(\.id) == [
                "GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}", "DELETE /pets/{petId}",
                "POST /orders", "GET /orders/{orderId}", "GET /health",
            ]
        )
        let getPet = try #require(model.operation(withID: "getPet"))
        #expect(getPet.parameters.map(\.name) == ["petId"], "path-level parameters are inherited")
        #expect(getPet.parameters.first?.required == true)
        let listPets = try #require(model.operation(withID: "listPets"))
        #expect(listPets.parameters.map(\.name) == ["limit", "status"], "parameter $refs are resolved")
        #expect(listPets.response(for: 401)?.content.first?.schema?.componentName == "Error", "response $refs are resolved")
        #expect(listPets.isSecured)
        #expect(model.operation(withID: "health")?.isSecured == false, "security: [] opts out")
        #expect(model.operation(withID: "deletePet")?.security.first?.schemes.first?.name == "bearerAuth")
        let createPet = try #require(model.operation(withID: "createPet"))
        #expect(createPet.requestBody?.required == true)
        #expect(createPet.responses.first?.links.first?.operationID == "getPet")
        #expect(model.schemas.keys.contains("Pet"))
        #expect(model.resolve(reference: "#/components/schemas/Owner")?["required"] == ["email"])
    }

    @Test func aServerVariableNobodyDeclaredDefaultsToItsName() async throws {
        // Swagger 2.0 has no server variables, yet faretrotter's basePath is `/v2.0/{apikey}`.
        let swagger = try await load(
            "swagger: '2.0'\ninfo: {title: T, version: '1'}\nhost: api.example.com\nbasePath: /v2.0/{apikey}\n"
                + "paths: {/places: {get: {responses: {'200': {description: ok}}}}}\n")
        let server = try #require(swagger.model.servers.first)
        #expect(server.url == "https://api.example.com/v2.0/{apikey}")
        #expect(server.variables["apikey"]?.defaultValue == "apikey")
        #expect(server.defaultURL == "https://api.example.com/v2.0/apikey")
        let warning = try #require(swagger.warnings.first { $0.code == "undeclared-server-variable" })
        #expect(warning.message.contains("{apikey}"))
        #expect(warning.pointer == "/servers/0/url")
        // A declared variable keeps its own default.
        let declared = try await load(
            "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n"
                + "servers: [{url: 'https://{region}.example.com/{v}', variables: {region: {default: eu}}}]\npaths: {}\n")
        #expect(declared.model.servers.first?.defaultURL == "https://eu.example.com/v")
        #expect(declared.warnings.filter { $0.code == "undeclared-server-variable" }.count == 1)
    }

    @Test func swaggerAndOpenAPIVersionsAreDetected() async throws {
        let v31 = try await load("openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\n")
        #expect(v31.model.sourceFormat == .openAPI31("3.1.0"))
        #expect(v31.model.schemaDialect == .openAPI31)
        let v2 = try await load("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {/a: {get: {responses: {'200': {description: ok}}}}}\n")
        #expect(v2.model.sourceFormat == .swagger2)
        #expect(v2.model.operations.map(\.id) == ["GET /a"])
    }

    @Test func notAnAPIAndUnsupportedVersionsAreRefused() async {
        #expect(await loadError("just: yaml\n")?.code == .notAnAPIDescription)
        #expect(await loadError("- a\n- b\n")?.code == .notAnAPIDescription)
        #expect(await loadError("openapi: 4.0.0\ninfo: {title: T, version: '1'}\n")?.code == .unsupportedVersion)
        #expect(await loadError("swagger: '1.2'\n")?.code == .unsupportedVersion)
        #expect(await loadError("")?.code == .notAnAPIDescription)
    }

    static let flawed = """
        openapi: 3.0.0
        info: {title: Flawed, version: 1}
        paths:
          /a:
            get:
              operationId: same
              responses: {'200': {description: ok}}
          /b:
            get:
              operationId: same
            post:
              operationId: other
              parameters:
                - in: query
              responses: {'200': {description: ok}}
          /c/{id}:
            get:
              responses: {'200': {description: ok}}
        components:
          schemas:
            Unused:
              $ref: '#/components/schemas/Missing'
        """

    @Test func lenientModeLoadsRealFlawsWithWarnings() async throws {
        let result = try await load(Self.flawed)
        let codes = Set(result.warnings.map(\.code))
        #expect(
            codes.isSuperset(of: [
                "duplicate-operation-id", "missing-responses", "invalid-parameter", "unresolvable-reference", "undeclared-path-parameter",
            ])
        )
        #expect(result.model.operations.count == 4)
        #expect(result.model.operations.compactMap(\.operationID) == ["same", "same_2", "other"])
        #expect(result.model.operation(withID: "other")?.parameters.isEmpty == true)
        #expect(result.model.operations.last?.parameters.map(\.name) == ["id"])
        let duplicate = try #require(result.warnings.first { $0.code == "duplicate-operation-id" })
        #expect(duplicate.pointer == "/paths/~1b/get/operationId")
        #expect(result.model.info.version == "1", "a numeric version is read as text")
    }

    @Test func strictModeFailsOnTheSameFlaws() async {
        let error = await loadError(Self.flawed, strict: true)
        #expect(error?.code == .strictViolation)
        #expect((error?.diagnostics.count ?? 0) >= 5)
    }

    @Test func strayControlCharactersAreRemovedWithAWarning() async throws {
        let text = "openapi: 3.0.0\ninfo: {title: \"Con\u{07}trol\", version: '1'}\npaths: {}\n"
        let result = try await load(text)
        #expect(result.model.info.title == "Control")
        let warning = try #require(result.warnings.first { $0.code == "control-character" })
        #expect(warning.line == 2)
    }

    @Test func referenceCyclesAreRefused() async {
        let text = """
            openapi: 3.0.0
            info: {title: Cycle, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/A'}
            components:
              schemas:
                A: {$ref: '#/components/schemas/B'}
                B: {$ref: '#/components/schemas/C'}
                C: {$ref: '#/components/schemas/A'}
            """
        let error = await loadError(text)
        #expect(error?.code == .referenceCycle)
        #expect(error?.message.contains("#/components/schemas/A → #/components/schemas/B") == true)
    }

    @Test func recursiveSchemasAreNotCycles() async throws {
        let text = """
            openapi: 3.0.0
            info: {title: Tree, version: '1'}
            paths: {}
            components:
              schemas:
                Node:
                  type: object
                  properties:
                    children: {type: array, items: {$ref: '#/components/schemas/Node'}}
            """
        let result = try await load(text)
        #expect(result.model.schemas.count == 1)
    }

    @Test func oversizeDocumentsAreRefusedBeforeParsing() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("huge.yaml").path
        let line = Array("# padding padding padding padding padding padding padding padding padding padding\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(61 * 1024 * 1024)
        while bytes.count < 60 * 1024 * 1024 { bytes.append(contentsOf: line) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let started = ContinuousClock.now
        await #expect {
            _ = try await SpecLoader().load(.file(path))
        } throws: { error in
            guard let error = error as? LoadError else { return false }
            return error.code == .tooLarge && error.message.contains("52428800") && error.source == path
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func missingFilesAreUnreadable() async {
        await #expect {
            _ = try await SpecLoader().load(.file("/nonexistent/spec.yaml"))
        } throws: { error in
            (error as? LoadError)?.code == .unreadable
        }
    }

    @Test func syntaxErrorsNameTheSourceLineAndColumn() async {
        let error = await loadError("openapi: 3.0.0\ninfo:\n  title: [unclosed\n")
        #expect(error?.code == .syntax)
        #expect(error?.source == "test.yaml")
        #expect(error?.line != nil)
        #expect(error?.description.hasPrefix("test.yaml:") == true)
    }

    @Test func timeBoundIsEnforced() async {
        var limits = LoadLimits.default
        limits.timeoutSeconds = 0
        let error = await loadError("openapi: 3.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n", limits: limits)
        #expect(error?.code == .timeout)
    }

    @Test func externalReferencesToSiblingFilesAreBundled() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: Split, version: '1'}
            paths:
              /pets:
                $ref: 'paths/pets.yaml'
            """
        )
        try directory.write(
            "paths/pets.yaml",
            """
            get:
              parameters:
                - $ref: '../common.yaml#/parameters/Limit'
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: array
                        items: {$ref: '../schemas.yaml#/Pet'}
            """
        )
        try directory.write("common.yaml", "parameters:\n  Limit: {name: limit, in: query, schema: {type: integer}}\n")
        try directory.write(
            "schemas.yaml",
            """
            Pet:
              type: object
              properties:
                owner: {$ref: '#/Owner'}
                friends: {type: array, items: {$ref: '#/Pet'}}
            Owner:
              type: object
              properties: {name: {type: string}}
            """
        )
        let result = try await SpecLoader(options: LoadOptions(strict: true)).load(.file(directory.url.appendingPathComponent("api.yaml").path))
        let operation = try #require(result.model.operations.first)
        #expect(operation.id == "GET /pets")
        #expect(operation.parameters.map(\.name) == ["limit"])
        #expect(Set(result.model.schemas.keys) == ["Pet", "Owner"])
        #expect(result.model.schemas["Pet"]?.value["properties"]?["owner"]?["$ref"] == "#/components/schemas/Owner")
        #expect(result.model.schemas["Pet"]?.value["properties"]?["friends"]?["items"]?["$ref"] == "#/components/schemas/Pet")
    }

    @Test func refShapedDataIsNotAReference() async throws {
        let text = """
            openapi: 3.0.3
            info: {title: Data, version: '1'}
            paths: {}
            components:
              examples:
                group:
                  value:
                    members:
                      - $ref: https://api.example.com/users/1
              schemas:
                Thing:
                  type: object
                  default: {$ref: 'nowhere.yaml'}
                  x-note: {$ref: 'also-nowhere.yaml'}
                  properties:
                    $ref: {type: string}
            """
        let result = try await SpecLoader(options: LoadOptions(strict: true)).load(.text(text, name: "data.yaml"))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        #expect(result.model.schemas["Thing"]?.value["properties"]?["$ref"]?["type"] == "string")
    }

    @Test func missingExternalFilesAreAWarningInLenientMode() async throws {
        let directory = try TemporaryDirectory()
        try directory.write(
            "api.yaml",
            """
            openapi: 3.0.3
            info: {title: Partial, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: 'missing.json#/definitions/Thing'}
            """
        )
        let path = directory.url.appendingPathComponent("api.yaml").path
        let result = try await SpecLoader().load(.file(path))
        #expect(result.model.operations.count == 1)
        let warning = try #require(result.warnings.first { $0.code == "unresolvable-reference" })
        #expect(warning.message.contains("missing.json"))
        #expect(warning.pointer == "/paths/~1a/get/responses/200/content/application~1json/schema")
        await #expect(throws: LoadError.self) { _ = try await SpecLoader(options: LoadOptions(strict: true)).load(.file(path)) }
    }

    @Test func externalInliningCyclesAreRefused() async throws {
        let directory = try TemporaryDirectory()
        try directory.write("api.yaml", "openapi: 3.0.3\ninfo: {title: C, version: '1'}\npaths:\n  /a:\n    $ref: 'a.yaml'\n")
        try directory.write("a.yaml", "$ref: 'b.yaml'\n")
        try directory.write("b.yaml", "$ref: 'a.yaml'\n")
        await #expect {
            _ = try await SpecLoader().load(.file(directory.url.appendingPathComponent("api.yaml").path))
        } throws: { error in
            (error as? LoadError)?.code == .referenceCycle
        }
    }
}

/// A directory under the system temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
