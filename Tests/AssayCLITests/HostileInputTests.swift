import Foundation
import Testing

/// The hostile-input bar, end to end: each input is refused by the real binary, fast, with a
/// clear message, in bounded memory (peak RSS read by /usr/bin/time).
struct HostileInputTests {
    struct Measured {
        var status: Int32
        var stderr: String
        var seconds: Double
        var peakMiB: Double
    }

    private func inspect(_ path: String, extra: [String] = []) throws -> Measured {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "ASSAY_RSS_KIB=%M", AssayBinary.executable.path, "inspect", path] + extra
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let started = ContinuousClock.now
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - started
        let text = String(decoding: data, as: UTF8.self)
        let kib =
            text.split(separator: "\n").compactMap { line -> Double? in
                line.hasPrefix("ASSAY_RSS_KIB=") ? Double(line.dropFirst("ASSAY_RSS_KIB=".count)) : nil
            }.last ?? .infinity
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measured(status: process.terminationStatus == 0 ? 0 : process.terminationStatus, stderr: text, seconds: seconds, peakMiB: kib / 1024)
    }

    private func write(_ name: String, _ bytes: [UInt8], in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func hostileInputsAreRefusedFastInBoundedMemory() throws {
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "scripts/test installs GNU time")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var laughs = "openapi: 3.0.0\ninfo: {title: lol, version: '1'}\npaths: {}\nx-lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...12 {
            laughs += "x-lol\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))]\n"
        }
        let nested =
            "openapi: 3.0.0\ninfo: {title: deep, version: '1'}\npaths: {}\nx-deep: " + String(repeating: "[", count: 10_000)
            + String(repeating: "]", count: 10_000) + "\n"
        let nestedJSON =
            "{\"openapi\": \"3.0.0\", \"x\": " + String(repeating: "{\"a\":", count: 10_000) + "1" + String(repeating: "}", count: 10_000) + "}"
        let cycle = """
            openapi: 3.0.0
            info: {title: cycle, version: '1'}
            paths:
              /a:
                get:
                  responses:
                    '200': {$ref: '#/components/responses/A'}
            components:
              responses:
                A: {$ref: '#/components/responses/B'}
                B: {$ref: '#/components/responses/A'}
            """
        var big = [UInt8]("openapi: 3.0.0\ninfo: {title: big, version: '1'}\npaths: {}\n".utf8)
        let filler = [UInt8]("# ........................................................................\n".utf8)
        while big.count < 60 * 1024 * 1024 { big += filler }

        let cases: [(name: String, path: String, code: String, phrase: String)] = [
            ("billion laughs", try write("laughs.yaml", Array(laughs.utf8), in: directory), "too-many-aliases", "alias bomb"),
            ("10,000-deep YAML", try write("deep.yaml", Array(nested.utf8), in: directory), "too-deep", "nests deeper than the limit of 512"),
            ("10,000-deep JSON", try write("deep.json", Array(nestedJSON.utf8), in: directory), "too-deep", "nests deeper than the limit of 512"),
            ("60 MiB file", try write("big.yaml", big, in: directory), "too-large", "over the limit of 52428800 bytes"),
            ("$ref cycle", try write("cycle.yaml", Array(cycle.utf8), in: directory), "reference-cycle", "reference cycle"),
        ]
        for hostile in cases {
            let measured = try inspect(hostile.path)
            print(
                "hostile \(hostile.name): exit \(measured.status), \(String(format: "%.2f", measured.seconds)) s, \(String(format: "%.1f", measured.peakMiB)) MiB"
            )
            #expect(measured.status == 2, "\(hostile.name): \(measured.stderr)")
            #expect(measured.stderr.contains("[\(hostile.code)]"), "\(hostile.name): \(measured.stderr)")
            #expect(measured.stderr.contains(hostile.phrase), "\(hostile.name): \(measured.stderr)")
            #expect(measured.stderr.contains(hostile.path), "\(hostile.name) names its source")
            #expect(measured.seconds < 10, "\(hostile.name) is refused fast")
            #expect(measured.peakMiB < 256, "\(hostile.name) is refused in bounded memory")
        }

        let loopback = try inspect("http://127.0.0.1:9/openapi.yaml")
        #expect(loopback.status == 2)
        #expect(loopback.stderr.contains("127.0.0.1, a loopback (127.0.0.0/8) address"))
        #expect(loopback.seconds < 10)
    }
}
