import NIOHTTP1

extension WireResponse {
    /// A response from its head as AsyncHTTPClient read it.
    init(_ head: HTTPResponseHead, body: [UInt8], milliseconds: Double, truncated: Bool = false) {
        self.init(
            status: Int(head.status.code), headers: head.headers.map { WireHeader($0.name, $0.value) }, body: body,
            milliseconds: milliseconds, truncated: truncated)
    }
}
