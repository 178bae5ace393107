/// The one rule a negative variant breaks.
///
/// Each case names a JSON Schema assertion from the point of view of the value: the
/// keyword that reports it is on ``NegativeVariant/keyword`` (`belowMinimum` is reported by
/// `minimum` or `exclusiveMinimum`, `additionalProperty` by `additionalProperties` or
/// `unevaluatedProperties`, and so on).
public indirect enum NegativeRule: Sendable, Hashable {
    /// A property listed in `required` is absent.
    case missingRequired(property: String)
    /// The value's type is none of `expected` (`actual` is what it is now). Never `null`:
    /// that is ``nullNotAllowed``.
    case wrongType(expected: [String], actual: String)
    /// `null` where the schema does not admit it.
    case nullNotAllowed
    /// Below `minimum`, or not above an exclusive minimum.
    case belowMinimum
    /// Above `maximum`, or not below an exclusive maximum.
    case aboveMaximum
    /// Not a multiple of `multipleOf`.
    case notMultipleOf
    /// Shorter than `minLength`.
    case tooShort
    /// Longer than `maxLength`.
    case tooLong
    /// Does not match `pattern`.
    case patternMismatch
    /// Not a valid value of the asserted `format`.
    case formatMismatch(format: String)
    /// Not one of the `enum` values.
    case notInEnum
    /// Not the `const` value.
    case notConst
    /// A property the object's schema does not allow.
    case additionalProperty(name: String)
    /// Fewer items than `minItems`.
    case tooFewItems
    /// More items than `maxItems`.
    case tooManyItems
    /// Two equal items where `uniqueItems` is true.
    case duplicateItems
    /// Fewer properties than `minProperties`.
    case tooFewProperties
    /// More properties than `maxProperties`.
    case tooManyProperties
    /// `dependent` is absent although `property` is present (`dependentRequired`, or draft 4's
    /// `dependencies` with a list of names).
    case dependentRequiredMissing(property: String, dependent: String)
    /// `cause` was broken inside the only branches of a `oneOf`/`anyOf` (`combinator`) the
    /// valid value matched, so the value now matches no branch and the validator reports
    /// the combinator itself.
    case noMatchingBranch(combinator: String, cause: NegativeRule)

    /// A stable snake_case name, for tags and file names: `missing_required`, `too_long`, …
    /// A broken branch is named after its cause: `no_matching_branch.too_long`.
    public var name: String {
        switch self {
        case .missingRequired: return "missing_required"
        case .wrongType: return "wrong_type"
        case .nullNotAllowed: return "null_not_allowed"
        case .belowMinimum: return "below_minimum"
        case .aboveMaximum: return "above_maximum"
        case .notMultipleOf: return "not_multiple_of"
        case .tooShort: return "too_short"
        case .tooLong: return "too_long"
        case .patternMismatch: return "pattern_mismatch"
        case .formatMismatch: return "format_mismatch"
        case .notInEnum: return "not_in_enum"
        case .notConst: return "not_const"
        case .additionalProperty: return "additional_property"
        case .tooFewItems: return "too_few_items"
        case .tooManyItems: return "too_many_items"
        case .duplicateItems: return "duplicate_items"
        case .tooFewProperties: return "too_few_properties"
        case .tooManyProperties: return "too_many_properties"
        case .dependentRequiredMissing: return "dependent_required_missing"
        case .noMatchingBranch(_, let cause): return "no_matching_branch." + cause.name
        }
    }
}
