import AssayCore
import AssayData
import OrderedCollections

extension MockResponder {
    /// Answers a valid request by the operation's part in a resource.
    mutating func handle(_ exchange: inout Exchange) -> MockResponse {
        switch exchange.layout.role {
        case .other:
            return plain(exchange)
        case .create(let item, let variable):
            // A collection under a variable (`POST /owners/{ownerId}/pets`, `POST
            // /configs/{accountId}`) names nothing when that variable does.
            if let own = ResourceLayout.splitItemPath(exchange.operation.path)?.variable, options.mutant != .ignoresUnknownID,
                UnknownResourceID.isRecognised(exchange.bindings[own] ?? "") || store.isDeleted(exchange.key)
            {
                return problem(404, "not_found", "\(exchange.operation.path) has nothing under \(own) '\(exchange.bindings[own] ?? "")'.", operation: exchange.operation)
            }
            return create(exchange, item: item, variable: variable, collection: exchange.key)
        case .item(let variable):
            return itemOperation(exchange, variable: variable)
        }
    }

    /// An answer from the response schema alone. A generated list never shows an item
    /// whose id names something deleted from that collection: a conformant server does not
    /// list what it deleted (and the delete-unlists probe checks exactly that).
    private func plain(_ exchange: Exchange) -> MockResponse {
        let success = success(for: exchange.operation, creating: false)
        let answer = successResponse(exchange, success, random: requestRandom(exchange), record: nil, location: .root)
        guard exchange.operation.method == .get, store.hasDeletions, let body = answer.body, let schema = success.media?.schema,
            let scrubbed = withoutDeleted(body, collection: exchange.key), responses.isValid(scrubbed, schemaAt: schema.pointer)
        else { return answer.response }
        var response = answer.response
        response.body = JSONWriter().bytes(scrubbed)
        return response
    }

    /// `body` (an array, or an object holding arrays) without the items whose id member
    /// names a resource deleted under `collection`; `nil` when no item does.
    private func withoutDeleted(_ body: JSONValue, collection: [String]) -> JSONValue? {
        var dropped = false
        func kept(_ items: [JSONValue]) -> [JSONValue] {
            items.filter { item in
                let deleted = item.objectValue?.contains { name, value in
                    guard ResourceNaming.isIdentifierName(name) else { return false }
                    switch value {
                    case .integer, .string: return store.isDeleted(collection + [value.wireText])
                    default: return false
                    }
                } ?? false
                if deleted { dropped = true }
                return !deleted
            }
        }
        let result: JSONValue
        switch body {
        case .array(let items): result = .array(kept(items))
        case .object(var members):
            for (name, value) in members {
                if case .array(let items) = value { members[name] = .array(kept(items)) }
            }
            result = .object(members)
        default: return nil
        }
        return dropped ? result : nil
    }

    /// Where a success body of this operation holds the resource's members: the parent
    /// of the member naming the id, else the root.
    private func recordLocation(_ exchange: Exchange) -> JSONPointer {
        exchange.layout.responseIdentifier?.parent ?? .root
    }

    /// The name of the member holding the id, in the resource's members.
    private func identifierMember(_ layout: ResourceLayout) -> String? {
        if let name = layout.responseIdentifier?.lastToken { return name }
        switch layout.identifier {
        case .body(let pointer)?, .request(let pointer)?: return pointer.lastToken
        default: return nil
        }
    }

    // MARK: - Create

