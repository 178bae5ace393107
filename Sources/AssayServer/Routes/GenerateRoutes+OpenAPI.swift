extension GenerateRoutes {
    /// The description of on-demand generation.
    static let openAPI = """
        paths:
          /api/v1/projects/{project}/generate:
            parameters:
              - $ref: "#/components/parameters/Project"
            post:
              operationId: generatePlan
              tags: [specs]
              summary: Generate a plan from a spec version, under the project's gate
              description: |
                Generates a test plan and its pytest suite from the project's latest spec version
                (or `specVersion`), gates it with the project's stage and stores plan, suite and
                verdict, as a new description does. `enhanced` (the default) falls back to
                `standard` when its suite fails the gate; `standard` is gated alone. With
                `incremental` (the default), operations unchanged since the project's newest plan
                of this or an earlier version keep their cases byte for byte, and `changes` says
                what was kept, regenerated, added and removed, with the spec diff and its
                breaking changes. A description of at most the server's synchronous limit of
                operations (40 by default) is generated in the request (201); a larger one is
                queued as a `generate` job (202) whose result holds the same summary. No run is
                queued.
              requestBody:
                required: false
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/GenerateRequest" }
                    example: { strategy: enhanced, incremental: true }
              responses:
                "201":
                  description: The plan was generated, gated and stored; `Location` is the plan.
                  headers:
                    Location:
                      required: true
                      schema: { type: string }
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/GeneratedPlan" }
                  links:
                    GetPlan:
                      operationId: getPlan
                      parameters: { plan: $response.body#/plan/id }
                "202":
                  description: The description is large; a `generate` job will do it. `Location` is the job.
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
                "409": { $ref: "#/components/responses/Conflict" }
                "413": { $ref: "#/components/responses/TooLarge" }
                "415": { $ref: "#/components/responses/UnsupportedMediaType" }
                "422":
                  description: "The spec version's description cannot be used: recorded without its content, or no longer loadable."
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
        components:
          schemas:
            GenerateRequest:
              type: object
              additionalProperties: false
              properties:
                specVersion:
                  type: integer
                  minimum: 1
                  maximum: 2147483647
                  description: The spec version's number; the latest when absent.
                strategy:
                  type: string
                  enum: [enhanced, standard]
                  default: enhanced
                  description: The strategy tried first; `enhanced` falls back to `standard` when its suite fails the gate.
                seed:
                  type: integer
                  minimum: 0
                  maximum: 9223372036854775807
                  description: The seed of every generated value; the project's when absent.
                incremental:
                  type: boolean
                  default: true
                  description: Plan against the project's newest plan of this or an earlier version, keeping the cases of unchanged operations.
            GeneratedPlan:
              type: object
              required: [plan, specVersion, cases, gate, changes, links]
              properties:
                plan: { $ref: "#/components/schemas/PlanSummary" }
                specVersion: { type: integer, minimum: 1 }
                cases: { type: integer, minimum: 0 }
                gate: { $ref: "#/components/schemas/GenerationVerdict" }
                changes:
                  oneOf:
                    - { $ref: "#/components/schemas/PlanChanges" }
                    - { type: "null" }
                links:
                  type: object
                  required: [plan, suite, files]
                  properties:
                    plan: { type: string }
                    suite: { type: string, description: "The pytest suite as a zip." }
                    files: { type: string, description: "The suite's files: path, size, SHA-256." }
            GenerationVerdict:
              type: object
              required: [stage, passed, strategy, fellBack, fallbackReason, scores, attempts]
              properties:
                stage: { type: string }
                passed: { type: boolean, description: "Whether the suite kept passes the stage's gate." }
                strategy: { type: string, enum: [enhanced, standard], description: "The strategy of the suite kept." }
                fellBack: { type: boolean }
                fallbackReason: { type: [string, "null"] }
                scores:
                  type: [object, "null"]
                  description: The kept suite's metrics by name (`assay gate --list-metrics`).
                  additionalProperties: { type: number }
                attempts:
                  type: array
                  description: Every plan tried, in order, with its durations, scores and gate failures.
                  items:
                    type: object
                    required: [strategy, incremental, generationSeconds, scoringSeconds, gatePassed, failures, error, scores]
                    properties:
                      strategy: { type: string, enum: [enhanced, standard] }
                      incremental: { type: boolean }
                      generationSeconds: { type: number, minimum: 0 }
                      scoringSeconds: { type: number, minimum: 0 }
                      gatePassed: { type: [boolean, "null"] }
                      failures: { type: array, items: { type: string } }
                      error: { type: [string, "null"] }
                      note: { type: string }
                      scores:
                        type: [object, "null"]
                        additionalProperties: { type: number }
            PlanChanges:
              type: object
              required: [incremental, fullRegenerationReason, cases, operations, specDiff, since]
              properties:
                incremental: { type: boolean, description: "False when every operation was planned anew (the reason says why)." }
                fullRegenerationReason: { type: [string, "null"] }
                cases:
                  type: object
                  required: [kept, regenerated, added, removed]
                  description: Cases carried over byte for byte, planned anew under an id the previous plan had, new, and gone.
                  properties:
                    kept: { type: integer, minimum: 0 }
                    regenerated: { type: integer, minimum: 0 }
                    added: { type: integer, minimum: 0 }
                    removed: { type: integer, minimum: 0 }
                operations:
                  type: object
                  required: [reused, regenerated]
                  properties:
                    reused: { type: integer, minimum: 0 }
                    regenerated: { type: integer, minimum: 0 }
                specDiff:
                  type: object
                  description: Added, removed and changed operations, with the breaking changes (as `spec-diff.json`).
                  required: [summary, added, removed, changed, breaking]
                  properties:
                    summary:
                      type: object
                      required: [added, removed, changed, unchanged, breaking]
                      properties:
                        added: { type: integer, minimum: 0 }
                        removed: { type: integer, minimum: 0 }
                        changed: { type: integer, minimum: 0 }
                        unchanged: { type: integer, minimum: 0 }
                        breaking: { type: integer, minimum: 0 }
                    added: { type: array, items: { type: string } }
                    removed: { type: array, items: { type: string } }
                    changed: { type: array, items: { type: object } }
                    breaking:
                      type: array
                      items:
                        type: object
                        required: [operation, kind, detail]
                        properties:
                          operation: { type: string }
                          kind: { type: string }
                          detail: { type: string }
                since:
                  type: object
                  required: [plan, planVersion, specVersionID]
                  description: The plan regenerated against.
                  properties:
                    plan: { type: string, format: uuid }
                    planVersion: { type: integer, minimum: 1 }
                    specVersionID: { type: [string, "null"], format: uuid }
        """
}
