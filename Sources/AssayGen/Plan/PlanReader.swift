import AssayCore
import Foundation
import OrderedCollections

/// Reads one JSON object of a plan strictly: a missing or mistyped member is a
/// ``PlanError`` that names its pointer.
struct PlanReader {
    let value: JSONValue
    let pointer: JSONPointer

    func error(_ message: String, key: String?) -> PlanError {
        PlanError(.malformedPlan, message, at: key.map { pointer.appending($0) } ?? pointer)
    }

    private func member(_ key: String) throws(PlanError) -> JSONValue {
        guard case .object(let object) = value else { throw error("expected an object", key: nil) }
        guard let member = object[key] else { throw error("missing \"\(key)\"", key: nil) }
        return member
    }

    func string(_ key: String) throws(PlanError) -> String {
        guard case .string(let string) = try member(key) else { throw error("\"\(key)\" must be a string", key: key) }
        return string
    }

    func optionalString(_ key: String) throws(PlanError) -> String? {
        guard let member = value[key], member != .null else { return nil }
        guard case .string(let string) = member else { throw error("\"\(key)\" must be a string", key: key) }
        return string
    }

    func int(_ key: String) throws(PlanError) -> Int {
        guard let int = try member(key).intValue else { throw error("\"\(key)\" must be an integer", key: key) }
        return int
    }

    func optionalInt(_ key: String) throws(PlanError) -> Int? {
        guard let member = value[key], member != .null else { return nil }
        guard let int = member.intValue else { throw error("\"\(key)\" must be an integer", key: key) }
        return int
    }

    func optionalBool(_ key: String) throws(PlanError) -> Bool? {
        guard let member = value[key], member != .null else { return nil }
        guard case .bool(let bool) = member else { throw error("\"\(key)\" must be true or false", key: key) }
        return bool
    }

    func pointer(_ key: String) throws(PlanError) -> JSONPointer {
        let text = try string(key)
        guard let pointer = JSONPointer(text) else { throw error("\"\(key)\" must be a JSON pointer, not '\(text)'", key: key) }
        return pointer
    }

    func object(_ key: String) throws(PlanError) -> PlanReader {
        let member = try member(key)
        guard case .object = member else { throw error("\"\(key)\" must be an object", key: key) }
        return PlanReader(value: member, pointer: pointer.appending(key))
    }

    func optionalObject(_ key: String) throws(PlanError) -> PlanReader? {
        guard value[key] != nil, value[key] != .null else { return nil }
        return try object(key)
    }

    func array(_ key: String) throws(PlanError) -> [PlanReader] {
        guard case .array(let items) = try member(key) else { throw error("\"\(key)\" must be an array", key: key) }
        let base = pointer.appending(key)
        return items.enumerated().map { PlanReader(value: $1, pointer: base.appending($0)) }
    }

    func optionalArray(_ key: String) throws(PlanError) -> [PlanReader]? {
        guard value[key] != nil, value[key] != .null else { return nil }
        return try array(key)
    }

    func asInt() throws(PlanError) -> Int {
        guard let int = value.intValue else { throw error("expected an integer", key: nil) }
        return int
    }

    func asString() throws(PlanError) -> String {
        guard case .string(let string) = value else { throw error("expected a string", key: nil) }
        return string
    }
}
