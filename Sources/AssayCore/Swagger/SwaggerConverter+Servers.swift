import Foundation
import OrderedCollections

/// Servers: `host`, `basePath` and `schemes` become a `servers` list.
///
/// One server per scheme: `{scheme}://{host}{basePath}`. Without `schemes` the scheme
/// is `https`, or `http` when the host is local (`localhost`, `*.localhost`, `*.local`,
/// `127.x.x.x`, `0.0.0.0`, `[::1]`). Without a host the URL is the base path alone, which
/// OpenAPI reads relative to where the description was loaded from; with neither there
/// is no `servers` (OpenAPI's default, `/`). A trailing `/` of the base path is dropped
/// so that a path appended to the URL never doubles the slash.
extension SwaggerConverter {
    /// The schemes a server URL may use.
    static let knownSchemes: Set<String> = ["http", "https", "ws", "wss"]

    /// Reads `host`, `basePath` and `schemes`, repairing what can be repaired.
    mutating func prepareServers() {
        var schemeFromHost: String?
        let hostPointer = JSONPointer.root.appending("host")
        if var text = string(root["host"], at: hostPointer)?.trimmingCharacters(in: .whitespaces) {
            if let range = text.range(of: "://") {
                let scheme = text[..<range.lowerBound].lowercased()
                text = String(text[range.upperBound...])
                warn("host-with-scheme", "host should be a host name without a scheme; \(scheme) is read as the scheme", at: hostPointer)
                if Self.knownSchemes.contains(scheme) { schemeFromHost = scheme }
            }
            if text.hasSuffix("/") {
                while text.hasSuffix("/") { text.removeLast() }
                warn("host-with-path", "host should not end with /; it is read as \"\(text)\"", at: hostPointer)
            }
            if text.contains("/") {
                warn("host-with-path", "host should not include a path; it is kept in the server URL", at: hostPointer)
            }
            if text.isEmpty {
                warn("empty-host", "host is empty; server URLs are relative", at: hostPointer)
            } else {
                host = text
            }
        }

        let basePathPointer = JSONPointer.root.appending("basePath")
        if var text = string(root["basePath"], at: basePathPointer)?.trimmingCharacters(in: .whitespaces) {
            if !text.hasPrefix("/") {
                warn("invalid-base-path", "basePath should start with /; it is read as \"/\(text)\"", at: basePathPointer)
                text = "/" + text
            }
            while text.hasSuffix("/") { text.removeLast() }
            basePath = text
            hasBasePath = true
        }

        if let list = serverSchemes(root["schemes"], at: JSONPointer.root.appending("schemes")) {
            schemes = list
        }
        if schemes.isEmpty, let schemeFromHost {
            schemes = [schemeFromHost]
        }
    }

    /// A `schemes` list: lowercased, each once, unknown schemes dropped with a warning.
    mutating func serverSchemes(_ value: JSONValue?, at pointer: JSONPointer) -> [String]? {
        guard let list = strings(value, at: pointer) else { return nil }
        var result: [String] = []
        for (index, entry) in list.enumerated() {
            let scheme = entry.trimmingCharacters(in: .whitespaces).lowercased()
            guard Self.knownSchemes.contains(scheme) else {
                warn("invalid-scheme", "\"\(entry)\" is not a scheme (http, https, ws, wss); it is dropped", at: pointer.appending(index))
                continue
            }
            if !result.contains(scheme) { result.append(scheme) }
        }
        return result
    }

    /// The Server objects for `schemes` (the document's, or an operation's), or `nil` for none.
    func servers(schemes: [String]) -> [JSONValue]? {
        guard let host else {
            return hasBasePath ? [["url": .string(basePath.isEmpty ? "/" : basePath)]] : nil
        }
        let list = schemes.isEmpty ? [Self.isLocalHost(host) ? "http" : "https"] : schemes
        return list.map { ["url": .string("\($0)://\(host)\(basePath)")] }
    }

    /// Whether `host` (with or without a port) names the local machine.
    static func isLocalHost(_ host: String) -> Bool {
        let lowered = host.lowercased()
        let name: Substring
        if lowered.hasPrefix("[") {
            name = lowered.prefix { $0 != "]" }.dropFirst()
        } else {
            name = lowered.prefix { $0 != ":" && $0 != "/" }
        }
        return name == "localhost" || name.hasSuffix(".localhost") || name.hasSuffix(".local") || name.hasPrefix("127.")
            || name == "0.0.0.0" || name == "::1"
    }
}
