/// A mock broken in one documented way: the quality score of a test suite counts the
/// mutants it kills (some test passes against the conformant mock and fails against the
/// mutant).
///
/// Each mutant changes one behaviour and leaves the rest conformant, and each is
/// observable by a kind of generated test (``killedBy``), so a suite that misses one has a
/// gap of that kind.
public enum Mutant: String, Sendable, Hashable, CaseIterable {
    case wrongStatus = "wrong-status"
    case missingRequiredField = "missing-required-field"
    case wrongType = "wrong-type"
    case wrongContentType = "wrong-content-type"
    case missingHeader = "missing-header"
    case wrongLocation = "wrong-location"
    case acceptsInvalidInput = "accepts-invalid-input"
    case crashOnOutOfRange = "crash-on-out-of-range"
    case ignoresAuth = "ignores-auth"
    case acceptsInvalidCredentials = "accepts-invalid-credentials"
    case ignoresUnknownID = "ignores-unknown-id"
    case ignoresMethod = "ignores-method"
    case ignoresContentType = "ignores-content-type"
    case deleteDoesNothing = "delete-does-nothing"
    case staleReadAfterUpdate = "stale-read-after-update"
    case nonIdempotentPut = "non-idempotent-put"
    case putMerges = "put-merges"
    case createIgnoresInput = "create-ignores-input"
    case slowResponse = "slow-response"
    case htmlErrors = "html-errors"
    case malformedHeader = "malformed-header"

    /// The name on the command line: `wrong-status`.
    public var name: String { rawValue }

    /// The conformance it breaks, in a sentence.
    public var summary: String {
        switch self {
        case .wrongStatus: return "Successful requests get a 2xx status the description does not document (201 becomes 203, 200 becomes 203)."
        case .missingRequiredField: return "Success bodies lack a member the response schema requires."
        case .wrongType: return "Success bodies carry a member of the wrong type (a number as a string, a string as a number)."
        case .wrongContentType: return "JSON bodies are labelled text/plain instead of the documented JSON media type."
        case .missingHeader: return "Documented response headers (Location, X-Total-Count, …) are left out."
        case .wrongLocation: return "The Location header of a creation points at a resource that does not exist."
        case .acceptsInvalidInput: return "Requests are not validated: a missing, mistyped or out-of-range value is accepted with a 2xx."
        case .crashOnOutOfRange: return "A value outside its documented bounds (minimum, maximum, lengths, item counts) gets 500 instead of 400."
        case .ignoresAuth: return "Secured operations answer without credentials."
        case .acceptsInvalidCredentials: return "Any credential is accepted as long as one is present."
        case .ignoresUnknownID: return "An id that names nothing (never created, or deleted) gets 200 with a made-up resource instead of 404."
        case .ignoresMethod: return "An undocumented method on a documented path gets 404 instead of 405."
        case .ignoresContentType: return "A body in an unsupported media type is read as JSON (and refused with 400) instead of 415."
        case .deleteDoesNothing: return "DELETE answers success but the resource stays readable."
        case .staleReadAfterUpdate: return "PUT and PATCH answer with the new values but reads keep returning the old ones."
        case .nonIdempotentPut: return "PUT creates a new resource under a fresh id on every call instead of replacing the one it names."
        case .createIgnoresInput: return "Creation stores made-up values instead of those sent, though it answers with them."
        case .putMerges: return "PUT keeps the members its body leaves out, merging like PATCH instead of replacing the resource."
        case .htmlErrors: return "Client errors (4xx) come back as an HTML page (text/html) where the description documents another media type."
        case .malformedHeader: return "Documented response headers carry a value their schema does not allow (a word where a number is documented)."
        case .slowResponse: return "GET requests answer after 2 s, four times the default latency budget of 500 ms (so a run that scales budgets for a slow machine still kills it)."
        }
    }

    /// The generated tests that kill it, in a sentence.
    public var killedBy: String {
        switch self {
        case .wrongStatus: return "positive cases (exact documented status)"
        case .missingRequiredField, .wrongType: return "positive cases (response schema)"
        case .wrongContentType: return "positive cases (Content-Type)"
        case .missingHeader: return "positive cases of operations with required response headers"
        case .wrongLocation: return "the Location probe (the read of the URL a creation's Location gives)"
        case .acceptsInvalidInput, .crashOnOutOfRange: return "validation cases"
        case .ignoresAuth: return "error cases without credentials"
        case .acceptsInvalidCredentials: return "error cases with invalid credentials"
        case .ignoresUnknownID: return "unknown-id error cases and the read after a flow's delete"
        case .ignoresMethod: return "method-not-allowed error cases"
        case .ignoresContentType: return "unsupported-media-type error cases"
        case .deleteDoesNothing: return "CRUD flows (the read after the delete)"
        case .staleReadAfterUpdate: return "CRUD flows (the read after the update)"
        case .nonIdempotentPut: return "CRUD flows that update with PUT (the read after the update) and the same-PUT-twice probe"
        case .putMerges: return "the PUT-replaces probe (the read after a PUT of only the required members)"
        case .createIgnoresInput: return "CRUD flows (the read after the create)"
        case .slowResponse: return "performance cases (latency budget)"
        case .htmlErrors: return "validation and error cases, and a flow's read after its delete (the media type documented for the error status)"
        case .malformedHeader: return "positive, flow and performance cases of operations documenting response headers with a schema (header values)"
        }
    }

    /// The case kinds of a test plan (`positive`, `validation`, `error`, `flow`,
    /// `performance`) whose tests can kill it.
    public var caseKinds: [String] {
        switch self {
        case .wrongStatus, .missingRequiredField, .wrongType, .wrongContentType: return ["positive", "flow", "performance"]
        case .missingHeader: return ["positive", "flow"]
        case .wrongLocation, .deleteDoesNothing, .staleReadAfterUpdate, .nonIdempotentPut, .createIgnoresInput, .putMerges: return ["flow"]
        case .acceptsInvalidInput, .crashOnOutOfRange: return ["validation"]
        case .ignoresAuth, .acceptsInvalidCredentials, .ignoresMethod, .ignoresContentType: return ["error"]
        case .ignoresUnknownID: return ["error", "flow"]
        case .slowResponse: return ["performance"]
        case .htmlErrors: return ["validation", "error", "flow"]
        case .malformedHeader: return ["positive", "flow", "performance"]
        }
    }
}
