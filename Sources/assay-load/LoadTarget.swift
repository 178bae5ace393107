import ArgumentParser
import Foundation

/// Where the load goes: an http URL split into what a connection and a request line need.
struct LoadTarget: Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    /// The path and query of the request line.
    var path: String

    init(_ text: String) throws {
        guard let components = URLComponents(string: text), components.scheme == "http", let host = components.host, !host.isEmpty else {
            throw ValidationError("--url must be an http:// URL, not '\(text)'")
        }
        self.host = host
        self.port = components.port ?? 80
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        self.path = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath) + query
    }

    var description: String { "http://\(host):\(port)\(path)" }
}
