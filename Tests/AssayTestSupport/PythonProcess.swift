public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The Python of the venv `scripts/test` prepares (pytest and requests installed), for
/// tests that compile, collect or run emitted pytest files.
public enum PythonProcess {
    /// `ASSAY_TEST_PYTHON`, set by scripts/test; `nil` outside it.
    public static var interpreter: String? {
        ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"]
    }

    /// Runs `python ARGUMENTS` in `directory` with `extra` environment variables; returns
    /// the exit status and the merged output.
    public static func run(
        _ python: String,
        _ arguments: [String],
        in directory: URL,
        environment extra: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PYTHONDONTWRITEBYTECODE"] = "1"
        environment.merge(extra) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `python ARGUMENTS` in `directory`, a server that prints one line (its port or
    /// URL) once it listens, and runs `body` with that line (empty when the server exited
    /// first). The server is killed with SIGKILL when `body` returns or throws: Foundation's
    /// `terminate()` did not always reach the child. Its standard error goes to `errorLog`
    /// when given (a server logging every request must not fill a pipe and block).
    public static func withServer<T>(
        _ python: String,
        _ arguments: [String],
        in directory: URL,
        errorLog: FileHandle? = nil,
        _ body: (_ firstLine: String) throws -> T
    ) throws -> T {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        process.standardOutput = output
        if let errorLog { process.standardError = errorLog }
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        // The read blocks until the server has written its line (or exited).
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        return try body(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A fresh, empty temporary directory.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
