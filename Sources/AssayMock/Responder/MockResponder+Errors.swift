import AssayCore
import AssayData
import OrderedCollections

extension MockResponder {
    /// An error response: `{"error": {"code", "message", "details"}}` in JSON.
    ///
    /// When the operation documents a JSON schema for the status that this body does not
    /// meet, the answer is a body generated from that schema instead (the description is
    /// the contract), and the explanation (with the first details) moves to the
    /// `X-Assay-Mock-Error` header.
    func problem(_ status: Int, _ code: String, _ message: String, details: [JSONValue] = [], operation: AssayCore.Operation?) -> MockResponse {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        if !details.isEmpty { error["details"] = .array(details) }
        var body: JSONValue = ["error": .object(error)]
        var contentType = "application/json"
        var headers: [MockHeader] = []
        if let operation, let documented = operation.response(for: status) {
            if let media = documented.content.first(where: { MediaTypeText.isJSON($0.contentType) }) {
                contentType = media.contentType
                if let schema = media.schema, !responses.isValid(body, schemaAt: schema.pointer) {
                    var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("\(operation.id) \(status)")).derived(UInt64(requestCount))
                    if let generated = try? generator.value(forSchemaAt: schema.pointer, random: &random) {
                        body = generated
                        let listed = details.prefix(5).compactMap { detail -> String? in
                            guard let text = detail["message"]?.stringValue else { return nil }
                            let place = detail["pointer"]?.stringValue ?? detail["name"]?.stringValue ?? ""
                            return "\(detail["in"]?.stringValue ?? "") \(place): \(text)"
                        }
                        let explanation = ([message] + listed).joined(separator: "; ")
                        headers.append(MockHeader("X-Assay-Mock-Error", Self.headerText(String(explanation.prefix(2_000)))))
                    }
                }
            } else if let first = documented.content.first?.contentType, !first.contains("*") {
                // Only other media types documented (XML, text): the error keeps its JSON text
                // but is labelled as the description says, so no client sees an undocumented type.
                contentType = first
            }
        }
        if options.mutant == .htmlErrors && (400..<500).contains(status) {
            let page = "<!doctype html><html><head><title>\(status)</title></head><body><h1>Error \(status)</h1></body></html>"
            return MockResponse(status: status, headers: [MockHeader("Content-Type", "text/html; charset=utf-8")] + headers, body: Array(page.utf8))
        }
        headers.insert(MockHeader("Content-Type", contentType), at: 0)
        return MockResponse(status: status, headers: headers, body: JSONWriter().bytes(body))
    }

    /// A generated value as a header carries it (OpenAPI's `simple` style): list items and
    /// object pairs comma-separated, scalars as text.
    static func headerValue(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): return headerText(items.map(\.wireText).joined(separator: ","))
        case .object(let members): return headerText(members.flatMap { [$0.key, $0.value.wireText] }.joined(separator: ","))
        default: return headerText(value.wireText)
        }
    }

    /// Text fit for a header value: printable ASCII only.
    static func headerText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? $0 : "?" }))
    }
}
