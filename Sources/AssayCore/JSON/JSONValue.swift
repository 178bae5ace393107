public import OrderedCollections

/// An ordered JSON object: member order is the order of the source document.
///
/// Order is kept because it is what a person reading the spec sees, and because
/// everything Assay derives from a document (operations, plans, emitted tests) must be
/// reproducible byte for byte.
public typealias JSONObject = OrderedDictionary<String, JSONValue>

/// A JSON value: the generic tree every API description is parsed into.
///
/// YAML and JSON sources both become a `JSONValue`; the Swagger 2.0 converter, the
/// reference resolver and the model builder all work on it. Integers that fit in `Int`
/// stay integers so that `maximum: 9007199254740993` keeps its exact value.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

extension JSONValue {
    /// The members of an object, or `nil` for any other kind of value.
    @inlinable public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements of an array, or `nil` for any other kind of value.
    @inlinable public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { return array }
        return nil
    }

    /// The string, or `nil` for any other kind of value.
    @inlinable public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The boolean, or `nil` for any other kind of value.
    @inlinable public var boolValue: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The number as a `Double`, for integers and doubles alike.
    @inlinable public var doubleValue: Double? {
        switch self {
        case .integer(let int): return Double(int)
        case .double(let double): return double
        default: return nil
        }
    }

    /// The number as an `Int` when it is integral.
    @inlinable public var intValue: Int? {
        switch self {
        case .integer(let int): return int
        case .double(let double):
            guard double.rounded() == double, let int = Int(exactly: double) else { return nil }
            return int
        default: return nil
        }
    }

    /// Whether this is `null`.
    @inlinable public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The member `key` of an object, or `nil`.
    @inlinable public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array, or `nil`.
    @inlinable public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// A short name of the value's kind, for messages: "object", "array", "string", …
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The value that `pointer` designates inside this one, or `nil` when a token does not match.
    public func value(at pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let array):
                guard let index = Int(token), array.indices.contains(index) else { return nil }
                current = array[index]
            default:
                return nil
            }
        }
        return current
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(nilLiteral: ()) { self = .null }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        var object = JSONObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
