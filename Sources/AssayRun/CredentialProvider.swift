import AssayCore
import AssayGen
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// Adds credentials to requests the way the emitted `conftest.py` does: every scheme whose
/// variables are all set (`configured`), a well-formed wrong value for every scheme
/// (`invalid`), or nothing (`none`). OAuth2 client-credentials tokens are fetched when
/// first needed and fetched again, with the refresh token when one was given, 30 seconds
/// before they expire, also in the middle of a run.
///
/// A value, not an actor: only OAuth2 tokens are state (kept by ``OAuthTokens``), and a
/// request with static credentials is completed on the caller's executor, without a hop
/// to an actor and back per request.
struct CredentialProvider: Sendable {
    let schemes: [CredentialScheme]
    let environment: [String: String]
    let tokens: OAuthTokens

    init(schemes: [CredentialScheme], environment: [String: String], client: HTTPClient, timeoutSeconds: Double) {
        self.schemes = schemes
        self.environment = environment
        tokens = OAuthTokens(client: client, timeout: .milliseconds(Int64(timeoutSeconds * 1000)))
    }

    /// `request` with the credentials of `mode`.
    func apply(_ mode: RequestTemplate.Credentials, to request: WireRequest) async throws(StepFailure) -> WireRequest {
        guard mode != .none else { return request }
        var request = request
        for scheme in schemes {
            var values = scheme.variables.map { environment[$0] ?? "" }
            if mode == .configured && values.contains(where: \.isEmpty) { continue }
            if mode == .invalid { values = values.map { _ in CredentialScheme.invalidCredential } }
            switch scheme.kind {
            case .apiKey(let location, let name):
                switch location {
                case .header: request.headers.append(WireHeader(name, values[0]))
                case .query:
                    let pair = RequestBuilder.formEncoded([(name, values[0])])
                    request.url += (request.url.contains("?") ? "&" : "?") + pair
                case .cookie:
                    if let index = request.headers.firstIndex(where: { $0.name == "Cookie" }) {
                        request.headers[index].value += "; \(name)=\(values[0])"
                    } else {
                        request.headers.append(WireHeader("Cookie", "\(name)=\(values[0])"))
                    }
                case .path: break
                }
            case .bearer:
                request.headers.append(WireHeader("Authorization", "Bearer \(values[0])"))
            case .basic:
                request.headers.append(WireHeader("Authorization", "Basic " + Data("\(values[0]):\(values[1])".utf8).base64EncodedString()))
            case .oauth2ClientCredentials(let tokenURL, let tokenURLVariable, let scopes):
                if mode == .invalid {
                    request.headers.append(WireHeader("Authorization", "Bearer \(CredentialScheme.invalidCredential)"))
                } else {
                    let url = environment[tokenURLVariable].flatMap { $0.isEmpty ? nil : $0 } ?? tokenURL
                    let token = try await tokens.token(scheme: scheme.name, url: url, id: values[0], secret: values[1], scopes: scopes)
                    request.headers.append(WireHeader("Authorization", "Bearer \(token)"))
                }
            }
        }
        return request
    }
}
