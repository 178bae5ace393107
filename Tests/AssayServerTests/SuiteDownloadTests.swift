import AssayServer
import AssayStore
import AssayTestSupport
import Crypto
import Foundation
import NIOHTTP1
import Testing

/// `GET /api/v1/plans/{plan}/suite.zip` and `…/files` on both databases: the suite the
/// pipeline emitted for an uploaded description comes back as a zip that Python opens and
/// pytest collects, and as a file list that agrees with it.
struct SuiteDownloadTests {
    @Test(.timeLimit(.minutes(5)), arguments: DatabaseBackend.allCases)
    func theEmittedSuiteDownloadsAsACollectablePytestPackage(backend: DatabaseBackend) async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test (ASSAY_TEST_PYTHON)")
        try await ServerHarness.with(backend, configure: { $0.python = python }) { harness in
            _ = try await harness.send(
                .POST,
                "/api/v1/projects",
                token: .write,
                json: #"{"slug":"pets","name":"Pets","settings":{"stage":"development"}}"#
            )
            let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
            let upload = try await harness.send(
                .POST,
                "/api/v1/projects/pets/specs",
                token: .write,
                headers: [("Content-Type", "application/yaml")],
                body: Array(spec.utf8)
            )
            #expect(upload.status == 201, "\(upload.text)")
            let specJob = try #require(try upload.object()["jobID"] as? Int)
            let generated = try await PipelineTests.waitForJob(specJob, harness: harness)
            #expect(generated["state"] as? String == "succeeded", "\(generated)")
            let result = try #require(
                (generated["result"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            )
            let plan = try #require(result["plan"] as? String)

            let download = try await harness.send(.GET, "/api/v1/plans/\(plan)/suite.zip", token: .read)
            #expect(download.status == 200, "\(download.text.prefix(500))")
            #expect(download.headers.first(name: "Content-Type") == "application/zip")
            #expect(download.headers.first(name: "Content-Disposition") == #"attachment; filename="pets-plan-1-pytest.zip""#)
            #expect(download.headers.first(name: "Content-Length") == "\(download.body.count)")

            let directory = try PythonProcess.temporaryDirectory("suite-zip")
            defer { try? FileManager.default.removeItem(at: directory) }
            try Data(download.body).write(to: directory.appendingPathComponent("suite.zip"))
            // testzip() finds no bad CRC; every name is under the top directory; unpack.
            let unpack = """
                import json, zipfile
                with zipfile.ZipFile("suite.zip") as archive:
                    assert archive.testzip() is None
                    names = archive.namelist()
                    assert all(name.startswith("pets-plan-1-pytest/") for name in names), names
                    archive.extractall("out")
                    print(json.dumps({name: info.file_size for name, info in zip(names, archive.infolist())}))
                """
            let (status, output) = try PythonProcess.run(python, ["-c", unpack], in: directory)
            #expect(status == 0, "\(output.suffix(2_000))")
            let sizes = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Int])
            #expect(sizes.keys.contains("pets-plan-1-pytest/conftest.py"))
            #expect(sizes.keys.contains("pets-plan-1-pytest/plan.json"))

            let package = directory.appendingPathComponent("out/pets-plan-1-pytest")
            let (collected, collection) = try PythonProcess.run(
                python,
                ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                in: package
            )
            #expect(collected == 0, "\(collection.suffix(3_000))")
            let count = collection.split(separator: "\n").compactMap { line -> Int? in
                let words = line.split(separator: " ")
                return words.count >= 3 && words[1].hasPrefix("test") && words[2].hasPrefix("collected") ? Int(words[0]) : nil
            }.first
            #expect((count ?? 0) > 20, "\(collection.suffix(1_000))")
            print("suite.zip: \(download.body.count) bytes, \(sizes.count) files; pytest collected \(count ?? 0) tests [\(backend)]")

            // The file list agrees with the zip, byte for byte.
            let files = try await harness.send(.GET, "/api/v1/plans/\(plan)/files", token: .read)
            #expect(files.status == 200, "\(files.text)")
            let listed = try #require(try files.object()["items"] as? [[String: Any]])
            #expect(listed.compactMap { $0["path"] as? String } == sizes.keys.map { String($0.dropFirst("pets-plan-1-pytest/".count)) }.sorted())
            for item in listed {
                let path = try #require(item["path"] as? String)
                let bytes = try Data(contentsOf: package.appendingPathComponent(path))
                #expect(item["size"] as? Int == bytes.count, "\(path)")
                #expect(item["sha256"] as? String == SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined(), "\(path)")
            }

            // The run the pipeline queued is left to finish before the server stops.
            if let runJob = result["runJob"] as? Int { _ = try await PipelineTests.waitForJob(runJob, harness: harness) }
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func missingPlansAndSuitesAre404(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            for path in ["suite.zip", "files"] {
                #expect(try await harness.send(.GET, "/api/v1/plans/\(UUID())/\(path)").status == 401)
                let unknown = try await harness.send(.GET, "/api/v1/plans/\(UUID())/\(path)", token: .read)
                #expect(unknown.status == 404)
                #expect(try unknown.errorCode() == "not_found")
                #expect(try await harness.send(.GET, "/api/v1/plans/not-a-uuid/\(path)", token: .read).status == 404)
            }
            // A plan saved without a suite (not generated from a spec version) has none.
            let project = try await ProjectRepository(store: harness.store).create(slug: "bare", name: "Bare")
            let plan = try await PlanRepository(store: harness.store).save(projectID: project.id, content: "{}", reason: "test", actor: "test")
            let bare = try await harness.send(.GET, "/api/v1/plans/\(plan.id)/suite.zip", token: .read)
            #expect(bare.status == 404)
            #expect(bare.text.contains("no pytest suite"), "\(bare.text)")

            // With one, it downloads; a deleted plan's suite does not.
            let files = #"{"tests/test_ä.py":"def test_a():\n    assert True\n","conftest.py":""}"#
            _ = try await EmittedSuiteRepository(store: harness.store).save(
                planID: plan.id,
                framework: "pytest",
                files: files,
                reason: "test",
                actor: "test"
            )
            let zip = try await harness.send(.GET, "/api/v1/plans/\(plan.id)/suite.zip", token: .read)
            #expect(zip.status == 200)
            #expect(zip.headers.first(name: "Content-Disposition") == #"attachment; filename="bare-plan-1-pytest.zip""#)
            #expect(zip.body.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let list = try await harness.send(.GET, "/api/v1/plans/\(plan.id)/files", token: .read).object()
            #expect((list["items"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["conftest.py", "tests/test_ä.py"])
            #expect(list.keys.contains("nextCursor"))
            try await PlanRepository(store: harness.store).delete(plan.id, reason: "test", actor: "test")
            #expect(try await harness.send(.GET, "/api/v1/plans/\(plan.id)/suite.zip", token: .read).status == 404)
        }
    }
}
