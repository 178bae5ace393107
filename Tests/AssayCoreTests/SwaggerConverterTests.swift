import AssayTestSupport
import Foundation
import OpenAPIKit30
import OrderedCollections
import Testing

@testable import AssayCore

// MARK: Helpers

/// Parses a YAML Swagger 2.0 document and converts it.
private func convert(_ yaml: String, source: String? = "test.yaml") throws -> (document: JSONValue, warnings: [Diagnostic]) {
    let (value, _) = try YAMLReader.parse(Array(yaml.utf8), limits: .default, deadline: Deadline(seconds: 60))
    return try SwaggerConverter.convert(value ?? .null, source: source)
}

/// The value at a JSON pointer of a converted document.
private func at(_ document: JSONValue, _ pointer: String) -> JSONValue? {
    JSONPointer(pointer).flatMap { document.value(at: $0) }
}

/// The warning codes, in order.
private func codes(_ warnings: [Diagnostic]) -> [String] {
    warnings.map(\.code)
}

/// Decodes a converted document with OpenAPIKit30, vendor extensions included, and validates it.
private func decodeStrictly(_ document: JSONValue) throws -> OpenAPI.Document {
    let decoded = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(JSONWriter().bytes(document)))
    try decoded.validate()
    return decoded
}

// MARK: Root, info, servers

@Test func rootInfoTagsAndExtensionsAreKept() throws {
    let (document, warnings) = try convert(
        """
        swagger: "2.0"
        x-root: 1
        info:
          title: Pets
          version: 1.0
          x-logo: {url: "https://example.com/logo.png"}
          contact: {name: Team, url: "https://example.com", email: a@example.com}
          license: {name: MIT}
        externalDocs: {url: "https://example.com/docs", description: Docs}
        tags:
          - {name: pets, description: Pets, x-tag: true}
          - {name: pets}
        paths: {}
        """
    )
    #expect(at(document, "/openapi") == "3.0.3")
    #expect(at(document, "/info/title") == "Pets")
    #expect(at(document, "/info/version") == "1.0")
    #expect(at(document, "/info/x-logo/url") == "https://example.com/logo.png")
    #expect(at(document, "/info/contact/email") == "a@example.com")
    #expect(at(document, "/info/license/name") == "MIT")
    #expect(at(document, "/externalDocs/url") == "https://example.com/docs")
    #expect(at(document, "/tags") == [["name": "pets", "description": "Pets", "x-tag": true]])
    #expect(at(document, "/x-root") == 1)
    #expect(at(document, "/paths") == [:])
    #expect(at(document, "/swagger") == nil)
    #expect(codes(warnings) == ["non-string-value", "duplicate-tag"])
    #expect(warnings.first?.pointer == "/info/version")
    #expect(warnings.first?.source == "test.yaml")
    #expect(warnings.last?.pointer == "/tags/1")
}

@Test func missingInfoIsFilledWithWarnings() throws {
    let noInfo = try convert("swagger: '2.0'\npaths: {}\n")
    #expect(at(noInfo.document, "/info") == ["title": "Untitled API", "version": "unversioned"])
    #expect(codes(noInfo.warnings) == ["missing-info"])

    let partial = try convert("swagger: '2.0'\ninfo: {description: d}\npaths: {}\n")
    #expect(at(partial.document, "/info") == ["title": "Untitled API", "description": "d", "version": "unversioned"])
    #expect(codes(partial.warnings) == ["missing-title", "missing-version"])
    #expect(partial.warnings.allSatisfy { $0.pointer == "/info" && $0.severity == .warning })
}

@Test func rootThatIsNotAnObjectThrows() {
    #expect(throws: LoadError.self) { try SwaggerConverter.convert(["swagger", "2.0"], source: "x.yaml") }
    do {
        _ = try SwaggerConverter.convert("text", source: "x.yaml")
    } catch {
        #expect(error.code == .invalidDescription)
        #expect(error.source == "x.yaml")
    }
}

@Test(arguments: [
    ("host: api.example.com\nbasePath: /v1\nschemes: [http, https]", ["http://api.example.com/v1", "https://api.example.com/v1"]),
    ("host: api.example.com\nbasePath: /v1/", ["https://api.example.com/v1"]),
    ("host: api.example.com\nbasePath: /", ["https://api.example.com"]),
    ("host: localhost:8080", ["http://localhost:8080"]),
    ("host: 127.0.0.1", ["http://127.0.0.1"]),
    ("basePath: /api", ["/api"]),
    ("schemes: [HTTPS]\nhost: example.com", ["https://example.com"]),
])
func serversFromHostBasePathAndSchemes(source: String, urls: [String]) throws {
    let (document, _) = try convert("swagger: '2.0'\ninfo: {title: t, version: v}\npaths: {}\n" + source + "\n")
    #expect(at(document, "/servers") == .array(urls.map { ["url": .string($0)] }))
}

