import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// `assay-load`: drives signed Standard Webhooks deliveries at fixed, open-loop rates and
/// prints their latency percentiles (bench/webhook-ingest.sh runs it).
///
/// Open loop: request `i` of a step is due at `start + i / rate` whether or not earlier ones
/// were answered, and its latency counts from that due time, so a server that stalls is
/// charged for the requests queued behind the stall (no coordinated omission). Everything runs
/// on one event-loop thread, and every request is signed before its step starts, so the
/// generator takes little of a small machine's CPU.
@main
struct AssayLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assay-load",
        abstract: "Open-loop load of signed Standard Webhooks deliveries; prints p50/p90/p99/max per rate.",
        discussion: """
            Example:
              assay-load --url 'http://127.0.0.1:8080/api/v1/webhooks/generic?project=bench' \\
                --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --rates 1000,2000 --duration 10
            """
    )

    @Option(help: "The webhook URL: http://HOST:PORT/api/v1/webhooks/generic?project=SLUG.")
    var url: String

    @Option(help: "The project's generic secret (whsec_<base64> or raw text).")
    var secret: String

    @Option(help: "Requests per second of each step, comma-separated.")
    var rates: String = "1000,2000"

    @Option(help: "Seconds each step lasts (1 to 120).")
    var duration: Double = 10

    @Option(help: "Seconds of load before each step, not measured (0 to 30).")
    var warmup: Double = 1

    @Option(help: "Connections opened before a step starts.")
    var connections: Int = 16

    @Option(help: "The most connections a step may open (requests wait for one beyond that).")
    var maxConnections: Int = 256

    @Option(help: "Body bytes per delivery (about; at least the JSON envelope).")
    var bodySize: Int = 256

    func validate() throws {
        guard (1...120).contains(duration), (0...30).contains(warmup) else {
            throw ValidationError("--duration must be 1 to 120 seconds and --warmup 0 to 30")
        }
        guard parsedRates.count >= 1, parsedRates.allSatisfy({ (1...100_000).contains($0) }) else {
            throw ValidationError("--rates must be comma-separated integers from 1 to 100000")
        }
        guard (1...4096).contains(connections), (connections...4096).contains(maxConnections) else {
            throw ValidationError("--connections must be 1 to 4096, and --max-connections at least that")
        }
        guard (0...(1 << 20)).contains(bodySize) else { throw ValidationError("--body-size must be 0 to 1 MiB") }
        _ = try LoadTarget(url)
    }

    var parsedRates: [Int] {
        rates.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    func run() throws {
        let target = try LoadTarget(url)
        let signer = try DeliverySigner(secret: secret, bodySize: bodySize)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let runID = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        print("assay-load: \(target.description), steps \(parsedRates.map { "\($0)/s" }.joined(separator: ", ")) for \(duration) s each")
        for rate in parsedRates {
            if warmup > 0 {
                let count = max(1, Int(Double(rate) * warmup))
                let requests = signer.requests(count: count, target: target, idPrefix: "\(runID)-w\(rate)")
                let report = try LoadRun(loop: group.next(), target: target, requests: requests, rate: rate, configuration: self).run()
                print("warm-up " + report.line)
            }
            let count = max(1, Int(Double(rate) * duration))
            let requests = signer.requests(count: count, target: target, idPrefix: "\(runID)-\(rate)")
            let report = try LoadRun(loop: group.next(), target: target, requests: requests, rate: rate, configuration: self).run()
            print(report.line)
        }
    }
}
