import Foundation

/// The checks a run reports findings under: stable names for `--checks` and
/// `--exclude-checks`, documented in docs/run.md.
public enum FindingCheck: String, Sendable, Hashable, CaseIterable, Comparable {
    case serverError = "server-error"
    case invalidRequestAccepted = "invalid-request-accepted"
    case validRequestRejected = "valid-request-rejected"
    case authBypass = "auth-bypass"
    case unknownResourceServed = "unknown-resource-served"
    case deletedResourceServed = "deleted-resource-served"
    case createdResourceMissing = "created-resource-missing"
    case methodNotRejected = "method-not-rejected"
    case mediaTypeNotRejected = "media-type-not-rejected"
    case unexpectedStatus = "unexpected-status"
    case wrongContentType = "wrong-content-type"
    case schemaMismatch = "schema-mismatch"
    case missingHeader = "missing-header"
    case latencyBudget = "latency-budget"
    case valueNotStored = "value-not-stored"
    case missingCapture = "missing-capture"
    case transportError = "transport-error"
    case wrongLocation = "wrong-location"
    case deleteNoEffect = "delete-no-effect"
    case putNotReplacing = "put-not-replacing"
    case nonIdempotentPut = "non-idempotent-put"
    case undocumentedStatus = "undocumented-status"
    case undocumentedContentType = "undocumented-content-type"
    case malformedHeader = "malformed-header"

    /// What the check finds, in a sentence.
    public var summary: String {
        switch self {
        case .serverError: return "The API answered 5xx."
        case .invalidRequestAccepted: return "A request breaking one documented rule was accepted with a 2xx."
        case .validRequestRejected: return "A valid request was refused with a 4xx."
        case .authBypass: return "A secured operation answered 2xx without valid credentials."
        case .unknownResourceServed: return "An id that names nothing was answered with something other than 404."
        case .deletedResourceServed: return "A resource was still served after a successful DELETE."
        case .createdResourceMissing: return "A resource that was just created could not be read back."
        case .methodNotRejected: return "An undocumented method on a documented path did not get 405."
        case .mediaTypeNotRejected: return "A body in an unsupported media type did not get 415."
        case .unexpectedStatus: return "The status is not one the description documents for the request."
        case .wrongContentType: return "The body's media type is not the documented one, or the body is not JSON."
        case .schemaMismatch: return "The body does not conform to its response schema."
        case .missingHeader: return "A documented required response header is missing."
        case .latencyBudget: return "The response came later than the latency budget."
        case .valueNotStored: return "A value written was not read back unchanged."
        case .missingCapture: return "A value a later step needs (an id, a Location) was not in the response."
        case .transportError: return "No response: connection refused, reset or timed out."
        case .wrongLocation: return "The Location header of a creation does not lead to the created resource (or leaves the API)."
        case .deleteNoEffect: return "After a successful DELETE the collection still lists what was deleted."
        case .putNotReplacing: return "A PUT that left a member out did not remove it: the update merged instead of replacing."
        case .nonIdempotentPut: return "The same PUT sent twice did not give the same resource the second time."
        case .undocumentedStatus: return "An invalid request was refused, but with a 4xx the description does not document (400 where it says 422)."
        case .undocumentedContentType: return "The body's media type is not one the description documents for that status (an error page as HTML where JSON is documented)."
        case .malformedHeader: return "A documented response header came back with a value its schema does not allow."
        }
    }

    /// How bad it is.
    public var severity: Severity {
        switch self {
        case .serverError, .authBypass, .deletedResourceServed, .deleteNoEffect: return .high
        case .invalidRequestAccepted, .validRequestRejected, .createdResourceMissing, .schemaMismatch, .valueNotStored,
            .unknownResourceServed, .transportError, .wrongLocation, .putNotReplacing, .nonIdempotentPut:
            return .medium
        case .methodNotRejected, .mediaTypeNotRejected, .unexpectedStatus, .wrongContentType, .missingHeader, .latencyBudget,
            .missingCapture, .undocumentedStatus, .undocumentedContentType, .malformedHeader:
            return .low
        }
    }

    public enum Severity: String, Sendable, Hashable, Comparable {
        case low, medium, high

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.low, .medium, .high]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public static func < (lhs: FindingCheck, rhs: FindingCheck) -> Bool { lhs.rawValue < rhs.rawValue }
}