@Test func noHostAndNoBasePathMeansNoServers() throws {
    let (document, warnings) = try convert("swagger: '2.0'\ninfo: {title: t, version: v}\npaths: {}\n")
    #expect(at(document, "/servers") == nil)
    #expect(warnings.isEmpty)
}

@Test func hostWithSchemeAndBasePathWithoutSlashAreRepaired() throws {
    let (document, warnings) = try convert(
        "swagger: '2.0'\ninfo: {title: t, version: v}\nhost: http://example.com\nbasePath: v2\npaths: {}\n"
    )
    #expect(at(document, "/servers") == [["url": "http://example.com/v2"]])
    #expect(codes(warnings) == ["host-with-scheme", "invalid-base-path"])
    #expect(warnings.map(\.pointer) == ["/host", "/basePath"])
}

// MARK: Components and references

@Test func definitionsBecomeComponentSchemasWithReferencesRewritten() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths: {}
        definitions:
          Pet:
            type: object
            required: [name]
            properties:
              name: {type: string}
              owner: {$ref: '#/definitions/Owner'}
              tags: {type: array, items: {$ref: '#/definitions/Tag'}}
              extra: {type: object, additionalProperties: {$ref: '#/definitions/Tag'}}
              $ref: {type: string, description: a property named $ref}
            x-kind: pet
          Owner:
            allOf:
              - $ref: '#/definitions/Pet'
              - {type: object, properties: {since: {type: string, format: date}}}
          Tag: {type: string}
          Page[Pet]:
            type: object
            properties:
              items: {type: array, items: {$ref: '#/definitions/Page[Pet]'}}
          External: {$ref: 'other.yaml#/definitions/Thing'}
        """
    )
    #expect(warnings.isEmpty)
    let schemas = try #require(at(document, "/components/schemas")?.objectValue)
    #expect(Array(schemas.keys) == ["Pet", "Owner", "Tag", "Page_Pet_", "External"])
    #expect(at(document, "/components/schemas/Pet/properties/owner") == ["$ref": "#/components/schemas/Owner"])
    #expect(at(document, "/components/schemas/Pet/properties/tags/items") == ["$ref": "#/components/schemas/Tag"])
    #expect(at(document, "/components/schemas/Pet/properties/extra/additionalProperties") == ["$ref": "#/components/schemas/Tag"])
    #expect(at(document, "/components/schemas/Pet/properties/$ref") == ["type": "string", "description": "a property named $ref"])
    #expect(at(document, "/components/schemas/Pet/x-kind") == "pet")
    #expect(at(document, "/components/schemas/Owner/allOf/0") == ["$ref": "#/components/schemas/Pet"])
    #expect(at(document, "/components/schemas/Page_Pet_/properties/items/items") == ["$ref": "#/components/schemas/Page_Pet_"])
    #expect(at(document, "/components/schemas/External") == ["$ref": "other.yaml#/definitions/Thing"])
    let decoded = try decodeStrictly(document)
    #expect(decoded.components.schemas.count == 5)
}

@Test func schemaDifferencesAreConverted() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths: {}
        definitions:
          Animal:
            type: object
            discriminator: kind
            required: [kind]
            properties:
              kind: {type: string}
              nickname: {type: string, x-nullable: true}
              photo: {type: file}
              age: {type: integer, required: true, maximum: 10.5}
              size: {type: string, maxLength: "20", minimum: 3}
        """
    )
    #expect(at(document, "/components/schemas/Animal/discriminator") == ["propertyName": "kind"])
    #expect(at(document, "/components/schemas/Animal/properties/nickname") == ["type": "string", "x-nullable": true, "nullable": true])
    #expect(at(document, "/components/schemas/Animal/properties/photo") == ["type": "string", "format": "binary"])
    #expect(at(document, "/components/schemas/Animal/properties/age") == ["type": "integer", "maximum": 10])
    #expect(at(document, "/components/schemas/Animal/properties/size") == ["type": "string", "maxLength": 20])
    #expect(at(document, "/components/schemas/Animal/required") == ["kind", "age"])
    #expect(codes(warnings) == ["boolean-required", "fractional-bound", "non-numeric-value", "inapplicable-keyword"])
    #expect(
        warnings.map(\.pointer) == [
            "/definitions/Animal/properties/age/required", "/definitions/Animal/properties/age/maximum",
            "/definitions/Animal/properties/size/maxLength", "/definitions/Animal/properties/size/minimum",
        ]
    )
    _ = try decodeStrictly(document)
}

