public import AssayCore
public import AssayGen
import Foundation
import OrderedCollections

/// A problem the run found, once: cases that fail the same check on the same operation
/// for the same cause are one finding, with every case listed.
public struct Finding: Sendable, Hashable {
    public var check: FindingCheck
    /// The operation of the failing step: `GET /pets/{petId}`.
    public var operation: String
    /// The cause with request-specific values (ids, numbers, array positions) taken out:
    /// what two failures must share to be the same finding.
    public var cause: String
    /// The message of the first failure, as the check wrote it.
    public var message: String
    /// Every case that showed it, in plan order.
    public var caseIDs: [String]
    /// The first case's failing request (credentials masked) and response.
    public var request: WireRequest
    public var response: WireResponse?
    /// The requests sent before it in that case (a flow's earlier steps).
    public var earlierRequests: [WireRequest]
    /// Whether it showed only once of two attempts.
    public var flaky: Bool
    /// What the failing step expected.
    public var expectation: AssayGen.Expectation
    /// What the description documents for the status that came back, for the checks that
    /// judge any answer (``FindingCheck/undocumentedContentType``, ``FindingCheck/malformedHeader``).
    public var documented: DocumentedResponse? = nil

    public var severity: FindingCheck.Severity { check.severity }
}

extension Finding {
    /// The findings of a run's failed and flaky cases, deduplicated, most severe first.
    public static func findings(in report: RunReport, plan: TestPlan, checks: Set<FindingCheck> = Set(FindingCheck.allCases)) -> [Finding] {
        let cases = Dictionary(plan.cases.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [Finding] = []
        var index: [String: Int] = [:]
        for result in report.results where result.outcome != .passed {
            guard let failure = result.failure, let testCase = cases[result.caseID], let request = result.request ?? result.earlierRequests.last
            else { continue }
            let step = result.failedStep ?? 0
            let check = classify(failure, case: testCase, step: step, response: result.response)
            guard checks.contains(check) else { continue }
            let operation = step < testCase.steps.count ? testCase.steps[step].operation : result.operations.first ?? "?"
            let cause = normalizedCause(failure, response: result.response)
            let key = "\(check.rawValue)|\(operation)|\(cause)"
            if let existing = index[key] {
                found[existing].caseIDs.append(result.caseID)
                continue
            }
            index[key] = found.count
            found.append(
                Finding(
                    check: check, operation: operation, cause: cause, message: failure.message, caseIDs: [result.caseID],
                    request: request.redacted, response: result.response, earlierRequests: result.earlierRequests.map(\.redacted),
                    flaky: result.outcome == .flaky, expectation: testCase.steps[min(step, testCase.steps.count - 1)].expect,
                    documented: result.response.flatMap { response in
                        guard step < testCase.steps.count, testCase.steps[step].sendsDocumentedMethod else { return nil }
                        return plan.responses[operation].flatMap { DocumentedResponse.matching(response.status, in: $0) }
                    }))
        }
        return found.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    /// The check a failure falls under, from what failed and what the case meant to show.
    static func classify(_ failure: StepFailure, case testCase: TestCase, step: Int, response: WireResponse?) -> FindingCheck {
        // A step that probes one behaviour reports under its check, unless the server failed outright.
        if step < testCase.steps.count, let reports = testCase.steps[step].reports, let probed = FindingCheck(rawValue: reports),
            failure.check != "request", (response?.status ?? 0) < 500,
            failure.check != "expect_documented_media", failure.check != "expect_header_values"
        {
            return probed
        }
        switch failure.check {
        case "follow_location": return .wrongLocation
        case "expect_documented": return .undocumentedStatus
        case "expect_body_differs": return .putNotReplacing
        case "expect_not_listed": return .deleteNoEffect
        case "expect_status":
            guard let status = response?.status else { return .transportError }
            if status >= 500 { return .serverError }
            let success = (200..<300).contains(status)
            let suffix = testCase.id.split(separator: ".").dropFirst(2).joined(separator: ".")
            switch testCase.kind {
            case .validation where success: return .invalidRequestAccepted
            case .positive, .performance:
                return (400..<500).contains(status) ? .validRequestRejected : .unexpectedStatus
            case .error:
                if suffix.hasPrefix("no-credentials") || suffix.hasPrefix("invalid-credentials") { return success ? .authBypass : .unexpectedStatus }
                if suffix.hasPrefix("unknown-id") { return .unknownResourceServed }
                if suffix.hasPrefix("method-not-allowed") { return .methodNotRejected }
                if suffix.hasPrefix("unsupported-media-type") { return .mediaTypeNotRejected }
                return .unexpectedStatus
            case .flow:
                let expected = testCase.steps[step].expect.status
                if expected.codes.contains(404) && success { return .deletedResourceServed }
                if step > 0 && status == 404 { return .createdResourceMissing }
                return (400..<500).contains(status) && expected.classes.contains(2) || expected.codes.contains(where: { $0 < 300 })
                    ? .validRequestRejected : .unexpectedStatus
            default: return .unexpectedStatus
            }
        case "expect_json": return .wrongContentType
        case "expect_documented_media": return .undocumentedContentType
        case "expect_header_values": return .malformedHeader
        case "expect_schema": return .schemaMismatch
        case "expect_headers": return .missingHeader
        case "expect_within": return .latencyBudget
        case "expect_body_value": return .valueNotStored
        case "capture_body", "capture_header": return .missingCapture
        default: return response == nil ? .transportError : .unexpectedStatus
        }
    }

    /// The failure without what changes from request to request: the status for status
    /// checks, the schema keyword and place (array positions as `*`) for schema checks.
    static func normalizedCause(_ failure: StepFailure, response: WireResponse?) -> String {
        let message = failure.message
        switch failure.check {
        case "expect_status", "expect_documented": return "status \(response?.status ?? 0)"
        case "expect_schema":
            // "… at /items/3/price: … (keyword type, schema …)": keep place and keyword.
            let place = message.range(of: "schema at ").map { message[$0.upperBound...].prefix { $0 != ":" } } ?? ""
            let keyword = message.range(of: "(keyword ").map { message[$0.upperBound...].prefix { $0 != "," } } ?? ""
            let generic = place.split(separator: "/", omittingEmptySubsequences: false).map { $0.allSatisfy(\.isNumber) && !$0.isEmpty ? "*" : String($0) }
            return "\(generic.joined(separator: "/")) \(keyword)"
        case "expect_json", "expect_documented_media": return String(message.prefix { $0 != ":" })
        case "expect_header_values":
            // "the X-Rate header '12a' does not match …": the header, not its value.
            return "header " + (message.split(separator: " ").dropFirst().first.map(String.init) ?? "")
        case "expect_headers", "expect_body_value", "expect_body_differs", "expect_not_listed", "capture_body", "capture_header":
            return String(message.prefix { $0 != ":" }).split(separator: " ").filter { !$0.contains(where: \.isNumber) }.joined(separator: " ")
        default:
            return failure.check
        }
    }
}

extension WireRequest {
    /// The request with credential headers and credential-looking query values masked.
    var redacted: WireRequest {
        var copy = self
        copy.headers = headers.map { WireHeader($0.name, RunReport.redacted($0.name, $0.value)) }
        return copy
    }
}
