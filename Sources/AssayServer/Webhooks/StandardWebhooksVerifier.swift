import AssayCore
import Crypto
import Foundation
import HTTPTypes

/// Standard Webhooks (standardwebhooks.com), the `generic` source.
///
/// The sender signs `<webhook-id>.<webhook-timestamp>.<body>` with HMAC-SHA256 and sends
/// `webhook-signature: v1,<base64> [v1,<base64> …]` (several while it rotates secrets); one
/// of them must match. The timestamp (Unix seconds) must be within `tolerance` of now, either
/// way, so a captured delivery cannot be replayed later. The secret is `whsec_<base64 key>`,
/// or any other text, whose UTF-8 bytes are then the key.
struct StandardWebhooksVerifier: WebhookVerifier {
    /// How far the signed timestamp may be from now.
    let tolerance: Duration

    /// At most this many signatures are tried, so a hostile header cannot make a request costly.
    static let maxSignatures = 8

    func verify(headers: HTTPFields, body: [UInt8], secret: String, now: Date) throws(APIError) {
        let key = try Self.key(secret)
        guard let id = headers[.webhookID] else { throw APIError.invalid("the webhook-id header is missing") }
        guard let timestampText = headers[.webhookTimestamp] else {
            throw .invalidTimestamp("the delivery has no webhook-timestamp header")
        }
        guard timestampText.utf8.count <= 12, timestampText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let timestamp = Int64(timestampText)
        else {
            throw .invalidTimestamp("webhook-timestamp must be Unix seconds, not '\(timestampText.prefix(40))'")
        }
        let skew = Double(timestamp) - now.timeIntervalSince1970
        let limit = tolerance.seconds
        if skew < -limit {
            throw .invalidTimestamp("webhook-timestamp is \(Int(-skew)) s old; deliveries older than \(Int(limit)) s are refused")
        }
        if skew > limit {
            throw .invalidTimestamp("webhook-timestamp is \(Int(skew)) s in the future; more than \(Int(limit)) s ahead is refused")
        }
        guard let header = headers[.webhookSignature] else { throw .signatureMissing("webhook-signature") }
        let candidates = header.split(separator: " ", omittingEmptySubsequences: true).prefix(Self.maxSignatures).compactMap { entry -> Data? in
            let parts = entry.split(separator: ",", maxSplits: 1)
            guard parts.count == 2, parts[0] == "v1" else { return nil }
            return Data(base64Encoded: String(parts[1]))
        }
        guard !candidates.isEmpty else { throw .signatureMismatch("webhook-signature", "has no v1,<base64> signature") }
        var hmac = HMAC<SHA256>(key: key)
        hmac.update(data: Array("\(id).\(timestampText).".utf8))
        hmac.update(data: body)
        let expected = hmac.finalize()
        // `==` between a MAC and bytes is swift-crypto's constant-time comparison.
        guard candidates.contains(where: { expected == $0 }) else { throw .signatureMismatch("webhook-signature") }
    }

    /// The HMAC key a stored secret stands for.
    static func key(_ secret: String) throws(APIError) -> SymmetricKey {
        guard secret.hasPrefix("whsec_") else { return SymmetricKey(data: Array(secret.utf8)) }
        guard let bytes = Data(base64Encoded: String(secret.dropFirst("whsec_".count))), !bytes.isEmpty else {
            throw .webhookSecretUnusable(.generic, "a whsec_ secret must be followed by base64")
        }
        return SymmetricKey(data: bytes)
    }
}
