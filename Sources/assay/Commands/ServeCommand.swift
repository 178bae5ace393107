import ArgumentParser
import AssayServer
import AssayStore
import Foundation
import Logging

/// `assay serve`: the HTTP API, the webhooks and the job workers.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Assay as a service: REST API, webhooks, job workers, health and metrics.",
        discussion: """
            The database is ASSAY_DATABASE_URL when set (postgres://…, for several instances), \
            else assay.sqlite in the data directory. Migrations are applied at start unless \
            --no-migrate (with several instances, run `assay migrate` once instead). The API \
            needs a bearer token: create one with `assay tokens create --name NAME --scope admin`.

            Endpoints: /health, /ready, /status, /metrics (Prometheus), /openapi.json, \
            /api/v1/… and /api/v1/webhooks/{apifox,apidog,github,gitlab,generic}?project=SLUG. \
            Logs are JSON lines on standard error, each request's with its request id. \
            SIGTERM or SIGINT stops gracefully: no new connections or claims, running jobs \
            finish within the grace period or go back to the queue. After a crash or SIGKILL, \
            the jobs that were running are queued again when their lease (--job-lease) expires.

            Exit codes: 0 stopped; 2 unusable settings or database.

            Examples:
              assay serve --port 8080
              assay serve --workers 8 --job-lease 10
              ASSAY_DATABASE_URL=postgres://assay@127.0.0.1:5432/assay assay serve --host 0.0.0.0 --no-migrate
            """
    )

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port, printed at start).")
    var port = 8080

    @Option(help: "Jobs run at once on this instance.")
    var workers = 4

    @Flag(help: "Run no jobs on this instance (API and webhooks only).")
    var noJobs = false

    @Flag(help: "Do not apply migrations at start (fail /ready instead when some are missing).")
    var noMigrate = false

    @Flag(help: "Let spec fetches and runs reach private and loopback addresses.")
    var allowPrivateNetworks = false

    @Option(help: "The lowest log level written: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @Option(help: "How long running jobs may take to finish at shutdown, in seconds.")
    var shutdownGrace = 10

    @Option(
        help: """
            How long a claimed job is leased, in seconds; its worker extends the lease while the job runs. \
            After a crash or SIGKILL, the job is queued again once its lease expires (expired leases are \
            looked for every third of the lease, at most every 10 s).
            """
    )
    var jobLease: Double = 30

    @Option(help: "How often a running job's lease is extended, in seconds (less than --job-lease; a third of it when not given).")
    var jobHeartbeat: Double?

    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard workers >= 1 else { throw ValidationError("--workers must be at least 1 (use --no-jobs to run none)") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard shutdownGrace >= 0 else { throw ValidationError("--shutdown-grace must not be negative") }
        guard Self.leaseRange.contains(jobLease) else {
            throw ValidationError("--job-lease must be a positive number of seconds, from 0.01 to 86400")
        }
        if let jobHeartbeat {
            guard Self.leaseRange.contains(jobHeartbeat) else {
                throw ValidationError("--job-heartbeat must be a positive number of seconds, from 0.01 to 86400")
            }
            guard jobHeartbeat < jobLease else {
                throw ValidationError(
                    "--job-heartbeat (\(jobHeartbeat) s) must be less than --job-lease (\(jobLease) s), or the lease expires between heartbeats"
                )
            }
        }
    }

    /// The seconds a lease or heartbeat may be (a day at most: a job's lease is not a schedule).
    private static let leaseRange = 0.01...86_400.0

    /// Whole milliseconds of a validated number of seconds.
    private static func duration(seconds: Double) -> Duration {
        .milliseconds(Int64((seconds * 1000).rounded()))
    }

    func run() async throws {
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = port
        configuration.runsJobs = !noJobs
        configuration.workers.concurrency = workers
        configuration.workers.shutdownGracePeriod = .seconds(shutdownGrace)
        configuration.workers.lease = Self.duration(seconds: jobLease)
        configuration.workers.heartbeatInterval = jobHeartbeat.map(Self.duration(seconds:))
        configuration.allowPrivateNetworks = allowPrivateNetworks
        configuration.python = ProcessInfo.processInfo.environment["ASSAY_PYTHON"]
        let migrate = !noMigrate
        try await StoreCommandError.reporting {
            try await store.withStore(requireMigrations: false) { store in
                if migrate {
                    try await store.migrate()
                }
                let server = AssayServer(store: store, configuration: configuration, logger: Logger(label: "assay.server"))
                let shownHost = host
                try await server.run(handlingSignals: true) { port in
                    // One line on standard output, for scripts waiting for the port.
                    FileHandle.standardOutput.write(Data("assay serve listening on http://\(shownHost):\(port)\n".utf8))
                }
            }
        }
    }
}
