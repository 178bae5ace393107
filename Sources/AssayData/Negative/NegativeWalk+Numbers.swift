import AssayCore
import OrderedCollections

extension NegativeWalk {
    /// `minimum`, `maximum`, their exclusive forms, and `multipleOf`.
    mutating func proposeNumeric(_ value: JSONValue, at pointer: JSONPointer, _ node: NegativeSchemaNode, _ set: NegativeNodeSet) {
        let place = NegativeText.place(pointer)
        // Draft 4's boolean `exclusiveMinimum` makes `minimum` exclusive; the number form is a bound of its own.
        let exclusiveMinimum = isDraft4 && node.schema["exclusiveMinimum"] == .bool(true)
        let exclusiveMaximum = isDraft4 && node.schema["exclusiveMaximum"] == .bool(true)
        let bounds: [(keyword: String, below: Bool, exclusive: Bool)] = [
            ("minimum", true, exclusiveMinimum), ("exclusiveMinimum", true, true),
            ("maximum", false, exclusiveMaximum), ("exclusiveMaximum", false, true),
        ]
        for (keyword, below, exclusive) in bounds {
            guard let boundValue = node.schema[keyword], let bound = ScaledNumber(boundValue) else { continue }
            let step = gridStep(near: bound, set)
            var candidates: [JSONValue] = []
            if let step, let first = below ? bound.multiple(of: step, below: !exclusive) : bound.multiple(of: step, above: !exclusive) {
                candidates.append(first.jsonValue)
                let further = below ? step.negated : step
                if let further, let second = first.adding(further) { candidates.append(second.jsonValue) }
            }
            let rule: NegativeRule = below ? .belowMinimum : .aboveMaximum
            let relation =
                switch (below, exclusive) {
                case (true, false): "below the minimum"
                case (true, true): "not above the exclusive minimum"
                case (false, false): "above the maximum"
                case (false, true): "not below the exclusive maximum"
                }
            submit(
                attempt(rule, keyword, node, pointer, candidates) { "\(NegativeText.value($0)) is \(relation) \(bound.text) at \(place)" },
                node
            )
        }
        if let divisorValue = node.schema["multipleOf"], let divisor = ScaledNumber(divisorValue), divisor.isPositive,
            let own = ScaledNumber(value)
        {
            var offsets: [ScaledNumber] = []
            if isIntegerOnly(set) {
                // Integers one away are not multiples unless every integer is.
                if divisor != ScaledNumber(mantissa: 1, scale: 0) {
                    offsets = [ScaledNumber(mantissa: 1, scale: 0), ScaledNumber(mantissa: -1, scale: 0)]
                }
            } else if let half = divisor.half, let negated = half.negated {
                offsets = [half, negated]
            }
            let candidates = offsets.compactMap { own.adding($0)?.jsonValue }
            submit(
                attempt(.notMultipleOf, "multipleOf", node, pointer, candidates) {
                    "\(NegativeText.value($0)) is not a multiple of \(divisor.text) at \(place)"
                },
                node
            )
        }
    }

    /// Whether the value must be an integer (some schema says `integer` and not `number`).
    func isIntegerOnly(_ set: NegativeNodeSet) -> Bool {
        set.nodes.contains { node in
            let types = Self.typeNames(node.schema)
            return types.contains("integer") && !types.contains("number")
        }
    }

    /// The smallest step between values the other rules still accept near `bound`: the
    /// `multipleOf` (made integral for integers), 1 for integers, else one more decimal
    /// place than the bound has (`10` → 0.1, `1.5` → 0.01).
    func gridStep(near bound: ScaledNumber, _ set: NegativeNodeSet) -> ScaledNumber? {
        let integerOnly = isIntegerOnly(set)
        for node in set.nodes {
            guard let value = node.schema["multipleOf"], let divisor = ScaledNumber(value), divisor.isPositive else { continue }
            return integerOnly ? divisor.integralMultiple : divisor
        }
        if integerOnly { return ScaledNumber(mantissa: 1, scale: 0) }
        guard bound.scale < ScaledNumber.maxScale else { return nil }
        return ScaledNumber(mantissa: 1, scale: bound.scale + 1)
    }
}
