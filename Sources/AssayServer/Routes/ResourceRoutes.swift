import Hummingbird

/// The REST resources under `/api/v1`. (Being built.)
struct ResourceRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on group: RouterGroup<AssayRequestContext>) {}
}
