import Hummingbird

/// `POST /api/v1/webhooks/{source}`. (Being built.)
struct WebhookRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on group: RouterGroup<AssayRequestContext>) {}
}
