import AssayCore
import Foundation
import OrderedCollections

/// Decides whether a request's credentials satisfy an operation's security requirements.
///
/// Any one requirement (alternative) must be met, and within it every scheme. A credential
/// is read where its scheme says: an API key from its header, query parameter or cookie;
/// HTTP basic and bearer, OAuth 2 and OpenID Connect (as bearer tokens) from
/// `Authorization`. A credential starting with `assay-invalid` is wrong (what generated
/// suites send as a well-formed but wrong credential); with a list of accepted
/// credentials, only those are right. Mutual TLS cannot be checked and counts as met.
struct SecurityCheck: Sendable {
    /// The verdict on one request.
    enum Verdict: Sendable, Equatable {
        case allowed
        /// No requirement met, and no credential was presented for any.
        case missing
        /// A credential was presented but is wrong.
        case invalid
    }

    let schemes: [String: SecurityScheme]
    let accepted: [String]
    /// Take any credential present, whatever its value (the `accepts-invalid-credentials` mutant).
    let acceptAnyValue: Bool

    private enum SchemeState { case met, missing, invalid }

    func verdict(for operation: AssayCore.Operation, request: MockRequest, query: [(name: String, value: String)]) -> Verdict {
        guard !operation.security.isEmpty else { return .allowed }
        var sawInvalid = false
        for requirement in operation.security {
            var met = true
            for (name, _) in requirement.schemes {
                switch state(of: name, request: request, query: query) {
                case .met: continue
                case .invalid:
                    sawInvalid = true
                    met = false
                case .missing:
                    met = false
                }
            }
            if met { return .allowed }
        }
        return sawInvalid ? .invalid : .missing
    }

    /// The `WWW-Authenticate` challenges for an operation: one per scheme it names.
    func challenges(for operation: AssayCore.Operation) -> String {
        var seen: Set<String> = []
        var result: [String] = []
        for requirement in operation.security {
            for (name, _) in requirement.schemes where seen.insert(name).inserted {
                guard let scheme = schemes[name] else { continue }
                switch scheme.kind {
                case .apiKey(let key, let location):
                    result.append("APIKey realm=\"assay-mock\", name=\"\(key)\", in=\"\(location.rawValue)\"")
                case .http(let kind, _):
                    result.append("\(kind.lowercased() == "basic" ? "Basic" : kind.prefix(1).uppercased() + kind.dropFirst()) realm=\"assay-mock\"")
                case .oauth2, .openIDConnect:
                    result.append("Bearer realm=\"assay-mock\"")
                case .mutualTLS:
                    continue
                }
            }
        }
        return result.isEmpty ? "Bearer realm=\"assay-mock\"" : result.joined(separator: ", ")
    }

    private func state(of name: String, request: MockRequest, query: [(name: String, value: String)]) -> SchemeState {
        guard let scheme = schemes[name] else { return .met }
        switch scheme.kind {
        case .apiKey(let key, let location):
            let value: String?
            switch location {
            case .header: value = request.headers.value(of: key)
            case .query: value = query.first { $0.name == key }?.value
            case .cookie: value = CookieHeader.cookies(in: request.headers).first { $0.name == key }?.value
            case .path: value = nil
            }
            return judge(value.map { [$0] })
        case .http(let kind, _):
            if kind.lowercased() == "basic" {
                guard let token = authorization("Basic", request),
                    let data = Data(base64Encoded: token), let pair = String(data: data, encoding: .utf8), let colon = pair.firstIndex(of: ":")
                else { return authorizationPresent(request) ? .invalid : .missing }
                let user = String(pair[..<colon])
                let password = String(pair[pair.index(after: colon)...])
                if user.hasPrefix("assay-invalid") && !acceptAnyValue { return .invalid }
                return judge([password, pair])
            }
            return judge(authorization(kind, request).map { [$0] }, presentElsewhere: authorizationPresent(request))
        case .oauth2, .openIDConnect:
            return judge(authorization("Bearer", request).map { [$0] }, presentElsewhere: authorizationPresent(request))
        case .mutualTLS:
            return .met
        }
    }

    /// A credential's verdict: missing when absent or empty; else right unless it is
    /// marked invalid or not among the accepted ones (any of `values` may match).
    private func judge(_ values: [String]?, presentElsewhere: Bool = false) -> SchemeState {
        guard let values, let first = values.first, !first.isEmpty else { return presentElsewhere ? .invalid : .missing }
        if acceptAnyValue { return .met }
        if first.hasPrefix("assay-invalid") { return .invalid }
        if !accepted.isEmpty && !values.contains(where: accepted.contains) { return .invalid }
        return .met
    }

    /// The credentials of an `Authorization: Scheme credentials` header, when it uses `scheme`.
    private func authorization(_ scheme: String, _ request: MockRequest) -> String? {
        for value in request.headers.values(of: "Authorization") {
            let parts = value.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == scheme.lowercased() { return String(parts[1].trimmingSpaces) }
        }
        return nil
    }

    private func authorizationPresent(_ request: MockRequest) -> Bool {
        !request.headers.values(of: "Authorization").isEmpty
    }
}