@Test func localReferencesIntoSchemasPointToInnerSchemas() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths:
          /nodes:
            get:
              responses:
                '200':
                  description: ok
                  schema: {$ref: '#/definitions/Tree/properties/node'}
                default:
                  description: same as 200
                  schema: {$ref: '#/paths/~1nodes/get/responses/200/schema'}
        definitions:
          Tree:
            type: object
            properties:
              node:
                type: object
                properties:
                  children: {type: array, items: {$ref: '#/definitions/Tree/properties/node'}}
                  parent: {$ref: '#/definitions/Tree/allOf/0'}
            allOf:
              - $ref: '#/definitions/Leaf'
          Leaf: {type: string}
        """
    )
    #expect(warnings.isEmpty)
    let inner = "#/x-assay-inner-schemas/definitions~1Tree~1properties~1node"
    #expect(at(document, "/paths/~1nodes/get/responses/200/content/application~1json/schema") == ["$ref": .string(inner)])
    // A reference to a reference is followed to its end.
    #expect(at(document, "/paths/~1nodes/get/responses/default/content/application~1json/schema") == ["$ref": .string(inner)])
    #expect(at(document, "/components/schemas/Tree/properties/node/properties/children/items") == ["$ref": .string(inner)])
    #expect(at(document, "/components/schemas/Tree/properties/node/properties/parent") == ["$ref": "#/components/schemas/Leaf"])
    let node = try #require(at(document, "/x-assay-inner-schemas/definitions~1Tree~1properties~1node"))
    #expect(node["properties"]?["children"]?["items"] == ["$ref": .string(inner)])
    let decoded = try decodeStrictly(document)
    #expect(decoded.components.schemas.count == 2)
}

@Test func referencesInsideExtensionsAreRewritten() throws {
    let (document, _) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths: {}
        x-ms-paths:
          /a?op=1:
            get:
              parameters: [{$ref: '#/parameters/Body'}]
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/A'}}}
        parameters:
          Body: {name: body, in: body, schema: {type: string}}
        definitions:
          A: {type: string}
        """
    )
    #expect(at(document, "/x-ms-paths/~1a?op=1/get/parameters/0") == ["$ref": "#/components/requestBodies/Body"])
    #expect(at(document, "/x-ms-paths/~1a?op=1/get/responses/200/schema") == ["$ref": "#/components/schemas/A"])
}

// MARK: Parameters and request bodies

private let parametersSource = """
    swagger: '2.0'
    info: {title: t, version: v}
    consumes: [application/json]
    parameters:
      Limit: {name: limit, in: query, type: integer, format: int32, minimum: 1, default: 20}
      PetBody: {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
      Token: {name: token, in: formData, type: string}
    paths:
      /pets/{id}:
        parameters:
          - {name: id, in: path, type: string}
          - {name: trace, in: header, type: string}
        get:
          parameters:
            - $ref: '#/parameters/Limit'
            - {name: tags, in: query, type: array, items: {type: string, enum: [a, b]}, collectionFormat: multi}
            - {name: ids, in: query, type: array, items: {type: integer}}
            - {name: words, in: query, type: array, items: {type: string}, collectionFormat: ssv}
            - {name: bars, in: query, type: array, items: {type: string}, collectionFormat: pipes}
            - {name: tabs, in: query, type: array, items: {type: string}, collectionFormat: tsv}
            - {name: ranges, in: header, type: array, items: {type: string}}
            - {name: q, in: query, type: string, allowEmptyValue: true, x-example: cat, pattern: '^[a-z]+$'}
            - {name: broken, type: string}
            - {in: query, type: string}
            - 42
          responses: {'200': {description: ok}}
        put:
          consumes: [application/json, application/xml]
          parameters:
            - in: body
              name: pet
              description: The pet
              required: true
              schema: {$ref: '#/definitions/Pet'}
              x-examples: {application/json: {name: Rex}}
          responses: {'200': {description: ok}}
        post:
          parameters: [{$ref: '#/parameters/PetBody'}]
          responses: {'200': {description: ok}}
    definitions:
      Pet: {type: object, properties: {name: {type: string}}}
    """

