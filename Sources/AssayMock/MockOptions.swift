/// How a mock behaves: its seed, the mutant it plays (if any), and the credentials it takes.
public struct MockOptions: Sendable, Hashable {
    /// The seed of every generated value: the same seed and the same requests give the same
    /// responses, byte for byte.
    public var seed: UInt64
    /// The mutant to play: a mock broken in one documented way; `nil` for the conformant mock.
    public var mutant: Mutant?
    /// The credential values accepted. Empty: any value present is accepted unless it starts
    /// with `assay-invalid` (what generated suites send as a wrong credential). Otherwise
    /// only these values: an API key, a bearer token, or for HTTP basic the password or
    /// `user:password`.
    public var credentials: [String]

    /// Creates options.
    public init(seed: UInt64 = 1, mutant: Mutant? = nil, credentials: [String] = []) {
        self.seed = seed
        self.mutant = mutant
        self.credentials = credentials
    }
}
