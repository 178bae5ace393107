import HTTPTypes

/// Who may post to `/api/v1/webhooks/{source}`: how each sender signs, names its deliveries
/// and says what happened.
///
/// The signature schemes are in `docs/webhooks.md`, with what is documented by each sender
/// and what is assumed (ApiFox and Apidog publish no signing scheme for their webhook
/// notifications).
enum WebhookSource: String, CaseIterable, Sendable {
    case apifox
    case apidog
    case github
    case gitlab
    case generic

    /// How a delivery from this source proves it knows the project's secret; a signed
    /// timestamp may be `tolerance` away from now.
    func verifier(tolerance: Duration) -> any WebhookVerifier {
        switch self {
        case .github: HexHMACVerifier(header: .xHubSignature256, prefix: "sha256=", algorithm: .sha256)
        case .apifox: HexHMACVerifier(header: .xApifoxSignature, prefix: "sha256=", algorithm: .sha256)
        case .apidog: HexHMACVerifier(header: .xApidogSignature, prefix: "sha1=", algorithm: .sha1)
        case .gitlab: GitLabTokenVerifier()
        case .generic: StandardWebhooksVerifier(tolerance: tolerance)
        }
    }

    /// The headers that carry the sender's delivery id, the preferred first: the one that
    /// stays the same when the sender retries.
    var deliveryIDHeaders: [HTTPField.Name] {
        switch self {
        case .github: [.xGitHubDelivery]
        // GitLab keeps Idempotency-Key across retries; X-Gitlab-Event-UUID predates it.
        case .gitlab: [.idempotencyKey, .xGitlabEventUUID]
        case .generic: [.webhookID]
        case .apifox: [.xApifoxDelivery, .idempotencyKey, .webhookID]
        case .apidog: [.xApidogDelivery, .idempotencyKey, .webhookID]
        }
    }

    /// The header naming the kind of event, if the source sends one.
    var eventHeader: HTTPField.Name? {
        switch self {
        case .github: .xGitHubEvent
        case .gitlab: .xGitlabEvent
        case .apifox: .xApifoxEvent
        case .apidog: .xApidogEvent
        case .generic: nil
        }
    }

    /// The request headers kept with a delivery for diagnosis: never a secret or signature.
    var recordedHeaders: [HTTPField.Name] {
        var names: [HTTPField.Name] = [.userAgent, .contentType]
        names.append(contentsOf: deliveryIDHeaders)
        if let eventHeader { names.append(eventHeader) }
        if self == .generic { names.append(.webhookTimestamp) }
        if self == .github { names.append(.xGitHubHookID) }
        if self == .gitlab { names.append(.xGitlabInstance) }
        return names
    }
}

extension HTTPField.Name {
    static let xHubSignature256 = HTTPField.Name("X-Hub-Signature-256")!
    static let xGitHubDelivery = HTTPField.Name("X-GitHub-Delivery")!
    static let xGitHubEvent = HTTPField.Name("X-GitHub-Event")!
    static let xGitHubHookID = HTTPField.Name("X-GitHub-Hook-ID")!
    static let xGitlabToken = HTTPField.Name("X-Gitlab-Token")!
    static let xGitlabEvent = HTTPField.Name("X-Gitlab-Event")!
    static let xGitlabEventUUID = HTTPField.Name("X-Gitlab-Event-UUID")!
    static let xGitlabInstance = HTTPField.Name("X-Gitlab-Instance")!
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    static let webhookID = HTTPField.Name("webhook-id")!
    static let webhookTimestamp = HTTPField.Name("webhook-timestamp")!
    static let webhookSignature = HTTPField.Name("webhook-signature")!
    static let xApifoxSignature = HTTPField.Name("X-Apifox-Signature")!
    static let xApifoxDelivery = HTTPField.Name("X-Apifox-Delivery")!
    static let xApifoxEvent = HTTPField.Name("X-Apifox-Event")!
    static let xApidogSignature = HTTPField.Name("X-Apidog-Signature")!
    static let xApidogDelivery = HTTPField.Name("X-Apidog-Delivery")!
    static let xApidogEvent = HTTPField.Name("X-Apidog-Event")!
}
