extension SemanticKind {
    /// The JSON types a value of this kind can take, the preferred first.
    var jsonTypes: [String] {
        switch self {
        case .age, .quantity, .year: return ["integer", "number", "string"]
        case .price, .amount, .percentage, .rating, .latitude, .longitude: return ["number", "integer", "string"]
        case .timestamp, .buildingNumber, .postalCode: return ["string", "integer", "number"]
        default: return ["string"]
        }
    }

    /// Whether the schema's declared types leave room for this kind.
    func suits(_ constraints: SchemaConstraints) -> Bool {
        constraints.types.isEmpty || jsonTypes.contains { constraints.types.contains($0) || ($0 == "integer" && constraints.types.contains("number")) }
    }
}
