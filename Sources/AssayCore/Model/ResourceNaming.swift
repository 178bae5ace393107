import Foundation
public import OrderedCollections

/// Where a description keeps a resource's id, read from names and shapes: the rules the
/// planner's flows and the mock's resource store share, so a flow looks for a created id
/// exactly where the mock puts it.
public enum ResourceNaming {
    /// Members a response may wrap the resource in, besides the resource's own noun.
    public static let wrappers = ["data", "result", "item"]

    /// Whether a member named `name` holds the value of path variable `variable`: the same
    /// name (case, `_` and `-` aside), or `id` for a variable ending in id (`petId`,
    /// `pet_id`, `id`).
    public static func namesIdentifier(_ name: String, variable: String) -> Bool {
        let member = normalized(name)
        let wanted = normalized(variable)
        return member == wanted || (member == "id" && wanted.hasSuffix("id"))
    }

    /// Whether a member name reads as an identifier a server may assign: `id`, `uuid`,
    /// `guid`, `sku`, `key`, or a name ending in `Id`, `ID`, `_id`, `-id`, `Uuid` or `_uuid`.
    public static func isIdentifierName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if ["id", "uuid", "guid", "sku", "key"].contains(lowered) { return true }
        return name.hasSuffix("Id") || name.hasSuffix("ID") || lowered.hasSuffix("_id") || lowered.hasSuffix("-id")
            || name.hasSuffix("Uuid") || lowered.hasSuffix("_uuid")
    }

    /// Lower-case letters and digits only.
    public static func normalized(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Whether a schema (its `$ref` already followed) holds a scalar an id can be.
    public static func isScalarIdentifier(_ resolved: JSONValue) -> Bool {
        switch resolved["type"] {
        case .string(let type)?: return type == "string" || type == "integer" || type == "number"
        case .array(let types)?: return types.contains(.string("string")) || types.contains(.string("integer"))
        default: return resolved["properties"] == nil && resolved["items"] == nil
        }
    }

    /// The resource's name in the singular, from its collection's last literal segment:
    /// `pet` for `/owners/{ownerId}/pets`.
    public static func noun(ofCollection collection: String) -> String {
        let segment = collection.split(separator: "/").last { !$0.hasPrefix("{") }.map(String.init) ?? "resource"
        if segment.hasSuffix("ies") && segment.count > 4 { return String(segment.dropLast(3)) + "y" }
        if segment.hasSuffix("s") && !segment.hasSuffix("ss") && segment.count > 2 { return String(segment.dropLast()) }
        return segment
    }

    /// The pointer of the member holding the id of `variable` in a body whose members are
    /// `properties`: at the top, or inside one wrapper (`data`, `result`, `item`, the noun).
    /// - Parameters:
    ///   - members: the members of a member's schema (references followed, `allOf` merged).
    ///   - resolve: a schema with its `$ref` chain followed.
    public static func identifierPointer(
        in properties: OrderedDictionary<String, JSONValue>,
        variable: String,
        noun: String,
        members: (JSONValue) -> OrderedDictionary<String, JSONValue>,
        resolve: (JSONValue) -> JSONValue
    ) -> JSONPointer? {
        let places: [(prefix: [String], members: OrderedDictionary<String, JSONValue>)] =
            [([], properties)] + (wrappers + [noun]).compactMap { wrapper in properties[wrapper].map { ([wrapper], members($0)) } }
        for (prefix, candidates) in places {
            if let name = candidates.keys.first(where: { namesIdentifier($0, variable: variable) }), isScalarIdentifier(resolve(candidates[name]!)) {
                return JSONPointer(tokens: prefix + [name])
            }
        }
        return nil
    }
}

extension Response {
    /// Whether the status is a 2xx (`201`, or the range `2XX`).
    public var isSuccess: Bool {
        statusCode.map { (200..<300).contains($0) } ?? (status.uppercased() == "2XX")
    }
}
