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
                    guard !header.isFraming, let schema = header.schema else { return nil }
                    return Header(name: header.name, schema: schema.pointer)
                }
            )
        }
    }

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

    /// The Python function `_header_readings(text)` (needs `import re`): the same readings,
    /// for reproductions that check a header as the runner did.
    public static var pythonHeaderReadings: String { PytestSupportFiles.headerReadingsFunction }

}

extension TestStep {
    /// Whether the step sends its operation's method, so the operation's documented
    /// responses describe the answer (a probe sending an undocumented method does not).
    public var sendsDocumentedMethod: Bool {
        operation.hasPrefix(request.method.name.uppercased() + " ")
    }
}
