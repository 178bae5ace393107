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
                      schema:
                        type: object
                        required: [items, nextCursor]
                        properties:
                          items:
                            type: array
                            items: { $ref: "#/components/schemas/Project" }
                          nextCursor: { type: [string, "null"] }
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
                      schema:
                        type: object
                        required: [items, nextCursor]
                        properties:
                          items:
                            type: array
                            items: { $ref: "#/components/schemas/GateResult" }
                          nextCursor: { type: "null" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
        components:
          schemas:
            Stage:
              enum: [entry, development, staging, production, critical]
            SpecSource:
              type: object
              description: Where the spec-change job fetches the description from.
              required: [kind]
              properties:
                kind: { enum: [url, github, gitlab, apifox, apidog] }
                url: { type: string, format: uri, description: "For `url`: the description's address." }
                repository: { type: string, description: "For github/gitlab: owner/name or the project path." }
                path: { type: string, description: "For github/gitlab: the file in the repository." }
                ref: { type: string, description: "The branch whose pushes count (default: the repository's default)." }
                externalProjectID: { type: string, description: "For apifox/apidog: their project id." }
                accessToken: { type: string, description: "Shown as `***`." }
            ProjectSettings:
              type: object
              properties:
                specSource: { $ref: "#/components/schemas/SpecSource" }
                targetURL:
                  type: string
                  format: uri
                  description: Where runs send traffic; absent means Assay's own mock of the description.
                allowPrivateTarget: { type: boolean, default: false }
                stage: { $ref: "#/components/schemas/Stage" }
                webhookSecrets:
                  type: object
                  description: The signing secret per webhook source (shown as `***`).
                  propertyNames: { enum: [apifox, apidog, github, gitlab, generic] }
                  additionalProperties: { type: string, minLength: 1, maxLength: 512 }
                seed: { type: integer, minimum: 0 }
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
                repositoryURL: { type: string, format: uri, pattern: "^https?://" }
                settings: { $ref: "#/components/schemas/ProjectSettings" }
            ProjectChange:
              type: object
              properties:
                name: { type: string, minLength: 1, maxLength: 200 }
                repositoryURL: { type: string, format: uri, pattern: "^https?://" }
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
