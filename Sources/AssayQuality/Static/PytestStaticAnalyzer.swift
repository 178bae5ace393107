public import AssayCore
public import Foundation

/// Static analysis of any pytest directory, generated or hand-written: Python's `ast`
/// parses every file (through ``PytestAnalyzerScript``), so a syntax error is exactly what
/// the suite's own Python would report.
public struct PytestStaticAnalyzer: Sendable {
    public var python: PythonInterpreter
    /// Tests longer than this many lines break the `too-long` rule.
    public var maxTestLines: Int

    public init(python: PythonInterpreter, maxTestLines: Int = 50) {
        self.python = python
        self.maxTestLines = maxTestLines
    }

    /// Analyses every `.py` file under `directory`.
    public func analyze(_ directory: URL) async throws -> StaticAnalysis {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("assay-analyzer-\(UUID().uuidString).py")
        try Data(PytestAnalyzerScript.source.utf8).write(to: script)
        defer { try? FileManager.default.removeItem(at: script) }
        let output = try await python.runOffPool([script.path, directory.path, "--max-test-lines", String(maxTestLines)], timeoutSeconds: 300)
        guard output.status == 0 else {
            throw StaticAnalysisError(
                "the static analyzer (\(python.path)) exited with \(output.status): \(output.stderr.suffix(500))")
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse(output.stdout)
        } catch {
            throw StaticAnalysisError("the static analyzer printed no JSON: \(error)")
        }
        return try StaticAnalysis(json: json)
    }
}
