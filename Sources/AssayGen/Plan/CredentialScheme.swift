public import AssayCore
import Foundation
import OrderedCollections

/// How a run sends one security scheme's credential, and the environment variables it is
/// read from: the table the pytest `conftest.py` and the native runner share, so both
/// authenticate the same way. No credential value is ever part of a plan.
public struct CredentialScheme: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// An API key in a header, query parameter or cookie of this name.
        case apiKey(location: Parameter.Location, name: String)
        /// `Authorization: Bearer <token>` from one variable.
        case bearer
        /// HTTP basic from two variables (user name, password).
        case basic
        /// OAuth2 client credentials: a token fetched from `tokenURL` (overridable by the
        /// `tokenURLVariable`) with the client id and secret of two variables, refreshed
        /// before it expires.
        case oauth2ClientCredentials(tokenURL: String, tokenURLVariable: String, scopes: [String])
    }

    /// The scheme's name in the description.
    public var name: String
    public var kind: Kind
    /// The environment variables holding the credential, in the order the kind uses them.
    public var variables: [String]

    public init(name: String, kind: Kind, variables: [String]) {
        self.name = name
        self.kind = kind
        self.variables = variables
    }

    /// The value every scheme sends for `credentials: invalid`: well-formed, never issued.
    public static let invalidCredential = "assay-invalid-credential"

    /// `ASSAY_AUTH_PETSTORE_KEY`: the environment variable prefix of a scheme.
    public static func environmentPrefix(_ scheme: String) -> String {
        "ASSAY_AUTH_" + PythonName.snake(scheme).uppercased()
    }

    /// The schemes of `model` a run can satisfy from the environment, in its order:
    /// OpenID Connect discovery, mutual TLS and unknown HTTP schemes are left out;
    /// OAuth2 without a client-credentials flow takes a token obtained beforehand.
    public static func schemes(of model: APIModel) -> [CredentialScheme] {
        model.securitySchemes.values.compactMap(scheme)
    }

    static func scheme(_ scheme: SecurityScheme) -> CredentialScheme? {
        let prefix = environmentPrefix(scheme.name)
        switch scheme.kind {
        case .apiKey(let name, let location):
            return CredentialScheme(name: scheme.name, kind: .apiKey(location: location, name: name), variables: [prefix])
        case .http(let kind, _):
            switch kind.lowercased() {
            case "bearer": return CredentialScheme(name: scheme.name, kind: .bearer, variables: [prefix + "_TOKEN"])
            case "basic": return CredentialScheme(name: scheme.name, kind: .basic, variables: [prefix + "_USERNAME", prefix + "_PASSWORD"])
            default: return nil
            }
        case .oauth2(let flows):
            guard case .object(let flow)? = flows["clientCredentials"], case .string(let tokenURL)? = flow["tokenUrl"] else {
                // Other flows need a person at a browser: a token obtained beforehand is used.
                return CredentialScheme(name: scheme.name, kind: .bearer, variables: [prefix + "_TOKEN"])
            }
            let scopes = flow["scopes"]?.objectValue.map { Array($0.keys) } ?? []
            return CredentialScheme(
                name: scheme.name,
                kind: .oauth2ClientCredentials(tokenURL: tokenURL, tokenURLVariable: prefix + "_TOKEN_URL", scopes: scopes),
                variables: [prefix + "_CLIENT_ID", prefix + "_CLIENT_SECRET"]
            )
        case .openIDConnect:
            return CredentialScheme(name: scheme.name, kind: .bearer, variables: [prefix + "_TOKEN"])
        case .mutualTLS:
            return nil
        }
    }

    /// The entry of conftest.py's `SECURITY_SCHEMES` and of the plan's `credentials`.
    public var json: JSONValue {
        switch kind {
        case .apiKey(let location, let name):
            return ["type": "apiKey", "in": .string(location.rawValue), "name": .string(name), "env": .array(variables.map(JSONValue.string))]
        case .bearer:
            return ["type": "bearer", "env": .array(variables.map(JSONValue.string))]
        case .basic:
            return ["type": "basic", "env": .array(variables.map(JSONValue.string))]
        case .oauth2ClientCredentials(let tokenURL, let tokenURLVariable, let scopes):
            return [
                "type": "oauth2", "token_url": .string(tokenURL), "token_url_env": .string(tokenURLVariable),
                "scopes": .array(scopes.map(JSONValue.string)), "env": .array(variables.map(JSONValue.string)),
            ]
        }
    }

    init(name: String, reader: PlanReader) throws(PlanError) {
        let variables = try reader.array("env").map { entry throws(PlanError) in try entry.asString() }
        let type = try reader.string("type")
        let kind: Kind
        switch type {
        case "apiKey":
            let locationName = try reader.string("in")
            guard let location = Parameter.Location(rawValue: locationName) else { throw reader.error("unknown location '\(locationName)'", key: "in") }
            kind = .apiKey(location: location, name: try reader.string("name"))
        case "bearer": kind = .bearer
        case "basic": kind = .basic
        case "oauth2":
            kind = .oauth2ClientCredentials(
                tokenURL: try reader.string("token_url"),
                tokenURLVariable: try reader.string("token_url_env"),
                scopes: try (reader.optionalArray("scopes") ?? []).map { entry throws(PlanError) in try entry.asString() }
            )
        default: throw reader.error("unknown credential type '\(type)'", key: "type")
        }
        let needed: Int
        switch kind {
        case .basic, .oauth2ClientCredentials: needed = 2
        default: needed = 1
        }
        guard variables.count == needed else { throw reader.error("a \(type) credential reads \(needed) variable\(needed == 1 ? "" : "s")", key: "env") }
        self.init(name: name, kind: kind, variables: variables)
    }
}
