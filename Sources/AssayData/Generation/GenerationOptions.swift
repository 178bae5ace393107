/// How the schema-driven generator shapes values.
public struct GenerationOptions: Sendable, Hashable {
    /// Which side of an exchange the value is for: `readOnly` properties are left out of
    /// requests and `writeOnly` ones out of responses.
    public enum Direction: String, Sendable, Hashable {
        case request
        case response
        /// Both kinds of property are generated.
        case neutral
    }

    /// Which optional properties an object gets.
    public enum OptionalProperties: String, Sendable, Hashable {
        /// Each optional property with probability `optionalPropertyProbability`.
        case some
        /// Required properties only (plus what `minProperties` needs).
        case none
        /// Every declared property.
        case all
    }

    public var direction: Direction
    public var optionalProperties: OptionalProperties
    /// Chance of including each optional property under `.some`.
    public var optionalPropertyProbability: Double
    /// How many `$ref`s deep a value may nest before only required members are generated
    /// (what stops recursive schemas: a tree of categories, a linked list).
    public var maxReferenceDepth: Int
    /// Whether a schema's `example`, `examples` and `default` are used (when they validate).
    public var useExamples: Bool
    /// Whether property names steer values (a `firstName` gets a first name).
    public var semantics: Bool
    /// The locale of names, addresses and phone numbers.
    public var locale: LocalePack
    /// How many times a value is regenerated when it fails validation before the schema is
    /// reported as unsatisfiable.
    public var attempts: Int

    public init(
        direction: Direction = .neutral,
        optionalProperties: OptionalProperties = .some,
        optionalPropertyProbability: Double = 0.75,
        maxReferenceDepth: Int = 4,
        useExamples: Bool = true,
        semantics: Bool = true,
        locale: LocalePack = .enUS,
        attempts: Int = 12
    ) {
        self.direction = direction
        self.optionalProperties = optionalProperties
        self.optionalPropertyProbability = optionalPropertyProbability
        self.maxReferenceDepth = maxReferenceDepth
        self.useExamples = useExamples
        self.semantics = semantics
        self.locale = locale
        self.attempts = attempts
    }

    public static func == (lhs: GenerationOptions, rhs: GenerationOptions) -> Bool {
        lhs.direction == rhs.direction && lhs.optionalProperties == rhs.optionalProperties
            && lhs.optionalPropertyProbability == rhs.optionalPropertyProbability
            && lhs.maxReferenceDepth == rhs.maxReferenceDepth && lhs.useExamples == rhs.useExamples
            && lhs.semantics == rhs.semantics && lhs.locale.identifier == rhs.locale.identifier
            && lhs.attempts == rhs.attempts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(direction)
        hasher.combine(optionalProperties)
        hasher.combine(locale.identifier)
        hasher.combine(maxReferenceDepth)
    }
}
