import Hummingbird

/// `GET /openapi.json`. (Being built.)
struct OpenAPIRoute: Sendable {
    func register(on router: Router<AssayRequestContext>) {}
}
