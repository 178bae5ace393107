public import AssayCore

/// Why the data engine could not produce what was asked: the kind of failure, where in
/// the schema it lies, and a message that says what to change.
public struct DataError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; stable names for reports and exit codes.
    public enum Code: String, Sendable, Hashable {
        /// No built-in entity has the requested name.
        case unknownEntity = "unknown_entity"
        /// No locale pack has the requested identifier.
        case unknownLocale = "unknown_locale"
        /// No value can satisfy the schema; `details` names the conflicting keywords.
        case unsatisfiable
        /// A `pattern` the generator cannot parse or satisfy.
        case unsupportedPattern = "unsupported_pattern"
        /// The schema is malformed (a keyword of the wrong type, a broken `$ref`).
        case invalidSchema = "invalid_schema"
        /// The requested component is not in the spec.
        case unknownComponent = "unknown_component"
        /// A field asked to be unique cannot be made so.
        case uniqueness
        /// Reading or writing failed.
        case io
    }

    public var code: Code
    public var message: String
    /// Where in the schema document the failure lies, when it lies in a schema.
    public var schemaPointer: JSONPointer?
    /// Supporting facts: the conflicting keywords, the known names, and so on.
    public var details: [String]

    public init(_ code: Code, _ message: String, at schemaPointer: JSONPointer? = nil, details: [String] = []) {
        self.code = code
        self.message = message
        self.schemaPointer = schemaPointer
        self.details = details
    }

    public var description: String {
        var text = message
        if let schemaPointer, !schemaPointer.tokens.isEmpty { text += " (schema at \(schemaPointer))" }
        if !details.isEmpty { text += ": " + details.joined(separator: "; ") }
        return text
    }
}