@Test func queryPathAndHeaderParametersGetSchemasAndStyles() throws {
    let (document, warnings) = try convert(parametersSource)
    let item = "/paths/~1pets~1{id}"
    #expect(at(document, item + "/parameters/0") == ["name": "id", "in": "path", "required": true, "schema": ["type": "string"]])
    #expect(at(document, item + "/parameters/1") == ["name": "trace", "in": "header", "schema": ["type": "string"]])
    let parameters = try #require(at(document, item + "/get/parameters")?.arrayValue)
    #expect(parameters.count == 8)
    #expect(parameters[0] == ["$ref": "#/components/parameters/Limit"])
    #expect(
        parameters[1] == [
            "name": "tags", "in": "query", "style": "form", "explode": true,
            "schema": ["type": "array", "items": ["type": "string", "enum": ["a", "b"]]],
        ]
    )
    #expect(parameters[2]["style"] == "form")
    #expect(parameters[2]["explode"] == false)
    #expect(parameters[3]["style"] == "spaceDelimited")
    #expect(parameters[4]["style"] == "pipeDelimited")
    #expect(parameters[5]["style"] == "form")
    #expect(parameters[5]["explode"] == false)
    #expect(parameters[6]["style"] == "simple")
    #expect(
        parameters[7] == [
            "name": "q", "in": "query", "allowEmptyValue": true, "schema": ["type": "string", "pattern": "^[a-z]+$"],
            "example": "cat", "x-example": "cat",
        ]
    )
    #expect(
        at(document, "/components/parameters/Limit") == [
            "name": "limit", "in": "query", "schema": ["type": "integer", "format": "int32", "minimum": 1, "default": 20],
        ]
    )
    // Parameter lists are resolved (and unusable entries dropped) before the rest is converted.
    #expect(
        codes(warnings) == [
            "path-parameter-not-required", "missing-parameter-location", "missing-parameter-name", "invalid-parameter",
            "unsupported-collection-format",
        ]
    )
    #expect(
        warnings.map(\.pointer) == [
            item + "/parameters/0", item + "/get/parameters/8", item + "/get/parameters/9", item + "/get/parameters/10",
            item + "/get/parameters/5/collectionFormat",
        ]
    )
    _ = try decodeStrictly(document)
}

@Test func bodyParametersBecomeRequestBodies() throws {
    let (document, _) = try convert(parametersSource)
    let item = "/paths/~1pets~1{id}"
    #expect(
        at(document, item + "/put/requestBody") == [
            "description": "The pet",
            "content": [
                "application/json": ["schema": ["$ref": "#/components/schemas/Pet"]],
                "application/xml": ["schema": ["$ref": "#/components/schemas/Pet"]],
            ],
            "required": true,
            "x-examples": ["application/json": ["name": "Rex"]],
        ]
    )
    #expect(at(document, item + "/put/parameters") == nil)
    #expect(at(document, item + "/post/requestBody") == ["$ref": "#/components/requestBodies/PetBody"])
    #expect(
        at(document, "/components/requestBodies/PetBody") == [
            "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Pet"]]],
            "required": true,
        ]
    )
    // A global formData parameter has no component: it is inlined where used.
    #expect(at(document, "/components/parameters/Token") == nil)
    #expect(at(document, "/components/parameters/PetBody") == nil)
}

@Test func formDataParametersBecomeAFormRequestBody() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        parameters:
          Token: {name: token, in: formData, type: string, required: true}
        paths:
          /login:
            post:
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - $ref: '#/parameters/Token'
                - {name: user, in: formData, type: string, description: The user, x-secret: false}
                - {name: roles, in: formData, type: array, items: {type: string}, collectionFormat: csv}
              responses: {'204': {description: done}}
          /upload:
            post:
              consumes: [multipart/form-data, application/x-www-form-urlencoded]
              parameters:
                - {name: file, in: formData, type: file, required: true}
                - {name: note, in: formData, type: string}
              responses: {'204': {description: done}}
          /plain:
            post:
              parameters: [{name: a, in: formData, type: integer}]
              responses: {'204': {description: done}}
        """
    )
    #expect(warnings.isEmpty)
    #expect(
        at(document, "/paths/~1login/post/requestBody") == [
            "content": [
                "application/x-www-form-urlencoded": [
                    "schema": [
                        "type": "object",
                        "properties": [
                            "token": ["type": "string"],
                            "user": ["type": "string", "description": "The user", "x-secret": false],
                            "roles": ["type": "array", "items": ["type": "string"]],
                        ],
                        "required": ["token"],
                    ],
                    "encoding": ["roles": ["style": "form", "explode": false]],
                ]
            ],
            "required": true,
        ]
    )
    let upload = try #require(at(document, "/paths/~1upload/post/requestBody/content")?.objectValue)
    #expect(Array(upload.keys) == ["multipart/form-data", "application/x-www-form-urlencoded"])
    #expect(upload["multipart/form-data"]?["schema"]?["properties"]?["file"] == ["type": "string", "format": "binary"])
    #expect(upload["multipart/form-data"]?["schema"]?["required"] == ["file"])
    let plain = try #require(at(document, "/paths/~1plain/post/requestBody/content")?.objectValue)
    #expect(Array(plain.keys) == ["application/x-www-form-urlencoded"])
    #expect(at(document, "/paths/~1plain/post/requestBody/required") == nil)
    _ = try decodeStrictly(document)
}

@Test func pathLevelBodyParametersArePushedIntoOperations() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths:
          /items:
            parameters:
              - {name: item, in: body, schema: {type: object}}
              - {name: verbose, in: query, type: boolean}
            put:
              responses: {'200': {description: ok}}
            post:
              parameters: [{name: other, in: body, schema: {type: string}}]
              responses: {'200': {description: ok}}
        """
    )
    #expect(warnings.isEmpty)
    #expect(at(document, "/paths/~1items/parameters") == [["name": "verbose", "in": "query", "schema": ["type": "boolean"]]])
    #expect(at(document, "/paths/~1items/put/requestBody/content/application~1json/schema") == ["type": "object"])
    #expect(at(document, "/paths/~1items/post/requestBody/content/application~1json/schema") == ["type": "string"])
    #expect(at(document, "/paths/~1items/put/parameters") == nil)
}

