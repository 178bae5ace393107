import AssayCore

extension ValueBuilder {
    /// A number within the bounds, a multiple of every `multipleOf` (exactly: `0.01` steps
    /// give two-decimal values, never `0.30000000000000004`), integral for `integer`.
    mutating func number(_ shape: SchemaShape, integer: Bool, name: String?, path: JSONPointer) throws(DataError) -> JSONValue {
        var low = shape.lower.map { (value: $0.number, exclusive: $0.exclusive) }
        var high = shape.upper.map { (value: $0.number, exclusive: $0.exclusive) }
        if let low, let high, low.value > high.value || (low.value == high.value && (low.exclusive || high.exclusive)) {
            throw DataError(
                .unsatisfiable,
                "no number at \(Self.place(path)) lies between \(Self.spell(shape.lower!.value)) and \(Self.spell(shape.upper!.value))",
                details: ["minimum/exclusiveMinimum", "maximum/exclusiveMaximum"]
            )
        }
        // Format ranges bound the value like `minimum` and `maximum` do.
        switch shape.format {
        case "int32":
            if low == nil || low!.value < Double(Int32.min) { low = (Double(Int32.min), false) }
            if high == nil || high!.value > Double(Int32.max) { high = (Double(Int32.max), false) }
        case "int64":
            if low == nil || low!.value < -9.0e18 { low = (-9.0e18, false) }
            if high == nil || high!.value > 9.0e18 { high = (9.0e18, false) }
        default: break
        }
        // A realistic window inside wide or open ranges; the bounds themselves are the
        // boundary generator's business.
        let window = Self.window(low: low?.value, high: high?.value)
        if low == nil || window.lowerBound > low!.value { low = (window.lowerBound, false) }
        if high == nil || window.upperBound < high!.value { high = (window.upperBound, false) }
        let lowBound = low!
        let highBound = high!

        if !shape.multipleOf.isEmpty {
            return try multiple(shape, integer: integer, low: lowBound, high: highBound, path: path)
        }
        if integer || !(highBound.value - lowBound.value >= 0.02) {
            if integer {
                let first = lowBound.exclusive ? lowBound.value.rounded(.down) + 1 : lowBound.value.rounded(.up)
                let last = highBound.exclusive ? highBound.value.rounded(.up) - 1 : highBound.value.rounded(.down)
                guard first <= last, let a = Int(exactly: first), let b = Int(exactly: last) else {
                    throw DataError(.unsatisfiable, "no integer at \(Self.place(path)) lies within the bounds", details: ["minimum", "maximum", "type integer"])
                }
                return .integer(random.int(in: a...b))
            }
            // A range narrower than a cent: its midpoint.
            let middle = (lowBound.value + highBound.value) / 2
            return .double(middle)
        }
        // Two decimals, like most real quantities.
        let firstCent = (lowBound.value * 100).rounded(.up) + (lowBound.exclusive && (lowBound.value * 100).rounded(.up) == lowBound.value * 100 ? 1 : 0)
        let lastCent = (highBound.value * 100).rounded(.down) - (highBound.exclusive && (highBound.value * 100).rounded(.down) == highBound.value * 100 ? 1 : 0)
        guard firstCent <= lastCent, let a = Int(exactly: firstCent), let b = Int(exactly: lastCent) else {
            return .double((lowBound.value + highBound.value) / 2)
        }
        let cents = random.int(in: a...b)
        if cents % 100 == 0 { return .integer(cents / 100) }
        return Self.decimal(units: cents, scale: 2)
    }

