import Foundation
import AssayCore
import AssayData
import OrderedCollections

extension MockResponder {
    /// The documented success an answer uses.
    struct Success {
        var status: Int
        /// The documented response (an exact code, `2XX` or `default`), when there is one.
        var response: Response?
        /// The media type of the body: JSON when documented, else the first.
        var media: MediaType?
    }

    /// The success to answer with: among the documented 2xx codes, the one the method
    /// suggests (201 for a creation, 204 for a delete, else 200), else the first; else a
    /// `2XX` or `default` response under that status.
    func success(for operation: AssayCore.Operation, creating: Bool) -> Success {
        let preference: [Int]
        switch operation.method {
        case .post: preference = creating ? [201, 200, 202, 204] : [200, 201, 202, 204]
        case .put: preference = creating ? [201, 200, 204, 202] : [200, 204, 202, 201]
        case .delete: preference = [204, 200, 202]
        case .patch: preference = [200, 204, 202]
        default: preference = [200, 203, 206, 204]
        }
        let exact = operation.responses.filter { $0.statusCode.map { (200..<300).contains($0) } == true }
        // An operation that documents only redirects answers with its first one.
        let redirect = operation.responses.contains { $0.status.uppercased() == "2XX" } ? nil
            : operation.responses.first { $0.statusCode.map { (300..<400).contains($0) } == true }
        let chosen = preference.lazy.compactMap { code in exact.first { $0.statusCode == code } }.first ?? exact.first ?? redirect
        let response = chosen ?? operation.responses.first { $0.status.uppercased() == "2XX" } ?? operation.responses.first { $0.status == "default" }
        var status = chosen?.statusCode ?? preference[0]
        if chosen == nil && status == 204 && !(response?.content.isEmpty ?? true) { status = 200 }
        let media = response.flatMap { response in
            response.content.first { MediaTypeText.isJSON($0.contentType) } ?? response.content.first
        }
        return Success(status: status, response: response, media: media)
    }

    /// A success answer: the body generated from the media type's schema with `record`'s
    /// members laid over the object at `location` (those the schema accepts), and the
    /// documented headers; with `whole`, `record` replaces that object when the result is
    /// valid (a stored resource read back as it was). Returns the body value too, `nil`
    /// when the answer has none.
    func successResponse(
        _ exchange: Exchange,
        _ success: Success,
        random: SeededRandom,
        record: JSONObject?,
        location: JSONPointer,
        whole: Bool = false,
        ensuring required: [JSONPointer] = [],
        headers extra: [MockHeader] = []
    ) -> (response: MockResponse, body: JSONValue?) {
        var random = random
        var response = MockResponse(status: success.status)
        var body: JSONValue?
        if success.status != 204, success.status != 205, let media = success.media {
            var value: JSONValue
            if let schema = media.schema, let record, whole, location.tokens.isEmpty, responses.isValid(.object(record), schemaAt: schema.pointer) {
                // A stored resource that is the whole body and valid reads as stored: no body
                // is generated only to be replaced by it.
                value = .object(record)
            } else if let schema = media.schema {
                do {
                    value = try generator.value(forSchemaAt: schema.pointer, random: &random)
                    // A resource reads as one even where its schema also admits null (Azure's
                    // models say `nullable: true`): a null answer to a create leaves the
                    // client no id to go on with.
                    for _ in 0..<8 where value == .null && (record != nil || !required.isEmpty) {
                        value = try generator.value(forSchemaAt: schema.pointer, random: &random)
                    }
                } catch {
                    return (
                        problem(
                            500, "unsatisfiable_response",
                            "The mock cannot make a \(success.status) body for \(exchange.operation.id): \(error.message)", operation: nil), nil
                    )
                }
                // A member the record lays over the object at `location` needs no generated
                // value first (that would cost a generation and a validation of the whole body).
                let supplied = value.value(at: location)?.objectValue == nil ? nil : record
                let missing = required.filter { pointer in
                    guard let supplied, pointer.parent == location, let name = pointer.lastToken else { return true }
                    return supplied[name] == nil
                }
                value = withMembers(value, at: missing.map { ($0, nil) }, schema: schema, random: &random)
                if let record {
                    // A stored resource reads as it was stored when it is a whole valid
                    // body; else its members are laid over the generated one.
                    let stored = value.setting(.object(record), at: location)
                    if whole && value.value(at: location)?.objectValue != nil && responses.isValid(stored, schemaAt: schema.pointer) {
                        value = stored
                    } else {
                        value = overlay(record, onto: value, at: location, schema: schema)
                    }
                }
            } else {
                value = media.example ?? media.examples.sorted { $0.key < $1.key }.first?.value ?? (record.map { .object($0) } ?? .object([:]))
            }
            if let schema = media.schema, let links = success.response?.links, !links.isEmpty {
                value = withMembers(value, at: linkedMembers(links), schema: schema, random: &random)
            }
            body = value
            let contentType = MediaTypeText.bare(media.contentType) == "*/*" ? "application/json" : media.contentType
            response.setHeader("Content-Type", contentType)
            if MediaTypeText.isJSON(contentType) || contentType == "application/json" {
                response.body = JSONWriter().bytes(value)
            } else if case .string(let text) = value {
                response.body = Array(text.utf8)
            } else {
                response.body = JSONWriter().bytes(value)
            }
        }
        // Headers that frame the message are the server's to write: a documented
        // Content-Length or Content-Encoding filled with a generated value breaks the response.
        for header in success.response?.headers ?? [] where !header.isFraming {
            if let given = extra.first(where: { $0.name.lowercased() == header.name.lowercased() }) {
                response.setHeader(header.name, given.value)
            } else if let schema = header.schema, let value = try? generator.value(forSchemaAt: schema.pointer, random: &random) {
                var text = Self.headerValue(value)
                // A header cannot carry an empty value or edge spaces (a null, an empty
                // string): another value of the schema, when one shows.
                for _ in 0..<4 where text.isEmpty || text != text.trimmingCharacters(in: .whitespaces) {
                    guard let again = try? generator.value(forSchemaAt: schema.pointer, random: &random) else { break }
                    text = Self.headerValue(again)
                }
                response.setHeader(header.name, text.isEmpty ? "assay" : text)
            } else {
                response.setHeader(header.name, "assay")
            }
        }
        for header in extra where response.header(header.name) == nil {
            response.setHeader(header.name, header.value)
        }
        return (mutated(response, exchange, success: success, body: body), body)
    }

