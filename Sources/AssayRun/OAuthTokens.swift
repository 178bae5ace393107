import AssayCore
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The OAuth2 client-credentials tokens of a run, per scheme: fetched when first needed,
/// fetched again 30 seconds before they expire (with the refresh token when one was given).
actor OAuthTokens {
    let client: HTTPClient
    let timeout: TimeAmount
    private var tokens: [String: (token: String, refresh: String?, expires: ContinuousClock.Instant)] = [:]

    init(client: HTTPClient, timeout: TimeAmount) {
        self.client = client
        self.timeout = timeout
    }

    /// A token of the client-credentials scheme `scheme`: the cached one while it is
    /// fresh, else one fetched (with the refresh token when one was given).
    func token(scheme: String, url: String, id: String, secret: String, scopes: [String]) async throws(StepFailure) -> String {
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
