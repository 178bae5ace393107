import AssayTestSupport
import Foundation
import Testing

/// `assay run` given a description instead of a plan, against `assay mock` (both the built
/// binary, as a user runs them).
@Suite(.serialized)
struct RunCommandTests {
    /// `assay mock SPEC --port 0` as a process, stopped with SIGTERM at the end; `body` gets
    /// its base URL.
    static func withMock(_ spec: String, _ body: (String) throws -> Void) throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("assay-run-mock-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let process = Process()
        process.executableURL = AssayBinary.executable
        process.arguments = ["mock", spec, "--host", "127.0.0.1", "--port", "0", "--seed", "3"]
        process.currentDirectoryURL = AssayBinary.projectRoot
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        defer {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
        var url: String?
        for _ in 0..<300 where url == nil {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"http://127\.0\.0\.1:[0-9]+[^ ]*"#, options: .regularExpression) { url = String(text[range]) }
            if url == nil { Thread.sleep(forTimeInterval: 0.1) }
        }
        let base = try #require(url, "the mock printed no address: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        try body(base)
        // SIGTERM stops the mock gracefully: it exits by itself, with status 0.
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "the mock ended \(process.terminationReason.rawValue)/\(process.terminationStatus)")
    }

    /// The pet store's credentials (the mock accepts any value not marked invalid).
    static let credentials = ["ASSAY_AUTH_API_KEY": "run-command-test", "ASSAY_AUTH_BEARER_AUTH_TOKEN": "run-command-test"]

