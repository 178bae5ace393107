import Foundation

/// How the service treats one project: where its API description comes from, what its
/// suites run against, which gate applies and the secrets its webhooks are signed with.
///
/// Stored as JSON with the project. Secrets are kept in clear (an HMAC needs the key) and
/// never returned by the API: ``redacted`` replaces them.
public struct ProjectSettings: Sendable, Hashable, Codable {
    /// Where a project's API description is fetched from when a webhook says it changed.
    public struct SpecSource: Sendable, Hashable, Codable {
        /// The kind of source: `url`, `github`, `gitlab`, `apifox` or `apidog`.
        public var kind: String
        /// `url`: the description's address. Others: the API base to call instead of the
        /// public one (a self-hosted GitLab, or a stand-in in tests).
        public var url: String?
        /// `github`: `owner/name`; `gitlab`: the project id or `group/name`.
        public var repository: String?
        /// `github`/`gitlab`: the description's path in the repository.
        public var path: String?
        /// `github`/`gitlab`: the branch or tag to read when a delivery names no commit.
        public var ref: String?
        /// `apifox`/`apidog`: the project id in that tool.
        public var externalProjectID: String?
        /// The token the source's API wants (an ApiFox or Apidog access token, a GitHub or
        /// GitLab token for private repositories).
        public var accessToken: String?

        /// A source of `kind`.
        public init(
            kind: String,
            url: String? = nil,
            repository: String? = nil,
            path: String? = nil,
            ref: String? = nil,
            externalProjectID: String? = nil,
            accessToken: String? = nil
        ) {
            self.kind = kind
            self.url = url
            self.repository = repository
            self.path = path
            self.ref = ref
            self.externalProjectID = externalProjectID
            self.accessToken = accessToken
        }

        /// The kinds a source may have.
        public static let kinds: Set<String> = ["url", "github", "gitlab", "apifox", "apidog"]
    }

    /// Where the description comes from; `nil` when it is only uploaded.
    public var specSource: SpecSource?
    /// The base URL suites run against; `nil` runs them against Assay's mock of the description.
    public var targetURL: String?
    /// Allows a private or loopback `targetURL` (as `assay run --allow-private`).
    public var allowPrivateTarget: Bool
    /// The quality gate's stage: entry, development, staging, production or critical.
    public var stage: String
    /// Webhook secrets by source (`github`, `gitlab`, `apifox`, `apidog`, `generic`).
    ///
    /// `generic` follows Standard Webhooks: a `whsec_` base64 secret or raw text.
    public var webhookSecrets: [String: String]
    /// The seed generation uses, so regenerations of an unchanged description are identical.
    public var seed: UInt64
    /// Credentials for runs against ``targetURL``, by the variable names the plan's credential
    /// table gives (`ASSAY_AUTH_<SCHEME>…`, as `assay run` and the emitted pytest read them).
    /// Runs against the mock do not use them.
    public var targetCredentials: [String: String]

    /// Settings with the defaults: no source, the mock as target, the staging gate.
    public init(
        specSource: SpecSource? = nil,
        targetURL: String? = nil,
        allowPrivateTarget: Bool = false,
        stage: String = "staging",
        webhookSecrets: [String: String] = [:],
        seed: UInt64 = 1,
        targetCredentials: [String: String] = [:]
    ) {
        self.specSource = specSource
        self.targetURL = targetURL
        self.allowPrivateTarget = allowPrivateTarget
        self.stage = stage
        self.webhookSecrets = webhookSecrets
        self.seed = seed
        self.targetCredentials = targetCredentials
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        specSource = try container.decodeIfPresent(SpecSource.self, forKey: .specSource)
        targetURL = try container.decodeIfPresent(String.self, forKey: .targetURL)
        allowPrivateTarget = try container.decodeIfPresent(Bool.self, forKey: .allowPrivateTarget) ?? false
        stage = try container.decodeIfPresent(String.self, forKey: .stage) ?? "staging"
        webhookSecrets = try container.decodeIfPresent([String: String].self, forKey: .webhookSecrets) ?? [:]
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? 1
        targetCredentials = try container.decodeIfPresent([String: String].self, forKey: .targetCredentials) ?? [:]
    }

    /// These settings with every secret replaced by `"***"` (what the API shows).
    public var redacted: ProjectSettings {
        var copy = self
        copy.webhookSecrets = webhookSecrets.mapValues { _ in "***" }
        copy.targetCredentials = targetCredentials.mapValues { _ in "***" }
        if copy.specSource?.accessToken != nil { copy.specSource?.accessToken = "***" }
        return copy
    }

    static func decode(_ json: String?) throws -> ProjectSettings {
        guard let json, !json.isEmpty else { return ProjectSettings() }
        do {
            return try JSONDecoder().decode(ProjectSettings.self, from: Data(json.utf8))
        } catch {
            throw StoreError.corruptRow("a project's settings are not valid JSON (\(error))")
        }
    }

    func encoded() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
