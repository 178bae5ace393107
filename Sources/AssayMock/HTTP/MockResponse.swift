/// The mock's answer: status, header fields, body bytes, and how long to wait before sending.
public struct MockResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [MockHeader]
    public var body: [UInt8]
    /// Milliseconds the server waits before answering (only the `slow-response` mutant sets it).
    public var delayMilliseconds: Int

    /// Creates a response.
    public init(status: Int, headers: [MockHeader] = [], body: [UInt8] = [], delayMilliseconds: Int = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delayMilliseconds = delayMilliseconds
    }

    /// The value of a header field, compared without regard to case.
    public func header(_ name: String) -> String? {
        headers.value(of: name)
    }

    /// The body as UTF-8 text.
    public var text: String {
        String(decoding: body, as: UTF8.self)
    }

    /// Sets a header field, replacing any of the same name.
    mutating func setHeader(_ name: String, _ value: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
        headers.append(MockHeader(name, value))
    }

    /// Removes the header fields of a name.
    mutating func removeHeader(_ name: String) {
        let lowered = name.lowercased()
        headers.removeAll { $0.name.lowercased() == lowered }
    }
}
