import NIOCore
import NIOHTTP1

/// The mock's HTTP/1.1 handler, one per connection: reads a request, has the shared
/// responder answer it, and writes the answer, all on the connection's event loop.
///
/// The answer is synchronous work on values (routing, validation, generation), so it runs
/// where the bytes arrived rather than hopping to the concurrency pool and back: for
/// answers that take tens of microseconds, those two thread switches per request cost
/// more than the answer. NIO's server pipeline in front of it (`configureHTTPServerPipeline`)
/// parses, answers malformed requests with 400, keeps requests of one connection in order
/// and honours keep-alive and quiescing.
final class MockChannelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The largest request body read (a larger one gets 413 and the connection is closed).
    static let maximumBodySize = 16 << 20

    let responder: MockHTTPResponder
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    /// Set once a body passed the limit: the rest of that request is dropped.
    private var refused = false

    init(responder: MockHTTPResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = nil
            refused = false
        case .body(var chunk):
            guard !refused else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > Self.maximumBodySize {
                refused = true
                body = nil
                refuse(context: context)
                return
            }
            if body == nil {
                body = chunk
            } else {
                body?.writeBuffer(&chunk)
            }
        case .end:
            guard let head, !refused else { return }
            self.head = nil
            let request = MockRequest(
                method: head.method.rawValue,
                target: head.uri,
                headers: head.headers.map { MockHeader($0.name, $0.value) },
                body: body.map { Array($0.readableBytesView) } ?? []
            )
            body = nil
            let answer = responder.respond(to: request)
            let keepAlive = head.isKeepAlive
            let version = head.version
            if answer.delayMilliseconds > 0 {
                let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(answer.delayMilliseconds))) {
                    let (handler, context) = loopBound.value
                    handler.write(answer, version: version, keepAlive: keepAlive, context: context)
                }
            } else {
                write(answer, version: version, keepAlive: keepAlive, context: context)
            }
        }
    }

    private func write(_ answer: MockResponse, version: HTTPVersion, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = HTTPHeaders()
        headers.reserveCapacity(answer.headers.count + 2)
        for header in answer.headers where Self.isToken(header.name) {
            headers.add(name: header.name, value: Self.fieldValue(header.value))
        }
        headers.replaceOrAdd(name: "Content-Length", value: String(answer.body.count))
        if !keepAlive { headers.replaceOrAdd(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: answer.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: version, status: status, headers: headers))), promise: nil)
        if !answer.body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: answer.body)))), promise: nil)
        }
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }

    /// 413 for a body over the limit, then the connection closes: the rest is never read.
    private func refuse(context: ChannelHandlerContext) {
        write(MockResponse(status: 413), version: head?.version ?? .http1_1, keepAlive: false, context: context)
    }

    /// Whether `name` can be a header field name (an RFC 9110 token). A description may
    /// document any text as a header name; one that is not a token is not sent.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    /// A header value safe to put on the wire: a generated value may hold a line break or
    /// NUL, which would end the field (or the head) early; each becomes a space.
    static func fieldValue(_ value: String) -> String {
        guard value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }) else { return value }
        return String(decoding: value.utf8.map { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 ? 0x20 : $0 }, as: UTF8.self)
    }
}
