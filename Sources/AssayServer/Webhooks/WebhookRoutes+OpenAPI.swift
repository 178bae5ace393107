extension WebhookRoutes {
    /// The description of `POST /api/v1/webhooks/{source}`.
    static let openAPI = """
        paths:
          /api/v1/webhooks/{source}:
            post:
              operationId: receiveWebhook
              tags: [webhooks]
              summary: A sender says the project's API description may have changed
              description: |
                No bearer token: the delivery is checked against the project's secret for the
                source, over the raw body, before anything else. GitHub signs with
                `X-Hub-Signature-256`, GitLab sends `X-Gitlab-Token`, generic senders follow
                Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`, within
                5 minutes), ApiFox and Apidog sign with `X-Apifox-Signature` (HMAC-SHA256) and
                `X-Apidog-Signature` (HMAC-SHA1). See docs/webhooks.md.
              security: []
              parameters:
                - name: source
                  in: path
                  required: true
                  schema: { enum: [apifox, apidog, github, gitlab, generic] }
                - name: project
                  in: query
                  required: true
                  description: The project's slug.
                  schema: { type: string, minLength: 1, maxLength: 64 }
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { type: object }
              responses:
                "200":
                  description: A delivery already received (`duplicate`), or one that changes nothing (`ignored`).
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/WebhookAnswer" }
                "202":
                  description: Accepted; the spec-change job is queued.
                  headers:
                    Location:
                      schema: { type: string }
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/WebhookAnswer" }
                "400": { $ref: "#/components/responses/BadRequest" }
                "401":
                  description: The signature, token or timestamp is missing, wrong or stale, or the project has no secret for this source.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
                "404": { $ref: "#/components/responses/NotFound" }
                "413": { $ref: "#/components/responses/TooLarge" }
        components:
          schemas:
            WebhookAnswer:
              type: object
              required: [deliveryId, status]
              properties:
                deliveryId: { type: string }
                jobId: { type: [integer, "null"], format: int64 }
                status: { enum: [accepted, duplicate, ignored] }
                reason: { type: string }
        """
}
