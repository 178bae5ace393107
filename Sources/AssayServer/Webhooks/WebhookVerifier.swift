import Foundation
import HTTPTypes

/// Checks that a delivery was made by someone who knows the project's secret for its source.
///
/// A verifier sees the raw body, exactly as received, before anything parses it; every
/// comparison with a secret-derived value takes the same time whatever the input.
protocol WebhookVerifier: Sendable {
    /// Returns when the delivery is authentic.
    ///
    /// - Parameters:
    ///   - headers: The request's headers.
    ///   - body: The raw body.
    ///   - secret: The project's secret for this source, as stored.
    ///   - now: The current time (a signed timestamp must be near it).
    /// - Throws: ``APIError`` 401 saying what is missing or wrong.
    func verify(headers: HTTPFields, body: [UInt8], secret: String, now: Date) throws(APIError)
}
