extension OperationsRoutes {
    /// The description of `/health`, `/ready`, `/status`, `/metrics` and `/openapi.json`.
    static let openAPI = """
        paths:
          /health:
            get:
              operationId: health
              tags: [operations]
              summary: Liveness; checks no dependency
              security: []
              responses:
                "200":
                  description: The process answers.
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [status]
                        properties:
                          status: { const: ok }
          /ready:
            get:
              operationId: ready
              tags: [operations]
              summary: Readiness; the database, the migrations and the workers
              security: []
              responses:
                "200":
                  description: Ready to serve.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Readiness" }
                "503":
                  description: Not ready; `checks` names what is not.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Readiness" }
          /status:
            get:
              operationId: status
              tags: [operations]
              summary: Version, uptime, queue, workers and circuit breakers
              security: []
              responses:
                "200":
                  description: The instance's state.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/ServiceStatus" }
          /metrics:
            get:
              operationId: metrics
              tags: [operations]
              summary: Prometheus metrics
              security: []
              responses:
                "200":
                  description: The Prometheus text exposition format.
                  content:
                    text/plain:
                      schema: { type: string }
          /openapi.json:
            get:
              operationId: openapi
              tags: [operations]
              summary: This document
              security: []
              responses:
                "200":
                  description: The OpenAPI 3.1 description of the service.
                  content:
                    application/json:
                      schema: { type: object }
        components:
          schemas:
            Readiness:
              type: object
              required: [status, checks]
              properties:
                status: { enum: [ready, not_ready] }
                checks:
                  type: object
                  required: [database, migrations, workers]
                  properties:
                    database: { type: string }
                    migrations: { type: string }
                    workers: { type: string }
            ServiceStatus:
              type: object
              required: [version, startedAt, uptimeSeconds, database, queue, workers, circuitBreakers]
              properties:
                version: { type: string }
                startedAt: { type: string, format: date-time }
                uptimeSeconds: { type: number, minimum: 0 }
                database: { enum: [sqlite, postgres] }
                queue:
                  type: object
                  required: [depth, running, dead, counts, oldestReadyAgeSeconds]
                  properties:
                    depth: { type: integer, minimum: 0 }
                    running: { type: integer, minimum: 0 }
                    dead: { type: integer, minimum: 0 }
                    counts:
                      type: object
                      additionalProperties: { type: integer, minimum: 0 }
                    oldestReadyAgeSeconds: { type: number, minimum: 0 }
                workers:
                  type: object
                  required: [enabled, alive, concurrency, running]
                  properties:
                    enabled: { type: boolean }
                    alive: { type: boolean }
                    concurrency: { type: integer, minimum: 0 }
                    running:
                      type: array
                      items: { type: integer }
                circuitBreakers:
                  type: array
                  items:
                    type: object
                    required: [key, state, consecutiveFailures]
                    properties:
                      key: { type: string }
                      state: { enum: [closed, open, half-open] }
                      consecutiveFailures: { type: integer, minimum: 0 }
                      retryAt: { type: string, format: date-time }
        """
}
