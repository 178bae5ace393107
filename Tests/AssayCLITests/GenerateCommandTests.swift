import Foundation
import Testing

/// `assay generate` as a user runs it: the package it writes, incremental regeneration
/// with `--since`, and the exit codes.
@Suite struct GenerateCommandTests {
    @Test func writesThePackageWithItsPlan() throws {
        try DataCommandTests.withDirectory { directory in
            let out = directory.appendingPathComponent("tests").path
            let output = try AssayBinary.run(["generate", "examples/petstore.yaml", "--out", out, "--strategy", "enhanced"])
            #expect(output.status == 0, "\(output.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(names == [
                "assay_checks.py", "assay_responses.json", "assay_schemas.json", "conftest.py", "plan.json", "pytest.ini", "requirements.txt",
                "test_health.py", "test_orders.py", "test_pets.py",
            ])
            #expect(output.stderr.contains("operations: 8 of 8 covered"), "\(output.stderr)")
            let plan = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/plan.json"))) as? [String: Any]
            #expect((plan?["operations"] as? [Any])?.count == 8)
        }
    }

    @Test func sinceRegeneratesWhatChangedReportsBreakingChangesAndRemovesStaleModules() throws {
        try DataCommandTests.withDirectory { directory in
            let out = directory.appendingPathComponent("tests").path
            let first = try AssayBinary.run(["generate", "examples/petstore.yaml", "--out", out, "--strategy", "enhanced", "--quiet"])
            try #require(first.status == 0, "\(first.stderr)")
            // A hand-written module beside the generated ones must survive regeneration.
            try Data("def test_mine():\n    assert 1 + 1 == 2\n".utf8).write(to: URL(fileURLWithPath: out + "/test_mine.py"))

            // The next version drops /health (its module goes stale) and narrows an enum.
            let original = try String(contentsOf: AssayBinary.projectRoot.appendingPathComponent("examples/petstore.yaml"), encoding: .utf8)
            let start = try #require(original.range(of: "  /health:\n"))
            let end = try #require(original.range(of: "components:\n"))
            var edited = original.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
            let narrowed = "            enum: [available, pending, sold]\n      responses:"
            try #require(edited.contains(narrowed))
            edited = edited.replacingOccurrences(of: narrowed, with: "            enum: [available, pending]\n      responses:")
            let spec = directory.appendingPathComponent("v2.yaml")
            try Data(edited.utf8).write(to: spec)

            let second = try AssayBinary.run(["generate", spec.path, "--out", out, "--strategy", "enhanced", "--since", out, "--fail-on-breaking"])
            #expect(second.status == 1, "breaking changes under --fail-on-breaking exit 1: \(second.stderr)")
            #expect(second.stderr.contains("spec diff: 0 added, 1 removed, 1 changed, 6 unchanged; 2 breaking changes"), "\(second.stderr)")
            #expect(second.stderr.contains("BREAKING (narrowed-enum): query parameter status no longer allows \"sold\""))
            #expect(second.stderr.contains("planned 1 operation anew, kept the cases of 6"))
            #expect(second.stderr.contains("removed stale modules: test_health.py"))
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: out))
            #expect(!names.contains("test_health.py") && names.contains("test_mine.py") && names.contains("spec-diff.json"))
            let diff = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/spec-diff.json"))) as? [String: Any]
            #expect(diff?["removed"] as? [String] == ["GET /health"])

            // Against itself nothing changed: exit 0, nothing planned anew.
            let third = try AssayBinary.run(["generate", spec.path, "--out", out, "--strategy", "enhanced", "--since", out + "/plan.json", "--fail-on-breaking"])
            #expect(third.status == 0, "\(third.stderr)")
            #expect(third.stderr.contains("planned 0 operations anew, kept the cases of 7"), "\(third.stderr)")
        }
    }

    @Test func unusablePreviousPlansAndOptionsExitTwo() throws {
        try DataCommandTests.withDirectory { directory in
            let missing = try AssayBinary.run(["generate", "examples/petstore.yaml", "--out", directory.path, "--since", directory.path + "/nothing.json"])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("nothing.json"))
            let bad = directory.appendingPathComponent("bad.json")
            try Data(#"{"assayPlan": 1, "api": 3}"#.utf8).write(to: bad)
            let malformed = try AssayBinary.run(["generate", "examples/petstore.yaml", "--out", directory.path, "--since", bad.path])
            #expect(malformed.status == 2)
            #expect(malformed.stderr.contains("/api"), "\(malformed.stderr)")
            let lonely = try AssayBinary.run(["generate", "examples/petstore.yaml", "--out", directory.path, "--fail-on-breaking"])
            #expect(lonely.status == 2)
            #expect(lonely.stderr.contains("--since"))
        }
    }
}
