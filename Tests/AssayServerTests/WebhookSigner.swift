import Crypto
import Foundation

/// Signs deliveries as each sender does, written from the senders' documentation rather than
/// from the server's code, so a verifier that drifts from the schemes fails the tests.
struct WebhookSigner: Sendable {
    /// The five sources, by their route names.
    static let sources = ["apifox", "apidog", "github", "gitlab", "generic"]

    /// A secret for `source`: Standard Webhooks' `whsec_` form for `generic`.
    static func secret(for source: String) -> String {
        source == "generic" ? "whsec_" + Data("generic-key-of-32-bytes-for-tests".utf8).base64EncodedString() : "s3cret-\(source)"
    }

    let source: String
    let secret: String

    init(source: String, secret: String? = nil) {
        self.source = source
        self.secret = secret ?? Self.secret(for: source)
    }

    /// A push (or the source's change event) to `ref` at `commit`, as JSON bytes.
    func changeBody(ref: String = "refs/heads/main", commit: String = String(repeating: "ab", count: 20)) -> [UInt8] {
        let text: String
        switch source {
        case "github":
            text =
                #"{"ref":"\#(ref)","before":"\#(String(repeating: "0", count: 40))","after":"\#(commit)","deleted":false,"repository":{"full_name":"acme/api"}}"#
        case "gitlab": text = #"{"object_kind":"push","ref":"\#(ref)","checkout_sha":"\#(commit)","project":{"path_with_namespace":"acme/api"}}"#
        case "generic": text = #"{"type":"spec.updated","timestamp":"2025-01-01T00:00:00Z","data":{"specUrl":"https://specs.example.com/api.yaml"}}"#
        default: text = #"{"event":"api.updated","projectId":"42"}"#
        }
        return Array(text.utf8)
    }

    /// The headers a sender adds to `body` for delivery `id`; `timestamp` is the Standard
    /// Webhooks signing time (now when nil).
    func headers(for body: [UInt8], id: String, event: String? = nil, timestamp: Date? = nil) -> [(String, String)] {
        switch source {
        case "github":
            return [
                ("Content-Type", "application/json"), ("X-GitHub-Delivery", id), ("X-GitHub-Event", event ?? "push"),
                ("X-Hub-Signature-256", "sha256=" + hex(HMAC<SHA256>.authenticationCode(for: body, using: key))),
            ]
        case "gitlab":
            return [
                ("Content-Type", "application/json"), ("Idempotency-Key", id), ("X-Gitlab-Event", event ?? "Push Hook"), ("X-Gitlab-Token", secret),
            ]
        case "apifox":
            return [
                ("Content-Type", "application/json"), ("X-Apifox-Delivery", id),
                ("X-Apifox-Signature", "sha256=" + hex(HMAC<SHA256>.authenticationCode(for: body, using: key))),
            ]
        case "apidog":
            return [
                ("Content-Type", "application/json"), ("X-Apidog-Delivery", id),
                ("X-Apidog-Signature", "sha1=" + hex(HMAC<Insecure.SHA1>.authenticationCode(for: body, using: key))),
            ]
        default:
            let seconds = String(Int((timestamp ?? Date()).timeIntervalSince1970))
            return [
                ("Content-Type", "application/json"), ("webhook-id", id), ("webhook-timestamp", seconds),
                ("webhook-signature", "v1," + standardSignature(body, id: id, timestamp: seconds)),
            ]
        }
    }

    /// The base64 Standard Webhooks signature of `body`.
    func standardSignature(_ body: [UInt8], id: String, timestamp: String) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Array("\(id).\(timestamp).".utf8) + body, using: key)).base64EncodedString()
    }

    /// The HMAC key: a `whsec_` secret's base64 bytes, otherwise the secret's UTF-8.
    var key: SymmetricKey {
        if secret.hasPrefix("whsec_"), let bytes = Data(base64Encoded: String(secret.dropFirst(6))) {
            return SymmetricKey(data: bytes)
        }
        return SymmetricKey(data: Data(secret.utf8))
    }

    private func hex(_ code: some Sequence<UInt8>) -> String {
        code.map { String(format: "%02x", $0) }.joined()
    }
}
