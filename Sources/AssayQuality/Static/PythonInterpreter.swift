public import Foundation

/// The Python 3 the quality checks run: `ASSAY_PYTHON` when set, else `python3` on `PATH`.
///
/// Static analysis parses with Python's own `ast` (so it reads exactly what the suite's
/// Python reads), and hand-written suites run under pytest; without a Python both are
/// reported as not measured, never guessed.
public struct PythonInterpreter: Sendable, Hashable {
    /// The executable's path.
    public var path: String

    public init(path: String) { self.path = path }

    /// The interpreter `environment` names, if one is there.
    public static func find(in environment: [String: String] = ProcessInfo.processInfo.environment) -> PythonInterpreter? {
        if let configured = environment["ASSAY_PYTHON"], !configured.isEmpty {
            return FileManager.default.isExecutableFile(atPath: configured) ? PythonInterpreter(path: configured) : nil
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return PythonInterpreter(path: candidate) }
        }
        return nil
    }

    /// What a finished process left: its exit status and output.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
    }

    /// ``run(_:in:environment:timeoutSeconds:)`` on a thread of its own, so the wait never
    /// holds one of Swift concurrency's few cooperative threads (a mock serving the very
    /// process being waited for needs them).
    public func runOffPool(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, timeoutSeconds: Double = 600
    ) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(
                    with: Result { try run(arguments, in: directory, environment: environment, timeoutSeconds: timeoutSeconds) })
            }
        }
    }

    /// Runs Python with `arguments` in `directory` and waits, at most `timeoutSeconds`
    /// (then the process is killed and the status is -9). Output goes through files, so a
    /// chatty process never blocks on a full pipe.
    public func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil, timeoutSeconds: Double = 600
    ) throws -> Output {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("assay-python-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: out)
        let errHandle = try FileHandle(forWritingTo: err)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var status: Int32
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            // terminate() (SIGTERM) does not always stop a Python child; SIGKILL does.
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            status = -9
        } else {
            status = process.terminationStatus
        }
        try? outHandle.close()
        try? errHandle.close()
        let stdout = (try? Data(contentsOf: out)).map(Array.init) ?? []
        let stderr = (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        return Output(status: status, stdout: stdout, stderr: stderr)
    }
}
