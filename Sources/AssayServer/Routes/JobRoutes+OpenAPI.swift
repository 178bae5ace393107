extension JobRoutes {
    /// The description of the job queue's routes.
    static let openAPI = """
        paths:
          /api/v1/jobs:
            get:
              operationId: listJobs
              tags: [jobs]
              summary: List jobs, newest first (admin)
              parameters:
                - name: state
                  in: query
                  schema: { $ref: "#/components/schemas/JobState" }
                - name: kind
                  in: query
                  schema: { type: string, minLength: 1, maxLength: 100 }
                - $ref: "#/components/parameters/NumberCursor"
                - $ref: "#/components/parameters/Limit"
              responses:
                "200":
                  description: A page of jobs.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/JobPage" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
          /api/v1/jobs/{job}:
            parameters:
              - $ref: "#/components/parameters/JobID"
            get:
              operationId: getJob
              tags: [jobs]
              summary: Read a job (its state, attempts, result or last error)
              responses:
                "200":
                  description: The job.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "404": { $ref: "#/components/responses/NotFound" }
          /api/v1/jobs/{job}/retry:
            parameters:
              - $ref: "#/components/parameters/JobID"
            post:
              operationId: retryJob
              tags: [jobs]
              summary: Queue a dead job again with fresh attempts (admin)
              responses:
                "200":
                  description: The job, queued again.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Job" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
                "404": { $ref: "#/components/responses/NotFound" }
                "409": { $ref: "#/components/responses/Conflict" }
          /api/v1/jobs/purge:
            post:
              operationId: purgeJobs
              tags: [jobs]
              summary: Delete finished jobs older than some days (admin)
              parameters:
                - name: olderThanDays
                  in: query
                  schema: { type: integer, minimum: 0, maximum: 3650, default: 7 }
              responses:
                "200":
                  description: How many were deleted.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [purged]
                        properties:
                          purged: { type: integer, minimum: 0 }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401": { $ref: "#/components/responses/Unauthorized" }
                "403": { $ref: "#/components/responses/Forbidden" }
        components:
          parameters:
            JobID:
              name: job
              in: path
              required: true
              schema: { type: integer, format: int64, minimum: 1 }
          schemas:
            JobPage:
              description: "A page of Job items (`nextCursor` is null on the last page)."
              type: object
              required: [items, nextCursor]
              properties:
                items:
                  type: array
                  items: { $ref: "#/components/schemas/Job" }
                nextCursor: { type: [string, "null"] }
            JobState:
              enum: [queued, running, succeeded, dead]
            Job:
              type: object
              required: [id, kind, state, priority, payload, attempts, maxAttempts, runAt, createdAt, updatedAt]
              properties:
                id: { type: integer, format: int64 }
                kind: { type: string }
                state: { $ref: "#/components/schemas/JobState" }
                priority: { type: integer }
                payload: { type: string, description: "The job's input, as JSON text." }
                result: { type: string, description: "What the job produced, as JSON text." }
                idempotencyKey: { type: string }
                attempts: { type: integer, minimum: 0 }
                maxAttempts: { type: integer, minimum: 1 }
                runAt: { type: string, format: date-time }
                lockedBy: { type: string }
                lockedUntil: { type: string, format: date-time }
                lastError: { type: string }
                createdAt: { type: string, format: date-time }
                updatedAt: { type: string, format: date-time }
                finishedAt: { type: string, format: date-time }
        """
}
