/// The bounds that keep a hostile description from exhausting memory or time.
///
/// Every limit refuses with its own ``LoadError/Code`` and a message naming the limit,
/// so a user can tell a billion-laughs file from a merely large one and raise the right
/// bound when a real spec needs it.
public struct LoadLimits: Sendable, Hashable, Codable {
    /// Largest source accepted, in bytes (default 50 MiB), for every document including
    /// externally referenced ones.
    public var maxBytes: Int
    /// Deepest nesting of arrays and objects accepted (default 512).
    public var maxDepth: Int
    /// Most YAML alias uses accepted in one document (default 10,000).
    public var maxAliases: Int
    /// Most values a document may expand to, counting alias expansions (default 20 million).
    ///
    /// A billion-laughs file is a few hundred bytes that expands to billions of nodes; this
    /// bound stops it after a fixed amount of work whatever the alias count.
    public var maxNodes: Int
    /// Most external documents one load may fetch (default 200).
    public var maxExternalDocuments: Int
    /// Wall-clock bound for one whole load, in seconds (default 60).
    public var timeoutSeconds: Double

    /// Creates limits; every argument defaults to the documented default.
    public init(
        maxBytes: Int = 50 * 1024 * 1024,
        maxDepth: Int = 512,
        maxAliases: Int = 10_000,
        maxNodes: Int = 20_000_000,
        maxExternalDocuments: Int = 200,
        timeoutSeconds: Double = 60
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxNodes = maxNodes
        self.maxExternalDocuments = maxExternalDocuments
        self.timeoutSeconds = timeoutSeconds
    }

    /// The defaults.
    public static let `default` = LoadLimits()
}