    /// A multiple of the steps between the bounds.
    private mutating func multiple(
        _ shape: SchemaShape,
        integer: Bool,
        low: (value: Double, exclusive: Bool),
        high: (value: Double, exclusive: Bool),
        path: JSONPointer
    ) throws(DataError) -> JSONValue {
        // All steps as integers at one decimal scale; the combined step is their LCM
        // (and a whole number for `integer`).
        var parts = shape.multipleOf.compactMap(Self.decimalParts)
        if integer { parts.append((1, 0)) }
        guard parts.count == shape.multipleOf.count + (integer ? 1 : 0), let scale = parts.map(\.scale).max(), scale <= 12 else {
            // Steps too fine or too large for exact integer arithmetic: floating point, checked by validation.
            let step = shape.multipleOf[0].doubleValue ?? 1
            let first = (low.value / step).rounded(.up)
            let last = (high.value / step).rounded(.down)
            guard first <= last else {
                throw DataError(.unsatisfiable, "no multiple of \(Self.spell(shape.multipleOf[0])) at \(Self.place(path)) lies within the bounds", details: ["multipleOf", "minimum", "maximum"])
            }
            let n = first + ((last - first) * random.unit()).rounded(.down)
            return .double(n * step)
        }
        var power = 1
        for _ in 0..<scale { power *= 10 }
        var step = 1
        for part in parts {
            var units = part.units
            for _ in part.scale..<scale { units *= 10 }
            step = Self.lcm(step, abs(units))
            if step > Int(1e15) { break }
        }
        let stepValue = Double(step) / Double(power)
        var first = (low.value / stepValue).rounded(.up)
        if low.exclusive && first * stepValue <= low.value { first += 1 }
        var last = (high.value / stepValue).rounded(.down)
        if high.exclusive && last * stepValue >= high.value { last -= 1 }
        guard first <= last, let a = Int(exactly: first), let b = Int(exactly: last) else {
            throw DataError(
                .unsatisfiable,
                "no multiple of \(shape.multipleOf.map(Self.spell).joined(separator: " and ")) at \(Self.place(path)) lies within the bounds",
                details: ["multipleOf", "minimum/maximum", integer ? "type integer" : "type number"]
            )
        }
        let (n, overflow) = random.int(in: a...b).multipliedReportingOverflow(by: step)
        if overflow { return .double(Double(a) * stepValue) }
        if n % power == 0 { return .integer(n / power) }
        return Self.decimal(units: n, scale: scale)
    }

    /// The exact decimal `units × 10^-scale` as a JSON number (a double whose shortest
    /// spelling is that decimal).
    static func decimal(units: Int, scale: Int) -> JSONValue {
        var bytes: [UInt8] = []
        RecordBuffer.appendFixedPoint(units: Int64(units), scale: scale, to: &bytes)
        return .double(Double(String(decoding: bytes, as: UTF8.self)) ?? Double(units))
    }

    /// A number as an integer and a decimal scale: `0.01` is `(1, 2)`, `25` is `(25, 0)`.
    static func decimalParts(_ value: JSONValue) -> (units: Int, scale: Int)? {
        switch value {
        case .integer(let int): return (int, 0)
        case .double(let double):
            guard double.isFinite else { return nil }
            let text = "\(double)"
            var mantissa = text
            var exponent = 0
            if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                mantissa = String(text[..<e])
                exponent = Int(text[text.index(after: e)...]) ?? 0
            }
            var digits = mantissa
            var scale = 0
            if let dot = mantissa.firstIndex(of: ".") {
                let fraction = mantissa[mantissa.index(after: dot)...]
                let trimmed = fraction.reversed().drop(while: { $0 == "0" }).reversed()
                scale = trimmed.count
                digits = String(mantissa[..<dot]) + String(trimmed)
            }
            scale -= exponent
            guard var units = Int(digits) else { return nil }
            while scale < 0 {
                let (next, overflow) = units.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                units = next
                scale += 1
            }
            return (units, scale)
        default:
            return nil
        }
    }

    static func lcm(_ a: Int, _ b: Int) -> Int {
        guard a != 0, b != 0 else { return max(a, b) }
        var x = a
        var y = b
        while y != 0 { (x, y) = (y, x % y) }
        let (product, overflow) = (a / x).multipliedReportingOverflow(by: b)
        return overflow ? Int.max / 2 : product
    }

    /// The range values are drawn from: the schema's bounds when they are close, a window
    /// near the lower bound (or near zero) when they are wide or missing.
    static func window(low: Double?, high: Double?) -> ClosedRange<Double> {
        switch (low, high) {
        case (nil, nil): return 1...1000
        case (let low?, nil): return low...(low + 1000)
        case (nil, let high?): return (high > 0 ? max(0, high - 1000) : high - 1000)...high
        case (let low?, let high?):
            if high - low <= 100_000 { return low...high }
            if low < 0 && high > 0 { return 0...min(high, 10_000) }
            return low...(low + 10_000)
        }
    }

    static func spell(_ value: JSONValue) -> String {
        JSONWriter().string(value)
    }
}
