/// One thing Assay noticed about an API description: a flaw it loaded around, or the
/// reason it could not load.
///
/// A diagnostic always says what was wrong (``message``), under a stable ``code`` that
/// scripts can match, and where: the ``source`` it came from, the ``pointer`` inside the
/// document and, for syntax problems, the ``line`` and ``column``.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How much a diagnostic matters.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// Loaded around in lenient mode; fails the load under `--strict`.
        case warning
        /// The description cannot be used.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Warning or error.
    public var severity: Severity
    /// A stable, kebab-case identifier such as `duplicate-operation-id`.
    public var code: String
    /// What was wrong, for a person.
    public var message: String
    /// The file path or URL the problem was found in.
    public var source: String?
    /// Where in the document, as a JSON pointer string (`/paths/~1pets/get`).
    public var pointer: String?
    /// 1-based line, for problems found while reading the text.
    public var line: Int?
    /// 1-based column, for problems found while reading the text.
    public var column: Int?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity,
        code: String,
        _ message: String,
        source: String? = nil,
        pointer: JSONPointer? = nil,
        line: Int? = nil,
        column: Int? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.source = source
        self.pointer = pointer?.description
        self.line = line
        self.column = column
    }

    /// `source:line:column: pointer: message [code]`, with the parts that are known.
    public var description: String {
        var location = ""
        if let source { location += source }
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let pointer, !pointer.isEmpty { location += location.isEmpty ? pointer : " at \(pointer)" }
        let prefix = location.isEmpty ? "" : "\(location): "
        return "\(prefix)\(message) [\(code)]"
    }
}