@Test func duplicateParametersAndConflictingBodiesAreRepaired() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths:
          /x:
            post:
              parameters:
                - {name: a, in: query, type: string}
                - {name: a, in: query, type: integer}
                - {name: b, in: body, schema: {type: string}}
                - {name: c, in: body, schema: {type: integer}}
                - {name: d, in: formData, type: string}
                - {$ref: '#/parameters/Missing'}
              responses: {'200': {description: ok}}
        """
    )
    #expect(codes(warnings) == ["duplicate-parameter", "duplicate-parameter", "unresolved-reference", "body-and-form-parameters"])
    #expect(at(document, "/paths/~1x/post/parameters") == [["name": "a", "in": "query", "schema": ["type": "string"]]])
    #expect(at(document, "/paths/~1x/post/requestBody/content/application~1json/schema") == ["type": "string"])
    _ = try decodeStrictly(document)
}

// MARK: Responses

@Test func responsesGetContentHeadersAndExamples() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        produces: [application/json]
        responses:
          NotFound: {description: Not found, schema: {$ref: '#/definitions/Error'}}
        paths:
          /pets:
            get:
              produces: [application/json, text/csv]
              responses:
                '200':
                  description: The pets
                  schema: {type: array, items: {type: string}}
                  headers:
                    X-Rate-Limit: {type: integer, format: int32, description: Calls left}
                    X-Tags: {type: array, items: {type: string}}
                  examples:
                    application/json: [rex]
                    application/xml: <pets/>
                  x-cache: true
                '404': {$ref: '#/responses/NotFound'}
                x-note: kept
            post:
              responses:
                default: {schema: {type: string}}
            delete: {}
        definitions:
          Error: {type: object}
        """
    )
    let ok = "/paths/~1pets/get/responses/200"
    #expect(at(document, ok + "/description") == "The pets")
    #expect(
        at(document, ok + "/content") == [
            "application/json": ["schema": ["type": "array", "items": ["type": "string"]], "example": ["rex"]],
            "text/csv": ["schema": ["type": "array", "items": ["type": "string"]]],
            "application/xml": ["schema": ["type": "array", "items": ["type": "string"]], "example": "<pets/>"],
        ]
    )
    #expect(at(document, ok + "/headers/X-Rate-Limit") == ["description": "Calls left", "schema": ["type": "integer", "format": "int32"]])
    #expect(at(document, ok + "/headers/X-Tags") == ["schema": ["type": "array", "items": ["type": "string"]]])
    #expect(at(document, ok + "/x-cache") == true)
    #expect(at(document, "/paths/~1pets/get/responses/404") == ["$ref": "#/components/responses/NotFound"])
    #expect(at(document, "/paths/~1pets/get/responses/x-note") == "kept")
    #expect(
        at(document, "/components/responses/NotFound") == [
            "description": "Not found", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
    )
    #expect(at(document, "/paths/~1pets/post/responses/default/description") == "")
    #expect(at(document, "/paths/~1pets/delete/responses") == ["default": ["description": "Default response"]])
    #expect(codes(warnings) == ["missing-description", "missing-responses"])
    #expect(warnings.map(\.pointer) == ["/paths/~1pets/post/responses/default", "/paths/~1pets/delete"])
}

