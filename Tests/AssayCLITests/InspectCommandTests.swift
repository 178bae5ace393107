import Foundation
import Testing

/// End-to-end tests of `assay inspect`, driving the built binary.
struct InspectCommandTests {
    @Test func inspectsTheBundledExample() throws {
        let output = try AssayBinary.run(["inspect", "examples/petstore.yaml"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Assay Pet Store"))
        #expect(output.stdout.contains("OpenAPI 3.0.3"))
        #expect(output.stdout.contains("by method: GET 4, PUT 1, POST 2, DELETE 1"))
        #expect(output.stdout.contains("apiKey: API key X-API-Key in header"))
        #expect(output.stdout.contains("Warnings 0"))
    }

    @Test func jsonOutputIsMachineReadable() throws {
        let output = try AssayBinary.run(["inspect", "examples/petstore.yaml", "--format", "json"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Assay Pet Store")
        #expect(json["specVersion"] as? String == "3.0.3")
        #expect((json["operations"] as? [String: Any])?["total"] as? Int == 8)
        #expect(json["schemas"] as? Int == 6)
        #expect((json["warnings"] as? [Any])?.isEmpty == true)
    }

    @Test func readsStandardInput() throws {
        let spec = "swagger: '2.0'\ninfo: {title: Piped, version: '2'}\npaths: {/a: {get: {responses: {'200': {description: ok}}}}}\n"
        let output = try AssayBinary.run(["inspect", "-"], stdin: Data(spec.utf8))
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("Piped"))
        #expect(output.stdout.contains("Swagger 2.0 (converted to OpenAPI 3.0)"))
    }

    @Test func unusableInputExitsTwoWithAClearMessage() throws {
        let missing = try AssayBinary.run(["inspect", "does/not/exist.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("does/not/exist.yaml: no such file [unreadable]"))

        let broken = try AssayBinary.run(["inspect", "-"], stdin: Data("openapi: 3.0.0\ninfo: {title: [x\n".utf8))
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("<stdin>:"))
        #expect(broken.stderr.contains("[syntax]"))

        let json = try AssayBinary.run(["inspect", "-", "--format", "json"], stdin: Data("hello: world\n".utf8))
        #expect(json.status == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["error"] as? [String: Any])?["code"] as? String == "not-an-api-description")
    }

    @Test func strictModeExitsOneOnWarnings() throws {
        let flawed = "openapi: 3.0.0\ninfo: {title: F, version: '1'}\npaths:\n  /a:\n    get:\n      operationId: x\n"
        let lenient = try AssayBinary.run(["inspect", "-"], stdin: Data(flawed.utf8))
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("missing-responses"))
        let strict = try AssayBinary.run(["inspect", "-", "--strict"], stdin: Data(flawed.utf8))
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("under --strict"))
        #expect(strict.stderr.contains("missing-responses"))
    }

    @Test func refusesLoopbackURLsWithoutAllowPrivate() throws {
        let output = try AssayBinary.run(["inspect", "http://127.0.0.1:9/openapi.yaml"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("[blocked-address]"))
    }

    @Test func helpAndVersion() throws {
        let version = try AssayBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try AssayBinary.run(["inspect", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
        #expect(help.stdout.contains("--allow-private"))
        #expect(help.stdout.contains("Exit codes"))
        let rootHelp = try AssayBinary.run(["--help"])
        #expect(rootHelp.stdout.contains("inspect"))
    }
}
