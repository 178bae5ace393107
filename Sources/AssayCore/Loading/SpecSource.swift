public import Foundation

/// Where an API description comes from.
public enum SpecSource: Sendable, Hashable, CustomStringConvertible {
    /// A file on disk.
    case file(String)
    /// Standard input (`-` on the command line).
    case standardInput
    /// An `http` or `https` URL, fetched through the guarded ``SpecFetcher``.
    case url(URL)
    /// Text given directly, named for diagnostics.
    case text(String, name: String)

    /// Reads a command-line argument: `-` is stdin, `http://` and `https://` are URLs, anything else a path.
    public init(argument: String) {
        if argument == "-" {
            self = .standardInput
        } else if let url = URL(string: argument), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            self = .url(url)
        } else {
            self = .file(argument)
        }
    }

    /// The name diagnostics use: the path, `<stdin>`, or the URL.
    public var description: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "<stdin>"
        case .url(let url): return url.absoluteString
        case .text(_, let name): return name
        }
    }
}