// MARK: Security

@Test func securityDefinitionsBecomeSecuritySchemes() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        securityDefinitions:
          basic: {type: basic, description: Basic auth}
          key: {type: apiKey, name: X-Key, in: header, x-vendor: 1}
          implicit: {type: oauth2, flow: implicit, authorizationUrl: 'https://a.example/auth', scopes: {read: Read}}
          password: {type: oauth2, flow: password, tokenUrl: 'https://a.example/token', scopes: {}}
          app: {type: oauth2, flow: application, tokenUrl: 'https://a.example/token', scopes: {write: Write}}
          code: {type: oauth2, flow: accessCode, authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {}}
          broken: {type: apiKey, name: k}
        security: [{key: []}, {implicit: [read], missing: []}, {missing: []}, {}]
        paths:
          /a:
            get:
              security: [{code: []}]
              responses: {'200': {description: ok}}
        """
    )
    #expect(at(document, "/components/securitySchemes/basic") == ["type": "http", "description": "Basic auth", "scheme": "basic"])
    #expect(at(document, "/components/securitySchemes/key") == ["type": "apiKey", "name": "X-Key", "in": "header", "x-vendor": 1])
    #expect(
        at(document, "/components/securitySchemes/implicit/flows") == [
            "implicit": ["authorizationUrl": "https://a.example/auth", "scopes": ["read": "Read"]]
        ]
    )
    #expect(at(document, "/components/securitySchemes/password/flows") == ["password": ["tokenUrl": "https://a.example/token", "scopes": [:]]])
    #expect(
        at(document, "/components/securitySchemes/app/flows") == [
            "clientCredentials": ["tokenUrl": "https://a.example/token", "scopes": ["write": "Write"]]
        ]
    )
    #expect(
        at(document, "/components/securitySchemes/code/flows") == [
            "authorizationCode": ["authorizationUrl": "https://a.example/auth", "tokenUrl": "https://a.example/token", "scopes": [:]]
        ]
    )
    #expect(at(document, "/components/securitySchemes/broken") == nil)
    #expect(at(document, "/security") == [["key": []], ["implicit": ["read"]], [:]])
    #expect(at(document, "/paths/~1a/get/security") == [["code": []]])
    #expect(codes(warnings) == ["invalid-security-scheme", "unknown-security-scheme", "unknown-security-scheme"])
    _ = try decodeStrictly(document)
}

// MARK: Leniency and robustness

@Test func operationFieldsAreCopied() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        host: example.com
        schemes: [https]
        paths:
          /a:
            x-path: 1
            get:
              tags: [a, 7]
              summary: S
              description: D
              operationId: getA
              deprecated: true
              externalDocs: {url: 'https://example.com'}
              schemes: [http]
              x-op: true
              responses: {'200': {description: ok}}
        """
    )
    #expect(
        at(document, "/paths/~1a/get") == [
            "tags": ["a", "7"], "summary": "S", "description": "D", "externalDocs": ["url": "https://example.com"],
            "operationId": "getA", "responses": ["200": ["description": "ok"]], "deprecated": true,
            "servers": [["url": "http://example.com"]], "x-op": true,
        ]
    )
    #expect(at(document, "/paths/~1a/x-path") == 1)
    #expect(codes(warnings) == ["non-string-value"])
}

@Test func nonObjectsWhereObjectsBelongAreSkipped() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        paths:
          /a: 5
          /b:
            get: [1]
            put:
              parameters: {name: x}
              responses: {'200': 7, '201': {description: ok}, 'two hundred': {description: no}}
        definitions:
          Bad: 3
        """
    )
    #expect(at(document, "/paths/~1a") == nil)
    #expect(at(document, "/paths/~1b/get") == nil)
    #expect(at(document, "/paths/~1b/put/responses") == ["201": ["description": "ok"]])
    #expect(at(document, "/components/schemas/Bad") == [:])
    #expect(codes(warnings) == ["invalid-type", "invalid-type", "invalid-type", "invalid-type", "invalid-status-code", "invalid-schema"])
    _ = try decodeStrictly(document)
}

@Test func malformedSchemaMembersAreRepaired() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: 2024, version: v}
        paths: {}
        definitions:
          A:
            type: [string, "null"]
            title: 7
            enum: red
            xml: {name: a, attribute: "true", namespace: "https://example.com/ns"}
          B: {type: date}
          C: {type: array, items: [{type: string}, {type: integer}]}
          D: {type: "null"}
          E: {discriminator: {propertyName: kind, mapping: {cat: '#/definitions/A'}}}
        """
    )
    #expect(at(document, "/info/title") == "2024")
    #expect(
        at(document, "/components/schemas/A") == [
            "type": "string", "nullable": true, "title": "7", "xml": ["name": "a", "attribute": true, "namespace": "https://example.com/ns"],
        ]
    )
    #expect(at(document, "/components/schemas/B") == [:])
    #expect(at(document, "/components/schemas/C/items") == ["anyOf": [["type": "string"], ["type": "integer"]]])
    #expect(at(document, "/components/schemas/D") == ["nullable": true])
    #expect(at(document, "/components/schemas/E/discriminator") == ["propertyName": "kind", "mapping": ["cat": "#/components/schemas/A"]])
    #expect(
        codes(warnings) == [
            "non-string-value", "type-list", "non-string-value", "invalid-enum", "non-boolean-value", "unknown-type", "tuple-items", "null-type",
        ]
    )
    _ = try decodeStrictly(document)
}

