extension Header {
    /// Response headers the HTTP layer owns: they frame the message rather than describe
    /// the API, so a mock never generates them and no check judges them.
    public static let framingNames: Set<String> = [
        "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te",
    ]

    /// Whether this header is one of ``framingNames``.
    public var isFraming: Bool { Self.framingNames.contains(name.lowercased()) }
}
