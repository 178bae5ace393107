/// How ``SpecLoader`` loads: strictness, limits and the network policy.
public struct LoadOptions: Sendable {
    /// Fail on any warning instead of loading around it (`--strict`).
    public var strict: Bool
    /// The bounds against hostile input.
    public var limits: LoadLimits
    /// The policy for every URL fetched: the root and external `$ref`s alike.
    public var fetch: FetchPolicy
    /// Whether to check the document against OpenAPIKit's structural validation and report
    /// what it finds as warnings. Always done under ``strict``; off otherwise by default,
    /// because OpenAPIKit takes seconds on the largest real descriptions (Stripe's: about
    /// 8 s in a release build, against 0.3 s for the whole load without it).
    public var validateStructure: Bool

    /// Creates options; the defaults are lenient, with the default limits and fetch policy.
    public init(strict: Bool = false, limits: LoadLimits = .default, fetch: FetchPolicy = FetchPolicy(), validateStructure: Bool = false) {
        self.strict = strict
        self.limits = limits
        self.fetch = fetch
        self.validateStructure = validateStructure
    }
}
