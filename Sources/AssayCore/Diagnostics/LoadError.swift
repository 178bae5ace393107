/// Why an API description could not be loaded.
///
/// One error type with a ``Code`` callers can match, after the GRDB `DatabaseError`
/// model: the code is the category (the corpus tally counts by it), the message says
/// what was wrong and the location fields say where.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category of a load failure.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The source could not be read: missing file, unreadable stdin.
        public static let unreadable = Code(rawValue: "unreadable")
        /// The source is larger than the byte limit.
        public static let tooLarge = Code(rawValue: "too-large")
        /// The text is not valid JSON or YAML.
        public static let syntax = Code(rawValue: "syntax")
        /// The document nests deeper than the depth limit.
        public static let tooDeep = Code(rawValue: "too-deep")
        /// The YAML uses more aliases, or expands to more nodes, than allowed (billion laughs).
        public static let tooManyAliases = Code(rawValue: "too-many-aliases")
        /// Loading ran past its time bound.
        public static let timeout = Code(rawValue: "timeout")
        /// The document is JSON or YAML but not an OpenAPI or Swagger description.
        public static let notAnAPIDescription = Code(rawValue: "not-an-api-description")
        /// The `openapi` or `swagger` version is one Assay does not read.
        public static let unsupportedVersion = Code(rawValue: "unsupported-version")
        /// `$ref`s that lead back to themselves without ever reaching a value.
        public static let referenceCycle = Code(rawValue: "reference-cycle")
        /// A `$ref` that is needed and cannot be resolved.
        public static let unresolvableReference = Code(rawValue: "unresolvable-reference")
        /// A URL whose host resolves to an address the SSRF guard refuses.
        public static let blockedAddress = Code(rawValue: "blocked-address")
        /// A URL that could not be fetched: DNS, connection, HTTP status, redirect policy.
        public static let fetchFailed = Code(rawValue: "fetch-failed")
        /// The description is structurally invalid in a way lenient mode cannot load around.
        public static let invalidDescription = Code(rawValue: "invalid-description")
        /// `--strict` was given and the load produced warnings.
        public static let strictViolation = Code(rawValue: "strict")
    }

    /// The category.
    public var code: Code
    /// What was wrong, for a person.
    public var message: String
    /// The file path or URL.
    public var source: String?
    /// Where in the document.
    public var pointer: JSONPointer?
    /// 1-based line of a syntax error.
    public var line: Int?
    /// 1-based column of a syntax error.
    public var column: Int?
    /// The warnings that made a strict load fail, or that were collected before the error.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(
        _ code: Code,
        _ message: String,
        source: String? = nil,
        pointer: JSONPointer? = nil,
        line: Int? = nil,
        column: Int? = nil,
        diagnostics: [Diagnostic] = []
    ) {
        self.code = code
        self.message = message
        self.source = source
        self.pointer = pointer
        self.line = line
        self.column = column
        self.diagnostics = diagnostics
    }

    /// The error as a diagnostic of severity `error`.
    public var diagnostic: Diagnostic {
        Diagnostic(.error, code: code.rawValue, message, source: source, pointer: pointer, line: line, column: column)
    }

    public var description: String { diagnostic.description }

    /// The same error, attributed to `source` when it names none yet.
    func attributed(to source: String) -> LoadError {
        var copy = self
        if copy.source == nil { copy.source = source }
        return copy
    }
}
