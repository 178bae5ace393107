public import AssayStore
public import Hummingbird
import Logging

/// What one request carries through the middleware to its route: the request id and, once
/// authenticated, the token it was made with.
public struct AssayRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's id: the client's `X-Request-Id` when it sent a sane one, else a new one.
    public var requestID: String
    /// The token the request authenticated with (set by ``BearerAuthMiddleware``).
    public var token: APIToken?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = CoreRequestContextStorage(source: source)
        self.requestID = ""
        self.token = nil
    }

    /// Bodies decoded as JSON are small: larger uploads (specs, webhooks) read their body
    /// with their own route's limit.
    public var maxUploadSize: Int { 1 << 20 }
}
