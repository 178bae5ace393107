import Hummingbird
import Logging
import NIOCore

/// `GET /openapi.json`: the service's OpenAPI 3.1 description (``OpenAPIDocument``).
struct OpenAPIRoute: Sendable {
    func register(on router: Router<AssayRequestContext>) {
        router.get("openapi.json") { _, _ in
            switch OpenAPIDocument.json {
            case .success(let bytes):
                return Response(
                    status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "public, max-age=300"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
            case .failure(let error):
                // The fragments are code: this is a bug, shown as a 500 and logged with its cause.
                throw error
            }
        }
    }
}
