import Foundation
import Testing

/// The environment `scripts/test` prepares: a real PostgreSQL on 127.0.0.1 and a Python venv
/// with the packages later suites run emitted pytest with. Run through `scripts/test`.
struct TestEnvironmentTests {
    private func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func postgresIsRunningOnLoopback() throws {
        let url = try #require(ProcessInfo.processInfo.environment["ASSAY_TEST_POSTGRES_URL"], "run the tests through scripts/test")
        #expect(url.hasPrefix("postgres://postgres@127.0.0.1:"))
        let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let path = try #require(psql, "psql is installed with the PostgreSQL server")
        let (status, output) = try run(path, [url, "-Atc", "select 6 * 7"])
        #expect(status == 0, "\(output)")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "42")
    }

    /// What the emitted packages need (requirements.txt): pytest, requests, and jsonschema
    /// with referencing for the response-schema checks.
    @Test func pythonVenvHasPytestRequestsAndJSONSchema() throws {
        let python = try #require(ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"], "run the tests through scripts/test")
        let (status, output) = try run(python, ["-c", "import jsonschema, referencing, pytest, requests; print(pytest.__version__.split('.')[0])"])
        #expect(status == 0, "\(output)")
        #expect((Int(output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) >= 8)
    }
}
