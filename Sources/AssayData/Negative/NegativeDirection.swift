/// Which way the instance travels, for `readOnly`/`writeOnly`.
///
/// A server is told to ignore a `readOnly` property in a request (and a client a
/// `writeOnly` one in a response), so breaking such a property, or leaving it out when it
/// is required, proves nothing about validation; those variants are not produced.
public enum NegativeDirection: String, Sendable, Hashable {
    /// A request body or parameter: `readOnly` properties are skipped.
    case request
    /// A response body: `writeOnly` properties are skipped.
    case response
}
