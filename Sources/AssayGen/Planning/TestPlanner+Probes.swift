import AssayCore
import AssayData
import Foundation
import OrderedCollections

/// Flows that each probe one behaviour of a resource no single request shows, and that the
/// CRUD flow does not: where a creation's `Location` leads, whether the same `PUT` twice
/// gives the same resource, whether a `PUT` replaces (not merges), and whether a `DELETE`
/// takes the resource out of its collection's list. The probing step carries the finding
/// check its failure reports (``TestStep/reports``).
///
/// Each probe is planned only where the description promises what it checks, and judges
/// only what a conforming server cannot get wrong by chance: no probe fails on a server
/// that normalises values, assigns its own ids or pages its lists.
extension TestPlanner {
    /// The probes of a resource, in a fixed order.
    func probeCases(_ resource: Resource, resources: [String: Resource]) -> [TestCase] {
        [
            locationProbe(resource, resources: resources),
            idempotentPutProbe(resource, resources: resources),
            replacingPutProbe(resource, resources: resources),
            deleteListProbe(resource, resources: resources),
        ].compactMap { $0 }
    }

    /// Create, then `GET` the URL the `Location` header gives: the created resource, with
    /// the values sent. Planned when a success response of the create documents `Location`.
    func locationProbe(_ resource: Resource, resources: [String: Resource]) -> TestCase? {
        guard let read = resource.read, !resource.createsAtItem,
            let header = resource.create.responses.filter(\.isSuccess).flatMap(\.headers).first(where: { $0.name.lowercased() == "location" })
        else { return nil }
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("probe location " + resource.item))
        guard var creation = create(resource, resources: resources, depth: 0, random: &random), !creation.steps.isEmpty else { return nil }
        let captureName = "\(Self.noun(of: resource)) location"
        creation.steps[creation.steps.count - 1].captures.append(Capture(name: captureName, source: .header(header.name)))
        let readBack = creation.body.map { readBackValues(sent: $0, read: read, clientChosen: nil) } ?? []
        guard var follow = itemStep(read, bindings: creation.bindings, random: &random, bodyValues: readBack) else { return nil }
        follow.request.follow = captureName
        follow.reports = "wrong-location"
        let noun = Self.noun(of: resource)
        return TestCase(
            id: "\(Self.key(of: resource.create)).flow.location",
            kind: .flow,
            title: "\(resource.collection) creates \(Self.article(noun)) \(noun) whose Location leads to it",
            description: "Creates \(Self.article(noun)) \(noun), then reads the URL its \(header.name) header gives (resolved against the "
                + "API's base URL, never followed to another host): it must be the created \(noun), with the values sent.",
            steps: creation.steps + [follow]
        )
    }

    /// Create, then the same `PUT` twice: the second answer must name the same resource
    /// (the same id) as the first. Planned when the item's update is a `PUT` whose success
    /// response requires an id member: an answer that may leave it out, or show a
    /// representation other than what was sent, proves nothing either way.
    func idempotentPutProbe(_ resource: Resource, resources: [String: Resource]) -> TestCase? {
        guard let update = resource.update, update.method == .put else { return nil }
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("probe idempotent put " + resource.item))
        guard let creation = create(resource, resources: resources, depth: 0, random: &random),
            var first = updateStep(update, resource: resource, creation: creation, fill: .all, random: &random)
        else { return nil }
        var second = first
        // The id the first answer shows must be the one the second shows.
        if let success = update.responses.first(where: \.isSuccess), let media = success.content.first(where: { Self.isJSON($0.contentType) }),
            let schema = media.schema,
            let pointer = identifierPointer(in: schema.value, variable: resource.variable, noun: Self.noun(of: resource)),
            requires(pointer, in: schema.value)
        {
            let name = "replaced \(resource.variable)"
            first.captures.append(Capture(name: name, source: .body(pointer)))
            second.expect.bodyValues.append(BodyValue(pointer: pointer, value: .captured(name)))
        }
        guard !second.expect.bodyValues.isEmpty else { return nil }
        second.reports = "non-idempotent-put"
        let noun = Self.noun(of: resource)
        return TestCase(
            id: "\(Self.key(of: update)).flow.put-idempotent",
            kind: .flow,
            title: "\(resource.item) answers the same PUT twice alike",
            description: "Creates \(Self.article(noun)) \(noun) and sends the same PUT twice: PUT is idempotent, so the second answer "
                + "must name the same \(noun) (its id) as the first.",
            steps: creation.steps + [first, second]
        )
    }

    /// Create with every member, `PUT` with only the required ones, read: each optional
    /// member the `PUT` left out must no longer hold the value the create gave it. Planned
    /// when such members exist whose value no server could produce by chance.
    func replacingPutProbe(_ resource: Resource, resources: [String: Resource]) -> TestCase? {
        guard let update = resource.update, update.method == .put, let read = resource.read, !resource.createsAtItem else { return nil }
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("probe replacing put " + resource.item))
        guard let creation = create(resource, resources: resources, depth: 0, random: &random, fill: .all),
            case .object(let created)? = creation.body,
            let put = updateStep(update, resource: resource, creation: creation, fill: .required, random: &random),
            case .literal(.object(let replacement))? = put.request.body?.value,
            let putSchema = update.requestBody?.content.first(where: { Self.isJSON($0.contentType) })?.schema?.value
        else { return nil }
        let putMembers = resolvedProperties(of: putSchema)
        let required = Set(resolve(putSchema)["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        guard let readSchema = read.responses.first(where: \.isSuccess)?.content.first(where: { Self.isJSON($0.contentType) })?.schema?.value
        else { return nil }
        let readMembers = resolvedProperties(of: readSchema)
        var leftOut: [BodyValue] = []
        for (name, value) in created where replacement[name] == nil && !required.contains(name) && !ResourceNaming.isIdentifierName(name) {
            guard let declared = putMembers[name], readMembers[name] != nil, Self.isDistinctive(value, schema: resolve(declared)) else { continue }
            leftOut.append(BodyValue(pointer: JSONPointer(tokens: [name]), value: .literal(value), mode: .differs))
            if leftOut.count == 4 { break }
        }
        guard !leftOut.isEmpty, var after = itemStep(read, bindings: creation.bindings, random: &random) else { return nil }
        after.expect.bodyValues = leftOut
        after.reports = "put-not-replacing"
        let noun = Self.noun(of: resource)
        let names = leftOut.compactMap(\.pointer.lastToken)
        return TestCase(
            id: "\(Self.key(of: update)).flow.put-replaces",
            kind: .flow,
            title: "\(resource.item) PUT replaces the whole \(noun)",
            description: "Creates \(Self.article(noun)) \(noun) with every member, replaces it with a PUT of only the required ones, "
                + "and reads it: \(Self.sentence(names)) must no longer hold what the create sent (a PUT replaces, a PATCH merges).",
            steps: creation.steps + [put, after]
        )
    }

    /// Create, delete, list the collection: the deleted id must not be listed. Planned
    /// when the collection has a `GET` whose JSON answer holds an array of items with an
    /// id member. A list that pages past the item shows nothing: the probe only fails on
    /// an item it sees.
    func deleteListProbe(_ resource: Resource, resources: [String: Resource]) -> TestCase? {
        guard let delete = resource.delete, !resource.createsAtItem,
            let list = testedOperations.first(where: { $0.path == resource.collection && $0.method == .get }),
            let schema = list.responses.first(where: \.isSuccess)?.content.first(where: { Self.isJSON($0.contentType) })?.schema?.value,
            let (items, member) = listedIdentifier(in: schema, resource: resource)
        else { return nil }
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("probe delete list " + resource.item))
        guard let creation = create(resource, resources: resources, depth: 0, random: &random),
            let deleting = itemStep(delete, bindings: creation.bindings, random: &random),
            var request = try? factory.request(for: list, fill: .required, random: &random)
        else { return nil }
        let identifier: PlanValue
        switch creation.source {
        case .response(.body): identifier = .captured(resource.variable)
        case .request(let value): identifier = .literal(value)
        case .response(.header): return nil  // a header's text never equals a listed number
        }
        bind(&request, creation.bindings)
        var listing = step(list, request, expect: positiveExpectation(for: list))
        listing.expect.bodyValues = [BodyValue(pointer: items, value: identifier, mode: .notListed(member: member))]
        listing.reports = "delete-no-effect"
        let noun = Self.noun(of: resource)
        return TestCase(
            id: "\(Self.key(of: delete)).flow.delete-unlists",
            kind: .flow,
            title: "\(resource.item) DELETE takes the \(noun) out of \(resource.collection)",
            description: "Creates \(Self.article(noun)) \(noun), deletes it, and lists \(resource.collection): no listed \(noun) may "
                + "still carry the deleted id.",
            steps: creation.steps + [deleting, listing]
        )
    }

    // MARK: - Helpers

    /// Whether every member on the way to `pointer` is required (through `$ref`s and `allOf`s).
    func requires(_ pointer: JSONPointer, in schema: JSONValue) -> Bool {
        var current = schema
        for token in pointer.tokens {
            let resolved = resolve(current)
            var required = Set(resolved["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            for part in resolved["allOf"]?.arrayValue ?? [] {
                required.formUnion(resolve(part)["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            }
            guard required.contains(token), let next = resolvedProperties(of: current)[token] else { return false }
            current = next
        }
        return true
    }

    /// The update step of a flow: the path bound, and a client-chosen id, which travels in
    /// the body too, kept the created one.
    func updateStep(
        _ update: AssayCore.Operation, resource: Resource, creation: Creation, fill: RequestFactory.Fill, random: inout SeededRandom
    ) -> TestStep? {
        guard var step = itemStep(update, bindings: creation.bindings, random: &random, fill: fill) else { return nil }
        if case .literal(.object(var object))? = step.request.body?.value, case .request(let value) = creation.source,
            let member = object.keys.first(where: { ResourceNaming.namesIdentifier($0, variable: resource.variable) })
        {
            object[member] = value
            step.request.body?.value = .literal(.object(object))
        }
        return step
    }

    /// The path variable a create request chose itself, if it did.
    func clientChosenVariable(_ resource: Resource, _ creation: Creation) -> String? {
        if case .request = creation.source { return resource.variable }
        return nil
    }

    /// Whether a value sent for a member could not come back by chance from a server that
    /// dropped it and filled in its own: not a boolean, an enumerated or constant value, a
    /// default, zero, or an empty text, array or object.
    static func isDistinctive(_ value: JSONValue, schema: JSONValue) -> Bool {
        if schema["enum"] != nil || schema["const"] != nil || schema["default"] != nil { return false }
        if schema["readOnly"] == .bool(true) || schema["writeOnly"] == .bool(true) { return false }
        switch value {
        case .string(let text): return text.count >= 3
        case .integer(let number): return number != 0
        case .double(let number): return number != 0
        case .array(let items): return !items.isEmpty
        case .object(let members): return !members.isEmpty
        case .bool, .null: return false
        }
    }

    /// Where a list answer holds its items and, in each, the id: the root array, or the
    /// one array member of a wrapping object (`{"data": [...], "next": …}`).
    func listedIdentifier(in schema: JSONValue, resource: Resource) -> (items: JSONPointer, member: JSONPointer)? {
        let noun = Self.noun(of: resource)
        func identifier(ofItems array: JSONValue) -> JSONPointer? {
            guard let items = resolve(array)["items"] else { return nil }
            return identifierPointer(in: items, variable: resource.variable, noun: noun)
        }
        let root = resolve(schema)
        if root["type"]?.stringValue == "array" || root["items"] != nil {
            return identifier(ofItems: root).map { (JSONPointer.root, $0) }
        }
        let arrays = resolvedProperties(of: root).filter { member in
            let resolved = resolve(member.value)
            return resolved["type"]?.stringValue == "array" || resolved["items"] != nil
        }
        guard arrays.count == 1, let only = arrays.elements.first, let member = identifier(ofItems: only.value) else { return nil }
        return (JSONPointer(tokens: [only.key]), member)
    }
}