@Test func globalParameterReferencesAreFollowed() throws {
    let (document, warnings) = try convert(
        """
        swagger: '2.0'
        info: {title: t, version: v}
        parameters:
          Alias: {$ref: '#/parameters/Body'}
          Body: {name: body, in: body, schema: {type: string}}
          FormAlias: {$ref: '#/parameters/Field'}
          Field: {name: field, in: formData, type: string}
        responses:
          Gone: {$ref: '#/responses/Missing'}
          Missing: {description: gone}
        paths:
          /a:
            put:
              parameters: [{$ref: '#/parameters/Alias'}]
              responses: {'200': {description: ok}}
            post:
              parameters: [{$ref: '#/parameters/FormAlias'}]
              responses: {'200': {description: ok}}
            patch:
              parameters: [{$ref: '#/paths/~1a/put/parameters/0'}]
              responses: {'200': {description: ok}}
        """
    )
    #expect(at(document, "/paths/~1a/put/requestBody") == ["$ref": "#/components/requestBodies/Alias"])
    // OpenAPIKit (like much tooling) does not accept a component that is a reference: it is a copy.
    #expect(at(document, "/components/requestBodies/Alias") == at(document, "/components/requestBodies/Body"))
    #expect(at(document, "/components/requestBodies/Body") == ["content": ["application/json": ["schema": ["type": "string"]]]])
    #expect(at(document, "/components/responses/Gone") == ["description": "gone"])
    #expect(at(document, "/paths/~1a/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/field") == ["type": "string"])
    #expect(at(document, "/paths/~1a/patch/requestBody") == ["$ref": "#/components/requestBodies/Alias"])
    #expect(at(document, "/components/parameters") == nil)
    #expect(warnings.isEmpty)
    _ = try decodeStrictly(document)
}

@Test func deeplyNestedSchemasAreCutWithoutCrashing() throws {
    var schema: JSONValue = ["type": "string"]
    for _ in 0..<700 {
        schema = ["type": "object", "properties": ["next": schema]]
    }
    let root: JSONValue = ["swagger": "2.0", "info": ["title": "t", "version": "v"], "paths": [:], "definitions": ["Deep": schema]]
    let (document, warnings) = try SwaggerConverter.convert(root, source: nil)
    #expect(codes(warnings) == ["schema-too-deep"])
    #expect(at(document, "/components/schemas/Deep/type") == "object")
}

@Test func conversionIsDeterministic() throws {
    let first = try convert(parametersSource)
    let second = try convert(parametersSource)
    #expect(JSONWriter().bytes(first.document) == JSONWriter().bytes(second.document))
    #expect(first.warnings == second.warnings)
}

// MARK: Corpus

/// What one corpus file gave.
private struct CorpusResult: Sendable {
    var name: String
    var yamlFailure: String?
    var failure: String?
    var operations = 0
    var schemas = 0
    var warningCodes: [String: Int] = [:]
}

