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
actor CredentialProvider {
    let schemes: [CredentialScheme]
    let environment: [String: String]
    let client: HTTPClient
    let timeout: TimeAmount
    private var tokens: [String: (token: String, refresh: String?, expires: ContinuousClock.Instant)] = [:]

    init(schemes: [CredentialScheme], environment: [String: String], client: HTTPClient, timeoutSeconds: Double) {
        self.schemes = schemes
        self.environment = environment
        self.client = client
        timeout = .milliseconds(Int64(timeoutSeconds * 1000))
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
                    let token = try await self.token(scheme: scheme.name, url: url, id: values[0], secret: values[1], scopes: scopes)
                    request.headers.append(WireHeader("Authorization", "Bearer \(token)"))
                }
            }
        }
        return request
    }

    private func token(scheme: String, url: String, id: String, secret: String, scopes: [String]) async throws(StepFailure) -> String {
        if let cached = tokens[scheme], ContinuousClock.now < cached.expires { return cached.token }
        var form: [(String, String)]
        if let refresh = tokens[scheme]?.refresh {
            form = [("grant_type", "refresh_token"), ("refresh_token", refresh)]
        } else {
            form = [("grant_type", "client_credentials")]
            if !scopes.isEmpty { form.append(("scope", scopes.joined(separator: " "))) }
        }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Authorization", value: "Basic " + Data("\(id):\(secret)".utf8).base64EncodedString())
        request.body = .bytes(ByteBuffer(string: RequestBuilder.formEncoded(form)))
        let status: UInt
        let payload: JSONValue
        do {
            let response = try await client.execute(request, timeout: timeout)
            status = response.status.code
            let body = try await response.body.collect(upTo: 1 << 20)
            payload = (try? JSONValue.parse(Array(buffer: body))) ?? .null
        } catch {
            throw StepFailure("the token endpoint \(url) could not be reached: \(error)", check: "credentials")
        }
        if status >= 400 && tokens[scheme]?.refresh != nil {
            // The refresh token was refused: start over with the client credentials.
            tokens[scheme] = nil
            return try await self.token(scheme: scheme, url: url, id: id, secret: secret, scopes: scopes)
        }
        guard status < 400, let token = payload["access_token"]?.stringValue else {
            throw StepFailure("the token endpoint \(url) answered \(status)", check: "credentials")
        }
        let lifetime = payload["expires_in"]?.doubleValue ?? 3600
        tokens[scheme] = (token, payload["refresh_token"]?.stringValue, ContinuousClock.now + .seconds(max(0, lifetime - 30)))
        return token
    }
}
