import AssayCore

/// Rewrites a generated value so it differs from the same field in every other record.
enum UniqueValue {
    /// A value derived from `current` and one-to-one in `index`.
    static func make(from current: JSONValue?, shape: SchemaShape, field: String, index: Int, random: inout SeededRandom) throws(DataError) -> JSONValue {
        let types = shape.types ?? Set([current.map(ValueBuilder.typeName) ?? "string"])
        if types.contains("integer") || types.contains("number"), !types.contains("string") {
            // Sequential from the lower bound, like database ids.
            let start = shape.lower.map { Int(($0.number + ($0.exclusive ? 1 : 0)).rounded(.up)) } ?? 1
            let (value, overflow) = start.addingReportingOverflow(index)
            if overflow || shape.upper.map({ Double(value) > $0.number || ($0.exclusive && Double(value) == $0.number) }) == true {
                throw DataError(
                    .uniqueness,
                    "--unique \(field): the range of \"\(field)\" holds fewer distinct integers than the records asked for",
                    details: ["minimum/maximum"]
                )
            }
            return .integer(value)
        }
        guard types.contains("string") else {
            throw DataError(.uniqueness, "--unique \(field): a \(types.sorted().joined(separator: "/")) field cannot be unique across records")
        }
        let text = current?.stringValue ?? ""
        let suffix = base36(UInt64(index))
        if shape.format == "uuid" || looksLikeUUID(text) {
            return .string(uuid(index: UInt64(index), random: &random))
        }
        if shape.format == "email" || shape.format == "idn-email" || (text.contains("@") && shape.format == nil) {
            if let at = text.lastIndex(of: "@") {
                return .string(String(text[..<at]) + "." + suffix + String(text[at...]))
            }
        }
        // Keep within maxLength: trim the generated part, never the index part.
        var base = text
        if let maximum = shape.maxLength {
            let room = maximum - suffix.count - 1
            guard room >= 0 else {
                throw DataError(.uniqueness, "--unique \(field): maxLength \(maximum) leaves no room for a unique part", details: ["maxLength"])
            }
            base = String(base.unicodeScalars.prefix(room).map(Character.init))
        }
        return .string(base.isEmpty ? suffix : base + "-" + suffix)
    }

    static func base36(_ value: UInt64) -> String {
        String(value, radix: 36)
    }

    static func looksLikeUUID(_ text: String) -> Bool {
        text.utf8.count == 36 && text.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12]
    }

    static func uuid(index: UInt64, random: inout SeededRandom) -> String {
        String(decoding: UUIDText.bytes(random: &random, uniqueIndex: index), as: UTF8.self)
    }
}
