extension RunRoutes {
    /// The description of runs and their findings.
    static let openAPI = """
        paths:
          /api/v1/projects/{project}/runs:
            parameters:
              - $ref: "#/components/parameters/Project"
            get:
              operationId: listRuns
              tags: [runs]
              summary: List the project's runs, newest first
              parameters:
                - $ref: "#/components/parameters/NumberCursor"
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: A page of runs.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/RunPage" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
            post:
              operationId: startRun
              tags: [runs]
              summary: Run the project's latest plan (a job)
              description: |
                Runs against the project's `targetURL`, or Assay's mock of the plan's
                description when there is none. A retry with the same `Idempotency-Key` queues
                nothing more and answers with the first job.
              parameters:
                - name: Idempotency-Key
                  in: header
                  required: false
                  schema: { type: string, minLength: 1, maxLength: 200 }
              responses:
                "202":
                  description: The run is queued; `Location` is its job.
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
          /api/v1/runs/{run}:
            parameters:
              - $ref: "#/components/parameters/RunID"
            get:
              operationId: getRun
              tags: [runs]
              summary: Read a run
              responses:
                "200":
                  description: The run.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Run" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/runs/{run}/findings:
            parameters:
              - $ref: "#/components/parameters/RunID"
            get:
              operationId: listFindings
              tags: [runs]
              summary: A run's findings
              responses:
                "200":
                  description: Every finding of the run.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/FindingList" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
        components:
          parameters:
            RunID:
              name: run
              in: path
              required: true
              schema: { type: string, format: uuid }
          schemas:
            RunPage:
              description: "A page of Run items (`nextCursor` is null on the last page)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/Run" }
                nextCursor: { type: [string, "null"] }
            FindingList:
              description: "Every Finding, in one page (`nextCursor` is always null)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/Finding" }
                nextCursor: { type: "null" }
            Run:
              type: object
              required: [id, projectID, number, target, status, startedAt]
              properties:
                id: { type: string, format: uuid }
                projectID: { type: string, format: uuid }
                number: { type: integer, minimum: 1 }
                planID: { type: string, format: uuid }
                jobID: { type: integer, format: int64 }
                target: { type: string, description: "The base URL, or `mock`." }
                status: { type: string, description: "running, passed, failed, error or abandoned." }
                startedAt: { type: string, format: date-time }
                finishedAt: { type: string, format: date-time }
                summary: { type: string, description: "Counts per outcome, as JSON text." }
            Finding:
              type: object
              required: [id, runID, operation, check, severity, message, fingerprint, createdAt]
              properties:
                id: { type: string, format: uuid }
                runID: { type: string, format: uuid }
                operation: { type: string }
                check: { type: string }
                severity: { type: string }
                message: { type: string }
                fingerprint: { type: string, description: "Stable across runs for the same cause." }
                createdAt: { type: string, format: date-time }
        """
}
