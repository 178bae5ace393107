extension ProjectRoutes {
    /// The description of `/api/v1/projects` and a project's gate results.
    static let openAPI = """
        paths:
          /api/v1/projects:
            get:
              operationId: listProjects
              tags: [projects]
              summary: List projects
              parameters:
                - $ref: "#/components/parameters/Cursor"
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: A page of projects, by slug.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ProjectPage" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
            post:
              operationId: createProject
              tags: [projects]
              summary: Create a project
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/NewProject" }
              responses:
                "201":
                  description: Created; `Location` is its address.
                  headers:
                    Location:
                      required: true
                      schema: { type: string }
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Project" }
                  links:
                    GetProject:
                      operationId: getProject
                      parameters: { project: $response.body#/slug }
                    UpdateProject:
                      operationId: updateProject
                      parameters: { project: $response.body#/slug }
                    DeleteProject:
                      operationId: deleteProject
                      parameters: { project: $response.body#/slug }
                    ListSpecVersions:
                      operationId: listSpecVersions
                      parameters: { project: $response.body#/slug }
                    UploadSpec:
                      operationId: uploadSpec
                      parameters: { project: $response.body#/slug }
                    ListPlans:
                      operationId: listPlans
                      parameters: { project: $response.body#/slug }
                    ListRuns:
                      operationId: listRuns
                      parameters: { project: $response.body#/slug }
                    ListGateResults:
                      operationId: listGateResults
                      parameters: { project: $response.body#/slug }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "409":
                  description: A project with this slug already exists.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
                "413": { $ref: "#/components/responses/TooLarge" }
                "415": { $ref: "#/components/responses/UnsupportedMediaType" }
          /api/v1/projects/{project}:
            parameters:
              - $ref: "#/components/parameters/Project"
            get:
              operationId: getProject
              tags: [projects]
              summary: Read a project
              responses:
                "200":
                  description: The project (secrets shown as `***`).
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Project" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
            patch:
              operationId: updateProject
              tags: [projects]
              summary: Change a project
              description: |
                Absent members keep their value. `settings` replaces the settings as a whole;
                a secret sent back as `***` (as reads show it) keeps the stored one.
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/ProjectChange" }
              responses:
                "200":
                  description: The changed project.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Project" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
                "413": { $ref: "#/components/responses/TooLarge" }
                "415": { $ref: "#/components/responses/UnsupportedMediaType" }
            delete:
              operationId: deleteProject
              tags: [projects]
              summary: Delete a project and everything it owns (admin)
              responses:
                "204": { description: Deleted. }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/projects/{project}/gates:
            parameters:
              - $ref: "#/components/parameters/Project"
            get:
              operationId: listGateResults
              tags: [projects]
              summary: The project's quality-gate verdicts, newest first
              parameters:
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: Gate results.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/GateResultList" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
        components:
          schemas:
            ProjectPage:
              description: "A page of Project items (`nextCursor` is null on the last page)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/Project" }
                nextCursor: { type: [string, "null"] }
            GateResultList:
              description: "Every GateResult, in one page (`nextCursor` is always null)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/GateResult" }
                nextCursor: { type: "null" }
            Stage:
              enum: [entry, development, staging, production, critical]
            SpecSource:
              description: Where the spec-change job fetches the description from; what else is required depends on `kind`.
              oneOf:
                - type: object
                  required: [kind, url]
                  properties:
                    kind: { const: url }
                    url: { $ref: "#/components/schemas/HTTPURL" }
                    accessToken: { type: string, description: "Sent as a bearer token; shown as `***`." }
                - type: object
                  required: [kind, repository, path]
                  properties:
                    kind: { enum: [github, gitlab] }
                    repository: { type: string, minLength: 1, description: "owner/name, or the GitLab project path or id." }
                    path: { type: string, minLength: 1, description: "The description's file in the repository." }
                    ref: { type: string, description: "The branch whose pushes count (default: every push)." }
                    url: { $ref: "#/components/schemas/HTTPURL" }
                    accessToken: { type: string, description: "Shown as `***`." }
                - type: object
                  required: [kind, externalProjectID]
                  properties:
                    kind: { enum: [apifox, apidog] }
                    externalProjectID: { type: string, minLength: 1, description: "Their project id." }
                    url: { $ref: "#/components/schemas/HTTPURL" }
                    accessToken: { type: string, description: "Shown as `***`." }
            HTTPURL:
              type: string
              format: uri
              pattern: "^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]+"
            ProjectSettings:
              type: object
              properties:
                specSource: { $ref: "#/components/schemas/SpecSource" }
                targetURL:
                  $ref: "#/components/schemas/HTTPURL"
                  description: Where runs send traffic; absent means Assay's own mock of the description.
                allowPrivateTarget: { type: boolean, default: false }
                stage: { $ref: "#/components/schemas/Stage" }
                webhookSecrets:
                  type: object
                  description: The signing secret per webhook source (shown as `***`).
                  propertyNames: { enum: [apifox, apidog, github, gitlab, generic] }
                  additionalProperties: { type: string, minLength: 1, maxLength: 512 }
                seed: { type: integer, minimum: 0 }
                targetCredentials:
                  type: object
                  description: |
                    Credentials for runs against `targetURL`, by the variable names of the plan's
                    credential table (`ASSAY_AUTH_…`, as `assay run` and the emitted pytest read
                    them); shown as `***`, and `***` sent back keeps the stored value.
                  maxProperties: 32
                  propertyNames: { pattern: "^ASSAY_AUTH_[A-Z0-9_]{1,117}$" }
                  additionalProperties: { type: string, minLength: 1, maxLength: 4096 }
            Project:
              type: object
              required: [id, slug, name, settings, createdAt, updatedAt]
              properties:
                id: { type: string, format: uuid }
                slug: { type: string, pattern: "^[a-z0-9-]{1,64}$" }
                name: { type: string }
                repositoryURL: { type: string }
                settings: { $ref: "#/components/schemas/ProjectSettings" }
                createdAt: { type: string, format: date-time }
                updatedAt: { type: string, format: date-time }
            NewProject:
              type: object
              required: [slug, name]
              properties:
                slug: { type: string, pattern: "^[a-z0-9-]{1,64}$" }
                name: { type: string, minLength: 1, maxLength: 200 }
                repositoryURL:
                  oneOf:
                    - $ref: "#/components/schemas/HTTPURL"
                    - type: "null"
                settings:
                  description: Absent or `null`, the defaults (the mock as target, the staging gate).
                  oneOf:
                    - $ref: "#/components/schemas/ProjectSettings"
                    - type: "null"
            ProjectChange:
              type: object
              properties:
                name: { type: string, minLength: 1, maxLength: 200 }
                repositoryURL:
                  description: A URL replaces it; `null` removes it; absent keeps it.
                  oneOf:
                    - $ref: "#/components/schemas/HTTPURL"
                    - type: "null"
                settings: { $ref: "#/components/schemas/ProjectSettings" }
            GateResult:
              type: object
              required: [id, projectID, stage, passed, createdAt]
              properties:
                id: { type: string, format: uuid }
                projectID: { type: string, format: uuid }
                runID: { type: string, format: uuid }
                stage: { type: string }
                passed: { type: boolean }
                score: { type: number }
                details: { type: string, description: "The gate's verdict as JSON text." }
                createdAt: { type: string, format: date-time }
        """
}
