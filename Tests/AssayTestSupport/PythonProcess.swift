public import Foundation

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

    /// A fresh, empty temporary directory.
    public static func temporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
