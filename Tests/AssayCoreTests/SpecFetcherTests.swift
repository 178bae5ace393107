import Foundation
import Hummingbird
import OrderedCollections
import AssayTestSupport
import Testing

@testable import AssayCore

struct AddressGuardTests {
    @Test(arguments: [
        "127.0.0.1", "127.255.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "::ffff:127.0.0.1", "::ffff:8.8.8.8", "fe80::1", "fd00::1",
        "fc00::1", "ff02::1", "64:ff9b::7f00:1", "[::1]",
    ])
    func refusesNonPublicAddresses(_ address: String) {
        #expect(AddressGuard.refusal(for: address) != nil, "\(address) must be refused")
    }

    @Test(arguments: ["8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450:4001:80b::200e"])
    func allowsPublicAddresses(_ address: String) {
        #expect(AddressGuard.refusal(for: address) == nil, "\(address) is public")
    }

    @Test func numericHostFormsResolveToWhatTheyMean() async throws {
        #expect(try await AddressGuard.resolve("2130706433") == ["127.0.0.1"])
        #expect(try await AddressGuard.resolve("127.1") == ["127.0.0.1"])
        #expect(try await AddressGuard.resolve("[::1]") == ["::1"])
    }
}

struct SpecFetcherTests {
    static let spec = "openapi: 3.0.3\ninfo: {title: Remote, version: '1'}\npaths:\n  /x:\n    get:\n      responses: {'200': {description: ok}}\n"

    private static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("openapi.yaml") { _, _ in spec }
        router.get("moved") { _, _ in Response(status: .found, headers: [.location: "/openapi.yaml"]) }
        router.get("elsewhere") { request, _ in
            // Same port, other host name: a cross-host redirect.
            Response(
                status: .temporaryRedirect,
                headers: [.location: "http://localhost:\(request.head.authority?.split(separator: ":").last ?? "80")/openapi.yaml"]
            )
        }
        router.get("loop") { _, _ in Response(status: .found, headers: [.location: "/loop"]) }
        router.get("big") { _, _ in String(repeating: "# filler\n", count: 200_000) }
        router.get("missing") { _, _ in Response(status: .notFound) }
        router.get("split.yaml") { _, _ in
            "openapi: 3.0.3\ninfo: {title: Split, version: '1'}\npaths:\n  /x:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: 'schemas.yaml#/Thing'}\n"
        }
        router.get("schemas.yaml") { _, _ in "Thing: {type: object, properties: {id: {type: integer}}}\n" }
        return router
    }

    private func load(_ url: String, allowPrivate: Bool, maxBytes: Int = LoadLimits.default.maxBytes) async throws -> SpecLoader.Result {
        var limits = LoadLimits.default
        limits.maxBytes = maxBytes
        let options = LoadOptions(limits: limits, fetch: FetchPolicy(allowPrivateAddresses: allowPrivate, requestTimeoutSeconds: 10))
        return try await SpecLoader(options: options).load(.url(URL(string: url)!))
    }

    @Test func loopbackIsRefusedUnlessAllowed() async throws {
        try await withTestServer(Self.router()) { port in
            await #expect {
                _ = try await load("http://127.0.0.1:\(port)/openapi.yaml", allowPrivate: false)
            } throws: { error in
                guard let error = error as? LoadError else { return false }
                return error.code == .blockedAddress && error.message.contains("loopback") && error.message.contains("--allow-private")
            }
            let result = try await load("http://127.0.0.1:\(port)/openapi.yaml", allowPrivate: true)
            #expect(result.model.info.title == "Remote")
            #expect(result.model.source == "http://127.0.0.1:\(port)/openapi.yaml")
        }
    }

    @Test func hostNamesThatResolveToLoopbackAreRefused() async throws {
        try await withTestServer(Self.router()) { port in
            await #expect {
                _ = try await load("http://localhost:\(port)/openapi.yaml", allowPrivate: false)
            } throws: { error in
                (error as? LoadError)?.code == .blockedAddress
            }
        }
    }

    @Test func sameHostRedirectsAreFollowedOthersRefused() async throws {
        try await withTestServer(Self.router()) { port in
            let moved = try await load("http://127.0.0.1:\(port)/moved", allowPrivate: true)
            #expect(moved.model.info.title == "Remote")
            await #expect {
                _ = try await load("http://127.0.0.1:\(port)/elsewhere", allowPrivate: true)
            } throws: { error in
                guard let error = error as? LoadError else { return false }
                return error.code == .fetchFailed && error.message.contains("another host")
            }
            await #expect {
                _ = try await load("http://127.0.0.1:\(port)/loop", allowPrivate: true)
            } throws: { error in
                (error as? LoadError)?.message.contains("redirects") == true
            }
        }
    }

    @Test func oversizeBodiesAndHTTPErrorsAreRefused() async throws {
        try await withTestServer(Self.router()) { port in
            await #expect {
                _ = try await load("http://127.0.0.1:\(port)/big", allowPrivate: true, maxBytes: 100_000)
            } throws: { error in
                (error as? LoadError)?.code == .tooLarge
            }
            await #expect {
                _ = try await load("http://127.0.0.1:\(port)/missing", allowPrivate: true)
            } throws: { error in
                guard let error = error as? LoadError else { return false }
                return error.code == .fetchFailed && error.message.contains("404")
            }
        }
    }

    @Test func externalReferencesAreFetchedThroughTheSameGuard() async throws {
        try await withTestServer(Self.router()) { port in
            let result = try await load("http://127.0.0.1:\(port)/split.yaml", allowPrivate: true)
            #expect(result.model.schemas["Thing"]?.value["type"] == "object")
            #expect(result.warnings.isEmpty, "\(result.warnings)")
        }
    }
}
