import Testing
import Foundation
@testable import AssayCore

@Test func timingProbe() throws {
    let root = URL(fileURLWithPath: "/work/shared/corpus/apis-guru")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }
    var ok = 0, failed = 0
    var failures: [String] = []
    let start = Date()
    var bytesTotal = 0
    for file in files {
        let bytes = [UInt8](try Data(contentsOf: file))
        bytesTotal += bytes.count
        do {
            _ = try DocumentReader.read(bytes, source: file.path, limits: .default, deadline: Deadline(seconds: 60))
            ok += 1
        } catch {
            failed += 1
            failures.append("\(error)")
        }
    }
    print("TIMING files=\(files.count) ok=\(ok) failed=\(failed) bytes=\(bytesTotal) seconds=\(Date().timeIntervalSince(start))")
    for f in failures.prefix(20) { print("FAIL \(f)") }
}
