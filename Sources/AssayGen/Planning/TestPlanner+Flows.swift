import AssayCore
import AssayData
import Foundation
import OrderedCollections

extension TestPlanner {
    /// A resource as its paths show it: a collection (`/owners/{ownerId}/pets`) that
    /// creates, and an item path (`/owners/{ownerId}/pets/{petId}`) that reads, updates and
    /// deletes what was created. Without a `POST` on the collection, a `PUT` on the item
    /// path creates under a name the client chooses (Azure's style).
    struct Resource: Sendable {
        var collection: String
        var item: String
        /// The item path's own variable: `petId`.
        var variable: String
        var create: AssayCore.Operation
        var read: AssayCore.Operation?
        var update: AssayCore.Operation?
        var delete: AssayCore.Operation?
        /// The create is a `PUT` on the item path, whose variable the client chooses.
        var createsAtItem = false
    }

    /// Where a flow gets the id of what it created.
    enum IdentifierSource: Sendable, Equatable {
        /// Captured from the create response (an OpenAPI link's `$response…` expression, or
        /// the response member the id variable names).
        case response(Capture.Source)
        /// A value the create request itself sent (a client-chosen id or name).
        case request(JSONValue)
    }

    /// The steps that create one resource (its parents first), and what later steps use.
    struct Creation: Sendable {
        var steps: [TestStep]
        /// Path variable → the value to send for it (captured or literal).
        var bindings: [String: PlanValue]
        /// The create request body, for reading values back.
        var body: JSONValue?
        /// Where the id of the resource itself came from.
        var source: IdentifierSource
    }

    /// The resources of the model: every item path whose collection has a `POST`, with
    /// the operations on the item, in path order.
    func resources() -> [Resource] {
        var byPath: [String: [HTTPMethod: AssayCore.Operation]] = [:]
        for operation in testedOperations { byPath[operation.path, default: [:]][operation.method] = operation }
        var result: [Resource] = []
        for item in byPath.keys.sorted() {
            guard let (collection, variable) = Self.splitItemPath(item) else { continue }
            let operations = byPath[item] ?? [:]
            // A POST on the collection creates; else a PUT on the item does, and PATCH updates.
            let post = byPath[collection]?[.post]
            guard let create = post ?? operations[.put] else { continue }
            let resource = Resource(
                collection: collection,
                item: item,
                variable: variable,
                create: create,
                read: operations[.get],
                update: post == nil ? operations[.patch] : operations[.put] ?? operations[.patch],
                delete: operations[.delete],
                createsAtItem: post == nil
            )
            if resource.read != nil || resource.delete != nil { result.append(resource) }
        }
        return result
    }

    /// `/pets/{petId}` → (`/pets`, `petId`); `nil` unless the last segment is exactly one variable.
    static func splitItemPath(_ path: String) -> (collection: String, variable: String)? {
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let segment = path[path.index(after: slash)...]
        guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2,
            !segment.dropFirst().dropLast().contains(where: { $0 == "{" || $0 == "}" })
        else { return nil }
        let collection = String(path[..<slash])
        return (collection.isEmpty ? "/" : collection, String(segment.dropFirst().dropLast()))
    }

    /// The stateful cases: one create → read → update → read → delete → read-gives-404 flow
    /// per resource (with the steps each one has), and one case per OpenAPI link followed.
    func flowCases() -> [(suite: String, testCase: TestCase)] {
        var cases: [(String, TestCase)] = []
        var resourcesByItem: [String: Resource] = [:]
        let resources = resources()
        for resource in resources { resourcesByItem[resource.item] = resource }
        for resource in resources {
            if let testCase = crudCase(resource, resources: resourcesByItem) {
                cases.append((Self.suiteName(of: resource.create), testCase))
            }
            for probe in probeCases(resource, resources: resourcesByItem) {
                cases.append((Self.suiteName(of: resource.create), probe))
            }
        }
        for operation in testedOperations {
            for testCase in linkCases(from: operation) {
                cases.append((Self.suiteName(of: operation), testCase))
            }
        }
        return cases
    }

    // MARK: - CRUD

