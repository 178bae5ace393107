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
            let generator = try generator.patterns.generator(for: pattern)
            var lastError: DataError?
            for _ in 0..<8 {
                do {
                    let candidate = try generator.generate(using: &random, length: length)
                    if fits(candidate, shape: shape) { return .string(candidate) }
                } catch {
                    lastError = error
                }
            }
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

    /// Whether `candidate` meets the length bounds and every pattern.
    private func fits(_ candidate: String, shape: SchemaShape) -> Bool {
        let count = candidate.unicodeScalars.count
        guard count >= shape.minLength, count <= shape.maxLength ?? .max else { return false }
        return shape.patterns.allSatisfy { JSONSchemaValidator.patternMatches($0, candidate) != false }
    }
}