    /// `POST` on a collection: the body's members laid over a generated resource, with an id
    /// the client chose or a new one, stored under the item path.
    private mutating func create(_ exchange: Exchange, item: String, variable: String, collection: [String]) -> MockResponse {
        let operation = exchange.operation
        let layout = exchange.layout
        let sent = exchange.body?.objectValue ?? [:]
        let success = success(for: operation, creating: true)
        let location = recordLocation(exchange)
        let member = identifierMember(layout)
        var random = requestRandom(exchange)

        // The id: the one the request sent where the description says it travels, else a new one.
        var chosen: JSONValue?
        switch layout.identifier {
        case .request(let pointer)?: chosen = exchange.body?.value(at: pointer)
        default: chosen = member.flatMap { sent[$0] }
        }
        if let value = chosen, !Self.isIdentifierScalar(value) { chosen = nil }
        let identifier = chosen ?? freshIdentifier(exchange, item: item, variable: variable, collection: collection, success: success, random: &random)
        let idText = identifier.wireText
        var members = sent
        if let member { members[member] = identifier }

        var headers: [MockHeader] = []
        let itemPath = basePath + "/" + (collection + [idText]).map(FormEncoding.encodeSegment).joined(separator: "/")
        if case .header(let name)? = layout.identifier {
            headers.append(MockHeader(name, idText))
        }
        if success.status == 201 || success.response?.headers.contains(where: { $0.name.lowercased() == "location" }) == true {
            headers.append(MockHeader("Location", options.mutant == .wrongLocation ? Self.missingLocation(itemPath, idText) : itemPath))
        }
        var ensuring: [JSONPointer] = layout.responseIdentifier.map { [$0] } ?? []
        if case .body(let pointer)? = layout.identifier { ensuring.append(pointer) }
        let answer = successResponse(exchange, success, random: random, record: members, location: location, ensuring: ensuring, headers: headers)
        guard answer.response.status < 300 else { return answer.response }
        var record = answer.body?.value(at: location)?.objectValue ?? members
        if let member { record[member] = identifier }
        if options.mutant == .createIgnoresInput {
            // The id is kept; every other member sent is stored as a made-up value that
            // differs from it (one equal by chance would hide the fault from some runs and
            // not others); the rest of a read is generated.
            record = member.map { [$0: identifier] } ?? [:]
            let declared = exchange.media?.schema.map { lookup.properties(of: $0.value) } ?? [:]
            for (name, value) in sent where name != member {
                guard let property = declared[name] else { continue }
                for _ in 0..<8 {
                    if let other = try? generator.value(for: property, random: &random), other != value {
                        record[name] = other
                        break
                    }
                }
            }
        }
        store.store(record, at: collection + [idText])
        return answer.response
    }

    /// A new id for a resource of `collection`: the next integer when the id member takes
    /// integers, else a generated value; never one in use or one that names nothing.
    private mutating func freshIdentifier(
        _ exchange: Exchange, item: String, variable: String, collection: [String], success: Success, random: inout SeededRandom
    ) -> JSONValue {
        let memberSchema: JSONValue? = {
            guard let pointer = exchange.layout.responseIdentifier, let schema = success.media?.schema else { return nil }
            return lookup.schema(at: pointer, within: schema.value)
        }()
        let pathSchema = model.operations.first { $0.path == item }?.parameters.first { $0.location == .path && $0.name == variable }?.schema
        func acceptable(_ value: JSONValue) -> Bool {
            let text = value.wireText
            guard !text.isEmpty, !UnknownResourceID.isRecognised(text), !store.contains(collection + [text]) else { return false }
            if let memberSchema, !responses.isValid(value, schema: memberSchema) { return false }
            if let pathSchema {
                let readings = ParameterReader.readings(text, preferring: lookup.types(of: pathSchema.value), lenientBooleans: false)
                guard readings.contains(where: { parameters.check.isValid($0, schemaAt: pathSchema.pointer) }) else { return false }
            }
            return true
        }
        for _ in 0..<3 {
            // The next integer, or its text where the member holds strings of digits.
            let next = store.nextInteger(in: collection)
            if acceptable(.integer(next)) { return .integer(next) }
            if acceptable(.string(String(next))) { return .string(String(next)) }
        }
        let schemaToGenerate = memberSchema ?? pathSchema?.value
        var last: JSONValue = .string("assay-\(requestCount)")
        if let schemaToGenerate {
            for _ in 0..<8 {
                if let value = try? generator.value(for: schemaToGenerate, random: &random) {
                    last = value
                    if acceptable(value) { return value }
                }
            }
        }
        return last
    }

