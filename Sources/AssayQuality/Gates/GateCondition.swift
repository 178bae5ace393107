/// One condition of a quality gate: `metric operator threshold`, such as
/// `mutation_score >= 0.80` or `syntax_errors == 0`.
public struct GateCondition: Sendable, Hashable, CustomStringConvertible {
    /// How a measured value is compared with the threshold.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case lessThan = "<"
        case lessOrEqual = "<="
        case equal = "=="
        case notEqual = "!="
        case greaterOrEqual = ">="
        case greaterThan = ">"

        /// Whether `value` stands in this relation to `threshold`. Equality allows for the
        /// rounding of ratios (1e-9).
        public func holds(_ value: Double, _ threshold: Double) -> Bool {
            let epsilon = 1e-9
            switch self {
            case .lessThan: return value < threshold - epsilon
            case .lessOrEqual: return value <= threshold + epsilon
            case .equal: return abs(value - threshold) <= epsilon
            case .notEqual: return abs(value - threshold) > epsilon
            case .greaterOrEqual: return value >= threshold - epsilon
            case .greaterThan: return value > threshold + epsilon
            }
        }
    }

    /// A metric name of ``QualityReport`` (`overall`, `mutation_score`, …).
    public var metric: String
    public var comparison: Comparison
    public var threshold: Double

    public init(metric: String, comparison: Comparison, threshold: Double) {
        self.metric = metric
        self.comparison = comparison
        self.threshold = threshold
    }

    /// Reads `metric operator threshold`; a percentage threshold (`20%`) is a ratio (0.2).
    /// Throws when the text is not of that shape or names no known metric.
    public init(parsing text: String, knownMetrics: Set<String> = QualityMetrics.names) throws(GateConfigurationError) {
        let parts = text.split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count == 3 else {
            throw GateConfigurationError("condition '\(text)' is not 'metric operator threshold' (e.g. 'overall >= 0.90')")
        }
        guard knownMetrics.contains(parts[0]) else {
            throw GateConfigurationError(
                "condition '\(text)': unknown metric '\(parts[0])'; known: \(knownMetrics.sorted().joined(separator: ", "))")
        }
        guard let comparison = Comparison(rawValue: parts[1]) else {
            throw GateConfigurationError(
                "condition '\(text)': unknown operator '\(parts[1])'; use one of \(Comparison.allCases.map(\.rawValue).joined(separator: " "))")
        }
        var number = parts[2]
        var divisor = 1.0
        if number.hasSuffix("%") {
            number.removeLast()
            divisor = 100
        }
        guard let value = Double(number), value.isFinite else {
            throw GateConfigurationError("condition '\(text)': threshold '\(parts[2])' is not a number")
        }
        self.init(metric: parts[0], comparison: comparison, threshold: value / divisor)
    }

    public var description: String { "\(metric) \(comparison.rawValue) \(QualityMetrics.format(threshold, metric: metric))" }
}

/// A gate file that cannot be used: what is wrong and where.
public struct GateConfigurationError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
