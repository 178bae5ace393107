import AssayCore

extension ValueBuilder {
    /// A string meeting the length bounds, every `pattern` and, where it can, the `format`.
    mutating func string(_ shape: SchemaShape, name: String?, path: JSONPointer) throws(DataError) -> JSONValue {
        let lower = shape.minLength
        let upper = shape.maxLength
        if let upper, upper < lower {
            throw DataError(
                .unsatisfiable,
                "no string at \(Self.place(path)) is at least \(lower) and at most \(upper) characters long",
                details: ["minLength \(lower)", "maxLength \(upper)"]
            )
        }
        let length = lower...(upper ?? max(lower, Int.max / 2))
        if let pattern = shape.patterns.first {
            // A format next to the pattern: the format's own values first, when one matches
            // the pattern; then pattern values that also meet the format; then, failing
            // that, a value that meets the pattern (formats are annotations to the
            // non-asserting validator).
            if let format = shape.format {
                for _ in 0..<4 {
                    if let candidate = FormatGenerator.string(format: format, length: length, random: &random), fits(candidate, shape: shape),
                        meetsFormat(candidate, format)
                    {
                        return .string(candidate)
                    }
                }
            }
            let generator = try generator.patterns.generator(for: pattern)
            var lastError: DataError?
            var fallback: String?
            for _ in 0..<(shape.format == nil ? 8 : 24) {
                do {
                    let candidate = try generator.generate(using: &random, length: length)
                    guard fits(candidate, shape: shape) else { continue }
                    guard let format = shape.format, !meetsFormat(candidate, format) else { return .string(candidate) }
                    if fallback == nil { fallback = candidate }
                } catch {
                    lastError = error
                }
            }
            if let fallback { return .string(fallback) }
            throw lastError
                ?? DataError(
                    .unsatisfiable,
                    "no string at \(Self.place(path)) matches every pattern within the length bounds",
                    details: shape.patterns.map { "pattern \($0)" } + ["minLength \(lower)", "maxLength \(upper.map(String.init) ?? "none")"]
                )
        }
        if let format = shape.format, let candidate = FormatGenerator.string(format: format, length: length, random: &random),
            fits(candidate, shape: shape)
        {
            return .string(candidate)
        }
        return .string(PlainText.text(length: length, random: &random))
    }

    /// Whether a string meets `format` as the asserting validator reads it.
    private func meetsFormat(_ candidate: String, _ format: String) -> Bool {
        generator.formatValidator.isValid(.string(candidate), against: ["type": "string", "format": .string(format)])
    }

    /// Whether `candidate` meets the length bounds and every pattern.
    private func fits(_ candidate: String, shape: SchemaShape) -> Bool {
        let count = candidate.unicodeScalars.count
        guard count >= shape.minLength, count <= shape.maxLength ?? .max else { return false }
        return shape.patterns.allSatisfy { JSONSchemaValidator.patternMatches($0, candidate) != false }
    }
}