    static func isIdentifierScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .string(let text): return !text.isEmpty
        case .integer: return true
        default: return false
        }
    }

    /// The `wrong-location` mutant's `Location`: the same collection, an id that names nothing.
    static func missingLocation(_ itemPath: String, _ idText: String) -> String {
        let missing: String
        if Int(idText) != nil {
            missing = "2147483001"
        } else if idText.count == 36, idText.filter({ $0 == "-" }).count == 4 {
            missing = UnknownResourceID.uuidPrefix + "000000000000"
        } else {
            missing = UnknownResourceID.stringPrefix + "-location"
        }
        return String(itemPath.dropLast(FormEncoding.encodeSegment(idText).count)) + missing
    }

    // MARK: - Item operations

    /// An operation on an item path: reads, replaces, updates or deletes what is stored;
    /// 404 for an id deleted here or one ``UnknownResourceID`` names; an id never seen
    /// reads as if it existed.
    private mutating func itemOperation(_ exchange: Exchange, variable: String) -> MockResponse {
        let operation = exchange.operation
        let idText = exchange.bindings[variable] ?? ""
        let key = exchange.key
        let honoursMissing = options.mutant != .ignoresUnknownID
        let unknown = honoursMissing && UnknownResourceID.isRecognised(idText)
        let deleted = honoursMissing && store.isDeleted(key)
        let member = identifierMember(exchange.layout) ?? variable
        let pathValue = exchange.values[.path]?[variable] ?? .string(idText)
        let stored = store.record(at: key)
        let notFound = problem(404, "not_found", "\(exchange.operation.path) has nothing under \(variable) '\(idText)'.", operation: operation)

        switch operation.method {
        case .put:
            let documents404 = operation.responses.contains { $0.status == "404" }
            if unknown && documents404 { return notFound }
            if options.mutant == .nonIdempotentPut, let collection = ResourceLayout.splitItemPath(operation.path) {
                // Every PUT makes another resource in the collection, leaving this one as it was.
                var random = requestRandom(exchange)
                let fresh = freshIdentifier(
                    exchange, item: operation.path, variable: collection.variable, collection: Array(key.dropLast()),
                    success: success(for: operation, creating: false), random: &random)
                return write(exchange, members: replaced(stored, with: exchange), identifier: (member, fresh), key: Array(key.dropLast()) + [fresh.wireText], creating: false)
            }
            if stored == nil {
                return write(exchange, members: exchange.body?.objectValue ?? [:], identifier: (member, pathValue), key: key, creating: true)
            }
            let save = options.mutant != .staleReadAfterUpdate
            return write(exchange, members: replaced(stored, with: exchange), identifier: (member, pathValue), key: key, creating: false, save: save)
        case .patch:
            if unknown || deleted { return notFound }
            var members = stored ?? [:]
            let mergePatch = exchange.media.map { MediaTypeText.bare($0.contentType) == "application/merge-patch+json" } ?? false
            for (name, value) in exchange.body?.objectValue ?? [:] {
                if mergePatch && value == .null { members[name] = nil } else { members[name] = value }
            }
            let save = stored == nil || options.mutant != .staleReadAfterUpdate
            return write(exchange, members: members, identifier: (member, pathValue), key: key, creating: false, save: save)
        case .delete:
            if unknown || deleted { return notFound }
            if options.mutant != .deleteDoesNothing { store.delete(key) }
            return plain(exchange)
        case .get, .head:
            if unknown || deleted { return notFound }
            let success = success(for: operation, creating: false)
            guard let stored else {
                return successResponse(exchange, success, random: itemRandom(exchange), record: [member: pathValue], location: recordLocation(exchange)).response
            }
            return successResponse(exchange, success, random: itemRandom(exchange), record: stored, location: recordLocation(exchange), whole: true).response
        default:
            if unknown || deleted { return notFound }
            return plain(exchange)
        }
    }

    /// A `PUT`'s new members: the stored ones, less the members the request schema
    /// declares and the body leaves out (a replacement, not a merge), plus the body's.
    private func replaced(_ stored: JSONObject?, with exchange: Exchange) -> JSONObject {
        var members = stored ?? [:]
        let sent = exchange.body?.objectValue ?? [:]
        if let schema = exchange.media?.schema, options.mutant != .putMerges {
            for (name, property) in lookup.properties(of: schema.value) where sent[name] == nil && !lookup.isMarked("readOnly", property) {
                members[name] = nil
            }
        }
        for (name, value) in sent { members[name] = value }
        return members
    }

    /// Answers a write with the members laid over a generated body, and stores what the
    /// answer shows (unless `save` is off: the stale-read mutant).
    private mutating func write(
        _ exchange: Exchange, members: JSONObject, identifier: (member: String, value: JSONValue), key: [String], creating: Bool, save: Bool = true
    ) -> MockResponse {
        var members = members
        members[identifier.member] = identifier.value
        let success = success(for: exchange.operation, creating: creating)
        let location = recordLocation(exchange)
        let answer = successResponse(exchange, success, random: requestRandom(exchange), record: members, location: location, whole: true)
        guard answer.response.status < 300 else { return answer.response }
        if save {
            var record = members
            if let shown = answer.body?.value(at: location)?.objectValue {
                for (name, value) in shown { record[name] = value }
            }
            store.store(record, at: key)
        }
        return answer.response
    }
}
