/// A request as the mock receives it: method, target, header fields and body bytes.
///
/// The server builds one from each HTTP request; an in-process caller (a test, the quality
/// scorer) builds one directly and hands it to ``MockResponder/respond(to:)``.
///
/// ```swift
/// let request = MockRequest(method: "GET", target: "/v1/pets/7", headers: [MockHeader("X-API-Key", "secret")])
/// ```
public struct MockRequest: Sendable, Hashable {
    /// The method in upper case: `GET`, `POST`, ….
    public var method: String
    /// The request target as on the wire: the percent-encoded path, then `?` and the query.
    public var target: String
    public var headers: [MockHeader]
    public var body: [UInt8]

    /// Creates a request.
    public init(method: String, target: String, headers: [MockHeader] = [], body: [UInt8] = []) {
        self.method = method.uppercased()
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The path part of ``target``, still percent-encoded.
    public var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    /// The query part of ``target`` without the `?`; empty when there is none.
    public var query: String {
        guard let mark = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: mark)...])
    }
}
