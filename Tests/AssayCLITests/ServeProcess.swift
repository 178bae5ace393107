import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The built `assay serve`, running as a child process on 127.0.0.1 with its output in files
/// (so a chatty log can never block it on a full pipe).
///
/// The owner must end it on every path: ``stop(timeout:)`` (SIGTERM, a graceful stop),
/// ``kill()`` (SIGKILL, a crash), or ``killIfRunning()`` in a `defer`.
final class ServeProcess {
    /// The port the server printed.
    let port: Int
    private let process: Process
    private let stdoutURL: URL
    private let stderrURL: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// The process id, for the record.
    var pid: Int32 { process.processIdentifier }

    /// Standard error so far (JSON log lines).
    var log: String {
        (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
    }

    private init(process: Process, port: Int, stdoutURL: URL, stderrURL: URL) {
        self.process = process
        self.port = port
        self.stdoutURL = stdoutURL
        self.stderrURL = stderrURL
    }

    /// Starts `assay serve --host 127.0.0.1 --port 0 arguments…` and waits for the line that
    /// names its port.
    ///
    /// - Parameters:
    ///   - name: Names the output files in `directory` (`NAME.stdout`, `NAME.stderr`).
    static func start(
        _ arguments: [String],
        environment: [String: String],
        directory: URL,
        name: String,
        timeout: Duration = .seconds(60)
    ) async throws -> ServeProcess {
        let stdoutURL = directory.appendingPathComponent("\(name).stdout")
        let stderrURL = directory.appendingPathComponent("\(name).stderr")
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let process = Process()
        process.executableURL = AssayBinary.executable
        process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
        process.currentDirectoryURL = directory
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        process.environment = merged
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let printed = (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? ""
            if let port = Self.port(in: printed) {
                return ServeProcess(process: process, port: port, stdoutURL: stdoutURL, stderrURL: stderrURL)
            }
            if !process.isRunning {
                let log = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
                throw ServeProcessError("assay serve exited with \(process.terminationStatus) before listening:\n\(log.suffix(4000))")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        Self.signal(process, SIGKILL)
        await Self.waitForExit(process, timeout: .seconds(10))
        throw ServeProcessError("assay serve printed no port within \(timeout)")
    }

    /// The port of `assay serve listening on http://HOST:PORT`, once the line is complete.
    static func port(in output: String) -> Int? {
        let marker = "assay serve listening on http://"
        guard let start = output.range(of: marker) else { return nil }
        let rest = output[start.upperBound...]
        guard let end = rest.firstIndex(of: "\n"), let colon = rest[..<end].lastIndex(of: ":") else { return nil }
        return Int(rest[rest.index(after: colon)..<end])
    }

    /// SIGKILL: the process dies at once, with no chance to release its jobs.
    func kill() async throws {
        Self.signal(process, SIGKILL)
        guard await Self.waitForExit(process, timeout: .seconds(30)) else {
            throw ServeProcessError("assay serve (pid \(pid)) outlived SIGKILL for 30 s")
        }
    }

    /// SIGSTOP: the process freezes where it is (a stalled machine), its leases running out.
    func pause() {
        Self.signal(process, SIGSTOP)
    }

    /// SIGCONT: a paused process carries on from where it was.
    func resume() {
        Self.signal(process, SIGCONT)
    }

    /// SIGTERM, then waits for the graceful stop. Returns the exit status.
    @discardableResult
    func stop(timeout: Duration = .seconds(60)) async throws -> Int32 {
        Self.signal(process, SIGTERM)
        guard await Self.waitForExit(process, timeout: timeout) else {
            try await kill()
            throw ServeProcessError("assay serve (pid \(pid)) did not stop within \(timeout) of SIGTERM; killed")
        }
        return process.terminationStatus
    }

    /// For `defer`: kills the process unless it has exited already (paused or not).
    func killIfRunning() {
        guard process.isRunning else { return }
        Self.signal(process, SIGKILL)
        process.waitUntilExit()
    }

    private static func signal(_ process: Process, _ signal: Int32) {
        guard process.isRunning else { return }
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, signal)
        #else
        _ = Darwin.kill(process.processIdentifier, signal)
        #endif
    }

    /// Whether the process exited within `timeout`.
    @discardableResult
    private static func waitForExit(_ process: Process, timeout: Duration) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }
}

/// What went wrong with a child `assay serve`.
struct ServeProcessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
