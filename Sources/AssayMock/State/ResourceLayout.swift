import AssayCore
import Foundation
import OrderedCollections

/// What an operation does to the mock's resources, and where the id sits in its bodies.
///
/// A resource is an item path whose last segment is one variable (`/pets/{petId}`); a
/// `POST` on its collection (`/pets`) creates one, the item path's operations read,
/// replace, update and delete it, and a `PUT` on the item path may create it under the
/// name the client chose. Where the created id is found follows what a test planner reads
/// in the description, in the same order: an OpenAPI link of the create response
/// (`$response.body#/id`, `$response.header.…`, `$request.…`), a response member the path
/// variable names (`id` for `petId`, at the top or inside `data`, `result`, `item` or the
/// resource's own name), else a member of the create request that names it.
struct ResourceLayout: Sendable {
    enum Role: Sendable {
        /// Not part of a resource: answered from its response schema alone.
        case other
        /// A `POST` on a collection whose item path is known.
        case create(item: String, variable: String)
        /// An operation on an item path.
        case item(variable: String)
    }

    /// Where the create response gives the new id.
    enum IdentifierPlace: Sendable, Equatable {
        case body(JSONPointer)
        case header(String)
        /// The create request chose it (a member of its body, by this pointer).
        case request(JSONPointer)
    }

    var role: Role = .other
    /// The create's: where the id of the created resource travels.
    var identifier: IdentifierPlace?
    /// Where the member the path variable names sits in this operation's success body
    /// (`/id`, `/data/id`): the id is written there, and its parent holds the resource's members.
    var responseIdentifier: JSONPointer?

    /// The layout of every operation of the model, by index.
    static func layouts(of model: APIModel, lookup: SchemaLookup) -> [ResourceLayout] {
        var byPath: [String: [HTTPMethod: AssayCore.Operation]] = [:]
        for operation in model.operations { byPath[operation.path, default: [:]][operation.method] = operation }
        return model.operations.map { operation in
            let item = splitItemPath(operation.path).map { variable in
                ResourceLayout(
                    role: .item(variable: variable.variable),
                    responseIdentifier: identifierPointer(of: operation, variable: variable.variable, noun: noun(of: operation.path), lookup: lookup))
            }
            // A POST creates when an item path lies under its path, even when its own last
            // segment is a variable (`POST /configs/{accountId}` → `/configs/{accountId}/{configId}`).
            guard operation.method == .post else { return item ?? ResourceLayout() }
            var collection = Substring(operation.path)
            while collection.count > 1 && collection.hasSuffix("/") { collection = collection.dropLast() }
            // Several item paths may sit under the collection with differently named
            // variables (`/versions/{version}` for DELETE, `/versions/{versionoralias}` for
            // GET): the first whose variable the create's answer or request names wins, as
            // that is where the new id can be read.
            var first: ResourceLayout?
            for (path, operations) in byPath.sorted(by: { $0.key < $1.key }) {
                guard let (itemCollection, variable) = splitItemPath(path), itemCollection == collection,
                    operations[.get] != nil || operations[.delete] != nil || operations[.put] != nil || operations[.patch] != nil
                else { continue }
                var candidate = ResourceLayout(role: .create(item: path, variable: variable))
                candidate.responseIdentifier = identifierPointer(of: operation, variable: variable, noun: noun(of: path), lookup: lookup)
                candidate.identifier = identifierPlace(operation, itemOperations: Array(operations.values), variable: variable, model: model)
                    ?? candidate.responseIdentifier.map(IdentifierPlace.body)
                    ?? requestIdentifier(operation, variable: variable, lookup: lookup)
                if candidate.identifier != nil { return candidate }
                if first == nil { first = candidate }
            }
            return first ?? item ?? ResourceLayout()
        }
    }

    /// `/pets/{petId}` → (`/pets`, `petId`); `nil` unless the last segment is exactly one variable.
    static func splitItemPath(_ path: String) -> (collection: String, variable: String)? {
        // A trailing slash (`/aquifers/{id}/`) names the same item.
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
        guard let slash = path.lastIndex(of: "/") else { return nil }
        let segment = path[path.index(after: slash)...]
        guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2,
            !segment.dropFirst().dropLast().contains(where: { $0 == "{" || $0 == "}" })
        else { return nil }
        let collection = String(path[..<slash])
        return (collection.isEmpty ? "/" : collection, String(segment.dropFirst().dropLast()))
    }

    /// A link of the create's success responses to an item operation, for the variable.
    private static func identifierPlace(_ create: AssayCore.Operation, itemOperations: [AssayCore.Operation], variable: String, model: APIModel) -> IdentifierPlace? {
        for response in create.responses where response.isSuccess {
            for link in response.links {
                let target: AssayCore.Operation?
                if let id = link.operationID {
                    target = model.operation(withID: id)
                } else if let reference = link.operationRef, reference.hasPrefix("#"), let pointer = JSONPointer(reference) {
                    target = model.operations.first { $0.pointer == pointer }
                } else {
                    target = nil
                }
                guard let target, itemOperations.contains(where: { $0.id == target.id }) else { continue }
                for (key, value) in link.parameters {
                    let name = key.split(separator: ".", maxSplits: 1).last.map(String.init) ?? key
                    guard name == variable, case .string(let expression) = value else { continue }
                    if expression.hasPrefix("$response.body#"), let pointer = JSONPointer(String(expression.dropFirst("$response.body#".count))) {
                        return .body(pointer)
                    }
                    if expression.hasPrefix("$response.header."), expression.count > "$response.header.".count {
                        return .header(String(expression.dropFirst("$response.header.".count)))
                    }
                    if expression.hasPrefix("$request.body#"), let pointer = JSONPointer(String(expression.dropFirst("$request.body#".count))) {
                        return .request(pointer)
                    }
                }
            }
        }
        return nil
    }

    /// A member of the create request body naming the variable (`username` for `{username}`).
    private static func requestIdentifier(_ create: AssayCore.Operation, variable: String, lookup: SchemaLookup) -> IdentifierPlace? {
        guard let media = create.requestBody?.content.first(where: { MediaTypeText.isJSON($0.contentType) }) ?? create.requestBody?.content.first,
            let schema = media.schema
        else { return nil }
        let name = lookup.properties(of: schema.value).keys.first { ResourceNaming.namesIdentifier($0, variable: variable) }
        return name.map { .request(JSONPointer(tokens: [$0])) }
    }

    /// The member of the operation's success body the variable names (``ResourceNaming``).
    private static func identifierPointer(of operation: AssayCore.Operation, variable: String, noun: String, lookup: SchemaLookup) -> JSONPointer? {
        for response in operation.responses where response.isSuccess {
            guard let media = response.content.first(where: { MediaTypeText.isJSON($0.contentType) }), let schema = media.schema else { continue }
            if let pointer = ResourceNaming.identifierPointer(
                in: lookup.properties(of: schema.value), variable: variable, noun: noun, members: { lookup.properties(of: $0) }, resolve: lookup.resolve)
            {
                return pointer
            }
        }
        return nil
    }

    /// The resource's name in the singular: `pet` for `/pets/{petId}`.
    static func noun(of itemPath: String) -> String {
        ResourceNaming.noun(ofCollection: splitItemPath(itemPath)?.collection ?? itemPath)
    }
}
