public import AssayCore
import Foundation
import OrderedCollections

/// How an API changed between two versions of its description, operation by operation,
/// with the changes that break existing clients flagged.
///
/// Built from operation contracts (a previous plan's, or a description's own), so a plan
/// committed last month is enough to diff against today's description. Operations are
/// matched by method and path.
public struct SpecDiff: Sendable, Hashable {
    /// Operations only the new description has.
    public var added: [String]
    /// Operations only the old description had: each is also a breaking change.
    public var removed: [String]
    /// Operations in both whose definition changed, with what changed.
    public var changed: [ChangedOperation]
    /// Operations in both with the same fingerprint.
    public var unchanged: [String]

    public init(added: [String] = [], removed: [String] = [], changed: [ChangedOperation] = [], unchanged: [String] = []) {
        self.added = added
        self.removed = removed
        self.changed = changed
        self.unchanged = unchanged
    }

    /// Every breaking change: removed operations first, then those of changed operations.
    public var breakingChanges: [BreakingChange] {
        removed.map { BreakingChange(operation: $0, kind: .removedOperation, detail: "the operation was removed") }
            + changed.flatMap(\.breaking)
    }

    /// Whether anything changed at all.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

/// An operation whose definition changed.
public struct ChangedOperation: Sendable, Hashable {
    /// `GET /pets/{petId}`.
    public var operation: String
    /// The changes that break existing clients.
    public var breaking: [BreakingChange]
    /// Other changes the contracts show (a new optional parameter, a new response, …);
    /// empty when only the wording or something deeper than the contracts record changed.
    public var notes: [String]

    public init(operation: String, breaking: [BreakingChange], notes: [String]) {
        self.operation = operation
        self.breaking = breaking
        self.notes = notes
    }
}

/// A change that breaks clients written against the old description.
public struct BreakingChange: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The operation is gone.
        case removedOperation = "removed-operation"
        /// A documented response status is gone.
        case removedResponse = "removed-response"
        /// A parameter, body or body member is now required.
        case newRequired = "new-required"
        /// An enum allows fewer values (or a free value became an enum).
        case narrowedEnum = "narrowed-enum"
        /// A value's type changed in a way old clients do not handle.
        case changedType = "changed-type"
        /// A media type the operation took or gave is gone.
        case removedMediaType = "removed-media-type"
    }

    public var operation: String
    public var kind: Kind
    /// What exactly, and where: "query parameter limit is now required".
    public var detail: String

    public init(operation: String, kind: Kind, detail: String) {
        self.operation = operation
        self.kind = kind
        self.detail = detail
    }
}

