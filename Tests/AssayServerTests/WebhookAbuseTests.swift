import AssayServer
import AssayStore
import AssayTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The webhook abuse bar: 10,000 hostile deliveries (random bytes, truncated JSON, wrong or
/// missing signatures, oversize bodies, bad timestamps, header garbage, huge headers), drawn
/// from a seeded generator, each answered with a 4xx; the server answers `/health` after
/// them and no job or delivery exists.
struct WebhookAbuseTests {
    static let deliveries = 10_000
    static let concurrency = 16
    static let bodyLimit = 2048

    @Test(arguments: DatabaseBackend.allCases)
    func hostileDeliveriesAreAllRefused(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            let secrets = Dictionary(uniqueKeysWithValues: WebhookSigner.sources.map { ($0, WebhookSigner.secret(for: $0)) })
            _ = try await ProjectRepository(store: harness.store).create(slug: "api", name: "API", settings: ProjectSettings(webhookSecrets: secrets))
            let started = ContinuousClock.now
            let outcomes = try await withThrowingTaskGroup(of: [Outcome].self) { group in
                for lane in 0..<Self.concurrency {
                    group.addTask {
                        var random = SplitMix64(seed: 0xA55A_0000 + UInt64(lane))
                        var outcomes: [Outcome] = []
                        var index = lane
                        while index < Self.deliveries {
                            let request = HostileDelivery.make(index, random: &random, limit: Self.bodyLimit)
                            outcomes.append(try await Self.send(request, to: harness.baseURL))
                            index += Self.concurrency
                        }
                        return outcomes
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            let elapsed = ContinuousClock.now - started
            #expect(outcomes.count == Self.deliveries)
            let refusedOtherwise = outcomes.filter { !(400..<500).contains($0.status) }
            #expect(refusedOtherwise.isEmpty, "not 4xx: \(refusedOtherwise.prefix(10).map { "\($0.kind) → \($0.status) \($0.text.prefix(200))" })")
            var byKind: [String: [Int: Int]] = [:]
            for outcome in outcomes { byKind[outcome.kind, default: [:]][outcome.status, default: 0] += 1 }
            // Every kind was drawn, so a generator that stops making one fails here.
            #expect(Set(byKind.keys) == Set(HostileDelivery.Kind.allCases.map(\.rawValue)), "\(byKind)")
            #expect(byKind["oversize"]?.keys.sorted() == [413], "\(byKind)")
            #expect(byKind["huge-headers"]?.keys.sorted() == [400], "\(byKind)")
            print("webhook abuse on \(backend): \(outcomes.count) deliveries in \(elapsed), answers by kind \(byKind.sorted { $0.key < $1.key })")

            let health = try await harness.send(.GET, "/health")
            #expect(health.status == 200)
            #expect(try await count("jobs", in: harness.store) == 0)
            #expect(try await count("webhook_deliveries", in: harness.store) == 0)
            // The server still accepts a real delivery after all that.
            let signer = WebhookSigner(source: "generic")
            let body = signer.changeBody()
            let valid = try await harness.send(
                .POST,
                "/api/v1/webhooks/generic?project=api",
                headers: signer.headers(for: body, id: "after"),
                body: body
            )
            #expect(valid.status == 202, "\(valid.text)")
            #expect(elapsed < .seconds(120))
        }
    }

    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.runsJobs = false
        configuration.maxWebhookBody = bodyLimit
    }

    struct Outcome: Sendable {
        var kind: String
        var status: Int
        var text: String
    }

    /// Sends one delivery. A huge header block is refused by the HTTP parser, which answers
    /// 400 and closes, so it goes over a plain socket that reads that answer.
    static func send(_ delivery: HostileDelivery, to baseURL: String) async throws -> Outcome {
        if delivery.kind == .hugeHeaders {
            let status = try await RawHTTP.status(of: delivery, baseURL: baseURL)
            return Outcome(kind: delivery.kind.rawValue, status: status, text: "")
        }
        var request = HTTPClientRequest(url: baseURL + delivery.path)
        request.method = .POST
        for (name, value) in delivery.headers { request.headers.add(name: name, value: value) }
        if delivery.streamed {
            // No Content-Length: the server finds the size by reading, in 1 KiB chunks.
            let chunks = stride(from: 0, to: delivery.body.count, by: 1024).map {
                ByteBuffer(bytes: delivery.body[$0..<min($0 + 1024, delivery.body.count)])
            }
            request.body = .stream(Chunks(chunks: chunks), length: .unknown)
        } else {
            request.body = .bytes(ByteBuffer(bytes: delivery.body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Outcome(kind: delivery.kind.rawValue, status: Int(response.status.code), text: String(buffer: bytes))
    }
}

/// One hostile request.
struct HostileDelivery: Sendable {
    enum Kind: String, CaseIterable, Sendable {
        case randomBytes = "random-bytes"
        case truncatedJSON = "truncated-json"
        case wrongSignature = "wrong-signature"
        case missingSignature = "missing-signature"
        case oversize
        case badTimestamp = "bad-timestamp"
        case headerGarbage = "header-garbage"
        case hugeHeaders = "huge-headers"
        case badAddress = "bad-address"
        case badFields = "bad-fields"
    }

    var kind: Kind
    var path: String
    var headers: [(String, String)]
    var body: [UInt8]
    var streamed = false

    /// Delivery `index` of the run, drawn from `random`.
    static func make(_ index: Int, random: inout SplitMix64, limit: Int) -> HostileDelivery {
        let source = WebhookSigner.sources[random.below(WebhookSigner.sources.count)]
        let signer = WebhookSigner(source: source)
        let path = "/api/v1/webhooks/\(source)?project=api"
        let id = "abuse-\(index)"
        // Huge headers are costly to send; one in a hundred is enough to cover them.
        let kinds = Kind.allCases.filter { $0 != .hugeHeaders }
        let kind: Kind = index % 100 == 7 ? .hugeHeaders : kinds[random.below(kinds.count)]
        switch kind {
        case .randomBytes:
            let body = random.bytes(random.below(limit))
            // Without a signature, or with one whose header holds random bytes.
            var headers = signer.headers(for: body, id: id).filter { !Self.isSignature($0.0) }
            if random.below(2) == 0 { headers.append((Self.signatureHeader(source), random.printable(random.below(100) + 1))) }
            return HostileDelivery(kind: kind, path: path, headers: headers, body: body)
        case .truncatedJSON:
            // Correctly signed, so it reaches the JSON reader, which must refuse it.
            let full = signer.changeBody()
            let body = Array(full.prefix(random.below(full.count - 1)))
            return HostileDelivery(kind: kind, path: path, headers: signer.headers(for: body, id: id), body: body)
        case .wrongSignature:
            let body = signer.changeBody()
            let forged = WebhookSigner(
                source: source,
                secret: source == "generic" ? "whsec_" + Data(random.bytes(24)).base64EncodedString() : random.printable(20)
            )
            var headers = forged.headers(for: body, id: id)
            if source != "gitlab", random.below(2) == 0 {
                // A valid signature of other bytes (GitLab signs no bytes: its token is all).
                headers = signer.headers(for: body + random.bytes(1 + random.below(10)), id: id)
            }
            return HostileDelivery(kind: kind, path: path, headers: headers, body: body)
        case .missingSignature:
            let body = signer.changeBody()
            return HostileDelivery(kind: kind, path: path, headers: signer.headers(for: body, id: id).filter { !Self.isSignature($0.0) }, body: body)
        case .oversize:
            let body = random.bytes(limit + 1 + random.below(limit * 4))
            let signed = random.below(2) == 0
            let headers =
                signed ? signer.headers(for: body, id: id) : [("X-Nothing", "1")] + signer.headers(for: [], id: id).filter { !Self.isSignature($0.0) }
            return HostileDelivery(kind: kind, path: path, headers: headers, body: body, streamed: random.below(2) == 0)
        case .badTimestamp:
            let generic = WebhookSigner(source: "generic")
            let body = generic.changeBody()
            // Well outside the five minutes: a loaded machine may take a second to answer.
            let offsets: [TimeInterval] = [-320, 320, -86_400 * 365, 86_400 * 365 * 50]
            var headers = generic.headers(for: body, id: id, timestamp: Date() + offsets[random.below(offsets.count)])
            if random.below(3) == 0 {
                let garbage = ["", "-1", "1e9", "99999999999999999999", "0x10", " 12", random.printable(12)]
                headers = headers.map { $0.0 == "webhook-timestamp" ? ($0.0, garbage[random.below(garbage.count)]) : $0 }
            }
            return HostileDelivery(kind: kind, path: "/api/v1/webhooks/generic?project=api", headers: headers, body: body)
        case .headerGarbage:
            // Garbage in the signature header, and in one other header too.
            let body = signer.changeBody()
            var headers = signer.headers(for: body, id: id)
            let other = headers[random.below(headers.count)].0
            for target in [Self.signatureHeader(source), other] {
                let values = [
                    random.printable(1 + random.below(8000)), String(repeating: "é", count: 1 + random.below(300)), "\u{FEFF}\u{202E}",
                    String(repeating: "v1,", count: 1 + random.below(500)), "sha256=" + String(repeating: "zz", count: 32),
                ]
                let value = values[random.below(values.count)]
                headers = headers.map { $0.0 == target ? ($0.0, value) : $0 }
            }
            return HostileDelivery(kind: kind, path: path, headers: headers, body: body)
        case .hugeHeaders:
            let body = signer.changeBody()
            return HostileDelivery(
                kind: kind,
                path: path,
                headers: signer.headers(for: body, id: id) + [("X-Padding", String(repeating: "p", count: 100_000))],
                body: body
            )
        case .badAddress:
            let body = signer.changeBody()
            let paths = [
                "/api/v1/webhooks/\(random.printable(8).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)?project=api",
                "/api/v1/webhooks/\(source)", "/api/v1/webhooks/\(source)?project=", "/api/v1/webhooks/\(source)?project=other",
                "/api/v1/webhooks/\(source)?project=\(String(repeating: "a", count: 65))",
            ]
            return HostileDelivery(kind: kind, path: paths[random.below(paths.count)], headers: signer.headers(for: body, id: id), body: body)
        case .badFields:
            // Signed well-formed JSON whose fields are not what the event needs.
            let bodies = [
                #"{"ref":42}"#, #"{"ref":"refs/heads/main","after":"xyz"}"#, #"{"ref":"\#(String(repeating: "r", count: 300))","after":"abcdef12"}"#,
            ]
            let github = WebhookSigner(source: "github")
            let body = Array(bodies[random.below(bodies.count)].utf8)
            return HostileDelivery(kind: kind, path: "/api/v1/webhooks/github?project=api", headers: github.headers(for: body, id: id), body: body)
        }
    }

    static func isSignature(_ name: String) -> Bool {
        ["x-hub-signature-256", "x-gitlab-token", "x-apifox-signature", "x-apidog-signature", "webhook-signature"].contains(name.lowercased())
    }

    static func signatureHeader(_ source: String) -> String {
        switch source {
        case "github": "X-Hub-Signature-256"
        case "gitlab": "X-Gitlab-Token"
        case "apifox": "X-Apifox-Signature"
        case "apidog": "X-Apidog-Signature"
        default: "webhook-signature"
        }
    }
}

/// Body chunks as the async sequence a streamed request body is.
struct Chunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let chunks: [ByteBuffer]

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: ArraySlice<ByteBuffer>

        mutating func next() async -> ByteBuffer? {
            remaining.popFirst()
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(remaining: chunks[...])
    }
}

/// SplitMix64: small, seeded, the same on every platform.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number from 0 to `bound - 1` (0 when `bound` is 0).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }

    /// Visible ASCII and spaces, as a header value may hold.
    mutating func printable(_ count: Int) -> String {
        String(decoding: (0..<count).map { _ in UInt8(0x20 + below(0x5F)) }, as: UTF8.self)
    }
}

/// A request over a plain TCP socket, for what an HTTP client will not send.
enum RawHTTP {
    /// The status of the answer to `delivery`.
    static func status(of delivery: HostileDelivery, baseURL: String) async throws -> Int {
        let port = Int(baseURL.split(separator: ":").last!)!
        var head = "POST \(delivery.path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(delivery.body.count)\r\n"
        for (name, value) in delivery.headers { head += "\(name): \(value)\r\n" }
        let request = Array((head + "\r\n").utf8) + delivery.body
        let answer = try await DedicatedThread.run { try exchange(request, port: port) }
        // "HTTP/1.1 400 Bad Request"
        let line = answer.split(separator: UInt8(ascii: "\r")).first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw RawHTTPError.noAnswer(line) }
        return status
    }

    /// Writes `request` and reads until the server closes or 64 KiB arrived.
    private static func exchange(_ request: [UInt8], port: Int) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTPError.socket(errno) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RawHTTPError.socket(errno) }
        // The server may answer and close before it has read everything: a failed write is
        // fine as long as the answer can be read.
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while answer.count < 65_536 {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[0..<count]
        }
        return answer
    }
}

enum RawHTTPError: Error {
    case socket(Int32)
    case noAnswer(String)
}
