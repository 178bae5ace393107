public import AssayCore
import Foundation
import OrderedCollections

/// One request of a case: what to send, what to keep from the answer, what to expect.
public struct TestStep: Sendable, Hashable {
    /// The operation called: `POST /pets`.
    public var operation: String
    /// Its `operationId`, when it has one.
    public var operationID: String?
    public var request: RequestTemplate
    /// Values taken from the response for later steps.
    public var captures: [Capture]
    public var expect: Expectation
    /// The finding check a failure of this step reports under, when the step exists to
    /// probe one behaviour (`wrong-location`, `non-idempotent-put`, …); `nil` when the
    /// failure itself says which (a status, a schema, a missing header).
    public var reports: String?

    public init(
        operation: String, operationID: String?, request: RequestTemplate, captures: [Capture] = [], expect: Expectation, reports: String? = nil
    ) {
        self.operation = operation
        self.operationID = operationID
        self.request = request
        self.captures = captures
        self.expect = expect
        self.reports = reports
    }
}

/// A value kept from a response under a name, for later steps (``PlanValue/captured(_:)``).
public struct Capture: Sendable, Hashable {
    /// Where the value is taken from.
    public enum Source: Sendable, Hashable {
        /// A JSON pointer into the response body.
        case body(JSONPointer)
        /// A response header, by name.
        case header(String)
    }

    public var name: String
    public var source: Source

    public init(name: String, source: Source) {
        self.name = name
        self.source = source
    }
}
