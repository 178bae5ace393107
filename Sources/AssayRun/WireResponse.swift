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

    /// The media type of `Content-Type`, lowercased, without parameters or surrounding
    /// spaces (`application/json` of `Application/JSON; charset=utf-8`); empty without one.
    public var mediaType: String {
        guard let value = header("Content-Type") else { return "" }
        let type = value.utf8.prefix { $0 != UInt8(ascii: ";") }
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = type.firstIndex(where: { !isSpace($0) }), let last = type.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(decoding: type[first...last].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// The body as text, cut to `limit` characters, for messages.
    public func excerpt(_ limit: Int = 600) -> String {
        let text = String(decoding: body.prefix(limit * 4), as: UTF8.self)
        return text.count > limit ? String(text.prefix(limit)) + "..." : text
    }
}
