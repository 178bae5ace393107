import AssayCore
public import AssayGen
import Foundation

/// A request as it goes on the wire: what a step's template becomes once captured values
/// and credentials are filled in. Built the way the emitted pytest builds it (requests'
/// encodings), so a case behaves the same in both.
public struct WireRequest: Sendable, Hashable {
    public var method: String
    public var url: String
    public var headers: [WireHeader]
    public var body: [UInt8]

    public init(method: String, url: String, headers: [WireHeader], body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// Turns request templates into wire requests.
struct RequestBuilder {
    /// The base URL without a trailing slash.
    let base: String

    init(baseURL: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The template with captured values resolved; credentials are added by the caller.
    /// - Throws: ``StepFailure`` when a captured value is missing.
    func build(_ template: RequestTemplate, captures: [String: JSONValue]) throws(StepFailure) -> WireRequest {
        func resolve(_ value: PlanValue) throws(StepFailure) -> JSONValue {
            switch value {
            case .literal(let literal): return literal
            case .captured(let name):
                guard let captured = captures[name] else { throw StepFailure("no value was captured for '\(name)' by an earlier step") }
                return captured
            }
        }
        // A fragment in the template (AWS writes `/tagging#Resource` to tell operations on one
        // path apart) is never sent: requests, which the emitted pytest uses, drops it too.
        var path = PathTemplateParts(template.path).sent
        if !template.pathParameters.isEmpty {
            var values: [String: String] = [:]
            for parameter in template.pathParameters {
                let text = try resolve(parameter.value).wireText
                // A name given twice: the first value is the one sent.
                if values[parameter.name] == nil { values[parameter.name] = Self.percentEncoded(text, keep: Self.unreserved) }
            }
            path = Self.substituting(values, into: path)
        }
        var query: [(String, String)] = []
        for parameter in template.query {
            let value = try resolve(parameter.value)
            if case .array(let items) = value {
                if parameter.explode {
                    for item in items { query.append((parameter.name, item.wireText)) }
                } else {
                    query.append((parameter.name, items.map(\.wireText).joined(separator: ",")))
                }
            } else {
                query.append((parameter.name, value.wireText))
            }
        }
        var headers = [WireHeader("Accept", "application/json, */*;q=0.5")]
        for parameter in template.headers { headers.append(WireHeader(parameter.name, try resolve(parameter.value).wireText)) }
        var cookies: [(String, String)] = []
        for parameter in template.cookies { cookies.append((parameter.name, try resolve(parameter.value).wireText)) }
        var body: [UInt8] = []
        if let template = template.body {
            let value = try resolve(template.value)
            switch template.encoding {
            case .json:
                body = JSONWriter().bytes(value)
                headers.append(WireHeader("Content-Type", template.contentType))
            case .form:
                body = Array(Self.formEncoded(Self.fields(value)).utf8)
                headers.append(WireHeader("Content-Type", "application/x-www-form-urlencoded"))
            case .multipart:
                let fields = Self.fields(value)
                // A fixed boundary keeps runs reproducible; it must not occur in the fields.
                var boundary = "assay-boundary-7d3f9a"
                while fields.contains(where: { $0.0.contains(boundary) || $0.1.contains(boundary) }) { boundary += "x" }
                body = Self.multipart(fields, boundary: boundary)
                headers.append(WireHeader("Content-Type", "multipart/form-data; boundary=\(boundary)"))
            case .text:
                body = Array(value.wireText.utf8)
                headers.append(WireHeader("Content-Type", template.contentType))
            }
        }
        var url = base + path
        if let follow = template.follow {
            url = try followed(try resolve(.captured(follow)).wireText)
        }
        if !query.isEmpty { url += (url.contains("?") ? "&" : "?") + Self.formEncoded(query) }
        var request = WireRequest(method: template.method.name, url: url, headers: headers, body: body)
        if !cookies.isEmpty { request.headers.append(WireHeader("Cookie", cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; "))) }
        return request
    }

    /// A captured `Location` resolved against the base URL, as the emitted conftest's
    /// `urljoin` resolves it; refused when it leaves the API's scheme, host and port, so a
    /// response can never send the run elsewhere.
    func followed(_ location: String) throws(StepFailure) -> String {
        guard let baseURL = URL(string: base + "/"), let resolved = URL(string: location, relativeTo: baseURL)?.absoluteURL else {
            throw StepFailure("the Location \(location) is not a URL reference", check: "follow_location")
        }
        guard Self.origin(resolved) == Self.origin(baseURL) else {
            throw StepFailure("the Location \(location) points away from the API at \(base)", check: "follow_location")
        }
        return resolved.absoluteString
    }

    /// Scheme, host and port (the scheme's default when none is written).
    static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : scheme == "http" ? 80 : 0)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    /// A form body's fields, in order (``RequestTemplate/Body/formFields(_:)``).
    static func fields(_ value: JSONValue) -> [(String, String)] {
        RequestTemplate.Body.formFields(value).map { ($0.key, $0.value.wireText) }
    }

    /// The bytes percent-encoding keeps as they are: RFC 3986's unreserved characters.
    static let unreserved = ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Every `{name}` of `path` whose name `values` holds, replaced by its value; other
    /// braces are left as they are.
    static func substituting(_ values: [String: String], into path: String) -> String {
        var result = ""
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// Every byte outside `keep` as `%XX` (`spaceAsPlus`: a space as `+`, as forms write it).
    static func percentEncoded(_ text: String, keep: ByteSet, spaceAsPlus: Bool = false) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep.contains(byte) {
                bytes.append(byte)
            } else if spaceAsPlus && byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `application/x-www-form-urlencoded`, as Python's `urlencode` writes it (space as `+`).
    static func formEncoded(_ pairs: [(String, String)]) -> String {
        pairs.map { percentEncoded($0.0, keep: unreserved, spaceAsPlus: true) + "=" + percentEncoded($0.1, keep: unreserved, spaceAsPlus: true) }
            .joined(separator: "&")
    }

    static func multipart(_ fields: [(String, String)], boundary: String) -> [UInt8] {
        var body = ""
        for (name, value) in fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return Array(body.utf8)
    }
}
