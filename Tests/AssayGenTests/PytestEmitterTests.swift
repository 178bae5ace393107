import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

@Suite struct PytestEmitterTests {
    /// Python reads every rendered value back as the JSON it came from.
    @Test func pythonLiteralsReadBackAsTheirJSON() throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let values: [JSONValue] = [
            .null, true, false, 0, -7, .integer(Int.max), 1.5, -0.25, 1e300, 2.5e-8, 100.0,
            "", "plain", "quote \" and \\ backslash", "line\nbreak\ttab\r", "\u{01}\u{1F}\u{7F}\u{85}", "déjà vu 東京 😀",
            "\u{2028}\u{2029}\u{FEFF}", "'''\"\"\"", ["a": ["b": [1, 2, ["c": .null]]], "": "empty key", "ключ": "значение"],
            .array((0..<40).map { .string("long value \($0)") }),
            // Long runs are written as repetitions ("ab" + "c" * 5000): they must read back whole.
            .string("ab" + String(repeating: "c", count: 5_000)), .string(String(repeating: "\"", count: 40) + "\\"),
            .string("x" + String(repeating: "é", count: 33) + "y" + String(repeating: "\n", count: 32)),
            ["key" + String(repeating: "k", count: 64): .string(String(repeating: "0", count: 32))],
        ]
        #expect(PythonLiteral.string("ab" + String(repeating: "c", count: 5_000)) == "\"ab\" + \"c\" * 5000")
        let directory = try PythonProcess.temporaryDirectory("literals")
        defer { try? FileManager.default.removeItem(at: directory) }
        var source = "import json\nVALUES = [\n"
        for value in values { source += "    " + PythonLiteral.render(value, indent: 4) + ",\n" }
        source += "]\nprint(json.dumps(VALUES, ensure_ascii=True, separators=(',', ':')))\n"
        try Data(source.utf8).write(to: directory.appendingPathComponent("values.py"))
        let (status, output) = try PythonProcess.run(python, ["values.py"], in: directory)
        try #require(status == 0, "\(output)")
        let read = try JSONValue.parse(Array(output.utf8))
        #expect(read == .array(values))
    }

    /// Docstrings survive quotes, backslashes and control characters in descriptions.
    @Test func docstringsReadBackAsTheirText() throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let texts = ["plain", "ends with a quote\"", "three \"\"\" quotes", "four \"\"\"\" quotes\"\"", "back\\slash \\", "tab\tbell\u{07}"]
        let directory = try PythonProcess.temporaryDirectory("docstrings")
        defer { try? FileManager.default.removeItem(at: directory) }
        var source = "import json\nTEXTS = []\n"
        for (index, text) in texts.enumerated() {
            source += "def f\(index)():\n    \"\"\"\(PythonLiteral.docstring(text))\"\"\"\nTEXTS.append(f\(index).__doc__)\n"
        }
        source += "print(json.dumps(TEXTS))\n"
        try Data(source.utf8).write(to: directory.appendingPathComponent("docs.py"))
        let (status, output) = try PythonProcess.run(python, ["docs.py"], in: directory)
        try #require(status == 0, "\(output)")
        let read = try JSONValue.parse(Array(output.utf8))
        // Control characters other than line breaks are dropped; a trailing quote gets a space.
        let expected = texts.map { text -> JSONValue in
            var kept = String(text.unicodeScalars.filter { $0.value >= 0x20 }.map(Character.init))
            if kept.hasSuffix("\"") { kept += " " }
            return .string(kept)
        }
        #expect(read == .array(expected))
    }

    @Test func namesAreSnakeCaseIdentifiers() {
        #expect(PythonName.snake("createPet") == "create_pet")
        #expect(PythonName.snake("GET /pets/{petId}") == "get_pets_pet_id")
        #expect(PythonName.snake("2fa-Login") == "n2fa_login")
        #expect(PythonName.snake("東京") == "x")
        var names: Set<String> = []
        let testCase = TestCase(id: "a.b", kind: .positive, title: "t", description: "d", steps: [])
        #expect(PytestEmitter.functionName(testCase, names: &names) == "test_a_b")
        #expect(PytestEmitter.functionName(testCase, names: &names) == "test_a_b_2")
    }

    @Test func thePetstoreSuiteCompilesAndCollectsEveryCase() async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let model = try await petstore()
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values)).files(for: plan)
        let (collected, problem) = try Self.compileAndCollect(files, python: python, label: "petstore")
        #expect(problem == nil, "\(problem ?? "")")
        #expect(collected == plan.cases.count)
        // No credential values in the files: only the names of the variables they come from.
        let conftest = try #require(files.first { $0.path == "conftest.py" }?.contents)
        #expect(conftest.contains("ASSAY_AUTH_API_KEY") && conftest.contains("ASSAY_AUTH_BEARER_AUTH_TOKEN"))
        for file in files { #expect(!file.contents.contains("time.sleep"), "\(file.path) sleeps") }
    }

    /// Writes the files, compiles each with py_compile and returns how many tests pytest
    /// collects, or -1 and what Python said when either fails. (It records no issue itself:
    /// it may run on a thread outside the test's task.)
    static func compileAndCollect(_ files: [EmittedFile], python: String, label: String) throws -> (collected: Int, problem: String?) {
        let directory = try PythonProcess.temporaryDirectory("pytest-\(label)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try EmittedFile.write(files, to: directory.path)
        let sources = files.map(\.path).filter { $0.hasSuffix(".py") }
        let (compileStatus, compileOutput) = try PythonProcess.run(python, ["-m", "py_compile"] + sources, in: directory)
        guard compileStatus == 0 else {
            return (-1, "\(label): py_compile failed: \(compileOutput.prefix(2_000))")
        }
        let (status, output) = try PythonProcess.run(python, ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], in: directory)
        // pytest exits 5 when it collects nothing (a plan without cases).
        guard status == 0 || status == 5 else {
            return (-1, "\(label): pytest --collect-only failed (\(status)): \(output.suffix(2_000))")
        }
        let summary = output.split(separator: "\n").last { $0.contains("collected") || $0.contains("no tests") } ?? ""
        return (Int(summary.split(separator: " ").first ?? "") ?? 0, nil)
    }
}
