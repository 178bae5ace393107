/// What the guarded HTTP client may do: every outbound fetch of Assay goes through one.
public struct FetchPolicy: Sendable, Hashable {
    /// Allow loopback, private, link-local and other non-public addresses (`--allow-private`).
    ///
    /// Off by default: a spec URL from a webhook or a shared config must not be able to make
    /// Assay read from the machine it runs on or its private network (SSRF).
    public var allowPrivateAddresses: Bool
    /// Seconds to wait for a connection.
    public var connectTimeoutSeconds: Double
    /// Seconds for the whole request, body included.
    public var requestTimeoutSeconds: Double
    /// Largest body accepted, in bytes.
    public var maxBytes: Int
    /// Most redirects followed; each must stay on the same host.
    public var maxRedirects: Int

    /// Creates a policy; the defaults refuse private addresses, time out after 10 s to connect
    /// and 30 s in all, accept 50 MiB and follow 5 same-host redirects.
    public init(
        allowPrivateAddresses: Bool = false,
        connectTimeoutSeconds: Double = 10,
        requestTimeoutSeconds: Double = 30,
        maxBytes: Int = 50 * 1024 * 1024,
        maxRedirects: Int = 5
    ) {
        self.allowPrivateAddresses = allowPrivateAddresses
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.requestTimeoutSeconds = requestTimeoutSeconds
        self.maxBytes = maxBytes
        self.maxRedirects = maxRedirects
    }
}
