import AssayCore
import Foundation
import OrderedCollections

/// Finds the operation a request path and method name, as OpenAPI matches them: the most
/// specific path template first (concrete before templated), under the servers' base paths.
struct RouteTable: Sendable {
    /// One documented path (all the templates of one shape) and its operations by method.
    struct Path: Sendable {
        /// The first template of the shape, for messages.
        var template: PathTemplate
        /// Each method's operations, by index in the model: usually one, several when
        /// templates of one shape (`/{applicationId}`, `/{definitionId}`) both have it.
        var operations: [HTTPMethod: [Int]]
        /// Each operation's own template (the variables of `/v1/{parent}` and `/v1/{name}`
        /// differ), by index.
        var templates: [Int: PathTemplate]
    }

    /// A request path matched to a documented path.
    struct Match: Sendable {
        var path: Path
        /// The path's percent-decoded segments under the base path.
        var segments: [String]
        /// The matched path without the server's base path, percent-encoded as received.
        var relativePath: String

        /// Every reading of the path variables for an operation's template, in order.
        func bindings(for operation: Int) -> [[String: String]] {
            (path.templates[operation] ?? path.template).matches(segments)
        }
    }

    let paths: [Path]
    /// The servers' base paths (`/v1`), longest first.
    let basePaths: [String]

    init(model: APIModel) {
        var byShape: [String: Int] = [:]
        var paths: [Path] = []
        for (index, operation) in model.operations.enumerated() {
            let template = PathTemplate(operation.path)
            if let existing = byShape[template.shape] {
                paths[existing].operations[operation.method, default: []].append(index)
                paths[existing].templates[index] = template
            } else {
                byShape[template.shape] = paths.count
                paths.append(Path(template: template, operations: [operation.method: [index]], templates: [index: template]))
            }
        }
        // Most specific first, so the first match is the one OpenAPI means.
        self.paths = paths.sorted { $0.template.specificity.lexicographicallyPrecedes($1.template.specificity, by: >) }
        basePaths = Set(model.servers.map { Self.basePath(of: $0.defaultURL) }).filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// `http://host:8080/v1/` → `/v1`; `/api` → `/api`; no path → empty.
    static func basePath(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return "" }
            rest = rest[slash...]
        }
        if let cut = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<cut] }
        guard rest.hasPrefix("/") else { return "" }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }

    /// The documented path a request path names: under a base path when it starts with one, else as it is.
    func match(path: String, query: [(name: String, value: String)] = []) -> Match? {
        var forms: [String] = []
        for base in basePaths where path == base || path.hasPrefix(base + "/") {
            forms.append(String(path.dropFirst(base.count)))
        }
        forms.append(path)
        for form in forms {
            let decoded = PathTemplate.split(form.isEmpty ? "/" : form).map { FormEncoding.decode($0, plusAsSpace: false) }
            for candidate in paths where candidate.template.acceptsQuery(query) && !candidate.template.matches(decoded, limit: 1).isEmpty {
                return Match(path: candidate, segments: decoded, relativePath: form.isEmpty ? "/" : form)
            }
        }
        return nil
    }
}
