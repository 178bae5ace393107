/// One way an instance fails a JSON Schema: where, which keyword, and why.
public struct SchemaValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where the failing value is in the instance.
    public var instancePointer: JSONPointer
    /// Where the failing keyword is in the schema document: absolute from the root of the
    /// document that holds it, through `$ref`s as they were followed.
    public var keywordPointer: JSONPointer
    /// The failing keyword: "minimum", "required", "type", …
    public var keyword: String
    /// A sentence a person can act on, such as "3 is less than the minimum 5".
    public var message: String

    /// Creates an error.
    public init(instancePointer: JSONPointer, keywordPointer: JSONPointer, keyword: String, message: String) {
        self.instancePointer = instancePointer
        self.keywordPointer = keywordPointer
        self.keyword = keyword
        self.message = message
    }

    /// `"/items/0: 3 is less than the minimum 5 (schema #/properties/items/items/minimum)"`.
    public var description: String {
        let place = instancePointer.tokens.isEmpty ? "(root)" : instancePointer.description
        return "\(place): \(message) (schema \(keywordPointer.fragment))"
    }
}
