import AssayCore
import Foundation

/// A response as it came back, with the time it took.
public struct WireResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [WireHeader]
    public var body: [UInt8]
    /// Milliseconds from sending the request to receiving the response head (what
    /// requests' `elapsed` measures in the emitted suite).
    public var milliseconds: Double
    /// Whether the body was cut at the size limit.
    public var truncated: Bool

    public init(status: Int, headers: [WireHeader], body: [UInt8], milliseconds: Double, truncated: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.milliseconds = milliseconds
        self.truncated = truncated
    }

    /// The first value of a header (names compare case-insensitively).
    public func header(_ name: String) -> String? {
        headers.value(of: name)
    }

    /// The body as text, cut to `limit` characters, for messages.
    public func excerpt(_ limit: Int = 600) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "..." : text
    }
}