    /// `members` laid over the object at `location` in `base`: all of them when the result
    /// stays valid against the schema, else each one that does not add a failure.
    /// `writeOnly` members never show in a response.
    func overlay(_ members: JSONObject, onto base: JSONValue, at location: JSONPointer, schema: Schema) -> JSONValue {
        guard case .object(let target)? = base.value(at: location) else { return base }
        let declared = lookup.schema(at: location, within: schema.value).map { lookup.properties(of: $0) } ?? [:]
        let shown = members.filter { member in !(declared[member.key].map { lookup.isMarked("writeOnly", $0) } ?? false) }
        guard !shown.isEmpty else { return base }
        var whole = target
        for (name, value) in shown { whole[name] = value }
        let candidate = base.setting(.object(whole), at: location)
        if responses.isValid(candidate, schemaAt: schema.pointer) { return candidate }
        var current = base
        var failures = responses.errors(base, schemaAt: schema.pointer).count
        for (name, value) in shown {
            guard case .object(var object)? = current.value(at: location) else { break }
            object[name] = value
            let attempt = current.setting(.object(object), at: location)
            let count = responses.errors(attempt, schemaAt: schema.pointer).count
            if count <= failures {
                current = attempt
                failures = count
            }
        }
        return current
    }

    /// The members links read from a body (`$response.body#/page`), each with the schema
    /// of the parameter it feeds (for a member the response schema does not declare).
    func linkedMembers(_ links: [Link]) -> [(JSONPointer, JSONValue?)] {
        var result: [(JSONPointer, JSONValue?)] = []
        for link in links {
            let target = link.operationID.flatMap(model.operation(withID:))
            let expressions = link.parameters.map { ($0.key, $0.value) } + [("", link.requestBody ?? .null)]
            for case (let key, .string(let expression)) in expressions {
                guard expression.hasPrefix("$response.body#"), let pointer = JSONPointer(String(expression.dropFirst("$response.body#".count))) else {
                    continue
                }
                let name = key.split(separator: ".", maxSplits: 1).last.map(String.init) ?? key
                result.append((pointer, target?.parameters.first { $0.name == name }?.schema?.value))
            }
        }
        return result
    }

    /// The body with a value at each pointer: a generator may leave optional members out,
    /// and a client following a link (or reading the id of what it created) needs them.
    /// Missing members on the way are generated from their declared schemas (the last one
    /// from `fallback` when undeclared); a change that would break the schema is dropped.
    func withMembers(_ body: JSONValue, at pointers: [(pointer: JSONPointer, fallback: JSONValue?)], schema: Schema, random: inout SeededRandom) -> JSONValue {
        var result = body
        for (pointer, fallback) in pointers where !pointer.tokens.isEmpty && result.value(at: pointer) == nil {
            var candidate = result
            var prefix = JSONPointer.root
            for token in pointer.tokens {
                let next = prefix.appending(token)
                if candidate.value(at: next) == nil {
                    let declared = lookup.schema(at: next, within: schema.value) ?? (next == pointer ? fallback : nil)
                    guard let memberSchema = declared, let value = try? generator.value(for: memberSchema, random: &random) else { break }
                    if case .array(var items)? = candidate.value(at: prefix) {
                        items.append(value)
                        candidate = candidate.setting(.array(items), at: prefix)
                    } else {
                        candidate = candidate.setting(value, at: next)
                    }
                }
                prefix = next
            }
            if candidate.value(at: pointer) != nil && responses.isValid(candidate, schemaAt: schema.pointer) { result = candidate }
        }
        return result
    }
}
