public import AssayCore
import Foundation
import OrderedCollections

/// What the description documents for one status of an operation (`200`, `4XX`,
/// `default`): the media types its body may have and its headers with their schemas.
///
/// A plan keeps these per operation so that an answer of any status, not only the one a
/// step expects, is checked against what the description says of that status: a 400
/// answered as HTML where the description documents JSON, or a `X-Rate-Limit-Remaining:
/// soon` where it documents an integer.
public struct DocumentedResponse: Sendable, Hashable {
    /// `200`, `4XX` or `default`, as the description writes it.
    public var status: String
    /// The media types of the body, as documented (`application/json`, `*/*`); empty when
    /// the response documents no body.
    public var mediaTypes: [String]
    /// Headers with a schema, in the description's order.
    public var headers: [Header]

    /// A documented response header and where its schema sits in the description.
    public struct Header: Sendable, Hashable {
        public var name: String
        public var schema: JSONPointer

        public init(name: String, schema: JSONPointer) {
            self.name = name
            self.schema = schema
        }
    }

    public init(status: String, mediaTypes: [String], headers: [Header] = []) {
        self.status = status
        self.mediaTypes = mediaTypes
        self.headers = headers
    }

    /// The responses of `operation`. Headers the HTTP layer owns (`Content-Type`,
    /// `Content-Length`, …) are left out: they describe framing, not the API.
    public static func responses(of operation: AssayCore.Operation) -> [DocumentedResponse] {
        operation.responses.map { response in
            DocumentedResponse(
                status: response.status,
                mediaTypes: response.content.map(\.contentType),
                headers: response.headers.compactMap { header in
                    guard !framingHeaders.contains(header.name.lowercased()), let schema = header.schema else { return nil }
                    return Header(name: header.name, schema: schema.pointer)
                }
            )
        }
    }

    /// Headers that frame the message rather than describe the API.
    static let framingHeaders: Set<String> = [
        "content-type", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te",
    ]

    /// The documented response an answer of `status` falls under: the exact code, else its
    /// class (`4XX`), else `default`; `nil` when none applies.
    public static func matching(_ status: Int, in responses: [DocumentedResponse]) -> DocumentedResponse? {
        responses.first { $0.status == String(status) }
            ?? responses.first { $0.status.uppercased() == "\(status / 100)XX" }
            ?? responses.first { $0.status == "default" }
    }

    /// Whether a body of the bare media type `received` (lowercased, no parameters) is one
    /// of ``mediaTypes``: equal, or under a documented wildcard (`*/*`, `text/*`).
    public func documents(mediaType received: String) -> Bool {
        mediaTypes.contains { documented in
            let bare = documented.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if bare == received || bare == "*/*" || bare == "*" { return true }
            if bare.hasSuffix("/*") { return received.hasPrefix(String(bare.dropLast())) }
            return false
        }
    }

    /// The readings of a header value as OpenAPI's `simple` style allows: the text itself;
    /// a number or boolean when it spells one; a comma-separated list; an object of
    /// comma-separated (or `name=value`) pairs. A value is well formed when one of them
    /// matches its schema. The emitted pytest's `expect_header_values` reads values the
    /// same way.
    public static func headerReadings(_ text: String) -> [JSONValue] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
        var readings: [JSONValue] = [.string(text)]
        let scalar = scalarReading(text)
        if scalar != .string(text) { readings.append(scalar) }
        readings.append(.array(parts.map(scalarReading)))
        readings.append(.array(parts.map { .string($0) }))
        if parts.allSatisfy({ $0.contains("=") }) {
            var object: JSONObject = [:]
            for part in parts {
                let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                object[String(pair[0])] = scalarReading(String(pair[1]))
            }
            readings.append(.object(object))
        } else if parts.count % 2 == 0 {
            var object: JSONObject = [:]
            for index in stride(from: 0, to: parts.count, by: 2) { object[parts[index]] = scalarReading(parts[index + 1]) }
            readings.append(.object(object))
        }
        return readings
    }

    /// The Python function `_header_readings(text)` (needs `import re`): the same readings,
    /// for reproductions that check a header as the runner did.
    public static var pythonHeaderReadings: String { PytestSupportFiles.headerReadingsFunction }

    /// `12` and `-3` as integers, `1.5` and `2e3` as numbers, `true`/`false` as booleans,
    /// anything else as text.
    static func scalarReading(_ text: String) -> JSONValue {
        if text == "true" { return .bool(true) }
        if text == "false" { return .bool(false) }
        let bytes = Array(text.utf8)
        func digits(_ start: Int) -> Int {
            var index = start
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            return index
        }
        var index = bytes.first == 0x2D ? 1 : 0
        let integerEnd = digits(index)
        guard integerEnd > index else { return .string(text) }
        if integerEnd == bytes.count {
            return Int(text).map(JSONValue.integer) ?? Double(text).map(JSONValue.double) ?? .string(text)
        }
        index = integerEnd
        if bytes[index] == 0x2E {
            let end = digits(index + 1)
            guard end > index + 1 else { return .string(text) }
            index = end
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            let end = digits(index)
            guard end > index else { return .string(text) }
            index = end
        }
        guard index == bytes.count, let number = Double(text) else { return .string(text) }
        return .double(number)
    }
}

extension TestStep {
    /// Whether the step sends its operation's method, so the operation's documented
    /// responses describe the answer (a probe sending an undocumented method does not).
    public var sendsDocumentedMethod: Bool {
        operation.hasPrefix(request.method.name.uppercased() + " ")
    }
}
