extension SpecRoutes {
    /// The description of a project's spec versions and plans.
    static let openAPI = """
        paths:
          /api/v1/projects/{project}/specs:
            parameters:
              - $ref: "#/components/parameters/Project"
            get:
              operationId: listSpecVersions
              tags: [specs]
              summary: List the versions of the project's description, newest first
              parameters:
                - $ref: "#/components/parameters/NumberCursor"
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: A page of versions.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/SpecVersionPage" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
            post:
              operationId: uploadSpec
              tags: [specs]
              summary: Upload a version of the description, or have one fetched
              description: |
                The body is the description (OpenAPI 3.0/3.1 or Swagger 2.0, JSON or YAML). It is
                loaded first: one that cannot be used is refused with 422 and nothing is kept.
                A new version is recorded with the job that generates, runs and gates it (201);
                the same bytes again change nothing (200). `{"url": "https://…"}` queues a job
                that fetches the description (202).
              requestBody:
                required: true
                content:
                  application/yaml:
                    schema: { type: string, minLength: 1 }
                    example: |
                      openapi: 3.0.3
                      info: { title: Widgets, version: "1.0" }
                      paths:
                        /widgets:
                          get:
                            responses:
                              "200": { description: The widgets. }
                  application/x-yaml:
                    schema: { type: string, minLength: 1 }
                  text/yaml:
                    schema: { type: string, minLength: 1 }
                  text/plain:
                    schema: { type: string, minLength: 1 }
                  application/vnd.oai.openapi:
                    schema: { type: string, minLength: 1 }
                  application/vnd.oai.openapi+json:
                    schema: { $ref: "#/components/schemas/SpecDocument" }
                  application/json:
                    schema:
                      oneOf:
                        - { $ref: "#/components/schemas/SpecFetch" }
                        - { $ref: "#/components/schemas/SpecDocument" }
                    example:
                      openapi: 3.1.0
                      info: { title: Widgets, version: "1.0" }
                      paths:
                        /widgets:
                          get:
                            responses:
                              "200": { description: The widgets. }
              responses:
                "200":
                  description: These bytes are already a version; nothing was queued.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/UploadedSpec" }
                "201":
                  description: A new version, and the job that processes it.
                  headers:
                    Location:
                      required: true
                      schema: { type: string }
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/UploadedSpec" }
                  links:
                    GetSpecVersion:
                      operationId: getSpecVersion
                      parameters: { project: $request.path.project, version: $response.body#/specVersion/version }
                    GetSpecContent:
                      operationId: getSpecContent
                      parameters: { project: $request.path.project, version: $response.body#/specVersion/version }
                "202":
                  description: A job will fetch the description from the URL.
                  headers:
                    Location:
                      required: true
                      schema: { type: string }
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/AcceptedJob" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
                "413": { $ref: "#/components/responses/TooLarge" }
                "415": { $ref: "#/components/responses/UnsupportedMediaType" }
                "422":
                  description: The description cannot be used; the message says why.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
          /api/v1/projects/{project}/specs/{version}:
            parameters:
              - $ref: "#/components/parameters/Project"
              - $ref: "#/components/parameters/SpecVersionNumber"
            get:
              operationId: getSpecVersion
              tags: [specs]
              summary: Read a version
              responses:
                "200":
                  description: The version.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/SpecVersion" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/projects/{project}/specs/{version}/content:
            parameters:
              - $ref: "#/components/parameters/Project"
              - $ref: "#/components/parameters/SpecVersionNumber"
            get:
              operationId: getSpecContent
              tags: [specs]
              summary: The version's description, byte for byte
              responses:
                "200":
                  description: The description as it was uploaded or fetched.
                  content:
                    application/json:
                      schema: { type: object }
                    application/yaml:
                      schema: { type: string }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/projects/{project}/plans:
            parameters:
              - $ref: "#/components/parameters/Project"
            get:
              operationId: listPlans
              tags: [specs]
              summary: List the project's plans, newest first
              parameters:
                - name: deleted
                  in: query
                  description: Include soft-deleted plans.
                  schema: { type: boolean, default: false }
                - $ref: "#/components/parameters/NumberCursor"
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: A page of plans, without their content.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/PlanSummaryPage" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/plans/{plan}:
            parameters:
              - $ref: "#/components/parameters/PlanID"
            get:
              operationId: getPlan
              tags: [specs]
              summary: A plan's content (Assay's native test plan)
              responses:
                "200":
                  description: The plan, as `assay generate --format plan` writes it.
                  content:
                    application/json:
                      schema: { type: object }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
        components:
          parameters:
            SpecVersionNumber:
              name: version
              in: path
              required: true
              description: The version number (from 1).
              schema: { type: integer, minimum: 1 }
            PlanID:
              name: plan
              in: path
              required: true
              schema: { type: string, format: uuid }
          schemas:
            SpecVersionPage:
              description: "A page of SpecVersion items (`nextCursor` is null on the last page)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/SpecVersion" }
                nextCursor: { type: [string, "null"] }
            PlanSummaryPage:
              description: "A page of PlanSummary items (`nextCursor` is null on the last page)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/PlanSummary" }
                nextCursor: { type: [string, "null"] }
            SpecDocument:
              type: object
              description: An OpenAPI 3.0 or 3.1 document (Swagger 2.0 is read too, with `swagger` in place of `openapi`).
              required: [openapi, info, paths]
              properties:
                openapi: { type: string, pattern: '^3\\.[01]\\.(0|[1-9][0-9]?)$' }
                info:
                  type: object
                  required: [title, version]
                  properties:
                    title: { type: string, minLength: 1 }
                    version: { type: string, minLength: 1 }
                paths:
                  type: object
                  propertyNames: { pattern: "^/" }
                  additionalProperties:
                    type: object
                    properties: {}
                    additionalProperties: false
            SpecFetch:
              type: object
              required: [url]
              additionalProperties: false
              properties:
                url: { type: string, format: uri, pattern: "^https?://" }
            SpecVersion:
              type: object
              required: [id, projectID, version, contentHash, source, createdAt]
              properties:
                id: { type: string, format: uuid }
                projectID: { type: string, format: uuid }
                version: { type: integer, minimum: 1 }
                contentHash: { type: string }
                source: { type: string, description: "Where it came from: `upload:<token name>`, a URL, a webhook." }
                summary: { type: string, description: "Title, version, format and counts, as JSON text." }
                createdAt: { type: string, format: date-time }
            UploadedSpec:
              type: object
              required: [specVersion, created, warnings]
              properties:
                specVersion: { $ref: "#/components/schemas/SpecVersion" }
                created: { type: boolean }
                jobID: { type: integer, format: int64 }
                warnings:
                  type: array
                  maxItems: 50
                  items: { type: string }
            PlanSummary:
              type: object
              required: [id, projectID, version, contentHash, createdAt]
              properties:
                id: { type: string, format: uuid }
                projectID: { type: string, format: uuid }
                specVersionID: { type: string, format: uuid }
                version: { type: integer, minimum: 1 }
                contentHash: { type: string }
                createdAt: { type: string, format: date-time }
                deletedAt: { type: string, format: date-time }
        """
}