/// Converts one corpus file, decodes the result with OpenAPIKit30, validates it and
/// compares operation and schema counts with the source.
private func checkCorpusFile(_ file: URL, name: String, fullDecode: Bool) -> CorpusResult {
    var result = CorpusResult(name: name)
    let source: JSONValue
    do {
        let bytes = try [UInt8](Data(contentsOf: file))
        let (value, _) = try YAMLReader.parse(bytes, limits: .default, deadline: Deadline(seconds: 60))
        guard let value else {
            result.yamlFailure = "empty YAML stream"
            return result
        }
        source = value
    } catch {
        result.yamlFailure = "\(error)"
        return result
    }

    var sourceOperations = 0
    for (path, item) in source["paths"]?.objectValue ?? [:] where !SwaggerConverter.isExtension(path) {
        sourceOperations += SwaggerConverter.methods.filter { item[$0]?.objectValue != nil }.count
    }
    let sourceSchemas = source["definitions"]?.objectValue?.count ?? 0

    do {
        let converted = try SwaggerConverter.convert(source, source: name)
        for warning in converted.warnings { result.warningCodes[warning.code, default: 0] += 1 }
        let decoder = JSONDecoder()
        if !fullDecode {
            // OpenAPIKit decodes every object's subtree a second time (as AnyCodable) to
            // collect vendor extensions, which makes a debug build about 20 times slower
            // (half an hour for the corpus). The one check that pass adds, "no member that
            // is neither a field nor x-", holds by construction (every OpenAPI object the
            // converter writes is built from a list of known fields) and is exercised with
            // the full decoder by the unit tests below and by ASSAY_CORPUS_FULL_DECODE=1.
            decoder.userInfo[VendorExtensionsConfiguration.enabledKey] = false
        }
        let document = try decoder.decode(OpenAPI.Document.self, from: Data(JSONWriter().bytes(converted.document)))
        try document.validate()
        var decodedOperations = 0
        for (_, item) in document.paths {
            decodedOperations += item.b?.endpoints.count ?? 0
        }
        let decodedSchemas = document.components.schemas.count
        guard decodedOperations == sourceOperations, decodedSchemas == sourceSchemas else {
            result.failure = "operations \(sourceOperations) → \(decodedOperations), schemas \(sourceSchemas) → \(decodedSchemas)"
            return result
        }
        result.operations = decodedOperations
        result.schemas = decodedSchemas
    } catch {
        result.failure = String("\(error)".prefix(600))
    }
    return result
}

/// The bar: every Swagger 2.0 file of the APIs.guru corpus converts to an OpenAPI 3.0
/// document that OpenAPIKit30 decodes and validates (default validations, strict), with
/// every operation and every definition kept.
///
/// Environment: `ASSAY_CORPUS_FILTER=text` checks only the files whose path contains it;
/// `ASSAY_CORPUS_FULL_DECODE=1` decodes vendor extensions too (slow, see above).
@Test func corpusConvertsAndValidates() async throws {
    let corpus = SharedMaterial.apisGuru
    guard FileManager.default.fileExists(atPath: corpus.path) else {
        Issue.record("the corpus was not found at \(corpus.path)")
        return
    }
    var files = SharedMaterial.corpusFiles().filter { $0.lastPathComponent == "swagger.yaml" }
    let environment = ProcessInfo.processInfo.environment
    if let filter = environment["ASSAY_CORPUS_FILTER"] {
        files = files.filter { $0.path.contains(filter) }
    }
    let fullDecode = environment["ASSAY_CORPUS_FULL_DECODE"] == "1"
    let prefixLength = corpus.path.count + 1

    let started = Date()
    // The files are independent: check them on every core, a bounded number at a time.
    var results: [CorpusResult] = []
    await withTaskGroup(of: CorpusResult.self) { group in
        var next = 0
        func addNext() {
            guard next < files.count else { return }
            let file = files[next]
            next += 1
            group.addTask { checkCorpusFile(file, name: String(file.path.dropFirst(prefixLength)), fullDecode: fullDecode) }
        }
        for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) { addNext() }
        for await result in group {
            results.append(result)
            addNext()
        }
    }
    results.sort { $0.name < $1.name }
    let seconds = Date().timeIntervalSince(started)

    let yamlFailures = results.filter { $0.yamlFailure != nil }
    let failures = results.filter { $0.failure != nil }
    let converted = results.filter { $0.yamlFailure == nil && $0.failure == nil }
    var warningCodes: [String: Int] = [:]
    for result in results {
        warningCodes.merge(result.warningCodes, uniquingKeysWith: +)
    }
    print(
        "Swagger corpus: \(files.count) files, \(converted.count) converted, "
            + "\(converted.reduce(0) { $0 + $1.operations }) operations, \(converted.reduce(0) { $0 + $1.schemas }) schemas, "
            + "\(warningCodes.values.reduce(0, +)) warnings, \(yamlFailures.count) YAML failures, \(failures.count) failures, "
            + String(format: "%.1f s", seconds) + (fullDecode ? " (full decode)" : "")
    )
    let codes = warningCodes.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
    print("  warnings by code: " + codes.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    for result in yamlFailures { print("  YAML: \(result.name): \(result.yamlFailure ?? "")") }
    for result in failures { print("  FAIL: \(result.name): \(result.failure ?? "")") }
    #expect(files.count > 0)
    #expect(failures.isEmpty)
}
