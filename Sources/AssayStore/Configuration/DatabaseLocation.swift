import Foundation

/// Where the store keeps its data: an embedded SQLite file or a PostgreSQL server.
///
/// Parse one from `ASSAY_DATABASE_URL` with ``parse(_:)``:
///
/// ```swift
/// let location = try DatabaseLocation.parse("postgres://assay@db.internal:5432/assay")
/// let local = try DatabaseLocation.parse("sqlite:///var/lib/assay/assay.sqlite")
/// ```
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// A SQLite database file at this path (created when missing).
    case sqlite(path: String)
    /// A PostgreSQL server, described by a `postgres://` or `postgresql://` URL.
    case postgres(url: String)

    /// Parses a database address.
    ///
    /// Accepted forms:
    /// - `postgres://user[:password]@host[:port]/database[?sslmode=disable|prefer|require]`,
    ///   also spelled `postgresql://`;
    /// - `sqlite:///absolute/path.sqlite` or `sqlite:relative/path.sqlite`;
    /// - a bare file path (`./assay.sqlite`, `/data/assay.sqlite`).
    ///
    /// - Throws: ``StoreConfigurationError`` saying what is wrong with the address.
    public static func parse(_ text: String) throws(StoreConfigurationError) -> DatabaseLocation {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else {
            throw .invalidDatabaseURL(text, reason: "it is empty")
        }
        let lowered = value.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            return try parsePostgres(value)
        }
        if lowered.hasPrefix("sqlite:") {
            var path = String(value.dropFirst("sqlite:".count))
            if path.hasPrefix("//") {
                path.removeFirst(2)
            }
            guard !path.isEmpty else {
                throw .invalidDatabaseURL(text, reason: "a sqlite: address needs a file path, as in sqlite:///var/lib/assay/assay.sqlite")
            }
            return .sqlite(path: path)
        }
        if let colon = value.firstIndex(of: ":"), value[value.startIndex..<colon].allSatisfy({ $0.isLetter || $0 == "+" }),
            value[colon...].hasPrefix("://")
        {
            let scheme = value[value.startIndex..<colon]
            throw .invalidDatabaseURL(text, reason: "unsupported scheme '\(scheme)'; use postgres://, postgresql:// or sqlite://")
        }
        return .sqlite(path: value)
    }

    private static func parsePostgres(_ text: String) throws(StoreConfigurationError) -> DatabaseLocation {
        let afterScheme = text[text.range(of: "://")!.upperBound...]
        let authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        if !hostAndPort.hasPrefix("["), let colon = hostAndPort.lastIndex(of: ":") {
            let port = hostAndPort[hostAndPort.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCII), port.allSatisfy(\.isNumber) else {
                throw .invalidDatabaseURL(redacted(text), reason: "the port '\(port)' is not a number from 1 to 65535")
            }
        }
        guard let components = URLComponents(string: text) else {
            throw .invalidDatabaseURL(redacted(text), reason: "it is not a well-formed URL (check for unescaped characters in the password)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidDatabaseURL(redacted(text), reason: "it has no host, as in postgres://user@localhost:5432/assay")
        }
        guard let user = components.user, !user.isEmpty else {
            throw .invalidDatabaseURL(redacted(text), reason: "it has no user name, as in postgres://user@\(host)/assay")
        }
        if let port = components.port, !(1...65535).contains(port) {
            throw .invalidDatabaseURL(redacted(text), reason: "the port \(port) is not from 1 to 65535")
        }
        let database = components.path.drop(while: { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidDatabaseURL(redacted(text), reason: "it names no database (one path segment, as in postgres://\(user)@\(host)/assay)")
        }
        let modes: Set<String> = ["disable", "false", "prefer", "allow", "true", "require", "verify-ca", "verify-full"]
        for item in components.queryItems ?? [] where ["sslmode", "tlsmode", "ssl", "tls"].contains(item.name.lowercased()) {
            guard let mode = item.value, modes.contains(mode) else {
                throw .invalidDatabaseURL(redacted(text), reason: "\(item.name)=\(item.value ?? "") is not one of disable, prefer, require")
            }
        }
        return .postgres(url: text)
    }

    /// The address with any password replaced by `***`, safe for logs and errors.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let url): Self.redacted(url)
        }
    }

    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