extension SpecDiff {
    /// The diff from `old` to `new` contracts.
    public init(from old: [OperationContract], to new: [OperationContract]) {
        let before = Dictionary(old.map { ($0.operation, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.map(\.operation))
        self.init()
        for contract in new {
            guard let previous = before[contract.operation] else {
                added.append(contract.operation)
                continue
            }
            if previous.fingerprint == contract.fingerprint {
                unchanged.append(contract.operation)
            } else {
                changed.append(ContractComparison(old: previous, new: contract).result)
            }
        }
        removed = old.map(\.operation).filter { !after.contains($0) }
    }
}

/// Compares two contracts of one operation.
struct ContractComparison {
    let old: OperationContract
    let new: OperationContract
    private(set) var breaking: [BreakingChange] = []
    private(set) var notes: [String] = []

    init(old: OperationContract, new: OperationContract) {
        self.old = old
        self.new = new
        compareParameters()
        compareBody()
        compareResponses()
    }

    var result: ChangedOperation {
        ChangedOperation(operation: new.operation, breaking: breaking, notes: notes)
    }

    private mutating func flag(_ kind: BreakingChange.Kind, _ detail: String) {
        breaking.append(BreakingChange(operation: new.operation, kind: kind, detail: detail))
    }

    private mutating func compareParameters() {
        func key(_ parameter: ParameterContract) -> String { parameter.location.rawValue + " " + parameter.name.lowercased() }
        let before = Dictionary(old.parameters.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.parameters.map(key))
        for parameter in new.parameters {
            guard let previous = before[key(parameter)] else {
                if parameter.required {
                    flag(.newRequired, "new required \(parameter.label)")
                } else {
                    notes.append("new optional \(parameter.label)")
                }
                continue
            }
            if parameter.required && !previous.required { flag(.newRequired, "\(parameter.label) is now required") }
            if !parameter.required && previous.required { notes.append("\(parameter.label) is now optional") }
            compareSchema(previous.schema, parameter.schema, of: parameter.label, direction: .request)
        }
        for parameter in old.parameters where !after.contains(key(parameter)) {
            notes.append("\(parameter.label) was removed")
        }
    }

    private mutating func compareBody() {
        switch (old.body, new.body) {
        case (nil, let body?):
            if body.required { flag(.newRequired, "a request body is now required") } else { notes.append("new optional request body") }
        case (.some, nil):
            notes.append("the request body was removed")
        case (let previous?, let body?):
            if body.required && !previous.required { flag(.newRequired, "the request body is now required") }
            for type in previous.mediaTypes where !body.mediaTypes.contains(where: { Self.sameMediaType($0, type) }) {
                flag(.removedMediaType, "the request body is no longer taken as \(type)")
            }
            compareSchema(previous.schema, body.schema, of: "the request body", direction: .request)
        case (nil, nil):
            break
        }
    }

    private mutating func compareResponses() {
        for (status, previous) in old.responses {
            guard let response = new.responses[status] else {
                // A range or `default` still covering the status keeps clients working.
                let covered = Self.covering(status).contains { new.responses[$0] != nil }
                if covered {
                    notes.append("response \(status) is now covered by \(Self.covering(status).first { new.responses[$0] != nil }!)")
                } else {
                    flag(.removedResponse, "response \(status) was removed")
                }
                continue
            }
            for type in previous.mediaTypes where !response.mediaTypes.contains(where: { Self.sameMediaType($0, type) }) {
                flag(.removedMediaType, "response \(status) is no longer given as \(type)")
            }
            compareSchema(previous.schema, response.schema, of: "response \(status)", direction: .response)
        }
        for status in new.responses.keys where old.responses[status] == nil {
            notes.append("new response \(status)")
        }
    }

    /// Which way values flow: clients send requests and read responses, so a change is
    /// breaking when a value they used to send is now refused, or a value they may now
    /// read is one they never expected.
    enum Direction { case request, response }

    private mutating func compareSchema(_ before: SchemaFacts, _ after: SchemaFacts, of subject: String, direction: Direction) {
        for (place, fact) in after.entries {
            let at = place.isEmpty ? subject : "\(place) in \(subject)"
            guard let previous = before.entries[place] else {
                // Only when the old facts were complete: past the cap, a member missing
                // from them may simply not have been recorded.
                if direction == .request, before.entries.count < SchemaFacts.maxEntries,
                    let parent = Self.parent(of: place), let owner = after.entries[parent],
                    owner.required.contains(Self.lastName(of: place)), before.entries[parent] != nil
                {
                    flag(.newRequired, "new required member \(at)")
                }
                continue
            }
            compareTypes(previous.types, fact.types, at: at, direction: direction)
            compareEnums(previous.enumValues, fact.enumValues, at: at, direction: direction)
            if direction == .request {
                // A member newly required in what clients send; members that are new
                // altogether are reported above.
                for name in fact.required where !previous.required.contains(name) && before.entries[Self.child(place, name)] != nil {
                    flag(.newRequired, "\(Self.child(place, name)) in \(subject) is now required")
                }
            }
        }
    }

    private mutating func compareTypes(_ before: [String], _ after: [String], at place: String, direction: Direction) {
        guard before != after else { return }
        let old = Set(before)
        let new = Set(after)
        let broken: Bool
        switch direction {
        // Requests: something clients could send is no longer allowed.
        case .request: broken = before.isEmpty ? !after.isEmpty : !old.isSubset(of: new) && !new.isEmpty
        // Responses: something clients may now receive they never expected.
        case .response: broken = after.isEmpty ? !before.isEmpty : !new.isSubset(of: old) && !old.isEmpty
        }
        let describe = { (types: [String]) in types.isEmpty ? "any type" : types.filter { $0 != "integer" || !types.contains("number") }.joined(separator: " or ") }
        let text = "the type of \(place) changed from \(describe(before)) to \(describe(after))"
        if broken { flag(.changedType, text) } else { notes.append(text) }
    }

    private mutating func compareEnums(_ before: [JSONValue]?, _ after: [JSONValue]?, at place: String, direction: Direction) {
        switch (before, after) {
        case (nil, let values?):
            let text = "\(place) is now limited to \(Self.list(values))"
            if direction == .request { flag(.narrowedEnum, text) } else { notes.append(text) }
        case (let previous?, let values?):
            let dropped = previous.filter { !values.contains($0) }
            let added = values.filter { !previous.contains($0) }
            if !dropped.isEmpty {
                let text = "\(place) no longer allows \(Self.list(dropped))"
                if direction == .request { flag(.narrowedEnum, text) } else { notes.append(text) }
            }
            if !added.isEmpty { notes.append("\(place) now also allows \(Self.list(added))") }
        case (.some, nil):
            notes.append("\(place) is no longer limited to fixed values")
        case (nil, nil):
            break
        }
    }

    /// `2XX` and `default` for `201`; `default` for `2XX`.
    static func covering(_ status: String) -> [String] {
        if let code = Int(status) { return ["\(code / 100)XX", "default"] }
        return status == "default" ? [] : ["default"]
    }

    static func sameMediaType(_ a: String, _ b: String) -> Bool {
        TestPlanner.bareMediaType(a) == TestPlanner.bareMediaType(b)
    }

    static func parent(of place: String) -> String? {
        guard let slash = place.lastIndex(of: "/") else { return nil }
        return String(place[..<slash])
    }

    static func lastName(of place: String) -> String {
        let token = place.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? place
        return JSONPointer("/" + token)?.tokens.first ?? token
    }

    static func child(_ place: String, _ name: String) -> String {
        place + "/" + JSONPointer.escaped(name)
    }

    static func list(_ values: [JSONValue]) -> String {
        let shown = values.prefix(8).map { JSONWriter().string($0) }.joined(separator: ", ")
        return values.count > 8 ? shown + " and \(values.count - 8) more" : shown
    }
}
