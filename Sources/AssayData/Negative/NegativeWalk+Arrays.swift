import AssayCore
import OrderedCollections

extension NegativeWalk {
    /// `minItems`, `maxItems` and `uniqueItems`.
    mutating func proposeArray(_ array: [JSONValue], at pointer: JSONPointer, _ node: NegativeSchemaNode, _ set: NegativeNodeSet) {
        let place = NegativeText.place(pointer)
        let unique = set.nodes.contains { $0.schema["uniqueItems"] == .bool(true) }
        let room = set.nodes.compactMap { Self.count($0.schema["maxItems"]) }.min() ?? Int.max
        if let minimum = Self.count(node.schema["minItems"]), minimum >= 1, array.count >= minimum {
            submit(
                attempt(.tooFewItems, "minItems", node, pointer, [.array(Array(array.prefix(minimum - 1)))]) { _ in
                    "an array of \(minimum - 1) items is below minItems \(minimum) at \(place)"
                },
                node
            )
        }
        if let maximum = Self.count(node.schema["maxItems"]), maximum >= 0, maximum < maxBuiltItems, !array.isEmpty,
            array.count <= maximum
        {
            var larger = array
            var round = 1
            while larger.count <= maximum {
                let source = array[(larger.count - array.count) % array.count]
                // Repeats must differ from every item when items must be unique.
                larger.append(unique ? Self.distinct(source, round: round) : source)
                if (larger.count - array.count) % array.count == 0 { round += 1 }
            }
            submit(
                attempt(.tooManyItems, "maxItems", node, pointer, [.array(larger)]) { _ in
                    "an array of \(maximum + 1) items is above maxItems \(maximum) at \(place)"
                },
                node
            )
        }
        if node.schema["uniqueItems"] == .bool(true), let first = array.first {
            var candidates: [JSONValue] = []
            if array.count < room { candidates.append(.array(array + [first])) }
            if array.count >= 2 { candidates.append(.array(array.dropLast() + [first])) }
            submit(
                attempt(.duplicateItems, "uniqueItems", node, pointer, candidates) { _ in
                    "item 0 repeated although items must be unique at \(place)"
                },
                node
            )
        }
    }

    /// A copy of `item` changed just enough to differ from the items it was copied from.
    static func distinct(_ item: JSONValue, round: Int) -> JSONValue {
        switch item {
        case .integer(let int): return .integer(int &+ round * 1_000_003)
        case .double(let double): return .double(double + Double(round) * 1_000_003)
        case .string(let string): return .string(string + String(round))
        case .bool: return item
        case .object(var object):
            object["copy\(round)"] = .integer(round)
            return .object(object)
        case .array(let elements): return .array(elements + [.integer(round)])
        case .null: return item
        }
    }
}
