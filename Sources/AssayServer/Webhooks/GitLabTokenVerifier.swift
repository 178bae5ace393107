import Crypto
import Foundation
import HTTPTypes

/// GitLab's `X-Gitlab-Token`: the secret itself, sent in clear (GitLab does not sign bodies).
///
/// The token and the secret are compared through their SHA-256 digests, in constant time,
/// so neither the position of the first difference nor the secret's length shows in timing.
struct GitLabTokenVerifier: WebhookVerifier {
    func verify(headers: HTTPFields, body: [UInt8], secret: String, now: Date) throws(APIError) {
        let name = HTTPField.Name.xGitlabToken.rawName
        guard let token = headers[.xGitlabToken] else { throw .signatureMissing(name) }
        let given = SHA256.hash(data: Array(token.utf8))
        let expected = SHA256.hash(data: Array(secret.utf8))
        guard given == expected else { throw .signatureMismatch(name, "is not the project's GitLab secret token") }
    }
}
