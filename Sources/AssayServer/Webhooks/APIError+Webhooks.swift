import AssayCore
import HTTPTypes
import OrderedCollections

/// The answers of a delivery that cannot be accepted: stable codes a sender's logs can show.
extension APIError {
    /// 401: the project has no secret for this source, so nothing it sends can be trusted.
    static func webhookNotConfigured(_ source: WebhookSource, project: String) -> APIError {
        APIError(
            .unauthorized,
            code: "webhook_not_configured",
            message: "the \(source.rawValue) webhook is not configured for project '\(project)': set settings.webhookSecrets.\(source.rawValue)",
            details: .object(["source": .string(source.rawValue)])
        )
    }

    /// 401: the secret configured for this source cannot be used as its scheme needs.
    static func webhookSecretUnusable(_ source: WebhookSource, _ problem: String) -> APIError {
        APIError(
            .unauthorized,
            code: "webhook_not_configured",
            message: "the project's \(source.rawValue) webhook secret is not usable: \(problem)",
            details: .object(["source": .string(source.rawValue)])
        )
    }

    /// 401: the signature (or token) header is absent.
    static func signatureMissing(_ header: String) -> APIError {
        APIError(
            .unauthorized,
            code: "invalid_signature",
            message: "the delivery is not signed: the \(header) header is missing",
            details: .object(["header": .string(header)])
        )
    }

    /// 401: the signature does not match the body and the project's secret.
    static func signatureMismatch(_ header: String, _ problem: String = "does not match the body and the project's secret") -> APIError {
        APIError(
            .unauthorized,
            code: "invalid_signature",
            message: "the \(header) header \(problem)",
            details: .object(["header": .string(header)])
        )
    }

    /// 401: the signed timestamp is missing, malformed, too old or in the future.
    static func invalidTimestamp(_ message: String) -> APIError {
        APIError(.unauthorized, code: "invalid_timestamp", message: message, details: .object(["header": "webhook-timestamp"]))
    }
}
