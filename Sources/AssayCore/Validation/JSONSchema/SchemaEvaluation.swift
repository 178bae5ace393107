/// The outcome of evaluating one schema against one instance location: the errors, and
/// the annotations `unevaluatedProperties` and `unevaluatedItems` read.
///
/// Annotations are only kept from valid evaluations: a subschema that fails contributes
/// none, as the specification requires.
struct SchemaEvaluation {
    var errors: [SchemaValidationError] = []
    /// Object members some keyword evaluated.
    var evaluatedProperties: Set<String> = []
    /// How many leading array items some keyword evaluated.
    var evaluatedPrefix = 0
    /// Whether some keyword evaluated every array item.
    var evaluatedAllItems = false
    /// Array items `contains` matched.
    var evaluatedIndices: Set<Int> = []

    var isValid: Bool { errors.isEmpty }

    /// Adds another evaluation's annotations (only when it is valid).
    mutating func absorbAnnotations(of other: SchemaEvaluation) {
        guard other.isValid else { return }
        evaluatedProperties.formUnion(other.evaluatedProperties)
        evaluatedPrefix = max(evaluatedPrefix, other.evaluatedPrefix)
        evaluatedAllItems = evaluatedAllItems || other.evaluatedAllItems
        evaluatedIndices.formUnion(other.evaluatedIndices)
    }

    /// Adds the errors of an evaluation at another instance location (a member or an item):
    /// its annotations describe that value, not this one.
    mutating func absorbErrors(of other: SchemaEvaluation) {
        errors.append(contentsOf: other.errors)
    }

    /// Adds another in-place evaluation's errors and, when it is valid, its annotations.
    mutating func absorb(_ other: SchemaEvaluation) {
        if other.isValid {
            absorbAnnotations(of: other)
        } else {
            errors.append(contentsOf: other.errors)
        }
    }
}
