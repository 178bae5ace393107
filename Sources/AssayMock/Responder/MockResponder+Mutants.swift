import AssayCore
import OrderedCollections

extension MockResponder {
    /// A success answer as the mutant being played changes it (unchanged for the
    /// conformant mock and for mutants that act elsewhere).
    func mutated(_ response: MockResponse, _ exchange: Exchange, success: Success, body: JSONValue?) -> MockResponse {
        guard let mutant = options.mutant, response.status < 300 else { return response }
        var response = response
        switch mutant {
        case .wrongStatus:
            let documented = Set(exchange.operation.responses.compactMap(\.statusCode))
            response.status = [203, 202, 206, 200, 201].first { !documented.contains($0) } ?? 299
        case .missingRequiredField:
            if let body, let schema = success.media?.schema, let broken = firstBreak(of: body, schema: schema, change: { _ in nil }) {
                response.body = JSONWriter().bytes(broken)
            }
        case .wrongType:
            if let body, let schema = success.media?.schema, let broken = firstBreak(of: body, schema: schema, change: Self.retyped) {
                response.body = JSONWriter().bytes(broken)
            }
        case .wrongContentType:
            if let type = response.header("Content-Type"), MediaTypeText.isJSON(type) {
                response.setHeader("Content-Type", "text/plain; charset=utf-8")
            }
        case .missingHeader:
            for header in success.response?.headers ?? [] where header.name.lowercased() != "content-type" {
                response.removeHeader(header.name)
            }
            response.removeHeader("Location")
        case .slowResponse:
            if exchange.method == .get { response.delayMilliseconds = 2_000 }
        case .malformedHeader:
            for header in success.response?.headers ?? [] where response.header(header.name) != nil && !header.isFraming {
                guard let schema = header.schema else { continue }
                // The first value no reading of which the schema allows.
                let broken = ["assay-malformed", "-", "1,2,x", ""].first { text in
                    !HeaderValueReading.readings(text).contains { responses.isValid($0, schemaAt: schema.pointer) }
                }
                if let broken { response.setHeader(header.name, broken) }
            }
        default:
            break
        }
        return response
    }

    /// The body with one member changed (or removed, when `change` gives `nil`) so that it
    /// no longer validates: the first member, outside-in (the root object's, then those of
    /// the objects it holds, the first item of arrays), whose change the schema refuses.
    private func firstBreak(of body: JSONValue, schema: Schema, change: (JSONValue) -> JSONValue?) -> JSONValue? {
        var queue: [JSONPointer] = [.root]
        var visited = 0
        while !queue.isEmpty && visited < 64 {
            let pointer = queue.removeFirst()
            visited += 1
            switch body.value(at: pointer) {
            case .object(let object)?:
                for (name, value) in object {
                    var changed = object
                    if let replacement = change(value) { changed[name] = replacement } else { changed[name] = nil }
                    let candidate = body.setting(.object(changed), at: pointer)
                    if !responses.isValid(candidate, schemaAt: schema.pointer) { return candidate }
                }
                queue += object.keys.map { pointer.appending($0) }
            case .array(let items)?:
                if !items.isEmpty { queue.append(pointer.appending(0)) }
            default:
                continue
            }
        }
        return nil
    }

    /// A value of another JSON type: numbers as strings, strings as numbers, booleans as
    /// strings, containers as a string.
    static func retyped(_ value: JSONValue) -> JSONValue? {
        switch value {
        case .integer(let integer): return .string(String(integer))
        case .double(let double): return .string(String(double))
        case .string: return .integer(12_345)
        case .bool(let bool): return .string(bool ? "true" : "false")
        case .null: return .integer(0)
        case .array, .object: return .string("assay")
        }
    }
}