    @Test func aDescriptionIsPlannedInMemoryAndRunAsTheGeneratedPlanWouldBe() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-run-spec-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generated = try AssayBinary.run([
            "generate", "examples/petstore.yaml", "--out", directory.appendingPathComponent("plan").path, "--format", "plan",
            "--strategy", "enhanced", "--seed", "5", "--quiet",
        ])
        #expect(generated.status == 0, "\(generated.stderr)")
        let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("plan/plan.json"))) as? [String: Any]
        let suites = try #require(plan?["suites"] as? [[String: Any]])
        let planned = suites.flatMap { ($0["cases"] as? [[String: Any]]) ?? [] }
        let plannedIDs = planned.compactMap { $0["id"] as? String }
        let plannedSteps = planned.reduce(0) { $0 + (($1["steps"] as? [Any])?.count ?? 0) }

        try Self.withMock("examples/petstore.yaml") { base in
            let report = directory.appendingPathComponent("report.json")
            let run = try AssayBinary.run([
                "run", "examples/petstore.yaml", "--seed", "5", "--base-url", base, "--allow-private", "--workers", "4",
                "--retries", "0", "--quiet", "--json", report.path,
            ], environment: Self.credentials)
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
            let cases = try #require(json?["cases"] as? [[String: Any]])
            // The same cases as `assay generate --seed 5`, every one passed against the mock,
            // and each step sent once (no retries; all passed, so no step was skipped).
            #expect(cases.compactMap { $0["id"] as? String } == plannedIDs)
            #expect(cases.allSatisfy { $0["outcome"] as? String == "passed" })
            let summary = try #require(json?["summary"] as? [String: Any])
            #expect(summary["requests"] as? Int == plannedSteps)
            #expect(cases.reduce(0) { $0 + (($1["requests"] as? Int) ?? 0) } == plannedSteps)
            #expect(plannedSteps > plannedIDs.count, "the plan has flows of several steps")

            // A plan on disk still runs as a plan, and a standard run of the description plans
            // anew. (Both meet resources the first run deleted, so findings may come back:
            // exit 0 or 1, never 2.)
            let fromDisk = try AssayBinary.run([
                "run", directory.appendingPathComponent("plan").path, "--base-url", base, "--allow-private", "--quiet",
            ], environment: Self.credentials)
            #expect(fromDisk.status == 0 || fromDisk.status == 1, "\(fromDisk.stdout)\n\(fromDisk.stderr)")
            #expect(fromDisk.stdout.contains("\(plannedIDs.count) cases:"), "\(fromDisk.stdout)")
            let standard = try AssayBinary.run([
                "run", "examples/petstore.yaml", "--strategy", "standard", "--base-url", base, "--allow-private", "--quiet",
            ], environment: Self.credentials)
            #expect(standard.status == 0 || standard.status == 1, "\(standard.stdout)\n\(standard.stderr)")
            #expect(standard.stdout.contains(" cases:") && !standard.stdout.contains("\(plannedIDs.count) cases:"), "the standard plan is smaller: \(standard.stdout)")
        }
    }

    @Test func roundsPlanAndRunOneSeedAfterAnotherIntoOneReport() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-run-rounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // What `assay generate` plans for seeds 5, 6 and 7: the three rounds' cases, in order.
        var expectedIDs: [String] = []
        var expectedSteps = 0
        for seed in 5...7 {
            let out = directory.appendingPathComponent("plan-\(seed)")
            let generated = try AssayBinary.run([
                "generate", "examples/petstore.yaml", "--out", out.path, "--format", "plan", "--strategy", "enhanced", "--seed", "\(seed)", "--quiet",
            ])
            #expect(generated.status == 0, "\(generated.stderr)")
            let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("plan.json"))) as? [String: Any]
            let cases = try #require(plan?["suites"] as? [[String: Any]]).flatMap { ($0["cases"] as? [[String: Any]]) ?? [] }
            expectedIDs += cases.compactMap { ($0["id"] as? String).map { "\($0)@\(seed)" } }
            expectedSteps += cases.reduce(0) { $0 + (($1["steps"] as? [Any])?.count ?? 0) }
        }
        try Self.withMock("examples/petstore.yaml") { base in
            let report = directory.appendingPathComponent("report.json")
            let junit = directory.appendingPathComponent("junit.xml")
            let run = try AssayBinary.run([
                "run", "examples/petstore.yaml", "--seed", "5", "--rounds", "3", "--base-url", base, "--allow-private", "--workers", "4",
                "--retries", "0", "--quiet", "--json", report.path, "--junit", junit.path,
            ], environment: Self.credentials)
            #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
            #expect(run.stdout.contains("\(expectedIDs.count) cases: \(expectedIDs.count) passed"), "\(run.stdout)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
            let cases = try #require(json?["cases"] as? [[String: Any]])
            // Every round's cases, each id ending in its seed, in round order, all passed
            // against the conformant mock, every step sent once.
            #expect(cases.compactMap { $0["id"] as? String } == expectedIDs)
            #expect(Set(expectedIDs).count == expectedIDs.count, "the rounds' case ids are distinct")
            #expect(cases.allSatisfy { $0["outcome"] as? String == "passed" })
            #expect((json?["summary"] as? [String: Any])?["requests"] as? Int == expectedSteps)
            let xml = try String(contentsOf: junit, encoding: .utf8)
            #expect(xml.components(separatedBy: "<testcase ").count - 1 == expectedIDs.count)
        }
        // A plan holds one seed's cases: rounds of it are refused before any connection.
        let plan = try AssayBinary.run([
            "run", directory.appendingPathComponent("plan-5").path, "--rounds", "2", "--base-url", "http://127.0.0.1:9", "--allow-private",
        ])
        #expect(plan.status == 2 && plan.stderr.contains("--rounds needs an API description"), "\(plan.stderr)")
        let zero = try AssayBinary.run(["run", "examples/petstore.yaml", "--rounds", "0"])
        #expect(zero.status == 2 && zero.stderr.contains("--rounds must be between 1 and 10000"), "\(zero.stderr)")
    }

    @Test func anUnusableDescriptionExitsTwoNamingWhatIsWrong() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("assay-run-bad-\(UUID().uuidString).yaml")
        try Data("openapi: [unclosed\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try AssayBinary.run(["run", file.path, "--base-url", "http://127.0.0.1:9", "--allow-private"])
        #expect(run.status == 2)
        // It fails on the description, before any connection (nothing listens on port 9).
        #expect(run.stderr.contains("error: \(file.path):2:1") && run.stderr.contains("invalid YAML"), "\(run.stderr)")
        // A JSON description whose `openapi` member comes after kilobytes of others is still
        // read as a description (planned, then refused at the connection), not as a plan.
        let late = FileManager.default.temporaryDirectory.appendingPathComponent("assay-run-late-\(UUID().uuidString).json")
        let padding = String(repeating: "a description long enough to push the version out of the first 4 KB. ", count: 80)
        try Data(
            """
            {"info": {"title": "Late", "version": "1", "description": "\(padding)"},
             "paths": {"/ping": {"get": {"responses": {"200": {"description": "ok"}}}}},
             "openapi": "3.0.3"}
            """.utf8
        ).write(to: late)
        defer { try? FileManager.default.removeItem(at: late) }
        let lateRun = try AssayBinary.run(["run", late.path, "--base-url", "http://127.0.0.1:9", "--allow-private"])
        #expect(lateRun.status == 2 && lateRun.stderr.contains("cannot connect"), "\(lateRun.stderr)")
        let kinds = try AssayBinary.run(["run", "examples/petstore.yaml", "--kinds", "positive,bogus"])
        #expect(kinds.status != 0 && kinds.stderr.contains("bogus"), "\(kinds.stderr)")
    }
}