    /// The CRUD flow of a resource; `nil` when its create cannot be planned or nothing
    /// says where the created id is.
    func crudCase(_ resource: Resource, resources: [String: Resource]) -> TestCase? {
        var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("flow " + resource.item))
        guard let creation = create(resource, resources: resources, depth: 0, random: &random) else { return nil }
        var steps = creation.steps
        let bindings = creation.bindings
        let noun = Self.noun(of: resource)
        var done = ["creates \(Self.article(noun)) \(noun)"]
        let clientChosen = clientChosenVariable(resource, creation)
        let readBack = creation.body.map { readBackValues(sent: $0, read: resource.read, clientChosen: clientChosen) } ?? []
        if let read = resource.read, let step = itemStep(read, bindings: bindings, random: &random, bodyValues: readBack) {
            steps.append(step)
            done.append("reads it back")
        }
        if let update = resource.update, let step = updateStep(update, resource: resource, creation: creation, fill: .all, random: &random) {
            steps.append(step)
            done.append("updates it")
            if let read = resource.read {
                let updated: [BodyValue]
                if case .literal(let body)? = step.request.body?.value {
                    updated = readBackValues(sent: body, read: read, clientChosen: clientChosen)
                } else {
                    updated = []
                }
                if let again = itemStep(read, bindings: bindings, random: &random, bodyValues: updated) {
                    steps.append(again)
                    done.append("reads the update back")
                }
            }
        }
        if let delete = resource.delete, let step = itemStep(delete, bindings: bindings, random: &random) {
            steps.append(step)
            done.append("deletes it")
            // The read after the delete expects 404 or 410 only where the read documents one:
            // a path that merely ends in a variable (httpbin's `/delay/{delay}`, which a PUT
            // "creates") has nothing to be gone.
            if let read = resource.read, read.responses.contains(where: { ["404", "410", "4XX"].contains($0.status.uppercased()) }),
                var gone = itemStep(read, bindings: bindings, random: &random)
            {
                gone.expect = Expectation(status: StatusExpectation(codes: [404, 410]))
                steps.append(gone)
                done.append("finds it gone")
            }
        }
        // A flow is a create and at least one step that uses what it created.
        guard steps.count > creation.steps.count else { return nil }
        let described = Self.sentence(done)
        var description = "A stateful flow on \(resource.item): \(described). The id \(resource.variable) comes from "
            + "\(Self.describe(creation.source)); every step expects its documented status"
        if steps.contains(where: { !$0.expect.bodyValues.isEmpty }) { description += ", values sent are read back unchanged" }
        if done.last == "finds it gone" { description += ", and a read after the delete expects 404 or 410" }
        if creation.steps.count > 1 { description += ". What the path needs is created first" }
        return TestCase(
            id: "\(Self.key(of: resource.create)).flow.crud",
            kind: .flow,
            title: "\(resource.item) \(described)",
            description: description + ".",
            steps: steps
        )
    }

    /// The steps creating `resource` and, first, the parents its collection path needs.
    /// - Parameter fill: what the resource's own create request sends (parents send what
    ///   they require).
    func create(
        _ resource: Resource, resources: [String: Resource], depth: Int, random: inout SeededRandom, fill: RequestFactory.Fill = .required
    ) -> Creation? {
        guard depth < 4 else { return nil }
        var steps: [TestStep] = []
        var bindings: [String: PlanValue] = [:]
        // Parents: `/owners/{ownerId}/pets` needs an owner, created by `/owners` first.
        let variables = Operation.templateVariables(in: resource.collection)
        for variable in variables {
            guard let range = resource.collection.range(of: "{\(variable)}") else { continue }
            let parentItem = String(resource.collection[..<range.upperBound])
            if let parent = resources[parentItem], parent.variable == variable,
                let creation = create(parent, resources: resources, depth: depth + 1, random: &random),
                let value = creation.bindings[variable]
            {
                steps += creation.steps
                for (name, bound) in creation.bindings where bindings[name] == nil { bindings[name] = bound }
                bindings[variable] = value
            }
        }
        guard var request = try? factory.request(for: resource.create, fill: fill, random: &random) else { return nil }
        // Path values nothing created (a subscription, a region, the item name a PUT
        // chooses) stay the same in every step.
        // The item's own variable too when the create names the item (a PUT); it is bound
        // below from where the id comes.
        for parameter in request.pathParameters where bindings[parameter.name] == nil {
            guard parameter.name != resource.variable || resource.createsAtItem else { continue }
            bindings[parameter.name] = sharedPathValue(parameter.value, named: parameter.name, random: &random)
        }
        bind(&request, bindings)
        bindings[resource.variable] = nil
        var step = self.step(resource.create, request, expect: positiveExpectation(for: resource.create))
        let body: JSONValue? = if case .literal(let value)? = request.body?.value { value } else { nil }
        guard let source = idSource(resource, request: request) else { return nil }
        switch source {
        case .response(let capture):
            step.captures.append(Capture(name: resource.variable, source: capture))
            bindings[resource.variable] = .captured(resource.variable)
        case .request(let value):
            bindings[resource.variable] = .literal(value)
        }
        steps.append(step)
        return Creation(steps: steps, bindings: bindings, body: body, source: source)
    }

    /// A step of an item operation with the flow's bindings in its path.
    func itemStep(
        _ operation: AssayCore.Operation,
        bindings: [String: PlanValue],
        random: inout SeededRandom,
        fill: RequestFactory.Fill = .required,
        bodyValues: [BodyValue] = []
    ) -> TestStep? {
        guard var request = try? factory.request(for: operation, fill: fill, random: &random) else { return nil }
        bind(&request, bindings)
        var expect = positiveExpectation(for: operation)
        expect.bodyValues = bodyValues
        return step(operation, request, expect: expect)
    }

    /// A path value a flow sends to several operations, valid for each of them: the
    /// operations of one API often give a variable of one name different schemas (Azure's
    /// `resourceGroupName` has a pattern in some operations and none in others), and a
    /// value generated for the first may break the rule of a later one. Kept when it is
    /// valid for every schema the description gives the name; else a value generated for
    /// one of the stricter schemas that is valid for all (else kept: the flow then shows
    /// the conflict).
    func sharedPathValue(_ value: PlanValue, named name: String, random: inout SeededRandom) -> PlanValue {
        guard case .literal(let literal) = value, let parameters = pathParameters[name], parameters.count > 1 else { return value }
        func validForAll(_ candidate: JSONValue) -> Bool {
            parameters.allSatisfy { parameter in
                guard let schema = parameter.schema else { return true }
                return validator.isValid(candidate, against: schema.value, schemaPointer: schema.pointer)
            }
        }
        if validForAll(literal) { return value }
        for parameter in parameters {
            for _ in 0..<3 {
                if let candidate = try? factory.value(of: parameter, fill: .required, random: &random), validForAll(candidate) {
                    return .literal(candidate)
                }
            }
        }
        return value
    }

    /// Puts bound values in the request's path.
    func bind(_ request: inout RequestTemplate, _ bindings: [String: PlanValue]) {
        for index in request.pathParameters.indices {
            if let value = bindings[request.pathParameters[index].name] { request.pathParameters[index].value = value }
        }
    }

    /// Where the created id comes from, for this create request.
    func idSource(_ resource: Resource, request: RequestTemplate) -> IdentifierSource? {
        if resource.createsAtItem {
            guard case .literal(let value)? = request.pathParameters.first(where: { $0.name == resource.variable })?.value else { return nil }
            return .request(value)
        }
        let consumers = [resource.read, resource.update, resource.delete].compactMap { $0 }
        // 1. An OpenAPI link from the create response to an item operation.
        for response in resource.create.responses where response.isSuccess {
            for link in response.links {
                guard let target = linkTarget(link), consumers.contains(where: { $0.id == target.id }),
                    let expression = Self.linkParameter(link, named: resource.variable)
                else { continue }
                if let source = Self.responseSource(expression) { return .response(source) }
                if let value = Self.requestValue(expression, request: request) { return .request(value) }
            }
        }
        // 2. A member of the create response the variable names (`petId` ← `id` or `petId`).
        for response in resource.create.responses where response.isSuccess {
            guard let media = response.content.first(where: { Self.isJSON($0.contentType) }), let schema = media.schema else { continue }
            if let pointer = identifierPointer(in: schema.value, variable: resource.variable, noun: Self.noun(of: resource)) {
                return .response(.body(pointer))
            }
        }
        // 3. The request body chose the id itself (`POST /user` with `username` → `/user/{username}`).
        if case .literal(.object(let body))? = request.body?.value {
            for (name, value) in body where ResourceNaming.namesIdentifier(name, variable: resource.variable) {
                switch value {
                case .string(let text) where !text.isEmpty: return .request(value)
                case .integer: return .request(value)
                default: continue
                }
            }
        }
        return nil
    }

    /// The pointer of the response member holding the id (``ResourceNaming``).
    func identifierPointer(in schema: JSONValue, variable: String, noun: String) -> JSONPointer? {
        ResourceNaming.identifierPointer(
            in: resolvedProperties(of: schema), variable: variable, noun: noun, members: { resolvedProperties(of: $0) }, resolve: resolve)
    }

    /// A schema with its `$ref` chain followed.
    func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        return model.resolve(reference: reference) ?? schema
    }

    /// The properties of an object schema, through `$ref`s and `allOf`s.
    func resolvedProperties(of schema: JSONValue, depth: Int = 0) -> OrderedDictionary<String, JSONValue> {
        guard depth < 8 else { return [:] }
        let resolved = resolve(schema)
        var result: OrderedDictionary<String, JSONValue> = [:]
        for (name, property) in resolved["properties"]?.objectValue ?? [:] { result[name] = property }
        for part in resolved["allOf"]?.arrayValue ?? [] {
            for (name, property) in resolvedProperties(of: part, depth: depth + 1) where result[name] == nil { result[name] = property }
        }
        return result
    }

    /// The scalar members of a sent body that the read response declares (and does not
    /// mark `writeOnly`), as values to read back. Values a server may normalise (times,
    /// e-mail addresses, URIs, passwords, floating-point numbers) are left out: a
    /// difference there is not a bug. So are identifiers (`id`, `sku`, `accountId`): a
    /// server assigns or keeps its own, and the resource stays at its path id, unless the
    /// client chose the id (`clientChosen` names the path variable it fills).
    func readBackValues(sent: JSONValue, read: AssayCore.Operation?, clientChosen: String? = nil) -> [BodyValue] {
        guard let read, case .object(let body) = sent else { return [] }
        guard let response = read.responses.first(where: \.isSuccess),
            let media = response.content.first(where: { Self.isJSON($0.contentType) }), let schema = media.schema
        else { return [] }
        let declared = resolvedProperties(of: schema.value)
        var result: [BodyValue] = []
        for (name, value) in body {
            guard let property = declared[name] else { continue }
            if ResourceNaming.isIdentifierName(name) && !(clientChosen.map { ResourceNaming.namesIdentifier(name, variable: $0) } ?? false) { continue }
            let resolved = resolve(property)
            if resolved["writeOnly"] == .bool(true) { continue }
            if let format = resolved["format"]?.stringValue?.lowercased(),
                ["date-time", "date", "time", "email", "idn-email", "uri", "url", "password", "binary", "byte"].contains(format)
            {
                continue
            }
            switch value {
            case .string(let text) where !text.isEmpty && text.count <= 200: break
            case .integer, .bool: break
            default: continue
            }
            // A value the read's own schema refuses cannot come back: one path often serves
            // several resource types (Google's `/v1beta1/{name}` updates a version and reads
            // a domain), each with its own `status` enum.
            guard validator.isValid(value, against: property, schemaPointer: schema.pointer) else { continue }
            result.append(BodyValue(pointer: JSONPointer(tokens: [name]), value: .literal(value)))
            if result.count == 6 { break }
        }
        return result
    }

    // MARK: - Links

    /// One case per OpenAPI link of a success response: call the operation, then the linked
    /// one with the link's parameters.
    func linkCases(from operation: AssayCore.Operation) -> [TestCase] {
        var cases: [TestCase] = []
        for response in operation.responses where response.isSuccess {
            for link in response.links {
                guard let target = linkTarget(link) else { continue }
                var random = SeededRandom(seed: options.seed, stream: SeededRandom.hash("link \(operation.id) \(link.name)"))
                guard var first = try? factory.request(for: operation, fill: .required, random: &random),
                    var second = try? factory.request(for: target, fill: .required, random: &random)
                else { continue }
                // The source's path variables the link also feeds keep one value.
                var sourceStep = step(operation, first, expect: positiveExpectation(for: operation))
                var understood = true
                for (rawName, expression) in link.parameters {
                    let (location, name) = Self.linkParameterName(rawName)
                    let value: PlanValue
                    if case .string(let text) = expression, text.hasPrefix("$") {
                        if let source = Self.responseSource(text) {
                            // A pointer no body of the documented schema can have (`/id/`
                            // into an array of integers): no server can satisfy the link.
                            if case .body(let pointer) = source, !bodyCanHold(pointer, response: response) {
                                understood = false
                                break
                            }
                            let captureName = "\(link.name) \(name)"
                            sourceStep.captures.append(Capture(name: captureName, source: source))
                            value = .captured(captureName)
                        } else if let literal = Self.requestValue(text, request: first) {
                            value = .literal(literal)
                        } else {
                            understood = false
                            break
                        }
                    } else {
                        value = .literal(expression)
                    }
                    if !Self.set(&second, location: location, name: name, value: value, target: target) {
                        understood = false
                        break
                    }
                }
                guard understood, !link.parameters.isEmpty else { continue }
                first = sourceStep.request
                let key = Self.key(of: operation)
                cases.append(
                    TestCase(
                        id: "\(key).flow.link-\(Self.slug(link.name))",
                        kind: .flow,
                        title: "\(operation.id) then \(target.id) through the link \(link.name)",
                        description: "Follows the OpenAPI link '\(link.name)' of \(operation.id)'s \(response.status) response: "
                            + "calls \(operation.id), passes what the link names to \(target.id), and expects both to "
                            + "succeed as documented.",
                        steps: [sourceStep, step(target, second, expect: positiveExpectation(for: target))]
                    ))
            }
        }
        return cases
    }

    /// Whether a JSON body of the response's documented schema can have a value at
    /// `pointer`: each token a declared property, a member an object schema allows, or an
    /// index into an array. A schema that does not say (no schema, `anyOf`/`oneOf`, a
    /// `$ref` Assay cannot follow) can.
    func bodyCanHold(_ pointer: JSONPointer, response: Response) -> Bool {
        guard let media = response.content.first(where: { Self.isJSON($0.contentType) }), var schema = media.schema?.value else {
            return true
        }
        for token in pointer.tokens {
            schema = resolve(schema)
            guard case .object(let keywords) = schema, keywords["anyOf"] == nil, keywords["oneOf"] == nil else { return true }
            let types: [String] = switch keywords["type"] {
            case .string(let type)?: [type]
            case .array(let list)?: list.compactMap(\.stringValue)
            default: []
            }
            let properties = resolvedProperties(of: schema)
            if let property = properties[token] {
                schema = property
            } else if types.contains("array") || (types.isEmpty && keywords["items"] != nil) {
                guard !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
                schema = keywords["items"] ?? .object([:])
            } else if types.isEmpty || types.contains("object") {
                if case .bool(false)? = keywords["additionalProperties"] { return false }
                schema = keywords["additionalProperties"].flatMap { $0.objectValue == nil ? nil : $0 } ?? .object([:])
            } else {
                return false
            }
        }
        return true
    }

    /// The operation a link targets, by `operationId` or by a local `operationRef`.
    func linkTarget(_ link: Link) -> AssayCore.Operation? {
        let target: AssayCore.Operation?
        if let id = link.operationID {
            target = model.operation(withID: id)
        } else {
            guard let reference = link.operationRef, reference.hasPrefix("#"), let pointer = JSONPointer(reference) else { return nil }
            target = model.operations.first { $0.pointer == pointer }
        }
        return target.flatMap { shadowedBy[$0.id] == nil ? $0 : nil }
    }

    /// The expression a link gives for a path variable (`petId` or `path.petId`).
    static func linkParameter(_ link: Link, named name: String) -> String? {
        for (key, value) in link.parameters {
            let (location, parameter) = linkParameterName(key)
            guard parameter == name, location == nil || location == .path, case .string(let text) = value else { continue }
            return text
        }
        return nil
    }

    /// `path.petId` → (.path, `petId`); `petId` → (nil, `petId`).
    static func linkParameterName(_ key: String) -> (AssayCore.Parameter.Location?, String) {
        if let dot = key.firstIndex(of: "."), let location = AssayCore.Parameter.Location(rawValue: String(key[..<dot])) {
            return (location, String(key[key.index(after: dot)...]))
        }
        return (nil, key)
    }

    /// `$response.body#/id` or `$response.header.Location` as a capture source.
    static func responseSource(_ expression: String) -> Capture.Source? {
        if expression.hasPrefix("$response.body#") {
            return JSONPointer(String(expression.dropFirst("$response.body#".count))).map { .body($0) }
        }
        if expression.hasPrefix("$response.header.") {
            let name = String(expression.dropFirst("$response.header.".count))
            return name.isEmpty ? nil : .header(name)
        }
        return nil
    }

    /// A `$request.…` expression's value in a literal request.
    static func requestValue(_ expression: String, request: RequestTemplate) -> JSONValue? {
        func literal(_ parameters: [RequestTemplate.Parameter], _ name: String) -> JSONValue? {
            guard case .literal(let value)? = parameters.first(where: { $0.name == name })?.value else { return nil }
            return value
        }
        if expression.hasPrefix("$request.path.") { return literal(request.pathParameters, String(expression.dropFirst("$request.path.".count))) }
        if expression.hasPrefix("$request.query.") { return literal(request.query, String(expression.dropFirst("$request.query.".count))) }
        if expression.hasPrefix("$request.header.") { return literal(request.headers, String(expression.dropFirst("$request.header.".count))) }
        if expression.hasPrefix("$request.body#"), case .literal(let body)? = request.body?.value,
            let pointer = JSONPointer(String(expression.dropFirst("$request.body#".count)))
        {
            return body.value(at: pointer)
        }
        return nil
    }

    /// Sets a link parameter on the target request: the named location, else wherever the
    /// target declares a parameter of that name. `false` when it has none.
    static func set(
        _ request: inout RequestTemplate,
        location: AssayCore.Parameter.Location?,
        name: String,
        value: PlanValue,
        target: AssayCore.Operation
    ) -> Bool {
        let declared = target.parameters.first { $0.name == name && (location == nil || $0.location == location) }
        let place = declared?.location ?? (target.pathVariables.contains(name) ? .path : nil)
        guard let place else { return false }
        let entry = RequestTemplate.Parameter(name: name, value: value, explode: declared?.explode ?? true)
        func put(_ list: inout [RequestTemplate.Parameter]) {
            if let index = list.firstIndex(where: { $0.name == name }) { list[index].value = value } else { list.append(entry) }
        }
        switch place {
        case .path: put(&request.pathParameters)
        case .query: put(&request.query)
        case .header: put(&request.headers)
        case .cookie: put(&request.cookies)
        }
        return true
    }

    // MARK: - Words

    /// The resource's name in the singular: `pet`.
    static func noun(of resource: Resource) -> String {
        ResourceNaming.noun(ofCollection: resource.collection)
    }

    static func describe(_ source: IdentifierSource?) -> String {
        switch source {
        case .response(.body(let pointer))?: return "the create response's body at \(pointer)"
        case .response(.header(let name))?: return "the create response's \(name) header"
        case .request?: return "the create request, which chooses it"
        case nil: return "nowhere"
        }
    }

    /// "a" or "an" before a word.
    static func article(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }

    /// "a, b and c".
    static func sentence(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }
}
