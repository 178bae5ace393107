import DequeModule
import NIOCore
import NIOHTTP1
import NIOPosix

/// One step of load: `requests` sent at `rate` per second on one event loop, each answer's
/// latency taken from its due time.
///
/// All state lives on `loop` (every method runs there), hence `@unchecked Sendable`.
final class LoadRun: @unchecked Sendable {
    let loop: any EventLoop
    let target: LoadTarget
    let requests: [LoadRequest]
    /// Nanoseconds between two due times.
    let interval: Int64
    let rate: Int
    let initialConnections: Int
    let maxConnections: Int
    /// How long after the last due time answers are waited for.
    static let drain = TimeAmount.seconds(30)

    private var start = NIODeadline.now()
    private var next = 0
    private var idle: [Connection] = []
    private var waiting = Deque<Int>()
    private var opened = 0
    private var connecting = 0
    private var answered = 0
    private var latencies: [Int64]
    private var statuses: [Int: Int] = [:]
    private var failures: [String: Int] = [:]
    private var lastAnswer = NIODeadline.now()
    private var ticker: RepeatedTask?
    private var finished: EventLoopPromise<LoadReport>

    init(loop: any EventLoop, target: LoadTarget, requests: [LoadRequest], rate: Int, configuration: AssayLoad) {
        self.loop = loop
        self.target = target
        self.requests = requests
        self.rate = rate
        self.interval = 1_000_000_000 / Int64(rate)
        self.initialConnections = configuration.connections
        self.maxConnections = configuration.maxConnections
        self.latencies = Array(repeating: -1, count: requests.count)
        self.finished = loop.makePromise()
    }

    /// Connects, sends every request on time, waits for the answers and reports.
    func run() throws -> LoadReport {
        loop.execute {
            self.warmConnections()
        }
        return try finished.futureResult.wait()
    }

    // MARK: Schedule

    private func warmConnections() {
        let connects = (0..<initialConnections).map { _ in connect() }
        EventLoopFuture.whenAllComplete(connects, on: loop).whenComplete { _ in
            self.start = .now()
            // A tick every 250 µs sends whatever is due: at most a quarter millisecond late.
            self.ticker = self.loop.scheduleRepeatedTask(initialDelay: .zero, delay: .microseconds(250)) { _ in self.tick() }
            let end = self.start + .nanoseconds(self.interval * Int64(self.requests.count)) + Self.drain
            self.loop.scheduleTask(deadline: end) { self.giveUp() }
        }
    }

    private func tick() {
        let now = NIODeadline.now()
        while next < requests.count, due(next) <= now {
            dispatch(next)
            next += 1
        }
        if next == requests.count {
            ticker?.cancel()
            ticker = nil
        }
    }

    private func due(_ index: Int) -> NIODeadline {
        start + .nanoseconds(interval * Int64(index))
    }

    private func dispatch(_ index: Int) {
        if let connection = idle.popLast() {
            send(index, on: connection)
            return
        }
        waiting.append(index)
        if opened + connecting < maxConnections {
            _ = connect()
        }
    }

    // MARK: Connections

    @discardableResult
    private func connect() -> EventLoopFuture<Void> {
        connecting += 1
        let connection = Connection(run: self)
        return ClientBootstrap(group: loop)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(connection)
                }
            }
            .connect(host: target.host, port: target.port)
            .map { channel in
                self.connecting -= 1
                self.opened += 1
                connection.channel = channel
                self.becameIdle(connection)
            }
            .flatMapErrorThrowing { error in
                self.connecting -= 1
                self.failures["connect: \(error)", default: 0] += 1
                // A request waiting for this connection fails rather than waits forever.
                if let index = self.waiting.popFirst() { self.answer(index, status: nil) }
            }
    }

    /// `connection` may take the next request.
    func becameIdle(_ connection: Connection) {
        if let index = waiting.popFirst() {
            send(index, on: connection)
        } else {
            idle.append(connection)
        }
    }

    private func send(_ index: Int, on connection: Connection) {
        guard let channel = connection.channel else { return }
        connection.current = index
        let request = requests[index]
        channel.write(HTTPClientRequestPart.head(request.head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(request.body)), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
    }

    // MARK: Answers

    /// Request `index` was answered with `status` (`nil`: the connection failed).
    func answer(_ index: Int, status: Int?) {
        let now = NIODeadline.now()
        if let status {
            statuses[status, default: 0] += 1
            latencies[index] = (now - due(index)).nanoseconds
        }
        answered += 1
        lastAnswer = now
        if answered == requests.count { finish() }
    }

    /// `connection` closed or failed, with `index` unanswered if any.
    func lost(_ connection: Connection, unanswered index: Int?, error: String) {
        if connection.channel != nil {
            idle.removeAll { $0 === connection }
            opened -= 1
        }
        if let index {
            failures[error, default: 0] += 1
            answer(index, status: nil)
        }
    }

    private func giveUp() {
        guard answered < requests.count else { return }
        failures["no answer within \(Self.drain) of the last due time", default: 0] += requests.count - answered
        answered = requests.count
        finish()
    }

    private func finish() {
        ticker?.cancel()
        for connection in idle { connection.channel?.close(promise: nil) }
        idle.removeAll()
        let span = Double((lastAnswer - start).nanoseconds) / 1e9
        finished.succeed(
            LoadReport(rate: rate, sent: next, latencies: latencies.filter { $0 >= 0 }, statuses: statuses, failures: failures, seconds: span)
        )
    }
}

/// One connection: writes a request, reads its answer, reports it to the run.
final class Connection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart

    // Strong: the pipeline drops the handler, and with it the run, when the channel closes.
    let run: LoadRun
    /// Set once connected.
    var channel: (any Channel)?
    /// The request in flight on this connection.
    var current: Int?
    private var status: Int?
    private var lost = false

    init(run: LoadRun) {
        self.run = run
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
        case .body:
            break
        case .end:
            guard let index = current else { return }
            current = nil
            run.answer(index, status: status)
            run.becameIdle(self)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        close(reason: "\(error)")
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        close(reason: "connection closed by the server")
    }

    private func close(reason: String) {
        guard !lost else { return }
        lost = true
        let index = current
        current = nil
        run.lost(self, unanswered: index, error: reason)
    }
}
