/// RFC 3986 reference resolution, enough for `$id`, `$ref` and `$dynamicRef`.
///
/// Foundation's `URL(string:relativeTo:)` normalizes too eagerly (and rejects URNs with
/// fragments on some platforms); schema identifiers need the plain algorithm of RFC 3986 §5.2.
enum SchemaURI {
    struct Parts: Equatable {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        var text: String {
            var result = ""
            if let scheme { result += scheme + ":" }
            if let authority { result += "//" + authority }
            result += path
            if let query { result += "?" + query }
            if let fragment { result += "#" + fragment }
            return result
        }
    }

    /// Splits a URI reference into its five components.
    static func parse(_ text: String) -> Parts {
        var rest = Substring(text)
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        var query: String?
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        var scheme: String?
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if let first = candidate.first, first.isASCII, first.isLetter,
                candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
            {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        var authority: String?
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            authority = String(rest[..<end])
            rest = rest[end...]
        }
        return Parts(scheme: scheme, authority: authority, path: String(rest), query: query, fragment: fragment)
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2).
    static func resolve(_ reference: String, against base: String) -> String {
        let r = parse(reference)
        if r.scheme != nil {
            var target = r
            target.path = removeDotSegments(r.path)
            return target.text
        }
        let b = parse(base)
        var target = Parts(scheme: b.scheme, authority: nil, path: "", query: nil, fragment: r.fragment)
        if r.authority != nil {
            target.authority = r.authority
            target.path = removeDotSegments(r.path)
            target.query = r.query
        } else {
            target.authority = b.authority
            if r.path.isEmpty {
                target.path = b.path
                target.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    target.path = removeDotSegments(r.path)
                } else {
                    target.path = removeDotSegments(merge(base: b, path: r.path))
                }
                target.query = r.query
            }
        }
        return target.text
    }

    /// The URI without its fragment, and the fragment (`nil` when absent or empty).
    static func split(_ uri: String) -> (absolute: String, fragment: String?) {
        guard let hash = uri.firstIndex(of: "#") else { return (uri, nil) }
        let fragment = String(uri[uri.index(after: hash)...])
        return (String(uri[..<hash]), fragment.isEmpty ? nil : fragment)
    }

    /// `uri` without a trailing empty fragment, the form identifiers are indexed under.
    static func normalized(_ uri: String) -> String {
        let (absolute, fragment) = split(uri)
        guard let fragment else { return absolute }
        return absolute + "#" + fragment
    }

    private static func merge(base: Parts, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return String(base.path[...slash]) + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var outputText = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                removeLastSegment(&outputText)
            } else if input == "/.." {
                input = "/"
                removeLastSegment(&outputText)
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var end = input.startIndex
                if input.first == "/" { end = input.index(after: end) }
                end = input[end...].firstIndex(of: "/") ?? input.endIndex
                outputText += input[..<end]
                input = input[end...]
            }
        }
        return outputText
    }

    private static func removeLastSegment(_ text: inout String) {
        if let slash = text.lastIndex(of: "/") {
            text = String(text[..<slash])
        } else {
            text = ""
        }
    }
}
