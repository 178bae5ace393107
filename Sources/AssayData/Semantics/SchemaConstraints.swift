import AssayCore

/// The simple keywords of a leaf schema a semantic value must satisfy: types, string
/// lengths, numeric bounds (draft-4 boolean and 2020-12 numeric exclusive bounds alike),
/// `multipleOf` and `format`.
struct SchemaConstraints: Sendable {
    /// Declared types without `null`; empty when the schema does not say.
    var types: [String]
    var format: String?
    var minLength: Int
    var maxLength: Int
    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Bool
    var exclusiveMaximum: Bool
    var multipleOf: Double?

    init(_ schema: JSONValue) {
        switch schema["type"] {
        case .string(let type)?: types = type == "null" ? [] : [type]
        case .array(let list)?: types = list.compactMap(\.stringValue).filter { $0 != "null" }
        default: types = []
        }
        format = schema["format"]?.stringValue
        minLength = max(0, schema["minLength"]?.intValue ?? 0)
        maxLength = schema["maxLength"]?.intValue ?? Int.max
        minimum = schema["minimum"]?.doubleValue
        maximum = schema["maximum"]?.doubleValue
        exclusiveMinimum = false
        exclusiveMaximum = false
        switch schema["exclusiveMinimum"] {
        case .bool(let flag)?: exclusiveMinimum = flag && minimum != nil
        case let bound? where bound.doubleValue != nil:
            let value = bound.doubleValue!
            if minimum == nil || value >= minimum! {
                minimum = value
                exclusiveMinimum = true
            }
        default: break
        }
        switch schema["exclusiveMaximum"] {
        case .bool(let flag)?: exclusiveMaximum = flag && maximum != nil
        case let bound? where bound.doubleValue != nil:
            let value = bound.doubleValue!
            if maximum == nil || value <= maximum! {
                maximum = value
                exclusiveMaximum = true
            }
        default: break
        }
        if let step = schema["multipleOf"]?.doubleValue, step > 0 { multipleOf = step }
    }

    /// Whether the schema accepts JSON type `type` (`integer` also passes for `number`).
    func allows(_ type: String) -> Bool {
        types.isEmpty || types.contains(type) || (type == "integer" && types.contains("number"))
    }

    /// Whether `text`'s length in code points is within bounds.
    func fits(_ text: String) -> Bool {
        let length = text.unicodeScalars.count
        return length >= minLength && length <= maxLength
    }

    /// A number of `step`-sized units near `preferred` (in units), within the bounds; `nil`
    /// when no multiple of `step` lies within them.
    func units(step: Double, preferred: ClosedRange<Int>, random: inout SeededRandom) -> Int? {
        let scale = 1 / step
        var low = Int.min / 4
        var high = Int.max / 4
        if let minimum {
            let raw = (minimum * scale).rounded(.up)
            guard raw.magnitude < 1e15 else { return nil }
            low = Int(raw)
            if exclusiveMinimum, Double(low) * step <= minimum { low += 1 }
        }
        if let maximum {
            let raw = (maximum * scale).rounded(.down)
            guard raw.magnitude < 1e15 else { return nil }
            high = Int(raw)
            if exclusiveMaximum, Double(high) * step >= maximum { high -= 1 }
        }
        guard low <= high else { return nil }
        let from = max(low, preferred.lowerBound)
        let to = min(high, preferred.upperBound)
        if from <= to { return random.int(in: from...to) }
        // The preferred range lies outside the bounds: stay near the bound closest to it.
        if preferred.upperBound < low { return random.int(in: low...min(high, low + (preferred.count - 1))) }
        return random.int(in: max(low, high - (preferred.count - 1))...high)
    }

    /// `units × step` as JSON: an integer when `step` is whole, else the double whose
    /// shortest spelling is the exact decimal (`1999 × 0.01` is `19.99`).
    static func number(units: Int, step: Double) -> JSONValue {
        if step == step.rounded(), step >= 1 { return .integer(units * Int(step)) }
        let inverse = 1 / step
        if inverse == inverse.rounded(), inverse <= 1e15 { return .double(Double(units) / inverse) }
        return .double(Double(units) * step)
    }
}
