import AssayCore

extension ValueBuilder {
    /// An array meeting the item schemas, the count bounds, `uniqueItems` and `contains`.
    mutating func array(_ shape: SchemaShape, name: String?, path: JSONPointer, references: Int) throws(DataError) -> JSONValue {
        let upper = shape.noExtraItems ? min(shape.maxItems ?? .max, shape.prefixItems.count) : shape.maxItems
        if let upper, upper < shape.minItems {
            throw DataError(
                .unsatisfiable,
                "no array at \(Self.place(path)) has at least \(shape.minItems) and at most \(upper) items",
                details: ["minItems \(shape.minItems)", shape.noExtraItems ? "items/additionalItems false" : "maxItems \(upper)"]
            )
        }
        let needed = max(shape.minItems, shape.contains.isEmpty ? 0 : shape.minContains)
        // Past the reference depth bound, recursive arrays stay as small as allowed.
        let deep = references > options.maxReferenceDepth
        let natural = deep ? needed : random.int(in: 1...3)
        let count = min(max(needed, natural), upper ?? .max)

        var items: [JSONValue] = []
        var seen: Set<String> = []
        var containsLeft = shape.contains.isEmpty ? 0 : min(count, shape.minContains)
        var index = 0
        var failures = 0
        while items.count < count {
            var schemas: [JSONValue]
            if index < shape.prefixItems.count {
                schemas = shape.prefixItems[index]
            } else {
                schemas = shape.items
            }
            // The first items satisfy `contains` (beyond the prefix, where the item schema allows).
            if containsLeft > 0 && index >= shape.prefixItems.count {
                schemas += shape.contains
            }
            let itemPath = path.appending(items.count)
            let item: JSONValue
            do {
                item = try value(schemas, name: name.map(Self.singular), path: itemPath, references: references)
            } catch {
                // An optional item that cannot be built: stop at what the bounds require.
                if items.count >= shape.minItems && containsLeft == 0 { break }
                throw error
            }
            if shape.uniqueItems {
                let key = JSONEquality.key(item)
                if seen.contains(key) {
                    failures += 1
                    if failures > 32 + 16 * count {
                        if items.count >= needed { break }
                        throw DataError(
                            .unsatisfiable,
                            "could not find \(needed) distinct items for the array at \(Self.place(path))",
                            details: ["uniqueItems", "minItems \(shape.minItems)"]
                        )
                    }
                    continue
                }
                seen.insert(key)
            }
            if containsLeft > 0 && index >= shape.prefixItems.count { containsLeft -= 1 }
            items.append(item)
            index += 1
        }
        return .array(items)
    }

    /// `tags` → `tag`, `categories` → `category`: items of a plural property are singular things.
    static func singular(_ name: String) -> String {
        if name.hasSuffix("ies") && name.count > 4 { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("ses") || name.hasSuffix("xes") { return String(name.dropLast(2)) }
        if name.hasSuffix("s") && !name.hasSuffix("ss") && name.count > 3 { return String(name.dropLast()) }
        return name
    }
}
