import AssayCore
import AssayData
import Foundation
import OrderedCollections

extension TestPlanner {
    /// The resource whose instance `operation` acts on: the one whose item path is the
    /// operation's path, or the longest one its path continues (`/pets/{petId}/photos` acts
    /// on a pet). `nil` for an operation that creates that resource itself, or on no
    /// resource's instance, or when that resource is made by a `PUT` on its own item path:
    /// that is also how paths that hold no resource look (httpbin's `/status/{codes}`, whose
    /// `PUT` "creates"), and a case there would only test the `PUT`.
    func instanceResource(of operation: AssayCore.Operation) -> Resource? {
        var best: Resource?
        for (item, resource) in resourcesByItem {
            let onItem = operation.path == item && resource.create.id != operation.id
            guard onItem || operation.path.hasPrefix(item.hasSuffix("/") ? item : item + "/") else { continue }
            if best.map({ item.count > $0.item.count }) ?? true { best = resource }
        }
        guard let best, !best.createsAtItem else { return nil }
        return best
    }

    /// `testCase` on a resource that exists: when its operation acts on an instance of a
    /// resource the description can create, the steps that create it (parents first) come
    /// before the case's own, whose path then names what was created.
    ///
    /// Without them the path holds an id made up for the request, which a real server
    /// answers 404, and a valid request would be reported as rejected (the mock reads an id
    /// it never saw as if it existed, so a run against it does not show this). Each case
    /// creates its own resource: cases run in any order, at once, and a `DELETE` case
    /// removes what it was given.
    func withSetup(_ testCase: TestCase, for operation: AssayCore.Operation, random: inout SeededRandom) -> TestCase {
        guard let resource = instanceResource(of: operation), let last = testCase.steps.last, testCase.steps.count == 1,
            let creation = create(resource, resources: resourcesByItem, depth: 0, random: &random)
        else { return testCase }
        var step = last
        bind(&step.request, creation.bindings)
        // An id the client chose travels in an update's body too: it must be the created one
        // (where the member holds the same kind of value: a `GET` body's `barcode` may be a
        // list of them).
        if operation.path == resource.item, [.put, .patch].contains(operation.method), case .request(let value) = creation.source,
            case .literal(.object(var object))? = step.request.body?.value,
            let member = object.keys.first(where: { ResourceNaming.namesIdentifier($0, variable: resource.variable) }),
            Self.sameKind(object[member], value)
        {
            object[member] = value
            step.request.body?.value = .literal(.object(object))
        }
        var result = testCase
        result.steps = creation.steps + [step]
        let noun = Self.noun(of: resource)
        let creates = Self.sentence(creation.steps.map { $0.operationID ?? $0.operation })
        result.description += " It first creates the \(noun) it acts on (\(creates)) and sends its id, from "
            + "\(Self.describe(creation.source)), so that a server that keeps what it stores has it."
        return result
    }

    /// Whether two values are both strings or both integers.
    static func sameKind(_ a: JSONValue?, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.string?, .string), (.integer?, .integer): return true
        default: return false
        }
    }
}
